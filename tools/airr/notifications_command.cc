#include "tools/airr/notifications_command.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
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

std::string Name(const ParsedArgs& args) { return IncidentChildName(args.positional()[0]); }

FlagSpec Repeated(std::string name, std::string value_name, std::string help) {
  return {std::move(name),       '\0',           FlagSpec::Kind::kValue, true,
          std::move(value_name), std::move(help)};
}

int RunEvaluate(const ParsedArgs& args, const CommandContext& context) {
  pb::EvaluateNotificationsRequest request;
  request.set_parent(IncidentName(args.positional()[0]));
  pb::EvaluateNotificationsResponse response;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  const grpc::Status status =
      NewReportStub(context)->EvaluateNotifications(call.get(), request, &response);
  return PrintReportResult<pb::EvaluateNotificationsResponse>(status, response, context,
                                                              FormatEvaluateResult);
}

int RunGet(const ParsedArgs& args, const CommandContext& context) {
  pb::GetNotificationRequest request;
  request.set_name(Name(args));
  return CallAndPrint(&pb::ReportService::Stub::GetNotification, request, context);
}

int RunList(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::ListNotificationsRequest> request =
      BuildListNotificationsRequest(args, args.positional()[0], absl::Now());
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  pb::ListNotificationsResponse merged;
  if (const int code =
          ListPages(&pb::ReportService::Stub::ListNotifications, *request, args, context, &merged);
      code != kExitOk) {
    return code;
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  if (merged.notifications().empty()) {
    context.err << "No notification obligations found.\n";
  } else {
    context.out << FormatNotificationTable(merged.notifications());
  }
  PrintNextPageHint(merged.next_page_token(), context);
  return kExitOk;
}

int RunMarkSent(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::MarkNotificationSentRequest> request =
      BuildMarkNotificationSentRequest(args, args.positional()[0], absl::Now());
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  return CallAndPrint(&pb::ReportService::Stub::MarkNotificationSent, *request, context);
}

int RunAck(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::AcknowledgeNotificationRequest> request =
      BuildAcknowledgeNotificationRequest(args, args.positional()[0], absl::Now());
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  return CallAndPrint(&pb::ReportService::Stub::AcknowledgeNotification, *request, context);
}

int RunNotRequired(const ParsedArgs& args, const CommandContext& context) {
  pb::MarkNotificationNotRequiredRequest request;
  request.set_name(Name(args));
  request.set_justification(Text(args, "justification"));
  request.set_etag(Text(args, "etag"));
  return CallAndPrint(&pb::ReportService::Stub::MarkNotificationNotRequired, request, context);
}

int RunRules(const ParsedArgs& args, const CommandContext& context) {
  const std::vector<std::string>& positional = args.positional();
  if (positional.empty()) {
    if (args.Has("reason")) {
      return ReportUsageError("--reason is only for rules enable|disable RULE", context.path,
                              context.err);
    }
    absl::StatusOr<pb::ListNotificationRulesRequest> request =
        BuildListNotificationRulesRequest(args);
    if (!request.ok()) {
      return UsageError(request.status(), context);
    }
    pb::ListNotificationRulesResponse merged;
    if (const int code = ListPages(&pb::ReportService::Stub::ListNotificationRules, *request, args,
                                   context, &merged);
        code != kExitOk) {
      return code;
    }
    if (context.output == OutputFormat::kJson) {
      return PrintMessage(merged, context);
    }
    if (merged.rules().empty()) {
      context.err << "No notification rules found.\n";
    } else {
      context.out << FormatNotificationRuleTable(merged.rules());
    }
    PrintNextPageHint(merged.next_page_token(), context);
    return kExitOk;
  }
  const std::string& action = positional[0];
  if ((action != "enable" && action != "disable") || positional.size() != 2) {
    return ReportUsageError("expected no arguments (list the rules) or enable|disable RULE",
                            context.path, context.err);
  }
  if (!args.Has("reason")) {
    return ReportUsageError("missing --reason TEXT", context.path, context.err);
  }
  if (args.Has("regime") || args.Has("all-versions") || args.Has("page-size") ||
      args.Has("page-token") || args.Has("all")) {
    return ReportUsageError("the list flags do not apply to rules enable|disable", context.path,
                            context.err);
  }
  pb::SetNotificationRuleEnabledRequest request;
  const std::string& rule = positional[1];
  request.set_name(rule.find('/') == std::string::npos ? absl::StrCat("notificationRules/", rule)
                                                       : rule);
  request.set_enabled(action == "enable");
  request.set_reason(Text(args, "reason"));
  return CallAndPrint(&pb::ReportService::Stub::SetNotificationRuleEnabled, request, context);
}

constexpr char kNameHelp[] =
    "\nNAME is the obligation's name, incidents/INCIDENT/notifications/ID (the incidents/\n"
    "prefix may be left out).";

Command Notification(std::string verb) { return NewCommand("notifications", std::move(verb)); }

}  // namespace

