// Shared helpers of the run PostgreSQL tests: a suite fixture whose server reads a FakeClock (so
// run times and report figures are exact), playbook creation, a valid drill, and one call
// shortcut per run RPC.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/api/timestamps.h"
#include "tests/services/playbook/playbook_pgtest_util.h"

namespace airr::playbook::testing {

// One in-process server for all tests of a suite, reading a FakeClock set to the start of the
// suite (whole seconds; it moves only when a test advances it), without the auto-start consumer.
class RunServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    StartServer(absl::FromUnixSeconds(absl::ToUnixSeconds(absl::Now())));
  }
  // Starts the suite's server with its clock at `start`; a suite that needs a fixed date calls it
  // from its own SetUpTestSuite.
  static void StartServer(absl::Time start) {
    clock_ = new FakeClock(start);
    PlaybookOptions options;
    options.auto_start = false;
    options.clock = clock_;
    env_ = new PlaybookEnv(options);
  }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
    delete clock_;
    clock_ = nullptr;
  }
  static PlaybookEnv& env() { return *env_; }
  static FakeClock& clock() { return *clock_; }
  static absl::Time Now() { return clock_->Now(); }

 private:
  static inline PlaybookEnv* env_ = nullptr;
  static inline FakeClock* clock_ = nullptr;
};

inline google::protobuf::Timestamp Ts(absl::Time t) { return api::TimestampFromTime(t); }

// A valid tabletop drill with two objectives (ids generated) and two participants.
inline v1::Drill SampleDrill() {
  v1::Drill drill;
  drill.set_type(v1::DRILL_TYPE_TABLETOP);
  drill.set_scenario("The CV screening model ranks women lower; a newspaper has the story.");
  drill.add_objectives()->set_description("Contain within two hours.");
  drill.add_objectives()->set_description("Notify stakeholders within four hours.");
  drill.add_participants("Incident executive");
  drill.add_participants("Legal");
  return drill;
}

inline absl::StatusOr<v1::Run> StartDrill(PlaybookEnv& env, const std::string& token,
                                          const std::string& playbook,
                                          std::optional<absl::Time> start_time = std::nullopt,
                                          const std::string& request_id = "",
                                          const v1::Drill& drill = SampleDrill()) {
  v1::StartDrillRequest r;
  r.set_parent(playbook);
  *r.mutable_drill() = drill;
  if (start_time) {
    *r.mutable_start_time() = Ts(*start_time);
  }
  r.set_request_id(request_id);
  return env.Call(&PlaybookStub::StartDrill, r, token);
}

inline absl::StatusOr<v1::Run> StartRun(PlaybookEnv& env, const std::string& token,
                                        const std::string& playbook, const std::string& incident,
                                        const std::string& request_id = "") {
  v1::StartRunRequest r;
  r.set_parent(playbook);
  r.set_incident(incident);
  r.set_request_id(request_id);
  return env.Call(&PlaybookStub::StartRun, r, token);
}

inline absl::StatusOr<v1::Run> GetRun(PlaybookEnv& env, const std::string& token,
                                      const std::string& run) {
  v1::GetRunRequest r;
  r.set_name(run);
  return env.Call(&PlaybookStub::GetRun, r, token);
}

inline absl::StatusOr<v1::Run> StartStep(PlaybookEnv& env, const std::string& token,
                                         const std::string& run, const std::string& step,
                                         std::optional<absl::Time> at = std::nullopt,
                                         const std::string& etag = "") {
  v1::StartStepRequest r;
  r.set_run(run);
  r.set_step_id(step);
  if (at) {
    *r.mutable_start_time() = Ts(*at);
  }
  r.set_etag(etag);
  return env.Call(&PlaybookStub::StartStep, r, token);
}

inline absl::StatusOr<v1::Run> CompleteStep(PlaybookEnv& env, const std::string& token,
                                            const std::string& run, const std::string& step,
                                            std::optional<absl::Time> at = std::nullopt,
                                            const std::string& notes = "") {
  v1::CompleteStepRequest r;
  r.set_run(run);
  r.set_step_id(step);
  r.set_notes(notes);
  if (at) {
    *r.mutable_complete_time() = Ts(*at);
  }
  return env.Call(&PlaybookStub::CompleteStep, r, token);
}

