#include "tools/airr/report_output.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/airr/document_text.h"
#include "tools/airr/output.h"
#include "tools/airr/report_fields.h"
#include "tools/airr/resource_names.h"
#include "tools/airr/terminal_text.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::report::v1;

using Rows = std::vector<std::pair<std::string, std::string>>;

// Wider cells are cut in tables; -o json has the full text.
constexpr int kMaxTitleWidth = 48;
constexpr int kMaxRecipientWidth = 40;
constexpr int kMaxTextWidth = 70;
constexpr int kMaxRulesWidth = 80;

std::string Time(const google::protobuf::Timestamp& time) { return FormatTimestampShort(time); }

// "incidents/i/violations/v" -> "v"; the tables list one incident's children, and -o json or
// `get` shows the full name.
std::string ChildId(const std::string& name) { return ResourceId(name); }

std::string PrincipleId(const std::string& name) { return ResourceId(name); }

std::string MitigationState(const pb::Mitigation& mitigation) {
  std::string state = EnumLabel(*pb::MitigationState_descriptor(), mitigation.state());
  if (mitigation.overdue()) {
    absl::StrAppend(&state, " OVERDUE");
  }
  return state;
}

std::string NotificationNote(const pb::Notification& notification) {
  std::vector<std::string> notes;
  if (notification.provisional()) {
    notes.push_back("provisional");
  }
  if (notification.waived()) {
    notes.push_back("waived");
  }
  if (!notification.not_required_reason().empty()) {
    notes.push_back(notification.not_required_reason());
  }
  return CutText(absl::StrJoin(notes, "; "), kMaxTextWidth);
}

std::string ReportHeader(const pb::IncidentReport& report) {
  const pb::IncidentFacts& incident = report.incident();
  const pb::AiSystemFacts& system = report.ai_system();
  Rows rows;
  rows.emplace_back("incident", incident.name());
  rows.emplace_back("title", incident.title());
  rows.emplace_back("state", TrimEnumText(incident.state(), "STATE_"));
  rows.emplace_back("severity", TrimEnumText(incident.severity(), "SEVERITY_"));
  rows.emplace_back("kind", TrimEnumText(incident.kind(), "KIND_"));
  AddRowIfSet(&rows, "owner", incident.owner());
  std::vector<std::string> roles;
  for (const std::string& role : system.actor_roles()) {
    roles.push_back(TrimEnumText(role, "ACTOR_ROLE_"));
  }
  std::string eu_class = TrimEnumText(system.eu_risk_category(), "EU_RISK_CATEGORY_");
  const std::string area = TrimEnumText(system.eu_high_risk_area(), "EU_HIGH_RISK_AREA_");
  if (!area.empty()) {
    absl::StrAppend(&eu_class, eu_class.empty() ? "" : " ", "(", area, ")");
  }
  std::string system_line = system.name().empty() ? incident.ai_system() : system.name();
  if (!system.display_name().empty()) {
    absl::StrAppend(&system_line, " \"", system.display_name(), "\"");
  }
  rows.emplace_back("ai_system", system_line);
  AddRowIfSet(&rows, "eu_ai_act_class", eu_class);
  AddRowIfSet(&rows, "company_roles", absl::StrJoin(roles, ", "));
  AddRowIfSet(&rows, "risk_tier", TrimEnumText(system.risk_tier(), "RISK_TIER_"));
  AddRowIfSet(&rows, "accountable_officer", system.accountable_officer());
  AddRowIfSet(&rows, "occur_time", Time(incident.occur_time()));
  AddRowIfSet(&rows, "detect_time", Time(incident.detect_time()));
  AddRowIfSet(&rows, "report_time", Time(incident.report_time()));
  AddRowIfSet(&rows, "aware_time", Time(incident.aware_time()));
  AddRowIfSet(&rows, "breach_aware_time", Time(incident.breach_aware_time()));
  AddRowIfSet(&rows, "triage_time", Time(incident.triage_time()));
  AddRowIfSet(&rows, "resolve_time", Time(incident.resolve_time()));
  AddRowIfSet(&rows, "close_time", Time(incident.close_time()));
  std::vector<std::string> harms;
  for (const std::string& harm : incident.harm_types()) {
    harms.push_back(TrimEnumText(harm, "HARM_TYPE_"));
  }
  AddRowIfSet(&rows, "harm_types", absl::StrJoin(harms, ", "));
  if (incident.fundamental_rights_infringed()) {
    rows.emplace_back("fundamental_rights", "INFRINGED");
  }
  if (incident.personal_data_breached()) {
    std::vector<std::string> types;
    for (const std::string& type : incident.breach_types()) {
      types.push_back(TrimEnumText(type, "BREACH_TYPE_"));
    }
    std::vector<std::string> categories;
    for (const std::string& category : incident.breach_categories()) {
      categories.push_back(TrimEnumText(category, "BREACH_CATEGORY_"));
    }
    std::string breach = absl::StrCat(incident.breach_persons(), " persons");
    if (!types.empty()) {
      absl::StrAppend(&breach, ", ", absl::StrJoin(types, ", "));
    }
    if (!categories.empty()) {
      absl::StrAppend(&breach, ", categories ", absl::StrJoin(categories, ", "));
    }
    rows.emplace_back("personal_data_breach", breach);
  }
  AddRowIfSet(&rows, "jurisdictions", absl::StrJoin(incident.jurisdictions(), ", "));
  AddRowIfSet(&rows, "generated", Time(report.generate_time()));
  return FormatRows(rows);
}

