#include "tools/airr/mitigations_command.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tools/airr/report_common.h"
#include "tools/airr/report_fields.h"
#include "tools/airr/report_output.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::report::v1;

std::string Text(const ParsedArgs& args, const std::string& flag) {
  return args.Get(flag).value_or("");
}

std::string Name(const ParsedArgs& args) { return IncidentChildName(args.positional()[0]); }

int RunCreate(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::CreateMitigationRequest> request =
      BuildCreateMitigationRequest(args, args.positional()[0], absl::Now());
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  pb::Mitigation mitigation;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  const grpc::Status status =
      NewReportStub(context)->CreateMitigation(call.get(), *request, &mitigation);
  if (!status.ok()) {
    return ReportCreateError(status, request->request_id(), args, "mitigation", context);
  }
  return PrintReportResult<pb::Mitigation>(status, mitigation, context,
                                           [](const pb::Mitigation& m) { return ResourceText(m); });
}

int RunGet(const ParsedArgs& args, const CommandContext& context) {
  pb::GetMitigationRequest request;
  request.set_name(Name(args));
  return CallAndPrint(&pb::ReportService::Stub::GetMitigation, request, context);
}

int RunList(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::ListMitigationsRequest> request =
      BuildListMitigationsRequest(args, args.positional()[0]);
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  pb::ListMitigationsResponse merged;
  if (const int code =
          ListPages(&pb::ReportService::Stub::ListMitigations, *request, args, context, &merged);
      code != kExitOk) {
    return code;
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  if (merged.mitigations().empty()) {
    context.err << "No mitigations found.\n";
  } else {
    context.out << FormatMitigationTable(merged.mitigations());
  }
  PrintNextPageHint(merged.next_page_token(), context);
  return kExitOk;
}

int RunBegin(const ParsedArgs& args, const CommandContext& context) {
  pb::BeginMitigationRequest request;
  request.set_name(Name(args));
  request.set_etag(Text(args, "etag"));
  return CallAndPrint(&pb::ReportService::Stub::BeginMitigation, request, context);
}

int RunComplete(const ParsedArgs& args, const CommandContext& context) {
  pb::CompleteMitigationRequest request;
  request.set_name(Name(args));
  request.set_note(Text(args, "note"));
  request.set_etag(Text(args, "etag"));
  return CallAndPrint(&pb::ReportService::Stub::CompleteMitigation, request, context);
}

int RunVerify(const ParsedArgs& args, const CommandContext& context) {
  pb::VerifyMitigationRequest request;
  request.set_name(Name(args));
  request.set_method(Text(args, "method"));
  request.set_etag(Text(args, "etag"));
  return CallAndPrint(&pb::ReportService::Stub::VerifyMitigation, request, context);
}

int RunCancel(const ParsedArgs& args, const CommandContext& context) {
  pb::CancelMitigationRequest request;
  request.set_name(Name(args));
  request.set_reason(Text(args, "reason"));
  request.set_etag(Text(args, "etag"));
  return CallAndPrint(&pb::ReportService::Stub::CancelMitigation, request, context);
}

constexpr char kNameHelp[] =
    "\nNAME is the mitigation's name, incidents/INCIDENT/mitigations/ID (the incidents/ prefix\n"
    "may be left out).";

Command Mitigation(std::string verb, std::string summary, std::string description,
                   std::vector<FlagSpec> flags,
                   std::function<int(const ParsedArgs&, const CommandContext&)> run) {
  Command command = NewCommand("mitigations", std::move(verb));
  command.args_synopsis = "NAME";
  command.summary = std::move(summary);
  command.description = absl::StrCat(description, kNameHelp);
  flags.push_back(ReportEtagFlag("mitigation"));
  command.flags = std::move(flags);
  command.min_args = command.max_args = 1;
  command.run = std::move(run);
  return command;
}

}  // namespace

