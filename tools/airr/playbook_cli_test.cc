// Runs the `playbooks`, `drill`, `drills` and `run` commands in-process against a fake playbook
// service on a real gRPC server (cli_test_harness.h), and checks the requests they send, what they
// print (text and -o json) and their exit codes, including bad files that send nothing.
#include <fstream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "airr/playbook/v1/playbook_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "libs/api/validation.h"
#include "tools/airr/cli_test_harness.h"
#include "tools/airr/errors.h"
#include "tools/airr/playbook_test_data.h"

namespace airr::cli {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

namespace pb = ::airr::playbook::v1;
using google::protobuf::util::TimeUtil;
using grpc::ServerContext;
using grpc::Status;

// Records every request; answers with the canned messages, or with `error`.
class FakePlaybooks final : public pb::PlaybookService::Service, public RequestRecorder {
 public:
  Status CreatePlaybook(ServerContext*, const pb::CreatePlaybookRequest* r,
                        pb::Playbook* out) override {
    return Answer(*r, playbook, out);
  }
  Status GetPlaybook(ServerContext*, const pb::GetPlaybookRequest* r, pb::Playbook* out) override {
    return Answer(*r, playbook, out);
  }
  Status ListPlaybooks(ServerContext*, const pb::ListPlaybooksRequest* r,
                       pb::ListPlaybooksResponse* out) override {
    pb::ListPlaybooksResponse page;
    *page.add_playbooks() = playbook;
    return Answer(*r, page, out);
  }
  Status UpdatePlaybook(ServerContext*, const pb::UpdatePlaybookRequest* r,
                        pb::Playbook* out) override {
    return Answer(*r, playbook, out);
  }
  Status ArchivePlaybook(ServerContext*, const pb::ArchivePlaybookRequest* r,
                         pb::Playbook* out) override {
    return Answer(*r, playbook, out);
  }
  Status ListPlaybookVersions(ServerContext*, const pb::ListPlaybookVersionsRequest* r,
                              pb::ListPlaybookVersionsResponse* out) override {
    pb::ListPlaybookVersionsResponse page;
    *page.add_versions() = playbook;
    return Answer(*r, page, out);
  }
  Status StartRun(ServerContext*, const pb::StartRunRequest* r, pb::Run* out) override {
    return Answer(*r, run, out);
  }
  Status StartDrill(ServerContext*, const pb::StartDrillRequest* r, pb::Run* out) override {
    return Answer(*r, run, out);
  }
  Status GetRun(ServerContext*, const pb::GetRunRequest* r, pb::Run* out) override {
    return Answer(*r, run, out);
  }
  Status ListRuns(ServerContext*, const pb::ListRunsRequest* r,
                  pb::ListRunsResponse* out) override {
    pb::ListRunsResponse page;
    *page.add_runs() = run;
    return Answer(*r, page, out);
  }
  Status StartStep(ServerContext*, const pb::StartStepRequest* r, pb::Run* out) override {
    return Answer(*r, run, out);
  }
  Status CompleteStep(ServerContext*, const pb::CompleteStepRequest* r, pb::Run* out) override {
    return Answer(*r, run, out);
  }
  Status SkipStep(ServerContext*, const pb::SkipStepRequest* r, pb::Run* out) override {
    return Answer(*r, run, out);
  }
  Status AddInject(ServerContext*, const pb::AddInjectRequest* r, pb::Run* out) override {
    return Answer(*r, run, out);
  }
  Status AbortRun(ServerContext*, const pb::AbortRunRequest* r, pb::Run* out) override {
    return Answer(*r, run, out);
  }
  Status CompleteRun(ServerContext*, const pb::CompleteRunRequest* r, pb::Run* out) override {
    return Answer(*r, run, out);
  }
  Status GetRunReport(ServerContext*, const pb::GetRunReportRequest* r,
                      pb::RunReport* out) override {
    return Answer(*r, report, out);
  }
  Status ListDrillsDue(ServerContext*, const pb::ListDrillsDueRequest* r,
                       pb::ListDrillsDueResponse* out) override {
    return Answer(*r, drills_due, out);
  }

  pb::Playbook playbook = SamplePlaybook();
  pb::Run run = SampleRun();
  pb::RunReport report = SampleRunReport();
  pb::ListDrillsDueResponse drills_due;
};

constexpr char kPlaybookYaml[] = R"yaml(name: playbooks/bcp
display_name: "BCP: shutdown (AIシステム停止)"
owner: Crisis management
targets: {recovery: 8h}
steps:
  - id: declare
    title: Declare the BCP
    role: incident-executive
    target_offset: 30m
    mandatory: true
)yaml";

class PlaybookCliTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(harness_.Start({&service_})); }

  CliResult Run(const std::vector<std::string>& args) { return harness_.Run(args); }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = absl::StrCat(::testing::TempDir(), "/", name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  void FailWith(grpc::StatusCode code, const std::string& message, const std::string& reason,
                const std::string& field = "", const std::string& description = "") {
    google::rpc::Status details;
    if (!reason.empty()) {
      google::rpc::ErrorInfo info;
      info.set_reason(reason);
      details.add_details()->PackFrom(info);
    }
    if (!field.empty()) {
      google::rpc::BadRequest bad;
      auto* violation = bad.add_field_violations();
      violation->set_field(field);
      violation->set_description(description);
      details.add_details()->PackFrom(bad);
    }
    service_.error = Status(code, message, details.SerializeAsString());
  }

  FakePlaybooks service_;
  CliHarness harness_;
};

TEST_F(PlaybookCliTest, EveryCommandHasHelp) {
  const std::vector<std::pair<std::string, std::string>> commands = {
      {"playbooks", "create"}, {"playbooks", "update"},   {"playbooks", "list"},
      {"playbooks", "show"},   {"playbooks", "versions"}, {"playbooks", "archive"},
      {"drill", "start"},      {"drills", "due"},         {"run", "start"},
      {"run", "list"},         {"run", "steps"},          {"run", "start-step"},
      {"run", "complete"},     {"run", "skip"},           {"run", "inject"},
      {"run", "finish"},       {"run", "abort"},          {"run", "report"}};
  for (const auto& [group, verb] : commands) {
    CliResult result = Run({group, verb, "--help"});
    EXPECT_EQ(result.code, kExitOk) << group << " " << verb;
    EXPECT_THAT(result.out, HasSubstr(absl::StrCat("airr [global flags] ", group, " ", verb)));
  }
  EXPECT_THAT(Run({"drill", "start", "--help"}).out,
              HasSubstr("One of: tabletop, functional, full-scale."));
  EXPECT_THAT(Run({"playbooks", "create", "--help"}).out,
              AllOf(HasSubstr("-f, --file FILE"), HasSubstr("role: legal")));
  EXPECT_THAT(service_.received, IsEmpty());
}

