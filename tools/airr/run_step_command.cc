#include "tools/airr/run_step_command.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tools/airr/command_util.h"
#include "tools/airr/playbook_common.h"
#include "tools/airr/playbook_output.h"
#include "tools/airr/resource_names.h"
#include "tools/airr/run_fields.h"
#include "tools/airr/time_text.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::playbook::v1;

using Stub = pb::PlaybookService::Stub;

std::string Text(const ParsedArgs& args, const std::string& flag) {
  return args.Get(flag).value_or("");
}

template <typename Request>
int SendAndPrintSteps(grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&, pb::Run*),
                      const Request& request, const CommandContext& context) {
  pb::Run run;
  const grpc::Status status = CallRpc(*NewPlaybookStub(context), rpc, request, context, &run);
  return PrintTextResult<pb::Run>(status, run, context, FormatRunSteps);
}

int RunStartStep(const ParsedArgs& args, const CommandContext& context) {
  pb::StartStepRequest request;
  request.set_run(RunName(args.positional()[0]));
  request.set_step_id(args.positional()[1]);
  request.set_etag(Text(args, "etag"));
  absl::StatusOr<std::optional<google::protobuf::Timestamp>> at = AtTime(args, absl::Now());
  if (!at.ok()) {
    return UsageError(at.status(), context);
  }
  if (at->has_value()) {
    *request.mutable_start_time() = **at;
  }
  return SendAndPrintSteps(&Stub::StartStep, request, context);
}

int RunComplete(const ParsedArgs& args, const CommandContext& context) {
  pb::CompleteStepRequest request;
  request.set_run(RunName(args.positional()[0]));
  request.set_step_id(args.positional()[1]);
  request.set_notes(Text(args, "notes"));
  request.set_etag(Text(args, "etag"));
  absl::StatusOr<std::optional<google::protobuf::Timestamp>> at = AtTime(args, absl::Now());
  if (!at.ok()) {
    return UsageError(at.status(), context);
  }
  if (at->has_value()) {
    *request.mutable_complete_time() = **at;
  }
  return SendAndPrintSteps(&Stub::CompleteStep, request, context);
}

int RunSkip(const ParsedArgs& args, const CommandContext& context) {
  pb::SkipStepRequest request;
  request.set_run(RunName(args.positional()[0]));
  request.set_step_id(args.positional()[1]);
  request.set_reason(Text(args, "reason"));
  request.set_admin_override(args.GetBool("admin-override"));
  request.set_etag(Text(args, "etag"));
  return SendAndPrintSteps(&Stub::SkipStep, request, context);
}

int RunInject(const ParsedArgs& args, const CommandContext& context) {
  pb::AddInjectRequest request;
  request.set_run(RunName(args.positional()[0]));
  absl::StatusOr<absl::Duration> offset = ParseDurationFlag(Text(args, "offset"), "--offset");
  if (!offset.ok()) {
    return UsageError(offset.status(), context);
  }
  pb::Inject& inject = *request.mutable_inject();
  *inject.mutable_offset() = ToProtoDuration(*offset);
  inject.set_title(Text(args, "title"));
  inject.set_description(Text(args, "description"));
  pb::Run run;
  const grpc::Status status =
      CallRpc(*NewPlaybookStub(context), &Stub::AddInject, request, context, &run);
  return PrintTextResult<pb::Run>(status, run, context, [&](const pb::Run& result) {
    return absl::StrCat("Injected at +", FormatDurationShort(inject.offset()), " into ",
                        result.name(), ": ", inject.title(), "\n");
  });
}

constexpr char kRunHelp[] =
    "\n\nRUN is the run's name, playbooks/PLAYBOOK/runs/ID, or PLAYBOOK/ID as 'drill start'\n"
    "prints it; STEP is the step's id in the playbook.";

Command StepCommand(std::string verb, std::string summary, std::string description,
                    std::vector<FlagSpec> flags,
                    std::function<int(const ParsedArgs&, const CommandContext&)> run) {
  Command command = NewCommand("run", std::move(verb));
  command.args_synopsis = "RUN STEP";
  command.summary = std::move(summary);
  command.description = absl::StrCat(description, kRunHelp);
  flags.push_back(EtagFlag("run"));
  command.flags = std::move(flags);
  command.min_args = command.max_args = 2;
  command.run = std::move(run);
  return command;
}

FlagSpec AtFlag(const std::string& what) {
  return ValueFlag(
      "at", "TIME",
      absl::StrCat("When it ", what,
                   ", if earlier than now: RFC 3339 or relative, -30m. Default: now."));
}

}  // namespace

std::vector<Command> RunStepCommands() {
  Command inject = NewCommand("run", "inject");
  inject.args_synopsis = "RUN";
  inject.summary = "Records a scenario event on a drill's timeline.";
  inject.description = absl::StrCat(
      "Records a scenario event (an inject) at an offset from the drill's start, e.g. \"the\n"
      "regulator calls\" 45 minutes in; it appears on the run's timeline and in the report.",
      "\n\nRUN is the run's name, playbooks/PLAYBOOK/runs/ID, or PLAYBOOK/ID.");
  inject.flags = {
      RequiredFlag("offset", "DURATION", "When it happens in the scenario: 45m, 1h30m, 2h."),
      RequiredFlag("title", "TEXT", "A short title, 1 to 200 characters."),
      ValueFlag("description", "TEXT", "What happens, up to 4,000 characters."),
  };
  inject.min_args = inject.max_args = 1;
  inject.run = RunInject;

  return {
      StepCommand("start-step", "Starts a step of a run.",
                  "Starts a step; the steps it depends on must be done or skipped first\n"
                  "(FAILED_PRECONDITION, DEPENDENCY_OPEN).",
                  {AtFlag("started")}, RunStartStep),
      StepCommand("complete", "Records a step as done (starting it if needed).",
                  "Records a step as done, with notes; a pending step is started at the same "
                  "time.\nIt is LATE when done after its due time.",
                  {ValueFlag("notes", "TEXT", "What was done, up to 8,000 characters."),
                   AtFlag("was done")},
                  RunComplete),
      StepCommand("skip", "Skips a step with a reason.",
                  "Skips a step with a reason. A mandatory step can only be skipped by an admin\n"
                  "with --admin-override, which the audit trail records.",
                  {RequiredFlag("reason", "TEXT", "Why it is skipped, 1 to 2,000 characters."),
                   BoolFlag("admin-override", "Skip a mandatory step (admin role only).")},
                  RunSkip),
      inject,
  };
}

}  // namespace airr::cli