std::vector<Command> NotificationsCommands() {
  Command evaluate = Notification("evaluate");
  evaluate.args_synopsis = "INCIDENT";
  evaluate.summary = "Derives the incident's notification obligations from the rules.";
  evaluate.description =
      "Derives who must be told about the incident by when, from its current facts and the\n"
      "enabled regime rules, and stores the result: prints the obligations added, changed, no\n"
      "longer required and revived, then every obligation with its due time (UTC). Safe to\n"
      "repeat; run it again after the incident's facts change.";
  evaluate.min_args = evaluate.max_args = 1;
  evaluate.run = RunEvaluate;

  Command get = Notification("get");
  get.args_synopsis = "NAME";
  get.summary = "Shows one notification obligation.";
  get.description =
      absl::StrCat("Shows one obligation: rule, clock, due time, state, what was sent.", kNameHelp);
  get.min_args = get.max_args = 1;
  get.run = RunGet;

  Command list = Notification("list");
  list.args_synopsis = "INCIDENT|-";
  list.summary = "Lists obligations by due time, of one incident or every one (-).";
  list.description =
      "Lists the notification obligations of one incident by due time, or of every incident\n"
      "with - (or incidents/-), e.g. everything due within a day:\n"
      "  airr notifications list - --due-before +24h --state pending --state overdue";
  list.flags = Concat(
      {ValueFlag("due-before", "TIME", "Only obligations due before this time: RFC 3339 or +24h."),
       Repeated("state", "STATE",
                "Only obligations in this state; repeat for several. overdue selects pending ones "
                "past their due time." +
                    EnumChoices(*pb::NotificationState_descriptor()))},
      PageFlags("obligations"));
  list.min_args = list.max_args = 1;
  list.run = RunList;

  Command mark_sent = Notification("mark-sent");
  mark_sent.args_synopsis = "NAME";
  mark_sent.summary = "Records that a pending or overdue obligation was sent.";
  mark_sent.description = absl::StrCat(
      "Records that the notification was sent, with a reference to what was sent. A sent time\n"
      "after the due time needs --late-reason.",
      kNameHelp);
  mark_sent.flags = {
      RequiredFlag("content-ref", "REF", "A reference to the content sent, 1 to 500 characters."),
      ValueFlag("sent-time", "TIME", "When it was sent: RFC 3339 or -2h. Default: now."),
      Repeated("evidence", "REF", "A reference to evidence of sending; up to 20."),
      ValueFlag("late-reason", "TEXT", "Why it was late; needed when sent after the due time."),
      ReportEtagFlag("obligation"),
  };
  mark_sent.min_args = mark_sent.max_args = 1;
  mark_sent.run = RunMarkSent;

  Command ack = Notification("ack");
  ack.args_synopsis = "NAME";
  ack.summary = "Records that the recipient acknowledged a SENT obligation.";
  ack.description = absl::StrCat("Records the recipient's acknowledgement.", kNameHelp);
  ack.flags = {
      ValueFlag("reference", "REF", "The recipient's reference, e.g. a case number."),
      ValueFlag("ack-time", "TIME", "When it was acknowledged: RFC 3339 or -2h. Default: now."),
      ReportEtagFlag("obligation"),
  };
  ack.min_args = ack.max_args = 1;
  ack.run = RunAck;

  Command not_required = Notification("not-required");
  not_required.args_synopsis = "NAME";
  not_required.summary = "Records a decision that a pending obligation is not required.";
  not_required.description = absl::StrCat(
      "Records a person's decision that the obligation is not required (e.g. a GDPR Art. 34(3)\n"
      "exemption), with the justification. Re-evaluation does not revive it.",
      kNameHelp);
  not_required.flags = {
      RequiredFlag("justification", "TEXT", "Why it is not required, 1 to 2,000 characters."),
      ReportEtagFlag("obligation"),
  };
  not_required.min_args = not_required.max_args = 1;
  not_required.run = RunNotRequired;

  Command rules = Notification("rules");
  rules.args_synopsis = "[enable|disable RULE]";
  rules.summary = "Lists the notification rules, or enables or disables one.";
  rules.description =
      "Without arguments, lists the rules the tenant sees (seeded and its own), the latest\n"
      "version of each unless --all-versions. With enable RULE or disable RULE, turns a rule on\n"
      "or off for the tenant, with --reason; obligations change at the next evaluation.\n"
      "\n"
      "Examples:\n"
      "  airr notifications rules --regime gdpr\n"
      "  airr notifications rules enable nis2-early-warning --reason 'essential entity'";
  rules.flags =
      Concat({ValueFlag("regime", "REGIME",
                        "Only rules of this regime." + EnumChoices(*pb::Regime_descriptor())),
              BoolFlag("all-versions", "List every version, not only the latest."),
              ValueFlag("reason", "TEXT", "With enable|disable: why, 1 to 2,000 characters.")},
             PageFlags("rules"));
  rules.min_args = 0;
  rules.max_args = 2;
  rules.run = RunRules;

  return {evaluate, get, list, mark_sent, ack, not_required, rules};
}

}  // namespace airr::cli
