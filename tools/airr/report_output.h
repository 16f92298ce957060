// How the report service's resources look to people: principles, violations, suggestions,
// mitigations, notification obligations and rules as tables or key/value blocks, the result of an
// evaluation, and the whole incident report as a readable document. Enum values show without
// their prefix in upper case (SENT, OVERDUE), times in UTC RFC 3339. `-o json` bypasses this.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "airr/report/v1/report_service.pb.h"
#include "google/protobuf/message.h"
#include "google/protobuf/repeated_field.h"

namespace airr::cli {

// The key/value rows of one resource: KeyValueRows with top-level enum values as EnumLabel gives
// them, and rows whose value is unset (empty, 0, false, unspecified) left out, except `name` and
// `state`.
std::vector<std::pair<std::string, std::string>> ReportResourceRows(
    const google::protobuf::Message& message);

// ReportResourceRows as an aligned block.
std::string FormatReportResource(const google::protobuf::Message& message);

// A period as "72h", "15d" or "1mo"; "at once" for zero.
std::string FormatPeriod(const report::v1::Period& period);

// ID, KIND, PARENT, TITLE (en), TITLE (ja).
std::string FormatPrincipleTable(
    const google::protobuf::RepeatedPtrField<report::v1::Principle>& principles);

// NAME, PRINCIPLE, STATE, CONFIDENCE, ASSESSOR, CONFIRMER, ASSESSED.
std::string FormatViolationTable(
    const google::protobuf::RepeatedPtrField<report::v1::Violation>& violations);

// PRINCIPLE, TITLE, CONFIDENCE, RULES (each rule id with what it matched), LINKED (the linked
// violation's id, or "-").
std::string FormatSuggestionTable(
    const google::protobuf::RepeatedPtrField<report::v1::ViolationSuggestion>& suggestions);

// NAME, KIND, TITLE, OWNER, DUE, STATE ("PLANNED OVERDUE" when overdue).
std::string FormatMitigationTable(
    const google::protobuf::RepeatedPtrField<report::v1::Mitigation>& mitigations);

// NAME, RULE, REGIME, STAGE, RECIPIENT, DUE (UTC), STATE, TIMELINESS, NOTE ("provisional",
// "waived").
std::string FormatNotificationTable(
    const google::protobuf::RepeatedPtrField<report::v1::Notification>& notifications);

// The changes an evaluation made ("Added:", "Changed:", "No longer required:", "Revived:", or
// "No changes.") followed by the obligations' table.
std::string FormatEvaluateResult(const report::v1::EvaluateNotificationsResponse& response);

// RULE, VERSION, REGIME, STAGE, RECIPIENT, CLOCK, DEADLINE, ENABLED ("yes"/"no"), OWN ("yes" for
// tenant-defined).
std::string FormatNotificationRuleTable(
    const google::protobuf::RepeatedPtrField<report::v1::NotificationRule>& rules);

// The incident report as a document: a header block (incident, state, severity, kind, AI system
// with its EU class and the company's roles, owner, times including aware and breach aware), then
// the sections "Violated principles", "Mitigations", "Notifications" and "Timeline", each saying
// "(none)" when empty.
std::string FormatIncidentReport(const report::v1::IncidentReport& report);

}  // namespace airr::cli