std::string ReportViolations(const pb::IncidentReport& report) {
  if (report.violations().empty()) {
    return "  (none)\n";
  }
  std::string out;
  for (const pb::ReportedViolation& reported : report.violations()) {
    const pb::Violation& violation = reported.violation();
    const pb::Principle& principle = reported.principle();
    absl::StrAppend(&out, "  ", PrincipleId(violation.principle()), "  ",
                    SanitizeForTerminal(principle.title_en()), "  [",
                    EnumLabel(*pb::ViolationState_descriptor(), violation.state()), "]\n");
    Rows rows;
    AddRowIfSet(&rows, "title_ja", principle.title_ja());
    if (reported.has_parent_principle()) {
      AddRowIfSet(&rows, "principle",
                  absl::StrCat(PrincipleId(reported.parent_principle().name()), " ",
                               reported.parent_principle().title_en(), " / ",
                               reported.parent_principle().title_ja()));
    }
    std::vector<std::string> policies;
    for (const pb::PolicyPrinciple& policy : reported.policy_principles()) {
      policies.push_back(absl::StrCat(policy.code(), " ", policy.title()));
    }
    AddRowIfSet(&rows, "policy", absl::StrJoin(policies, "; "));
    AddRowIfSet(&rows, "confidence",
                EnumLabel(*pb::Confidence_descriptor(), violation.confidence()));
    AddRowIfSet(
        &rows, "assessor",
        absl::StrCat(violation.assessor(), violation.assess_time().seconds() != 0 ? " at " : "",
                     Time(violation.assess_time())));
    if (!violation.confirmer().empty()) {
      AddRowIfSet(&rows, "confirmer",
                  absl::StrCat(violation.confirmer(), " at ", Time(violation.confirm_time())));
    }
    AddRowIfSet(&rows, "rationale", violation.rationale());
    AddRowIfSet(&rows, "evidence", absl::StrJoin(violation.evidence_refs(), ", "));
    absl::StrAppend(&out, IndentLines(FormatRows(rows), "      "));
  }
  return out;
}

}  // namespace

Rows ReportResourceRows(const google::protobuf::Message& message) {
  Rows rows = KeyValueRows(message);
  const google::protobuf::Descriptor& descriptor = *message.GetDescriptor();
  const google::protobuf::Reflection& reflection = *message.GetReflection();
  for (auto& [key, value] : rows) {
    const google::protobuf::FieldDescriptor* field = descriptor.FindFieldByName(key);
    if (field == nullptr || field->type() != google::protobuf::FieldDescriptor::TYPE_ENUM) {
      continue;
    }
    if (field->is_repeated()) {
      std::vector<std::string> labels;
      for (int i = 0; i < reflection.FieldSize(message, field); ++i) {
        labels.push_back(
            EnumLabel(*field->enum_type(), reflection.GetRepeatedEnumValue(message, field, i)));
      }
      value = absl::StrJoin(labels, ", ");
    } else {
      value = EnumLabel(*field->enum_type(), reflection.GetEnumValue(message, field));
    }
  }
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [](const std::pair<std::string, std::string>& row) {
                              if (row.first == "name" || row.first == "state") {
                                return false;
                              }
                              return row.second.empty() || row.second == "0" ||
                                     row.second == "false" || row.second == "unspecified";
                            }),
             rows.end());
  return rows;
}

std::string FormatReportResource(const google::protobuf::Message& message) {
  return FormatRows(ReportResourceRows(message));
}

