#include "tools/airr/run_command.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tools/airr/command_util.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/playbook_common.h"
#include "tools/airr/playbook_output.h"
#include "tools/airr/resource_names.h"
#include "tools/airr/run_fields.h"
#include "tools/airr/run_report_output.h"
#include "tools/airr/run_step_command.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::playbook::v1;

using Stub = pb::PlaybookService::Stub;

int PrintRun(const grpc::Status& status, const pb::Run& run, const CommandContext& context) {
  return PrintTextResult<pb::Run>(status, run, context, FormatRun);
}

int RunStart(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::StartRunRequest> request =
      BuildStartRunRequest(args, args.positional()[0], absl::Now());
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  pb::Run run;
  const grpc::Status status =
      CallRpc(*NewPlaybookStub(context), &Stub::StartRun, *request, context, &run);
  if (!status.ok()) {
    return ReportCreateError(status, request->request_id(), args, "run", context);
  }
  return PrintRun(status, run, context);
}

int RunList(const ParsedArgs& args, const CommandContext& context) {
  pb::ListRunsRequest request;
  const std::string parent = args.positional().empty() ? "-" : args.positional()[0];
  request.set_parent(PlaybookName(parent));
  absl::StatusOr<int> kind =
      ParseEnumName(*pb::RunKind_descriptor(), args.Get("kind").value_or(""), "--kind");
  absl::StatusOr<int32_t> page_size = IntFlag(args, "page-size", 0, 0, 1000);
  for (const absl::Status& status : {kind.status(), page_size.status()}) {
    if (!status.ok()) {
      return UsageError(status, context);
    }
  }
  request.set_kind(static_cast<pb::RunKind>(*kind));
  request.set_page_size(*page_size);
  for (const std::string& state : args.GetAll("state")) {
    absl::StatusOr<int> number = ParseEnumName(*pb::RunState_descriptor(), state, "--state");
    if (!number.ok()) {
      return UsageError(number.status(), context);
    }
    request.add_states(static_cast<pb::RunState>(*number));
  }
  if (std::optional<std::string> incident = args.Get("incident")) {
    request.set_incident(IncidentName(*incident));
  }
  pb::ListRunsResponse merged;
  const std::unique_ptr<Stub> stub = NewPlaybookStub(context);
  if (const int code = ListPagesOf(*stub, &Stub::ListRuns, request, args, context, &merged);
      code != kExitOk) {
    return code;
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  if (merged.runs().empty()) {
    context.err << "No runs found.\n";
  } else {
    context.out << FormatRunTable(merged.runs());
  }
  PrintNextPageHint(merged.next_page_token(), context);
  return kExitOk;
}

int RunSteps(const ParsedArgs& args, const CommandContext& context) {
  pb::GetRunRequest request;
  request.set_name(RunName(args.positional()[0]));
  pb::Run run;
  const grpc::Status status =
      CallRpc(*NewPlaybookStub(context), &Stub::GetRun, request, context, &run);
  return PrintTextResult<pb::Run>(status, run, context, FormatRunSteps);
}

int RunFinish(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::CompleteRunRequest> request =
      BuildCompleteRunRequest(args, args.positional()[0], absl::Now());
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  pb::Run run;
  return PrintRun(CallRpc(*NewPlaybookStub(context), &Stub::CompleteRun, *request, context, &run),
                  run, context);
}

int RunAbort(const ParsedArgs& args, const CommandContext& context) {
  pb::AbortRunRequest request;
  request.set_name(RunName(args.positional()[0]));
  request.set_reason(args.Get("reason").value_or(""));
  request.set_etag(args.Get("etag").value_or(""));
  pb::Run run;
  return PrintRun(CallRpc(*NewPlaybookStub(context), &Stub::AbortRun, request, context, &run), run,
                  context);
}

int RunReport(const ParsedArgs& args, const CommandContext& context) {
  pb::GetRunReportRequest request;
  request.set_name(RunName(args.positional()[0]));
  pb::RunReport report;
  const grpc::Status status =
      CallRpc(*NewPlaybookStub(context), &Stub::GetRunReport, request, context, &report);
  return PrintTextResult<pb::RunReport>(status, report, context, FormatRunReport);
}

constexpr char kRunHelp[] =
    "\n\nRUN is the run's name, playbooks/PLAYBOOK/runs/ID, or PLAYBOOK/ID as 'drill start'\n"
    "prints it.";

Command OneRun(std::string verb, std::string summary, std::string description,
               std::vector<FlagSpec> flags,
               std::function<int(const ParsedArgs&, const CommandContext&)> run) {
  Command command = NewCommand("run", std::move(verb));
  command.args_synopsis = "RUN";
  command.summary = std::move(summary);
  command.description = absl::StrCat(description, kRunHelp);
  command.flags = std::move(flags);
  command.min_args = command.max_args = 1;
  command.run = std::move(run);
  return command;
}

std::vector<FlagSpec> FinishFlags() {
  return {
      ValueFlag("summary", "TEXT", "How it went, up to 8,000 characters."),
      {"objective", '\0', FlagSpec::Kind::kValue, true, "ID=RATING[:NOTE]",
       "Rates a drill objective: obj-1=met, obj-2=partly:reason, obj-3=not-met:reason."},
      {"strength", '\0', FlagSpec::Kind::kValue, true, "TEXT", "Something that worked well."},
      {"improvement", '\0', FlagSpec::Kind::kValue, true, "TEXT", "Something that must improve."},
      {"action", '\0', FlagSpec::Kind::kValue, true, "DESCRIPTION;OWNER;DUE[;FINDING]",
       "A corrective action: who does what by when (RFC 3339 or +30d), optionally for finding "
       "f-N."},
      ValueFlag("at", "TIME",
                "When the run ended, if earlier than now: RFC 3339 or relative, -5m. Default: "
                "now."),
      EtagFlag("run"),
  };
}

}  // namespace