inline absl::StatusOr<v1::Run> SkipStep(PlaybookEnv& env, const std::string& token,
                                        const std::string& run, const std::string& step,
                                        const std::string& reason, bool admin_override = false) {
  v1::SkipStepRequest r;
  r.set_run(run);
  r.set_step_id(step);
  r.set_reason(reason);
  r.set_admin_override(admin_override);
  return env.Call(&PlaybookStub::SkipStep, r, token);
}

inline absl::StatusOr<v1::Run> AddInject(PlaybookEnv& env, const std::string& token,
                                         const std::string& run, int64_t offset_minutes,
                                         const std::string& title,
                                         const std::string& description = "") {
  v1::AddInjectRequest r;
  r.set_run(run);
  *r.mutable_inject()->mutable_offset() = Minutes(offset_minutes);
  r.mutable_inject()->set_title(title);
  r.mutable_inject()->set_description(description);
  return env.Call(&PlaybookStub::AddInject, r, token);
}

inline absl::StatusOr<v1::Run> AbortRun(PlaybookEnv& env, const std::string& token,
                                        const std::string& run, const std::string& reason) {
  v1::AbortRunRequest r;
  r.set_name(run);
  r.set_reason(reason);
  return env.Call(&PlaybookStub::AbortRun, r, token);
}

inline absl::StatusOr<v1::Run> CompleteRun(PlaybookEnv& env, const std::string& token,
                                           const std::string& run, const std::string& summary = "",
                                           const v1::RunEvaluation* evaluation = nullptr,
                                           std::optional<absl::Time> end_time = std::nullopt) {
  v1::CompleteRunRequest r;
  r.set_name(run);
  r.set_summary(summary);
  if (evaluation != nullptr) {
    *r.mutable_evaluation() = *evaluation;
  }
  if (end_time) {
    *r.mutable_end_time() = Ts(*end_time);
  }
  return env.Call(&PlaybookStub::CompleteRun, r, token);
}

inline absl::StatusOr<v1::Run> Evaluate(PlaybookEnv& env, const std::string& token,
                                        const std::string& run,
                                        const v1::RunEvaluation& evaluation) {
  v1::UpdateRunEvaluationRequest r;
  r.set_name(run);
  *r.mutable_evaluation() = evaluation;
  return env.Call(&PlaybookStub::UpdateRunEvaluation, r, token);
}

inline absl::StatusOr<v1::RunReport> Report(PlaybookEnv& env, const std::string& token,
                                            const std::string& run) {
  v1::GetRunReportRequest r;
  r.set_name(run);
  return env.Call(&PlaybookStub::GetRunReport, r, token);
}

inline absl::StatusOr<v1::ListRunsResponse> ListRuns(PlaybookEnv& env, const std::string& token,
                                                     const v1::ListRunsRequest& request) {
  return env.Call(&PlaybookStub::ListRuns, request, token);
}

// The step `id` of `run` (fails the test and returns the first step when there is none).
inline const v1::RunStep& StepNamed(const v1::Run& run, const std::string& id) {
  for (const v1::RunStep& step : run.steps()) {
    if (step.step().id() == id) {
      return step;
    }
  }
  ADD_FAILURE() << "run " << run.name() << " has no step " << id;
  return run.steps(0);
}

// Starts the mitigation of `incident`, as `token`.
inline absl::Status StartMitigation(PlaybookEnv& env, const std::string& token,
                                    const std::string& incident) {
  iv1::StartMitigationRequest r;
  r.set_name(incident);
  r.set_comment("Model rolled back.");
  return ::airr::testing::CallUnary(env.base().incidents(),
                                    &::airr::testing::IncidentEnv::IncidentStub::StartMitigation, r,
                                    token)
      .status();
}

// Minutes of a Duration.
inline int64_t Min(const google::protobuf::Duration& d) { return d.seconds() / 60; }

}  // namespace airr::playbook::testing