std::string FormatPeriod(const pb::Period& period) {
  if (period.amount() == 0) {
    return "at once";
  }
  switch (period.unit()) {
    case pb::PERIOD_UNIT_HOURS:
      return absl::StrCat(period.amount(), "h");
    case pb::PERIOD_UNIT_DAYS:
      return absl::StrCat(period.amount(), "d");
    case pb::PERIOD_UNIT_MONTHS:
      return absl::StrCat(period.amount(), "mo");
    default:
      return absl::StrCat(period.amount(), "?");
  }
}

std::string FormatPrincipleTable(const google::protobuf::RepeatedPtrField<pb::Principle>& list) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::Principle& principle : list) {
    rows.push_back({
        PrincipleId(principle.name()),
        EnumLabel(*pb::PrincipleKind_descriptor(), principle.kind()),
        OrDash(PrincipleId(principle.parent())),
        CutText(principle.title_en(), kMaxTitleWidth),
        CutText(principle.title_ja(), kMaxTitleWidth),
    });
  }
  return FormatTable({"ID", "KIND", "PARENT", "TITLE", "TITLE (JA)"}, rows);
}

std::string FormatViolationTable(const google::protobuf::RepeatedPtrField<pb::Violation>& list) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::Violation& violation : list) {
    rows.push_back({
        violation.name(),
        PrincipleId(violation.principle()),
        EnumLabel(*pb::ViolationState_descriptor(), violation.state()),
        EnumLabel(*pb::Confidence_descriptor(), violation.confidence()),
        CutText(violation.assessor(), 30),
        OrDash(CutText(violation.confirmer(), 30)),
        Time(violation.assess_time()),
    });
  }
  return FormatTable(
      {"NAME", "PRINCIPLE", "STATE", "CONFIDENCE", "ASSESSOR", "CONFIRMER", "ASSESSED"}, rows);
}

std::string FormatSuggestionTable(
    const google::protobuf::RepeatedPtrField<pb::ViolationSuggestion>& list) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::ViolationSuggestion& suggestion : list) {
    std::vector<std::string> matches;
    for (const pb::SuggestionMatch& match : suggestion.matches()) {
      matches.push_back(absl::StrCat(ResourceId(match.rule()), " (", match.matched(), ")"));
    }
    rows.push_back({
        PrincipleId(suggestion.principle()),
        CutText(suggestion.principle_title_en(), kMaxTitleWidth),
        EnumLabel(*pb::Confidence_descriptor(), suggestion.confidence()),
        CutText(absl::StrJoin(matches, "; "), kMaxRulesWidth),
        OrDash(ChildId(suggestion.linked_violation())),
    });
  }
  return FormatTable({"PRINCIPLE", "TITLE", "CONFIDENCE", "RULES", "LINKED"}, rows);
}

std::string FormatMitigationTable(const google::protobuf::RepeatedPtrField<pb::Mitigation>& list) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::Mitigation& mitigation : list) {
    rows.push_back({
        mitigation.name(),
        EnumLabel(*pb::MitigationKind_descriptor(), mitigation.kind()),
        CutText(mitigation.title(), kMaxTitleWidth),
        CutText(mitigation.owner(), 30),
        Time(mitigation.due_time()),
        MitigationState(mitigation),
    });
  }
  return FormatTable({"NAME", "KIND", "TITLE", "OWNER", "DUE", "STATE"}, rows);
}

std::string FormatNotificationTable(
    const google::protobuf::RepeatedPtrField<pb::Notification>& list) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::Notification& notification : list) {
    rows.push_back({
        notification.name(),
        ResourceId(notification.rule()),
        EnumLabel(*pb::Regime_descriptor(), notification.regime()),
        EnumLabel(*pb::NotificationStage_descriptor(), notification.stage()),
        CutText(notification.recipient(), kMaxRecipientWidth),
        Time(notification.due_time()),
        EnumLabel(*pb::NotificationState_descriptor(), notification.state()),
        EnumLabel(*pb::Timeliness_descriptor(), notification.timeliness()),
        NotificationNote(notification),
    });
  }
  return FormatTable(
      {"NAME", "RULE", "REGIME", "STAGE", "RECIPIENT", "DUE (UTC)", "STATE", "TIMELINESS", "NOTE"},
      rows);
}

std::string FormatEvaluateResult(const pb::EvaluateNotificationsResponse& response) {
  std::string out;
  const auto list = [&](const char* title,
                        const google::protobuf::RepeatedPtrField<std::string>& names) {
    if (names.empty()) {
      return;
    }
    absl::StrAppend(&out, title, "\n");
    for (const std::string& name : names) {
      absl::StrAppend(&out, "  ", SanitizeForTerminal(name), "\n");
    }
  };
  list("Added:", response.added());
  list("Changed:", response.changed());
  list("No longer required:", response.no_longer_required());
  list("Revived:", response.revived());
  if (out.empty()) {
    out = "No changes.\n";
  }
  absl::StrAppend(&out, "\nObligations:\n",
                  IndentedTableOrNone(response.notifications().empty(),
                                      FormatNotificationTable(response.notifications())));
  return out;
}