std::vector<Command> RunCommands() {
  Command start = NewCommand("run", "start");
  start.args_synopsis = "PLAYBOOK";
  start.summary = "Starts a run of a playbook's current version on an incident.";
  start.description =
      "Starts the response to an incident with the playbook's current version and prints its\n"
      "steps with their due times. An incident has at most one run per playbook that was not\n"
      "aborted (ALREADY_EXISTS, RUN_EXISTS).\n"
      "\n"
      "Example:\n"
      "  airr run start ai-incident-first-response --incident chatbot-address-leak";
  start.flags = Concat(
      {RequiredFlag("incident", "INCIDENT", "The incident: its id or name."),
       ValueFlag("request-id", "UUID", "Makes the start idempotent. Default: a fresh UUID.")},
      RunStartTimeFlags());
  start.min_args = start.max_args = 1;
  start.run = RunStart;

  Command list = NewCommand("run", "list");
  list.args_synopsis = "[PLAYBOOK|-]";
  list.summary = "Lists runs and drills, newest first.";
  list.description =
      "Lists the runs of one playbook, or of every playbook (the default, or -), newest first.";
  list.flags =
      Concat({ValueFlag("kind", "KIND",
                        "Only runs of this kind." + EnumChoices(*pb::RunKind_descriptor())),
              {"state", '\0', FlagSpec::Kind::kValue, true, "STATE",
               "Only runs in this state." + EnumChoices(*pb::RunState_descriptor())},
              ValueFlag("incident", "INCIDENT", "Only runs on this incident.")},
             PageFlags("runs"));
  list.max_args = 1;
  list.run = RunList;

  std::vector<Command> commands = {
      start,
      list,
      OneRun("steps", "Shows a run's steps: role, due time, state, late.",
             "Shows the steps of a run in planned order with the responsible role, whether\n"
             "they are mandatory, their due time, state and whether they are LATE.",
             {}, RunSteps),
  };
  for (Command& command : RunStepCommands()) {
    commands.push_back(std::move(command));
  }
  commands.push_back(OneRun(
      "finish", "Completes a run, with the drill's evaluation.",
      "Completes the run; refused while a mandatory step is open (FAILED_PRECONDITION,\n"
      "MANDATORY_STEP_OPEN, naming the step). The evaluation, when any of --objective,\n"
      "--strength, --improvement or --action is given, replaces the run's evaluation. Findings\n"
      "get the ids f-1, f-2, ...: strengths first, then improvements, in the order given.\n"
      "\n"
      "Example:\n"
      "  airr run finish bcp-ai-system-shutdown/RUN --objective obj-1=met \\\n"
      "    --strength 'The fallback desk was staffed in 40 minutes' \\\n"
      "    --improvement 'Customer notice templates were out of date' \\\n"
      "    --action 'Update the notice templates;Customer support;+30d;f-2'",
      FinishFlags(), RunFinish));
  commands.push_back(OneRun(
      "abort", "Ends a run early, with a reason.", "Ends a run before its end, with a reason.",
      {RequiredFlag("reason", "TEXT", "Why it ends early, 1 to 2,000 characters."),
       EtagFlag("run")},
      RunAbort));
  commands.push_back(OneRun(
      "report", "Prints the run report: target vs actual, RTO verdict, evaluation.",
      "Prints the post-run report: target against actual time per step and for the target\n"
      "times with the RTO verdict, the late, skipped and unstarted steps, the drill's\n"
      "objectives with their ratings, the findings, the corrective actions and the timeline\n"
      "with the injects. With -o json it prints the RunReport message.",
      {}, RunReport));
  return commands;
}

}  // namespace airr::cli
