#include "tools/airr/report_fields.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/airr/command_util.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/resource_names.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::report::v1;

using google::protobuf::Timestamp;

std::string Text(const ParsedArgs& args, const std::string& flag) {
  return args.Get(flag).value_or("");
}

absl::StatusOr<int32_t> PageSize(const ParsedArgs& args) {
  return IntFlag(args, "page-size", 0, 0, 1000000);
}

}  // namespace

std::string TrimEnumText(const std::string& value, const std::string& prefix) {
  if (absl::StartsWith(value, prefix) && value.size() > prefix.size()) {
    return value.substr(prefix.size());
  }
  return value;
}

std::string PrincipleName(const std::string& arg) {
  if (arg.empty() || absl::StartsWith(arg, "principles/")) {
    return arg;
  }
  return absl::StrCat("principles/", arg);
}

std::string IncidentChildName(const std::string& arg) {
  if (absl::StartsWith(arg, "incidents/") || arg.find('/') == std::string::npos) {
    return arg;
  }
  return absl::StrCat("incidents/", arg);
}

std::string IncidentParent(const std::string& arg) {
  return arg == "-" ? "incidents/-" : IncidentName(arg);
}

absl::StatusOr<int> EnumFlagValue(const ParsedArgs& args, const std::string& flag,
                                  const google::protobuf::EnumDescriptor& type) {
  return ParseEnumName(type, Text(args, flag), absl::StrCat("--", flag));
}

absl::StatusOr<std::vector<int>> EnumFlagValues(const ParsedArgs& args, const std::string& flag,
                                                const google::protobuf::EnumDescriptor& type) {
  std::vector<int> numbers;
  for (const std::string& value : args.GetAll(flag)) {
    absl::StatusOr<int> number = ParseEnumName(type, value, absl::StrCat("--", flag));
    if (!number.ok()) {
      return number.status();
    }
    if (*number == 0) {
      return absl::InvalidArgumentError(absl::StrCat("--", flag, ": must not be empty"));
    }
    numbers.push_back(*number);
  }
  return numbers;
}

absl::StatusOr<pb::ListPrinciplesRequest> BuildListPrinciplesRequest(const ParsedArgs& args) {
  // The short words people use; the enum's own names work too.
  std::string kind_text = absl::AsciiStrToLower(Text(args, "kind"));
  if (kind_text == "common") {
    kind_text = "common-principle";
  } else if (kind_text == "advanced") {
    kind_text = "advanced-ai-principle";
  }
  absl::StatusOr<int> kind = ParseEnumName(*pb::PrincipleKind_descriptor(), kind_text, "--kind");
  if (!kind.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--kind: unknown value \"", Text(args, "kind"),
                                                   "\"; allowed: common, sub-item, advanced"));
  }
  absl::StatusOr<int32_t> page_size = PageSize(args);
  if (!page_size.ok()) {
    return page_size.status();
  }
  pb::ListPrinciplesRequest request;
  request.set_kind(static_cast<pb::PrincipleKind>(*kind));
  request.set_parent(PrincipleName(Text(args, "parent")));
  request.set_page_size(*page_size);
  return request;
}

absl::StatusOr<pb::LinkViolationRequest> BuildLinkViolationRequest(
    const ParsedArgs& args, const std::string& incident_arg) {
  absl::StatusOr<int> confidence = EnumFlagValue(args, "confidence", *pb::Confidence_descriptor());
  if (!confidence.ok()) {
    return confidence.status();
  }
  pb::LinkViolationRequest request;
  request.set_parent(IncidentName(incident_arg));
  pb::Violation& violation = *request.mutable_violation();
  violation.set_principle(PrincipleName(Text(args, "principle")));
  violation.set_rationale(Text(args, "rationale"));
  for (const std::string& ref : args.GetAll("evidence")) {
    violation.add_evidence_refs(ref);
  }
  violation.set_confidence(static_cast<pb::Confidence>(*confidence));
  const std::string rule = Text(args, "suggestion-rule");
  if (!rule.empty()) {
    violation.set_suggestion_rule(
        rule.find('/') == std::string::npos ? absl::StrCat("suggestionRules/", rule) : rule);
  }
  return request;
}