std::string FormatNotificationRuleTable(
    const google::protobuf::RepeatedPtrField<pb::NotificationRule>& list) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::NotificationRule& rule : list) {
    rows.push_back({
        ResourceId(rule.name()),
        absl::StrCat(rule.version()),
        EnumLabel(*pb::Regime_descriptor(), rule.regime()),
        EnumLabel(*pb::NotificationStage_descriptor(), rule.stage()),
        CutText(rule.recipient(), kMaxRecipientWidth),
        EnumLabel(*pb::ClockStart_descriptor(), rule.clock_start()),
        FormatPeriod(rule.deadline()),
        rule.enabled() ? "yes" : "no",
        rule.tenant_defined() ? "yes" : "no",
    });
  }
  return FormatTable(
      {"RULE", "VERSION", "REGIME", "STAGE", "RECIPIENT", "CLOCK", "DEADLINE", "ENABLED", "OWN"},
      rows);
}

std::string FormatIncidentReport(const pb::IncidentReport& report) {
  std::string out = absl::StrCat("Incident report\n\n", ReportHeader(report));

  absl::StrAppend(&out, DocumentSection("Violated principles", ReportViolations(report)));

  std::vector<std::vector<std::string>> mitigations;
  for (const pb::Mitigation& mitigation : report.mitigations()) {
    mitigations.push_back({
        EnumLabel(*pb::MitigationKind_descriptor(), mitigation.kind()),
        CutText(mitigation.title(), kMaxTitleWidth),
        CutText(mitigation.owner(), 30),
        Time(mitigation.due_time()),
        MitigationState(mitigation),
        OrDash(CutText(mitigation.verifier(), 30)),
    });
  }
  absl::StrAppend(
      &out, DocumentSection("Mitigations",
                            IndentedTableOrNone(
                                mitigations.empty(),
                                FormatTable({"KIND", "TITLE", "OWNER", "DUE", "STATE", "VERIFIER"},
                                            mitigations))));

  std::vector<std::vector<std::string>> notifications;
  for (const pb::Notification& notification : report.notifications()) {
    notifications.push_back({
        EnumLabel(*pb::Regime_descriptor(), notification.regime()),
        ResourceId(notification.rule()),
        EnumLabel(*pb::NotificationStage_descriptor(), notification.stage()),
        CutText(notification.recipient(), kMaxRecipientWidth),
        Time(notification.due_time()),
        EnumLabel(*pb::NotificationState_descriptor(), notification.state()),
        EnumLabel(*pb::Timeliness_descriptor(), notification.timeliness()),
        Time(notification.sent_time()),
        NotificationNote(notification),
    });
  }
  absl::StrAppend(
      &out, DocumentSection("Notifications",
                            IndentedTableOrNone(
                                notifications.empty(),
                                FormatTable({"REGIME", "RULE", "STAGE", "RECIPIENT", "DUE (UTC)",
                                             "STATE", "TIMELINESS", "SENT", "NOTE"},
                                            notifications))));

  std::vector<std::vector<std::string>> events;
  for (const pb::ReportedTimelineEvent& event : report.timeline()) {
    // Like `incidents timeline`: "->REPORTED" for the first state, the state alone for an event
    // that kept it.
    const auto is_unset = [](const std::string& state) {
      return state.empty() || state == "STATE_UNSPECIFIED";
    };
    std::string transition;
    if (!is_unset(event.to_state())) {
      const std::string to = TrimEnumText(event.to_state(), "STATE_");
      if (is_unset(event.from_state())) {
        transition = absl::StrCat("->", to);
      } else if (event.from_state() == event.to_state()) {
        transition = to;
      } else {
        transition = absl::StrCat(TrimEnumText(event.from_state(), "STATE_"), "->", to);
      }
    }
    events.push_back({
        absl::StrCat(event.seq()),
        Time(event.occur_time()),
        TrimEnumText(event.type(), "TIMELINE_EVENT_TYPE_"),
        CutText(event.actor(), 30),
        transition,
        CutText(event.text(), kMaxTextWidth),
    });
  }
  absl::StrAppend(
      &out,
      DocumentSection("Timeline",
                      IndentedTableOrNone(
                          events.empty(),
                          FormatTable({"#", "TIME", "TYPE", "ACTOR", "STATE", "TEXT"}, events))));
  return out;
}

}  // namespace airr::cli
