#include "tools/airr/violations_command.h"

#include "absl/strings/str_cat.h"
#include "tools/airr/report_common.h"
#include "tools/airr/report_fields.h"
#include "tools/airr/report_output.h"
#include "tools/airr/resource_names.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::report::v1;

std::string Text(const ParsedArgs& args, const std::string& flag) {
  return args.Get(flag).value_or("");
}

int RunLink(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::LinkViolationRequest> request =
      BuildLinkViolationRequest(args, args.positional()[0]);
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  return CallAndPrint(&pb::ReportService::Stub::LinkViolation, *request, context);
}

int RunGet(const ParsedArgs& args, const CommandContext& context) {
  pb::GetViolationRequest request;
  request.set_name(IncidentChildName(args.positional()[0]));
  return CallAndPrint(&pb::ReportService::Stub::GetViolation, request, context);
}

int RunList(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<int32_t> page_size = IntFlag(args, "page-size", 0, 0, 1000000);
  if (!page_size.ok()) {
    return UsageError(page_size.status(), context);
  }
  pb::ListViolationsRequest request;
  request.set_parent(IncidentParent(args.positional()[0]));
  request.set_principle(PrincipleName(Text(args, "principle")));
  request.set_show_unlinked(args.GetBool("show-unlinked"));
  request.set_page_size(*page_size);
  pb::ListViolationsResponse merged;
  if (const int code =
          ListPages(&pb::ReportService::Stub::ListViolations, request, args, context, &merged);
      code != kExitOk) {
    return code;
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  if (merged.violations().empty()) {
    context.err << "No violations found.\n";
  } else {
    context.out << FormatViolationTable(merged.violations());
  }
  PrintNextPageHint(merged.next_page_token(), context);
  return kExitOk;
}

int RunSuggest(const ParsedArgs& args, const CommandContext& context) {
  pb::SuggestViolationsRequest request;
  request.set_parent(IncidentName(args.positional()[0]));
  pb::SuggestViolationsResponse response;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  const grpc::Status status =
      NewReportStub(context)->SuggestViolations(call.get(), request, &response);
  return PrintReportResult<pb::SuggestViolationsResponse>(
      status, response, context, [&](const pb::SuggestViolationsResponse& result) {
        if (result.suggestions().empty()) {
          context.err << "No suggestions: no rule matches the incident's facts.\n";
          return std::string();
        }
        return FormatSuggestionTable(result.suggestions());
      });
}

int RunConfirm(const ParsedArgs& args, const CommandContext& context) {
  pb::ConfirmViolationRequest request;
  request.set_name(IncidentChildName(args.positional()[0]));
  request.set_note(Text(args, "note"));
  request.set_etag(Text(args, "etag"));
  return CallAndPrint(&pb::ReportService::Stub::ConfirmViolation, request, context);
}

int RunUnlink(const ParsedArgs& args, const CommandContext& context) {
  pb::UnlinkViolationRequest request;
  request.set_name(IncidentChildName(args.positional()[0]));
  request.set_reason(Text(args, "reason"));
  request.set_etag(Text(args, "etag"));
  return CallAndPrint(&pb::ReportService::Stub::UnlinkViolation, request, context);
}

constexpr char kNameHelp[] =
    "VIOLATION is the violation's name, incidents/INCIDENT/violations/ID (the incidents/ prefix\n"
    "may be left out).";

Command Violation(std::string verb) { return NewCommand("violations", std::move(verb)); }

}  // namespace

std::vector<Command> ViolationsCommands() {
  Command link = Violation("link");
  link.args_synopsis = "INCIDENT";
  link.summary = "Links an incident to a violated principle sub-item (state PROPOSED).";
  link.description =
      "Records that the incident violated a principle sub-item (e.g. C03.1) or an advanced-AI\n"
      "principle, with the rationale and evidence; you are recorded as the assessor and the\n"
      "link is PROPOSED until another person confirms it (violations confirm).\n"
      "\n"
      "Example:\n"
      "  airr violations link screening-bias --principle C03.1 --confidence high \\\n"
      "    --rationale 'Training data under-represents women' --evidence DOC-17";
  link.flags = {
      RequiredFlag("principle", "ID", "The violated catalog entry, e.g. C03.1."),
      RequiredFlag("rationale", "TEXT", "Why the incident violates it, 1 to 4,000 characters."),
      {"evidence", '\0', FlagSpec::Kind::kValue, true, "REF",
       "A reference to evidence (document id, URL, ticket); up to 20."},
      RequiredFlag("confidence", "LEVEL",
                   "How sure you are." + EnumChoices(*pb::Confidence_descriptor())),
      ValueFlag("suggestion-rule", "ID", "The suggestion rule the link was accepted from."),
  };
  link.min_args = link.max_args = 1;
  link.run = RunLink;

  Command get = Violation("get");
  get.args_synopsis = "VIOLATION";
  get.summary = "Shows one violation.";
  get.description = absl::StrCat("Shows one violation with its state and etag.\n", kNameHelp);
  get.min_args = get.max_args = 1;
  get.run = RunGet;

  Command list = Violation("list");
  list.args_synopsis = "INCIDENT|-";
  list.summary = "Lists an incident's violations, or every incident's with -.";
  list.description =
      "Lists the violations of one incident, newest first, or of every incident with - (or\n"
      "incidents/-). Unlinked ones are left out unless --show-unlinked.";
  list.flags = Concat({ValueFlag("principle", "ID",
                                 "Only links to this entry or, for a common principle (C03), to "
                                 "any of its sub-items."),
                       BoolFlag("show-unlinked", "List unlinked violations too.")},
                      PageFlags("violations"));
  list.min_args = list.max_args = 1;
  list.run = RunList;

  Command suggest = Violation("suggest");
  suggest.args_synopsis = "INCIDENT";
  suggest.summary = "Suggests principles the incident may have violated; writes nothing.";
  suggest.description =
      "Asks the server which principles the incident may have violated, from its harm types,\n"
      "cause hints, kind, personal-data facts and keywords, with the rules that matched and the\n"
      "violation already linking each one. Accept one with `violations link --suggestion-rule`.";
  suggest.min_args = suggest.max_args = 1;
  suggest.run = RunSuggest;

  Command confirm = Violation("confirm");
  confirm.args_synopsis = "VIOLATION";
  confirm.summary = "Confirms a PROPOSED violation (not by its assessor).";
  confirm.description = absl::StrCat(
      "Confirms a PROPOSED violation. The assessor cannot confirm their own link\n"
      "(FAILED_PRECONDITION, reason SAME_PERSON).\n",
      kNameHelp);
  confirm.flags = {ValueFlag("note", "TEXT", "Your note, up to 2,000 characters."),
                   ReportEtagFlag("violation")};
  confirm.min_args = confirm.max_args = 1;
  confirm.run = RunConfirm;

  Command unlink = Violation("unlink");
  unlink.args_synopsis = "VIOLATION";
  unlink.summary = "Withdraws a violation; the record stays.";
  unlink.description = absl::StrCat(
      "Withdraws a violation, recording who and why; it stays listed with --show-unlinked.\n",
      kNameHelp);
  unlink.flags = {RequiredFlag("reason", "TEXT", "Why it is withdrawn, 1 to 2,000 characters."),
                  ReportEtagFlag("violation")};
  unlink.min_args = unlink.max_args = 1;
  unlink.run = RunUnlink;
  return {link, get, list, suggest, confirm, unlink};
}

}  // namespace airr::cli