absl::StatusOr<pb::CreateMitigationRequest> BuildCreateMitigationRequest(
    const ParsedArgs& args, const std::string& incident_arg, absl::Time now) {
  absl::StatusOr<int> kind = EnumFlagValue(args, "kind", *pb::MitigationKind_descriptor());
  if (!kind.ok()) {
    return kind.status();
  }
  absl::StatusOr<std::string> request_id = CreateRequestId(args);
  if (!request_id.ok()) {
    return request_id.status();
  }
  pb::CreateMitigationRequest request;
  request.set_parent(IncidentName(incident_arg));
  request.set_mitigation_id(Text(args, "id"));
  request.set_request_id(*request_id);
  pb::Mitigation& mitigation = *request.mutable_mitigation();
  mitigation.set_kind(static_cast<pb::MitigationKind>(*kind));
  mitigation.set_title(Text(args, "title"));
  mitigation.set_description(Text(args, "description"));
  mitigation.set_owner(Text(args, "owner"));
  if (args.Has("due")) {
    absl::StatusOr<Timestamp> due = ParseTimeFlag(Text(args, "due"), now, "--due");
    if (!due.ok()) {
      return due.status();
    }
    *mitigation.mutable_due_time() = *due;
  }
  const std::string violation = Text(args, "violation");
  if (!violation.empty()) {
    mitigation.set_violation(violation.find('/') == std::string::npos
                                 ? absl::StrCat(request.parent(), "/violations/", violation)
                                 : IncidentChildName(violation));
  }
  return request;
}

absl::StatusOr<pb::ListMitigationsRequest> BuildListMitigationsRequest(
    const ParsedArgs& args, const std::string& incident_arg) {
  absl::StatusOr<std::vector<int>> states =
      EnumFlagValues(args, "state", *pb::MitigationState_descriptor());
  if (!states.ok()) {
    return states.status();
  }
  absl::StatusOr<int32_t> page_size = PageSize(args);
  if (!page_size.ok()) {
    return page_size.status();
  }
  pb::ListMitigationsRequest request;
  request.set_parent(IncidentParent(incident_arg));
  for (const int state : *states) {
    request.add_states(static_cast<pb::MitigationState>(state));
  }
  request.set_owner(Text(args, "owner"));
  request.set_overdue_only(args.GetBool("overdue"));
  request.set_page_size(*page_size);
  return request;
}

absl::StatusOr<pb::ListNotificationsRequest> BuildListNotificationsRequest(
    const ParsedArgs& args, const std::string& incident_arg, absl::Time now) {
  absl::StatusOr<std::vector<int>> states =
      EnumFlagValues(args, "state", *pb::NotificationState_descriptor());
  if (!states.ok()) {
    return states.status();
  }
  absl::StatusOr<int32_t> page_size = PageSize(args);
  if (!page_size.ok()) {
    return page_size.status();
  }
  pb::ListNotificationsRequest request;
  request.set_parent(IncidentParent(incident_arg));
  if (args.Has("due-before")) {
    absl::StatusOr<Timestamp> due = ParseTimeFlag(Text(args, "due-before"), now, "--due-before");
    if (!due.ok()) {
      return due.status();
    }
    *request.mutable_due_before() = *due;
  }
  for (const int state : *states) {
    request.add_states(static_cast<pb::NotificationState>(state));
  }
  request.set_page_size(*page_size);
  return request;
}

absl::StatusOr<pb::MarkNotificationSentRequest> BuildMarkNotificationSentRequest(
    const ParsedArgs& args, const std::string& name_arg, absl::Time now) {
  pb::MarkNotificationSentRequest request;
  request.set_name(IncidentChildName(name_arg));
  if (args.Has("sent-time")) {
    absl::StatusOr<Timestamp> sent = ParseTimeFlag(Text(args, "sent-time"), now, "--sent-time");
    if (!sent.ok()) {
      return sent.status();
    }
    *request.mutable_sent_time() = *sent;
  }
  request.set_content_ref(Text(args, "content-ref"));
  for (const std::string& ref : args.GetAll("evidence")) {
    request.add_evidence_refs(ref);
  }
  request.set_late_reason(Text(args, "late-reason"));
  request.set_etag(Text(args, "etag"));
  return request;
}

absl::StatusOr<pb::AcknowledgeNotificationRequest> BuildAcknowledgeNotificationRequest(
    const ParsedArgs& args, const std::string& name_arg, absl::Time now) {
  pb::AcknowledgeNotificationRequest request;
  request.set_name(IncidentChildName(name_arg));
  if (args.Has("ack-time")) {
    absl::StatusOr<Timestamp> ack = ParseTimeFlag(Text(args, "ack-time"), now, "--ack-time");
    if (!ack.ok()) {
      return ack.status();
    }
    *request.mutable_ack_time() = *ack;
  }
  request.set_recipient_reference(Text(args, "reference"));
  request.set_etag(Text(args, "etag"));
  return request;
}

absl::StatusOr<pb::ListNotificationRulesRequest> BuildListNotificationRulesRequest(
    const ParsedArgs& args) {
  absl::StatusOr<int> regime = EnumFlagValue(args, "regime", *pb::Regime_descriptor());
  if (!regime.ok()) {
    return regime.status();
  }
  absl::StatusOr<int32_t> page_size = PageSize(args);
  if (!page_size.ok()) {
    return page_size.status();
  }
  pb::ListNotificationRulesRequest request;
  request.set_regime(static_cast<pb::Regime>(*regime));
  request.set_show_all_versions(args.GetBool("all-versions"));
  request.set_page_size(*page_size);
  return request;
}

}  // namespace airr::cli