TEST_F(PlaybookCliTest, CreateImportsYamlWithTheIdOfTheFile) {
  CliResult result =
      Run({"playbooks", "create", "-f", Write("bcp.yaml", kPlaybookYaml), "--note", "First"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  const auto* request = service_.Last<pb::CreatePlaybookRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->playbook_id(), "bcp");
  EXPECT_EQ(request->playbook().name(), "");
  EXPECT_EQ(request->playbook().display_name(), "BCP: shutdown (AIシステム停止)");
  EXPECT_EQ(request->playbook().targets().recovery().seconds(), 8 * 3600);
  ASSERT_EQ(request->playbook().steps_size(), 1);
  EXPECT_EQ(request->playbook().steps(0).role(), pb::RESPONSIBLE_ROLE_INCIDENT_EXECUTIVE);
  EXPECT_EQ(request->playbook().steps(0).target_offset().seconds(), 1800);
  EXPECT_EQ(request->playbook().change_note(), "First");
  EXPECT_THAT(result.out,
              AllOf(HasSubstr("name:                   playbooks/bcp\n"), HasSubstr("\nSteps:\n")));

  ASSERT_EQ(Run({"playbooks", "create", "--file", Write("bcp.json", R"({"owner": "x"})"), "--id",
                 "other"})
                .code,
            kExitOk);
  EXPECT_EQ(service_.Last<pb::CreatePlaybookRequest>()->playbook_id(), "other");
  EXPECT_EQ(service_.Last<pb::CreatePlaybookRequest>()->playbook().owner(), "x");

  ASSERT_EQ(harness_.RunWithInput(kPlaybookYaml, {"playbooks", "create", "-f", "-"}).code, kExitOk);
  EXPECT_EQ(service_.Last<pb::CreatePlaybookRequest>()->playbook_id(), "bcp");
}

TEST_F(PlaybookCliTest, BadFilesAreUsageErrorsAndSendNothing) {
  CliResult malformed =
      Run({"playbooks", "create", "-f", Write("bad.yaml", "steps:\n  - id: a\n   title: b\n")});
  EXPECT_EQ(malformed.code, kExitUsage);
  EXPECT_THAT(malformed.err, AllOf(HasSubstr("bad.yaml:3:"),
                                   HasSubstr("Run 'airr playbooks create --help' for usage.")));
  CliResult alias = Run({"playbooks", "create", "-f", Write("alias.yaml", "a: &x 1\nb: *x\n")});
  EXPECT_EQ(alias.code, kExitUsage);
  EXPECT_THAT(alias.err, HasSubstr("anchors (&x) are not supported"));
  CliResult role = Run({"playbooks", "create", "-f",
                        Write("role.yaml", "name: playbooks/x\nsteps:\n  - role: lawyer\n")});
  EXPECT_EQ(role.code, kExitUsage);
  EXPECT_THAT(role.err, HasSubstr("role.yaml: steps[0].role: unknown value \"lawyer\""));
  CliResult no_id = Run({"playbooks", "create", "-f", Write("noid.yaml", "owner: x\n")});
  EXPECT_EQ(no_id.code, kExitUsage);
  EXPECT_THAT(no_id.err, HasSubstr("give --id"));
  const std::string big = "owner: x\n" + std::string(1024 * 1024, '#');
  CliResult oversized = Run({"playbooks", "create", "-f", Write("big.yaml", big)});
  EXPECT_EQ(oversized.code, kExitUsage);
  EXPECT_THAT(oversized.err, HasSubstr("big.yaml: larger than the limit of 1048576 bytes"));
  EXPECT_EQ(Run({"playbooks", "create", "-f", "/nonexistent/p.yaml"}).code, kExitUsage);
  EXPECT_THAT(Run({"playbooks", "create"}).err, HasSubstr("missing --file FILE"));
  CliResult other =
      Run({"playbooks", "update", "not-bcp", "-f", Write("bcp2.yaml", kPlaybookYaml)});
  EXPECT_EQ(other.code, kExitUsage);
  EXPECT_THAT(other.err, HasSubstr("the file is playbooks/bcp, not playbooks/not-bcp"));
  EXPECT_THAT(service_.received, IsEmpty());
}

TEST_F(PlaybookCliTest, UpdateReplacesEveryDefinitionField) {
  CliResult result = Run({"playbooks", "update", "bcp", "-f", Write("u.yaml", kPlaybookYaml),
                          "--note", "RTO 8h", "--etag", "e-2"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  const auto* request = service_.Last<pb::UpdatePlaybookRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->playbook().name(), "playbooks/bcp");
  EXPECT_EQ(request->playbook().etag(), "e-2");
  EXPECT_EQ(request->playbook().change_note(), "RTO 8h");
  EXPECT_THAT(request->update_mask().paths(),
              UnorderedElementsAre("display_name", "purpose", "owner", "triggers", "targets",
                                   "drill_interval", "steps"));
}

TEST_F(PlaybookCliTest, ListShowVersionsArchive) {
  CliResult list = Run({"playbooks", "list", "--show-archived", "--page-size", "5"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  EXPECT_TRUE(service_.Last<pb::ListPlaybooksRequest>()->show_archived());
  EXPECT_EQ(service_.Last<pb::ListPlaybooksRequest>()->page_size(), 5);
  EXPECT_THAT(list.out, HasSubstr("bcp  2        BCP: shutdown"));

  ASSERT_EQ(Run({"playbooks", "show", "bcp"}).code, kExitOk);
  EXPECT_EQ(service_.Last<pb::GetPlaybookRequest>()->name(), "playbooks/bcp");
  CliResult json = Run({"-o", "json", "playbooks", "show", "playbooks/bcp"});
  ASSERT_EQ(json.code, kExitOk);
  pb::Playbook parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json.out, &parsed).ok()) << json.out;
  EXPECT_EQ(parsed.steps_size(), 3);

  CliResult versions = Run({"playbooks", "versions", "bcp"});
  ASSERT_EQ(versions.code, kExitOk);
  EXPECT_EQ(service_.Last<pb::ListPlaybookVersionsRequest>()->name(), "playbooks/bcp");
  EXPECT_THAT(versions.out, HasSubstr("Added the press step"));

  ASSERT_EQ(Run({"playbooks", "archive", "bcp", "--etag", "e-2"}).code, kExitOk);
  EXPECT_EQ(service_.Last<pb::ArchivePlaybookRequest>()->name(), "playbooks/bcp");
  EXPECT_EQ(service_.Last<pb::ArchivePlaybookRequest>()->etag(), "e-2");
}

TEST_F(PlaybookCliTest, DrillStartSendsTheSetUp) {
  const int64_t before = absl::ToUnixSeconds(absl::Now());
  CliResult result =
      Run({"drill", "start", "bcp", "--type", "full-scale", "--scenario", "Model fails",
           "--objective", "Fallback in 2h", "--objective", "Customers told in 1h", "--participant",
           "Crisis management", "--started-ago", "3h"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  const auto* request = service_.Last<pb::StartDrillRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->parent(), "playbooks/bcp");
  EXPECT_EQ(request->drill().type(), pb::DRILL_TYPE_FULL_SCALE);
  EXPECT_EQ(request->drill().scenario(), "Model fails");
  ASSERT_EQ(request->drill().objectives_size(), 2);
  EXPECT_EQ(request->drill().objectives(1).description(), "Customers told in 1h");
  EXPECT_EQ(request->drill().objectives(1).id(), "");
  EXPECT_THAT(request->drill().participants(), ElementsAre("Crisis management"));
  EXPECT_GE(request->start_time().seconds(), before - 3 * 3600);
  EXPECT_LE(request->start_time().seconds(), absl::ToUnixSeconds(absl::Now()) - 3 * 3600);
  EXPECT_TRUE(api::IsCanonicalUuid(request->request_id(), false));
  EXPECT_THAT(result.out, AllOf(HasSubstr("run:         playbooks/bcp/runs/r-1\n"),
                                HasSubstr("1  declare  Declare the BCP")));

  ASSERT_EQ(harness_
                .RunWithInput("Scenario from a file",
                              {"drill", "start", "bcp", "--type", "tabletop", "--scenario-file",
                               "-", "--objective", "o", "--start-time", "2026-11-23T09:00:00Z"})
                .code,
            kExitOk);
  EXPECT_EQ(service_.Last<pb::StartDrillRequest>()->drill().scenario(), "Scenario from a file");
  EXPECT_EQ(TimeUtil::ToString(service_.Last<pb::StartDrillRequest>()->start_time()),
            "2026-11-23T09:00:00Z");

  const size_t sent = service_.received.size();
  EXPECT_THAT(Run({"drill", "start", "bcp", "--type", "exercise", "--scenario", "s"}).err,
              HasSubstr("--type: unknown value \"exercise\"; allowed: tabletop, functional"));
  EXPECT_THAT(Run({"drill", "start", "bcp", "--type", "tabletop"}).err,
              HasSubstr("give the scenario with --scenario or --scenario-file"));
  EXPECT_THAT(Run({"drill", "start", "bcp", "--type", "tabletop", "--scenario", "s", "--start-time",
                   "-2h", "--started-ago", "2h"})
                  .err,
              HasSubstr("give --start-time or --started-ago, not both"));
  EXPECT_EQ(Run({"drill", "start", "bcp", "--type", "tabletop", "--scenario", "s", "--started-ago",
                 "soon"})
                .code,
            kExitUsage);
  EXPECT_EQ(service_.received.size(), sent);
}

TEST_F(PlaybookCliTest, RunStartListAndSteps) {
  ASSERT_EQ(Run({"run", "start", "first-response", "--incident", "i-1"}).code, kExitOk);
  const auto* start = service_.Last<pb::StartRunRequest>();
  EXPECT_EQ(start->parent(), "playbooks/first-response");
  EXPECT_EQ(start->incident(), "incidents/i-1");
  EXPECT_FALSE(start->has_start_time());

  CliResult list =
      Run({"run", "list", "--kind", "drill", "--state", "active", "--incident", "i-1"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  const auto* list_request = service_.Last<pb::ListRunsRequest>();
  EXPECT_EQ(list_request->parent(), "playbooks/-");
  EXPECT_EQ(list_request->kind(), pb::RUN_KIND_DRILL);
  EXPECT_THAT(list_request->states(), ElementsAre(pb::RUN_STATE_ACTIVE));
  EXPECT_EQ(list_request->incident(), "incidents/i-1");
  EXPECT_THAT(list.out, HasSubstr("bcp/r-1  DRILL (TABLETOP)  COMPLETED"));

  CliResult steps = Run({"run", "steps", "bcp/r-1"});
  ASSERT_EQ(steps.code, kExitOk) << steps.err;
  EXPECT_EQ(service_.Last<pb::GetRunRequest>()->name(), "playbooks/bcp/runs/r-1");
  EXPECT_THAT(steps.out, HasSubstr("2  notify   Notify customers  CUSTOMER_SUPPORT    yes        "
                                   "2026-11-23T10:30:00Z  DONE     LATE\n"));
  CliResult json = Run({"run", "steps", "playbooks/bcp/runs/r-1", "-o", "json"});
  pb::Run parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json.out, &parsed).ok()) << json.out;
  EXPECT_EQ(parsed.steps(1).state(), pb::STEP_STATE_DONE);
}

TEST_F(PlaybookCliTest, StepCommandsSendTheStepAndPrintTheSteps) {
  ASSERT_EQ(
      Run({"run", "start-step", "bcp/runs/r-1", "declare", "--at", "2026-11-23T09:05:00Z"}).code,
      kExitOk);
  const auto* start = service_.Last<pb::StartStepRequest>();
  EXPECT_EQ(start->run(), "playbooks/bcp/runs/r-1");
  EXPECT_EQ(start->step_id(), "declare");
  EXPECT_EQ(TimeUtil::ToString(start->start_time()), "2026-11-23T09:05:00Z");

  CliResult complete = Run({"run", "complete", "bcp/r-1", "declare", "--notes", "Declared", "--at",
                            "-30m", "--etag", "e"});
  ASSERT_EQ(complete.code, kExitOk) << complete.err;
  const auto* done = service_.Last<pb::CompleteStepRequest>();
  EXPECT_EQ(done->notes(), "Declared");
  EXPECT_EQ(done->etag(), "e");
  EXPECT_NEAR(static_cast<double>(done->complete_time().seconds()),
              static_cast<double>(absl::ToUnixSeconds(absl::Now()) - 1800), 60);
  EXPECT_THAT(complete.out, HasSubstr("#  STEP     TITLE"));

  ASSERT_EQ(
      Run({"run", "skip", "bcp/r-1", "press", "--reason", "Not public", "--admin-override"}).code,
      kExitOk);
  EXPECT_EQ(service_.Last<pb::SkipStepRequest>()->reason(), "Not public");
  EXPECT_TRUE(service_.Last<pb::SkipStepRequest>()->admin_override());

  CliResult inject = Run({"run", "inject", "bcp/r-1", "--offset", "45m", "--title",
                          "Regulator calls", "--description", "Asks about the outage"});
  ASSERT_EQ(inject.code, kExitOk) << inject.err;
  const auto* added = service_.Last<pb::AddInjectRequest>();
  EXPECT_EQ(added->inject().offset().seconds(), 2700);
  EXPECT_EQ(added->inject().title(), "Regulator calls");
  EXPECT_EQ(inject.out, "Injected at +45m into playbooks/bcp/runs/r-1: Regulator calls\n");

  const size_t sent = service_.received.size();
  EXPECT_EQ(Run({"run", "skip", "bcp/r-1", "press"}).code, kExitUsage);
  EXPECT_EQ(Run({"run", "complete", "bcp/r-1"}).code, kExitUsage);
  EXPECT_THAT(Run({"run", "inject", "bcp/r-1", "--offset", "-5m", "--title", "t"}).err,
              HasSubstr("--offset: \"-5m\" is not a duration"));
  EXPECT_THAT(Run({"run", "complete", "bcp/r-1", "declare", "--at", "later"}).err,
              HasSubstr("--at: \"later\""));
  EXPECT_EQ(service_.received.size(), sent);
}

TEST_F(PlaybookCliTest, FinishSendsTheEvaluation) {
  CliResult result = Run({"run", "finish", "bcp/r-1", "--summary", "Went well", "--objective",
                          "obj-1=met", "--objective", "obj-2=partly:Took 3h", "--strength",
                          "Fast fallback", "--improvement", "Old templates", "--action",
                          "Update the templates;Customer support;2026-12-23T00:00:00Z;f-2"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  const auto* request = service_.Last<pb::CompleteRunRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->name(), "playbooks/bcp/runs/r-1");
  EXPECT_EQ(request->summary(), "Went well");
  const pb::RunEvaluation& evaluation = request->evaluation();
  ASSERT_EQ(evaluation.objective_results_size(), 2);
  EXPECT_EQ(evaluation.objective_results(1).objective_id(), "obj-2");
  EXPECT_EQ(evaluation.objective_results(1).rating(), pb::OBJECTIVE_RATING_PARTLY_MET);
  EXPECT_EQ(evaluation.objective_results(1).note(), "Took 3h");
  ASSERT_EQ(evaluation.findings_size(), 2);
  EXPECT_EQ(evaluation.findings(0).id(), "f-1");
  EXPECT_EQ(evaluation.findings(0).kind(), pb::FINDING_KIND_STRENGTH);
  EXPECT_EQ(evaluation.findings(1).id(), "f-2");
  EXPECT_EQ(evaluation.findings(1).kind(), pb::FINDING_KIND_IMPROVEMENT);
  ASSERT_EQ(evaluation.corrective_actions_size(), 1);
  EXPECT_EQ(evaluation.corrective_actions(0).owner(), "Customer support");
  EXPECT_EQ(evaluation.corrective_actions(0).finding_id(), "f-2");
  EXPECT_THAT(result.out, HasSubstr("state:       COMPLETED\n"));

  ASSERT_EQ(Run({"run", "finish", "bcp/r-1"}).code, kExitOk);
  EXPECT_FALSE(service_.Last<pb::CompleteRunRequest>()->has_evaluation());

  const size_t sent = service_.received.size();
  EXPECT_THAT(Run({"run", "finish", "bcp/r-1", "--objective", "obj-1"}).err,
              HasSubstr("--objective: \"obj-1\" is not ID=RATING[:NOTE]"));
  EXPECT_THAT(Run({"run", "finish", "bcp/r-1", "--action", "a;b"}).err,
              HasSubstr("--action: \"a;b\" is not DESCRIPTION;OWNER;DUE"));
  EXPECT_EQ(service_.received.size(), sent);
}

TEST_F(PlaybookCliTest, FinishWithAnOpenMandatoryStepPrintsTheReason) {
  FailWith(grpc::StatusCode::FAILED_PRECONDITION, "mandatory step keep-records is not done",
           "MANDATORY_STEP_OPEN");
  CliResult result = Run({"run", "finish", "bcp/r-1"});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "airr: FAILED_PRECONDITION: mandatory step keep-records is not done\n"
            "  reason: MANDATORY_STEP_OPEN\n");
}

TEST_F(PlaybookCliTest, FieldViolationsOfTheServerArePrinted) {
  FailWith(grpc::StatusCode::INVALID_ARGUMENT, "invalid playbook", "",
           "playbook.steps[1].depends_on[0]", "\"a\" depends on itself through b");
  CliResult result = Run({"playbooks", "create", "-f", Write("cycle.yaml", kPlaybookYaml)});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_EQ(result.err,
            "airr: INVALID_ARGUMENT: invalid playbook\n"
            "  playbook.steps[1].depends_on[0]: \"a\" depends on itself through b\n");
}

TEST_F(PlaybookCliTest, AbortReportAndDrillsDue) {
  ASSERT_EQ(Run({"run", "abort", "bcp/r-1", "--reason", "Fire alarm"}).code, kExitOk);
  EXPECT_EQ(service_.Last<pb::AbortRunRequest>()->reason(), "Fire alarm");
  EXPECT_EQ(Run({"run", "abort", "bcp/r-1"}).code, kExitUsage);

  CliResult report = Run({"run", "report", "bcp/r-1"});
  ASSERT_EQ(report.code, kExitOk) << report.err;
  EXPECT_EQ(service_.Last<pb::GetRunReportRequest>()->name(), "playbooks/bcp/runs/r-1");
  EXPECT_THAT(report.out,
              AllOf(HasSubstr("Run report\n"), HasSubstr("  RTO 8h00m: MET (actual 2h50m)\n"),
                    HasSubstr("Regulator calls")));
  CliResult json = Run({"run", "report", "bcp/r-1", "-o", "json"});
  pb::RunReport parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json.out, &parsed).ok()) << json.out;
  EXPECT_EQ(parsed.recovery().verdict(), pb::TARGET_VERDICT_MET);

  CliResult none = Run({"drills", "due"});
  ASSERT_EQ(none.code, kExitOk);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, "No drills are due.\n");
  pb::DrillDue* due = service_.drills_due.add_drills();
  due->set_playbook("playbooks/first-response");
  due->set_display_name("First response");
  due->set_never_drilled(true);
  EXPECT_THAT(Run({"drills", "due"}).out, HasSubstr("first-response  First response"));
}

}  // namespace
}  // namespace airr::cli
