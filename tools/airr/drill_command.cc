#include "tools/airr/drill_command.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tools/airr/command_util.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/playbook_common.h"
#include "tools/airr/playbook_output.h"
#include "tools/airr/run_fields.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::playbook::v1;

int RunStart(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::StartDrillRequest> request =
      BuildStartDrillRequest(args, args.positional()[0], absl::Now());
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  pb::Run run;
  const grpc::Status status = CallRpc(
      *NewPlaybookStub(context), &pb::PlaybookService::Stub::StartDrill, *request, context, &run);
  if (!status.ok()) {
    return ReportCreateError(status, request->request_id(), args, "drill", context);
  }
  return PrintTextResult<pb::Run>(status, run, context, FormatRun);
}

int RunDue(const ParsedArgs& args, const CommandContext& context) {
  pb::ListDrillsDueRequest request;
  absl::StatusOr<int32_t> page_size = IntFlag(args, "page-size", 0, 0, 1000);
  if (!page_size.ok()) {
    return UsageError(page_size.status(), context);
  }
  request.set_page_size(*page_size);
  pb::ListDrillsDueResponse merged;
  const std::unique_ptr<pb::PlaybookService::Stub> stub = NewPlaybookStub(context);
  if (const int code = ListPagesOf(*stub, &pb::PlaybookService::Stub::ListDrillsDue, request, args,
                                   context, &merged);
      code != kExitOk) {
    return code;
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  if (merged.drills().empty()) {
    context.err << "No drills are due.\n";
  } else {
    context.out << FormatDrillsDueTable(merged);
  }
  PrintNextPageHint(merged.next_page_token(), context);
  return kExitOk;
}

}  // namespace

std::vector<Command> DrillCommands() {
  Command start = NewCommand("drill", "start");
  start.args_synopsis = "PLAYBOOK";
  start.summary = "Starts a drill of a playbook's current version.";
  start.description =
      "Starts a drill (tabletop, functional or full-scale exercise) of the playbook's current\n"
      "version and prints its steps with their due times. The objectives get the ids obj-1,\n"
      "obj-2, ... in the order given, which 'run finish --objective' rates. Work the steps with\n"
      "'airr run start-step|complete|skip', add scenario events with 'airr run inject', end with\n"
      "'airr run finish' and read 'airr run report'.\n"
      "\n"
      "Example:\n"
      "  airr drill start bcp-ai-system-shutdown --type tabletop --started-ago 2h \\\n"
      "    --scenario 'The credit model returns errors for every application.' \\\n"
      "    --objective 'Switch to manual credit decisions within 2 hours' \\\n"
      "    --participant 'Crisis management' --participant 'Retail credit'";
  start.flags = Concat(
      {RequiredFlag("type", "TYPE",
                    "The kind of exercise." + EnumChoices(*pb::DrillType_descriptor())),
       ValueFlag("scenario", "TEXT", "The scenario told to the participants."),
       ValueFlag("scenario-file", "FILE",
                 "Read the scenario from this file (- for standard input)."),
       {"objective", '\0', FlagSpec::Kind::kValue, true, "TEXT",
        "What the drill must show; at least one."},
       {"participant", '\0', FlagSpec::Kind::kValue, true, "NAME", "Who takes part."},
       ValueFlag("request-id", "UUID", "Makes the start idempotent. Default: a fresh UUID.")},
      RunStartTimeFlags());
  start.min_args = start.max_args = 1;
  start.run = RunStart;

  Command due = NewCommand("drills", "due");
  due.summary = "Lists the playbooks due for a drill, most overdue first.";
  due.description =
      "Lists the playbooks (not archived) whose last completed drill is older than their drill\n"
      "interval (365 days unless the playbook sets another), or that were never drilled, most\n"
      "overdue first.";
  due.flags = PageFlags("playbooks");
  due.run = RunDue;
  return {start, due};
}

}  // namespace airr::cli