std::vector<Command> MitigationsCommands() {
  Command create = NewCommand("mitigations", "create");
  create.args_synopsis = "INCIDENT";
  create.summary = "Plans a mitigation for an incident (state PLANNED).";
  create.description =
      "Plans a measure for the incident, with its owner and due time, in state PLANNED.\n"
      "--due is RFC 3339 or relative to now (+72h, +3d). Every create carries a request id: a\n"
      "retry with the same --request-id returns the first result instead of planning another.\n"
      "\n"
      "Example:\n"
      "  airr mitigations create screening-bias --kind containment --title 'Suspend model' \\\n"
      "    --owner hr-ml --due +24h";
  create.flags = {
      RequiredFlag("kind", "KIND",
                   "What kind of measure." + EnumChoices(*pb::MitigationKind_descriptor())),
      RequiredFlag("title", "TEXT", "A short title, 1 to 200 characters."),
      RequiredFlag("owner", "NAME", "Who is responsible, 1 to 200 characters."),
      RequiredFlag("due", "TIME", "When it must be done: RFC 3339 or +72h, +3d."),
      ValueFlag("description", "TEXT", "What will be done, up to 4,000 characters."),
      ValueFlag("violation", "ID",
                "The violation of the same incident it addresses (its id or name)."),
      ValueFlag("id", "ID",
                "The last segment of the name: 1 to 63 lower-case letters, digits and -. "
                "Default: the server picks a UUID."),
      ValueFlag("request-id", "UUID", "Makes the create idempotent. Default: a fresh UUID."),
  };
  create.min_args = create.max_args = 1;
  create.run = RunCreate;

  Command get = NewCommand("mitigations", "get");
  get.args_synopsis = "NAME";
  get.summary = "Shows one mitigation.";
  get.description = absl::StrCat("Shows one mitigation with its state and etag.", kNameHelp);
  get.min_args = get.max_args = 1;
  get.run = RunGet;

  Command list = NewCommand("mitigations", "list");
  list.args_synopsis = "INCIDENT|-";
  list.summary = "Lists an incident's mitigations by due time, or every incident's with -.";
  list.description =
      "Lists the mitigations of one incident by due time, or of every incident with - (or\n"
      "incidents/-). OVERDUE marks a PLANNED or IN_PROGRESS one past its due time.";
  list.flags = Concat({{"state", '\0', FlagSpec::Kind::kValue, true, "STATE",
                        "Only mitigations in this state; repeat for several." +
                            EnumChoices(*pb::MitigationState_descriptor())},
                       ValueFlag("owner", "NAME", "Only mitigations of this owner."),
                       BoolFlag("overdue", "Only overdue mitigations.")},
                      PageFlags("mitigations"));
  list.min_args = list.max_args = 1;
  list.run = RunList;

  return {
      create,
      get,
      list,
      Mitigation("begin", "Starts work on a mitigation: PLANNED becomes IN_PROGRESS.",
                 "Records that work began: PLANNED becomes IN_PROGRESS.", {}, RunBegin),
      Mitigation("complete", "Reports a mitigation done: it becomes DONE.",
                 "Records what was done: PLANNED or IN_PROGRESS becomes DONE, awaiting\n"
                 "verification by another person.",
                 {RequiredFlag("note", "TEXT", "What was done, 1 to 4,000 characters.")},
                 RunComplete),
      Mitigation("verify", "Verifies a DONE mitigation (not by who completed it).",
                 "Records how it was verified to work: DONE becomes VERIFIED. The person who\n"
                 "completed it cannot verify it (FAILED_PRECONDITION, reason SAME_PERSON).",
                 {RequiredFlag("method", "TEXT",
                               "How it was verified (test, audit, ...), 1 to 2,000 characters.")},
                 RunVerify),
      Mitigation("cancel", "Drops a PLANNED or IN_PROGRESS mitigation, with a reason.",
                 "Drops a mitigation: PLANNED or IN_PROGRESS becomes CANCELLED; it stays listed.",
                 {RequiredFlag("reason", "TEXT", "Why it is dropped, 1 to 2,000 characters.")},
                 RunCancel),
  };
}

}  // namespace airr::cli
