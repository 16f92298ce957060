#include "services/playbook/run_lifecycle.h"

#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "services/playbook/run_offsets.h"
#include "services/playbook/run_validator.h"

namespace airr::playbook {
namespace {

std::string TimeText(absl::Time t) {
  return absl::FormatTime(absl::RFC3339_full, t, absl::UTCTimeZone());
}

std::string RunStateName(v1::RunState state) {
  const std::string& name = v1::RunState_Name(state);
  return name.empty() ? absl::StrCat(static_cast<int>(state)) : name;
}

std::string StepStateName(v1::StepState state) {
  const std::string& name = v1::StepState_Name(state);
  return name.empty() ? absl::StrCat(static_cast<int>(state)) : name;
}

// FAILED_PRECONDITION RUN_ENDED unless the run is ACTIVE.
absl::Status RequireActive(const v1::Run& run) {
  if (run.state() == v1::RUN_STATE_ACTIVE) {
    return absl::OkStatus();
  }
  return ErrorWithReason(absl::StatusCode::kFailedPrecondition,
                         absl::StrCat("run ", run.name(), " has ended (", RunStateName(run.state()),
                                      "); it can no longer change"),
                         "RUN_ENDED", {{"state", RunStateName(run.state())}});
}

// The index of step `step_id` in the run; INVALID_ARGUMENT on "step_id" when it has none.
absl::StatusOr<int> FindStep(const v1::Run& run, absl::string_view step_id) {
  for (int i = 0; i < run.steps_size(); ++i) {
    if (run.steps(i).step().id() == step_id) {
      return i;
    }
  }
  return InvalidField("step_id",
                      absl::StrCat("the run's playbook version (", run.playbook_version(),
                                   ") has no step \"", step_id, "\""));
}

bool IsClosed(v1::StepState state) {
  return state == v1::STEP_STATE_DONE || state == v1::STEP_STATE_SKIPPED;
}

// FAILED_PRECONDITION DEPENDENCY_OPEN unless every dependency of step `index` is DONE or SKIPPED.
absl::Status RequireDependenciesClosed(const v1::Run& run, int index) {
  const v1::PlaybookStep& step = run.steps(index).step();
  for (const std::string& dependency : step.depends_on()) {
    for (const v1::RunStep& other : run.steps()) {
      if (other.step().id() == dependency && !IsClosed(other.state())) {
        return ErrorWithReason(
            absl::StatusCode::kFailedPrecondition,
            absl::StrCat("step \"", step.id(), "\" depends on step \"", dependency, "\", which is ",
                         StepStateName(other.state()), "; it must be done or skipped first"),
            "DEPENDENCY_OPEN", {{"step", dependency}});
      }
    }
  }
  return absl::OkStatus();
}

// FAILED_PRECONDITION STEP_ENDED when step `index` is DONE or SKIPPED.
absl::Status RequireStepOpen(const v1::RunStep& step) {
  if (!IsClosed(step.state())) {
    return absl::OkStatus();
  }
  return ErrorWithReason(
      absl::StatusCode::kFailedPrecondition,
      absl::StrCat("step \"", step.step().id(), "\" has ended (", StepStateName(step.state()), ")"),
      "STEP_ENDED", {{"step", step.step().id()}, {"state", StepStateName(step.state())}});
}

// INVALID_ARGUMENT on `field` when `t` is before `earliest` (`what` says what that is).
absl::Status RequireNotBefore(absl::string_view field, absl::Time t, absl::Time earliest,
                              absl::string_view what) {
  if (t >= earliest) {
    return absl::OkStatus();
  }
  return InvalidField(field, absl::StrCat("must not be before ", what, " (", TimeText(earliest),
                                          "); got ", TimeText(t)));
}

bool IncidentContained(incident::v1::State state) {
  return state == incident::v1::STATE_MITIGATING || state == incident::v1::STATE_RESOLVED ||
         state == incident::v1::STATE_CLOSED;
}

v1::RunEvent Event(v1::RunEventType type, absl::Time occur, const std::string& actor,
                   absl::string_view step_id, absl::string_view title, absl::string_view text) {
  v1::RunEvent event;
  event.set_type(type);
  *event.mutable_occur_time() = api::TimestampFromTime(occur);
  event.set_actor(actor);
  event.set_step_id(std::string(step_id));
  event.set_title(std::string(title));
  event.set_text(std::string(text));
  return event;
}

// Marks step `index` started at `t` by `actor`.
void MarkStarted(v1::RunStep& step, absl::Time t, const RunActor& actor) {
  step.set_state(v1::STEP_STATE_IN_PROGRESS);
  *step.mutable_start_time() = api::TimestampFromTime(t);
  step.set_started_by(actor.name);
}

void Touch(v1::Run& run, const RunActor& actor) {
  *run.mutable_update_time() = api::TimestampFromTime(actor.now);
}

// Checks the evaluation's objectives against the drill and fills its generated ids.
absl::StatusOr<v1::RunEvaluation> ResolveEvaluation(const v1::Run& run,
                                                    const v1::RunEvaluation& evaluation) {
  std::set<std::string> objectives;
  for (const v1::Objective& objective : run.drill().objectives()) {
    objectives.insert(objective.id());
  }
  std::vector<FieldViolation> unknown;
  for (int i = 0; i < evaluation.objective_results_size(); ++i) {
    const std::string& id = evaluation.objective_results(i).objective_id();
    if (objectives.count(id) == 0) {
      unknown.push_back(
          {absl::StrCat("evaluation.objective_results[", i, "].objective_id"),
           run.kind() == v1::RUN_KIND_DRILL
               ? absl::StrCat("must be the id of an objective of the drill; \"", id, "\" is not")
               : std::string("must be empty: an incident run has no objectives")});
    }
  }
  if (!unknown.empty()) {
    return InvalidFields(std::move(unknown));
  }
  v1::RunEvaluation resolved = evaluation;
  AssignEvaluationIds(resolved);
  return resolved;
}

v1::RunEvent EvaluatedEvent(const RunActor& actor, const v1::RunEvaluation& evaluation) {
  return Event(v1::RUN_EVENT_TYPE_EVALUATED, actor.now, actor.name, "", "Evaluation recorded",
               absl::StrCat(evaluation.objective_results_size(), " objective ratings, ",
                            evaluation.findings_size(), " findings, ",
                            evaluation.corrective_actions_size(), " corrective actions"));
}

}  // namespace

v1::RunEvent RunStartedEvent(const v1::Run& run) {
  const bool drill = run.kind() == v1::RUN_KIND_DRILL;
  return Event(v1::RUN_EVENT_TYPE_STARTED, RunStartOf(run), run.started_by(), "",
               drill ? "Drill started" : "Response started",
               drill ? run.drill().scenario() : run.incident());
}

absl::StatusOr<RunChange> StartStep(RunRecord& record, absl::string_view step_id,
                                    absl::Time start_time, const RunActor& actor) {
  v1::Run run = record.run;
  AIRR_RETURN_IF_ERROR(RequireActive(run));
  AIRR_ASSIGN_OR_RETURN(int index, FindStep(run, step_id));
  v1::RunStep& step = *run.mutable_steps(index);
  if (step.state() != v1::STEP_STATE_PENDING) {
    return ErrorWithReason(
        absl::StatusCode::kFailedPrecondition,
        absl::StrCat("step \"", step.step().id(), "\" is ", StepStateName(step.state()),
                     "; only a pending step starts"),
        "STEP_NOT_PENDING", {{"step", step.step().id()}, {"state", StepStateName(step.state())}});
  }
  AIRR_RETURN_IF_ERROR(RequireDependenciesClosed(run, index));
  AIRR_RETURN_IF_ERROR(
      RequireNotBefore("start_time", start_time, RunStartOf(run), "the run's start"));
  MarkStarted(step, start_time, actor);
  Touch(run, actor);
  RunChange change{"run.step_started",
                   {Event(v1::RUN_EVENT_TYPE_STEP_STARTED, start_time, actor.name, step.step().id(),
                          step.step().title(), "")}};
  record.run = std::move(run);
  return change;
}

absl::StatusOr<RunChange> CompleteStep(RunRecord& record, absl::string_view step_id,
                                       absl::string_view notes, absl::Time complete_time,
                                       const RunActor& actor) {
  v1::Run run = record.run;
  AIRR_RETURN_IF_ERROR(RequireActive(run));
  AIRR_ASSIGN_OR_RETURN(int index, FindStep(run, step_id));
  v1::RunStep& step = *run.mutable_steps(index);
  AIRR_RETURN_IF_ERROR(RequireStepOpen(step));
  const bool pending = step.state() == v1::STEP_STATE_PENDING;
  if (pending) {
    AIRR_RETURN_IF_ERROR(RequireDependenciesClosed(run, index));
  }
  if (run.kind() == v1::RUN_KIND_INCIDENT && step.step().kind() == v1::STEP_KIND_CONTAIN &&
      !IncidentContained(record.incident_state)) {
    const std::string state = incident::v1::State_Name(record.incident_state);
    return ErrorWithReason(
        absl::StatusCode::kFailedPrecondition,
        absl::StrCat("step \"", step.step().id(), "\" contains the harm: ", run.incident(),
                     " must be MITIGATING, RESOLVED or CLOSED first (it is ", state, ")"),
        "INCIDENT_NOT_CONTAINED", {{"step", step.step().id()}, {"incident_state", state}});
  }
  if (pending) {
    AIRR_RETURN_IF_ERROR(
        RequireNotBefore("complete_time", complete_time, RunStartOf(run), "the run's start"));
  } else {
    AIRR_RETURN_IF_ERROR(RequireNotBefore("complete_time", complete_time,
                                          api::TimeFromTimestamp(step.start_time()),
                                          "the step's start"));
  }
  RunChange change{"run.step_completed", {}};
  if (pending) {
    MarkStarted(step, complete_time, actor);
    change.events.push_back(Event(v1::RUN_EVENT_TYPE_STEP_STARTED, complete_time, actor.name,
                                  step.step().id(), step.step().title(), ""));
  }
  step.set_state(v1::STEP_STATE_DONE);
  *step.mutable_end_time() = api::TimestampFromTime(complete_time);
  step.set_ended_by(actor.name);
  step.set_notes(std::string(notes));
  Touch(run, actor);
  change.events.push_back(Event(v1::RUN_EVENT_TYPE_STEP_COMPLETED, complete_time, actor.name,
                                step.step().id(), step.step().title(), notes));
  record.run = std::move(run);
  return change;
}

absl::StatusOr<RunChange> SkipStep(RunRecord& record, absl::string_view step_id,
                                   absl::string_view reason, bool admin_override,
                                   const RunActor& actor) {
  v1::Run run = record.run;
  AIRR_RETURN_IF_ERROR(RequireActive(run));
  AIRR_ASSIGN_OR_RETURN(int index, FindStep(run, step_id));
  v1::RunStep& step = *run.mutable_steps(index);
  AIRR_RETURN_IF_ERROR(RequireStepOpen(step));
  const bool mandatory = step.step().mandatory();
  if (mandatory && !admin_override) {
    return ErrorWithReason(absl::StatusCode::kFailedPrecondition,
                           absl::StrCat("step \"", step.step().id(),
                                        "\" is mandatory; skipping it needs an admin's override"),
                           "MANDATORY_STEP", {{"step", step.step().id()}});
  }
  step.set_state(v1::STEP_STATE_SKIPPED);
  *step.mutable_end_time() = api::TimestampFromTime(actor.now);
  step.set_ended_by(actor.name);
  step.set_skip_reason(std::string(reason));
  step.set_skip_override(mandatory);
  Touch(run, actor);
  RunChange change{
      "run.step_skipped",
      {Event(v1::RUN_EVENT_TYPE_STEP_SKIPPED, actor.now, actor.name, step.step().id(),
             mandatory ? absl::StrCat(step.step().title(), " (mandatory; admin override)")
                       : step.step().title(),
             reason)}};
  record.run = std::move(run);
  return change;
}

absl::StatusOr<RunChange> AddInject(RunRecord& record, const v1::Inject& inject,
                                    const RunActor& actor) {
  v1::Run run = record.run;
  AIRR_RETURN_IF_ERROR(RequireActive(run));
  if (run.kind() != v1::RUN_KIND_DRILL) {
    return ErrorWithReason(
        absl::StatusCode::kFailedPrecondition,
        absl::StrCat("run ", run.name(), " responds to a real incident; only drills take injects"),
        "NOT_A_DRILL");
  }
  Touch(run, actor);
  RunChange change{
      "run.inject_added",
      {Event(v1::RUN_EVENT_TYPE_INJECT, RunStartOf(run) + FromProtoDuration(inject.offset()),
             actor.name, "", inject.title(), inject.description())}};
  record.run = std::move(run);
  return change;
}

absl::StatusOr<RunChange> AbortRun(RunRecord& record, absl::string_view reason,
                                   const RunActor& actor) {
  v1::Run run = record.run;
  AIRR_RETURN_IF_ERROR(RequireActive(run));
  run.set_state(v1::RUN_STATE_ABORTED);
  *run.mutable_end_time() = api::TimestampFromTime(actor.now);
  run.set_ended_by(actor.name);
  run.set_abort_reason(std::string(reason));
  Touch(run, actor);
  RunChange change{
      "run.aborted",
      {Event(v1::RUN_EVENT_TYPE_ABORTED, actor.now, actor.name, "", "Run aborted", reason)}};
  record.run = std::move(run);
  return change;
}

absl::StatusOr<RunChange> CompleteRun(RunRecord& record, absl::string_view summary,
                                      const v1::RunEvaluation* evaluation, absl::Time end_time,
                                      const RunActor& actor) {
  v1::Run run = record.run;
  AIRR_RETURN_IF_ERROR(RequireActive(run));
  for (const v1::RunStep& step : run.steps()) {
    if (step.step().mandatory() && !IsClosed(step.state())) {
      return ErrorWithReason(
          absl::StatusCode::kFailedPrecondition,
          absl::StrCat("cannot complete the run: mandatory step \"", step.step().id(), "\" (",
                       step.step().title(), ") is ", StepStateName(step.state()),
                       "; complete it, or skip it with an admin's override"),
          "MANDATORY_STEP_OPEN", {{"step", step.step().id()}});
    }
  }
  AIRR_RETURN_IF_ERROR(RequireNotBefore("end_time", end_time, RunStartOf(run), "the run's start"));
  for (const v1::RunStep& step : run.steps()) {
    if (step.has_end_time()) {
      AIRR_RETURN_IF_ERROR(RequireNotBefore("end_time", end_time,
                                            api::TimeFromTimestamp(step.end_time()),
                                            absl::StrCat("the end of step ", step.step().id())));
    }
  }
  RunChange change{
      "run.completed",
      {Event(v1::RUN_EVENT_TYPE_COMPLETED, end_time, actor.name, "", "Run completed", summary)}};
  if (evaluation != nullptr) {
    AIRR_ASSIGN_OR_RETURN(*run.mutable_evaluation(), ResolveEvaluation(run, *evaluation));
    change.events.push_back(EvaluatedEvent(actor, run.evaluation()));
  }
  run.set_state(v1::RUN_STATE_COMPLETED);
  *run.mutable_end_time() = api::TimestampFromTime(end_time);
  run.set_ended_by(actor.name);
  run.set_summary(std::string(summary));
  Touch(run, actor);
  record.run = std::move(run);
  return change;
}

absl::StatusOr<RunChange> UpdateEvaluation(RunRecord& record, const v1::RunEvaluation& evaluation,
                                           const RunActor& actor) {
  v1::Run run = record.run;
  if (run.state() == v1::RUN_STATE_ABORTED) {
    return ErrorWithReason(absl::StatusCode::kFailedPrecondition,
                           absl::StrCat("run ", run.name(), " was aborted; it takes no evaluation"),
                           "RUN_ABORTED");
  }
  if (run.state() != v1::RUN_STATE_COMPLETED) {
    AIRR_RETURN_IF_ERROR(RequireActive(run));
  }
  AIRR_ASSIGN_OR_RETURN(*run.mutable_evaluation(), ResolveEvaluation(run, evaluation));
  Touch(run, actor);
  RunChange change{"run.evaluated", {EvaluatedEvent(actor, run.evaluation())}};
  record.run = std::move(run);
  return change;
}

}  // namespace airr::playbook
