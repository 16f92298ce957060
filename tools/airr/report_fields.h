// What the report commands (principles, violations, mitigations, notifications, report) need
// from the command line: resource names from what users type, enum flags, times (RFC 3339 or
// relative like +72h), and the requests built from the flags, so they can be tested without a
// server.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "airr/report/v1/report_service.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/timestamp.pb.h"
#include "tools/airr/args.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/time_text.h"

namespace airr::cli {

// An enum value name stored as text by another service, as EnumLabel shows it ("SEVERITY_SEV1" ->
// "SEV1", "EU_RISK_CATEGORY_HIGH_RISK" -> "HIGH_RISK"): everything up to and including the part
// that `prefix` names is cut; a value without that prefix is returned as it is.
std::string TrimEnumText(const std::string& value, const std::string& prefix);

// `principles/C03.1` from "C03.1" or "principles/C03.1"; "" stays "".
std::string PrincipleName(const std::string& arg);

// The name of a child resource of an incident (`incidents/{i}/{collection}/{id}`) from what the
// user typed: a full name is kept; "i/violations/v" gets "incidents/" in front; anything else is
// passed on for the server to judge.
std::string IncidentChildName(const std::string& arg);

// The incident parent of a list: "-" and "incidents/-" mean every incident; else IncidentName.
std::string IncidentParent(const std::string& arg);

// The value of enum flag `flag` (without dashes) of `type`; 0 when not given. INVALID_ARGUMENT
// naming the flag and listing the allowed values for an unknown value.
absl::StatusOr<int> EnumFlagValue(const ParsedArgs& args, const std::string& flag,
                                  const google::protobuf::EnumDescriptor& type);

// The numbers of every value of repeated enum flag `flag`, in order. INVALID_ARGUMENT as above.
absl::StatusOr<std::vector<int>> EnumFlagValues(const ParsedArgs& args, const std::string& flag,
                                                const google::protobuf::EnumDescriptor& type);

// `principles list`: --kind (common, sub-item, advanced, or the enum's short names), --parent (an
// id or name), --page-size. INVALID_ARGUMENT for a bad
// kind or page size.
absl::StatusOr<report::v1::ListPrinciplesRequest> BuildListPrinciplesRequest(
    const ParsedArgs& args);

// `violations link INCIDENT`: --principle, --rationale, --evidence (repeated), --confidence,
// --suggestion-rule (an id or `suggestionRules/ID`). INVALID_ARGUMENT for a bad confidence.
absl::StatusOr<report::v1::LinkViolationRequest> BuildLinkViolationRequest(
    const ParsedArgs& args, const std::string& incident_arg);

// `mitigations create INCIDENT`: --kind, --title, --owner, --due (relative to `now`),
// --description, --violation (an id under the incident, or a name), --id, and the request id of
// --request-id or a fresh UUID. INVALID_ARGUMENT for a bad kind, due time or request id.
absl::StatusOr<report::v1::CreateMitigationRequest> BuildCreateMitigationRequest(
    const ParsedArgs& args, const std::string& incident_arg, absl::Time now);

// `mitigations list INCIDENT|-`: --state (repeated), --owner, --overdue, --page-size.
absl::StatusOr<report::v1::ListMitigationsRequest> BuildListMitigationsRequest(
    const ParsedArgs& args, const std::string& incident_arg);

// `notifications list INCIDENT|-`: --due-before (relative to `now`), --state (repeated),
// --page-size.
absl::StatusOr<report::v1::ListNotificationsRequest> BuildListNotificationsRequest(
    const ParsedArgs& args, const std::string& incident_arg, absl::Time now);

// `notifications mark-sent NAME`: --content-ref, --sent-time (relative to `now`; unset when not
// given), --evidence (repeated), --late-reason, --etag.
absl::StatusOr<report::v1::MarkNotificationSentRequest> BuildMarkNotificationSentRequest(
    const ParsedArgs& args, const std::string& name_arg, absl::Time now);

// `notifications ack NAME`: --reference, --ack-time (relative to `now`), --etag.
absl::StatusOr<report::v1::AcknowledgeNotificationRequest> BuildAcknowledgeNotificationRequest(
    const ParsedArgs& args, const std::string& name_arg, absl::Time now);

// `notifications rules`: --regime, --all-versions, --page-size.
absl::StatusOr<report::v1::ListNotificationRulesRequest> BuildListNotificationRulesRequest(
    const ParsedArgs& args);

}  // namespace airr::cli
