#include "services/incident/incident_validator.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "libs/api/validation.h"
#include "libs/api/violations.h"
#include "services/incident/resource_names.h"

namespace airr::incident {
namespace {

namespace v1 = ::airr::incident::v1;
using api::CheckEnumList;
using api::Violations;

constexpr size_t kMaxTitleChars = 200;
constexpr size_t kMaxDescriptionChars = 20000;
// Reporter, owner and each affected party.
constexpr size_t kMaxPartyChars = 200;
constexpr size_t kMaxCommentChars = 2000;
constexpr size_t kMaxResolutionChars = 10000;
constexpr size_t kMaxReviewChars = 20000;
constexpr size_t kMaxReopenReasonChars = 2000;
constexpr size_t kMaxEventTextChars = 10000;

constexpr char kNotBeforeDetect[] = "must not be before detect_time";
constexpr char kOnlyWhenBreached[] = "must be empty unless personal_data.breached is true";

// The instant of an optional caller-set time, after checking it (see api::CheckPastTimestamp).
// nullopt when unset or invalid, so the ordering rules only compare meaningful times.
std::optional<absl::Time> PastTime(Violations& v, absl::string_view field, bool has,
                                   const google::protobuf::Timestamp& ts, absl::Time now) {
  if (!has || !api::CheckPastTimestamp(v, field, ts, now, kMaxClockSkew)) {
    return std::nullopt;
  }
  return api::TimeFromTimestamp(ts);
}

void CheckText(Violations& v, absl::string_view field, absl::string_view value, size_t min_chars,
               size_t max_chars, bool multiline) {
  v.Merge(api::CheckText(v.Path(field), value, min_chars, max_chars, multiline));
}

void CheckAffected(Violations& v, const v1::AffectedParties& affected) {
  api::CheckTextList(v, "affected.parties", affected.parties(), kMaxIncidentListEntries,
                     kMaxPartyChars);
  if (affected.estimated_people() < 0) {
    v.Add("affected.estimated_people", "must not be negative");
  }
  if (affected.deaths() < 0) {
    v.Add("affected.deaths", "must not be negative");
  }
  if (affected.serious_injuries() < 0) {
    v.Add("affected.serious_injuries", "must not be negative");
  }
}

void CheckPersonalData(Violations& v, const v1::PersonalData& data,
                       std::optional<absl::Time> detect, absl::Time now) {
  if (data.breached() && !data.involved()) {
    v.Add("personal_data.breached", "requires personal_data.involved to be true");
  }
  if (data.persons_affected() < 0) {
    v.Add("personal_data.persons_affected", "must not be negative");
  }
  if (data.breached()) {
    CheckEnumList(v, "personal_data.breach_types", data.breach_types(), 1, kMaxIncidentListEntries,
                  v1::BreachType_IsValid);
    CheckEnumList(v, "personal_data.breach_categories", data.breach_categories(), 0,
                  kMaxIncidentListEntries, v1::BreachCategory_IsValid);
    const std::optional<absl::Time> aware =
        PastTime(v, "personal_data.breach_aware_time", data.has_breach_aware_time(),
                 data.breach_aware_time(), now);
    if (aware && detect && *aware < *detect) {
      v.Add("personal_data.breach_aware_time", kNotBeforeDetect);
    }
    return;
  }
  // Breach details without a breach would feed the notification clocks with facts nobody stated.
  if (!data.breach_types().empty()) {
    v.Add("personal_data.breach_types", kOnlyWhenBreached);
  }
  if (!data.breach_categories().empty()) {
    v.Add("personal_data.breach_categories", kOnlyWhenBreached);
  }
  if (data.persons_affected() > 0) {
    v.Add("personal_data.persons_affected", "must be 0 unless personal_data.breached is true");
  }
  if (data.has_breach_aware_time()) {
    v.Add("personal_data.breach_aware_time", "must be unset unless personal_data.breached is true");
  }
}

bool IsCallerEventType(int type) {
  switch (type) {
    case v1::TIMELINE_EVENT_TYPE_NOTE:
    case v1::TIMELINE_EVENT_TYPE_ACTION:
    case v1::TIMELINE_EVENT_TYPE_COMMUNICATION:
    case v1::TIMELINE_EVENT_TYPE_EVIDENCE:
    case v1::TIMELINE_EVENT_TYPE_DECISION:
      return true;
    default:
      return false;
  }
}

}  // namespace

absl::Status ValidateIncident(const v1::Incident& incident, absl::string_view prefix,
                              absl::Time now) {
  Violations v(prefix);
  CheckText(v, "title", incident.title(), 1, kMaxTitleChars, false);
  CheckText(v, "description", incident.description(), 0, kMaxDescriptionChars, true);
  v.Merge(api::ParseResourceName(incident.ai_system(), kAiSystemCollection, v.Path("ai_system"))
              .status());
  api::RequireEnum(v, "kind", incident.kind(), v1::Kind_IsValid);
  api::CheckOptionalEnum(v, "severity", incident.severity(), v1::Severity_IsValid);
  api::RequireEnum(v, "detection_source", incident.detection_source(), v1::DetectionSource_IsValid);
  CheckEnumList(v, "harm_types", incident.harm_types(), 0, kMaxIncidentListEntries,
                v1::HarmType_IsValid);
  CheckEnumList(v, "cause_hints", incident.cause_hints(), 0, kMaxIncidentListEntries,
                v1::CauseHint_IsValid);
  CheckEnumList(v, "immediate_actions", incident.immediate_actions(), 0, kMaxIncidentListEntries,
                v1::ImmediateAction_IsValid);
  api::CheckJurisdictions(v, "jurisdictions", incident.jurisdictions(), /*required=*/false);
  v.Merge(api::CheckLabels(v.Path("labels"), incident.labels()));
  CheckText(v, "reporter", incident.reporter(), 0, kMaxPartyChars, false);
  CheckText(v, "owner", incident.owner(), 0, kMaxPartyChars, false);
  CheckAffected(v, incident.affected());

  std::optional<absl::Time> detect;
  if (!incident.has_detect_time()) {
    v.Add("detect_time", "is required");
  } else {
    detect = PastTime(v, "detect_time", true, incident.detect_time(), now);
  }
  const std::optional<absl::Time> occur =
      PastTime(v, "occur_time", incident.has_occur_time(), incident.occur_time(), now);
  const std::optional<absl::Time> report =
      PastTime(v, "report_time", incident.has_report_time(), incident.report_time(), now);
  const std::optional<absl::Time> aware =
      PastTime(v, "aware_time", incident.has_aware_time(), incident.aware_time(), now);
  if (detect) {
    if (occur && *occur > *detect) {
      v.Add("occur_time", "must not be after detect_time");
    }
    if (report && *report < *detect) {
      v.Add("report_time", kNotBeforeDetect);
    }
    if (aware && *aware < *detect) {
      v.Add("aware_time", kNotBeforeDetect);
    }
  }
  CheckPersonalData(v, incident.personal_data(), detect, now);
  return std::move(v).ToStatus();
}

absl::Status ValidateCreateRequest(const v1::CreateIncidentRequest& request, absl::Time now) {
  Violations v("");
  v.Merge(ValidateIncident(request.incident(), "incident", now));
  if (!request.incident_id().empty()) {
    v.Merge(api::CheckResourceId("incident_id", request.incident_id()));
  }
  if (!request.request_id().empty()) {
    v.Merge(api::CheckUuid("request_id", request.request_id()));
  }
  return std::move(v).ToStatus();
}

void ApplyCreateDefaults(v1::Incident& incident, absl::Time now, absl::string_view caller_name) {
  incident.clear_name();
  incident.clear_triage_time();
  incident.clear_mitigation_start_time();
  incident.clear_resolve_time();
  incident.clear_close_time();
  incident.clear_resolution_summary();
  incident.clear_post_incident_review();
  incident.clear_bcp_invoked();
  incident.clear_reject_reason();
  incident.clear_merged_into();
  incident.clear_signal_fingerprint();
  incident.clear_signal_count();
  incident.clear_first_signal_time();
  incident.clear_last_signal_time();
  incident.clear_create_time();
  incident.clear_update_time();
  incident.clear_etag();
  incident.set_state(v1::STATE_REPORTED);

  if (incident.reporter().empty()) {
    incident.set_reporter(std::string(caller_name));
  }
  if (!incident.has_report_time()) {
    // detect_time may be up to kMaxClockSkew ahead of `now`; reporting cannot precede detection.
    const absl::Time detect = api::TimeFromTimestamp(incident.detect_time());
    *incident.mutable_report_time() = api::TimestampFromTime(std::max(now, detect));
  }
  if (!incident.has_aware_time()) {
    *incident.mutable_aware_time() = incident.detect_time();
  }
  v1::PersonalData& data = *incident.mutable_personal_data();
  if (data.breached() && !data.has_breach_aware_time()) {
    *data.mutable_breach_aware_time() = incident.aware_time();
  }
}

absl::Status ValidateTimelineEvent(const v1::TimelineEvent& event, absl::string_view prefix,
                                   absl::Time now) {
  Violations v(prefix);
  const int type = event.type();
  if (type == 0) {
    v.Add("type", "is required");
  } else if (!v1::TimelineEventType_IsValid(type)) {
    v.Add("type", absl::StrCat("has unknown enum value ", type));
  } else if (!IsCallerEventType(type)) {
    v.Add("type",
          absl::StrCat("only NOTE, ACTION, COMMUNICATION, EVIDENCE and DECISION can be "
                       "added; ",
                       v1::TimelineEventType_Name(event.type()), " is recorded by the system"));
  }
  CheckText(v, "text", event.text(), 1, kMaxEventTextChars, true);
  PastTime(v, "occur_time", event.has_occur_time(), event.occur_time(), now);
  v.Merge(api::CheckLabels(v.Path("attributes"), event.attributes()));
  return std::move(v).ToStatus();
}

absl::Status ValidateTriage(const v1::TriageIncidentRequest& request) {
  Violations v("");
  api::RequireEnum(v, "severity", request.severity(), v1::Severity_IsValid);
  CheckText(v, "owner", request.owner(), 1, kMaxPartyChars, false);
  api::CheckOptionalEnum(v, "kind", request.kind(), v1::Kind_IsValid);
  CheckText(v, "comment", request.comment(), 0, kMaxCommentChars, true);
  return std::move(v).ToStatus();
}

absl::Status ValidateStartMitigation(const v1::StartMitigationRequest& request) {
  return api::CheckText("comment", request.comment(), 0, kMaxCommentChars, true);
}

absl::Status ValidateResolve(const v1::ResolveIncidentRequest& request) {
  return api::CheckText("resolution_summary", request.resolution_summary(), 1, kMaxResolutionChars,
                        true);
}

absl::Status ValidateClose(const v1::CloseIncidentRequest& request) {
  return api::CheckText("post_incident_review", request.post_incident_review(), 1, kMaxReviewChars,
                        true);
}

absl::Status ValidateReopen(const v1::ReopenIncidentRequest& request) {
  return api::CheckText("reason", request.reason(), 1, kMaxReopenReasonChars, true);
}

absl::Status ValidateReject(const v1::RejectIncidentRequest& request) {
  Violations v("");
  api::RequireEnum(v, "reason", request.reason(), v1::RejectReason_IsValid);
  CheckText(v, "comment", request.comment(), 0, kMaxCommentChars, true);
  return std::move(v).ToStatus();
}

absl::Status ValidateMerge(const v1::MergeIncidentRequest& request) {
  Violations v("");
  const absl::Status into =
      api::ParseResourceName(request.into(), kIncidentCollection, "into").status();
  if (!into.ok()) {
    v.Merge(into);
  } else if (request.into() == request.name()) {
    v.Add("into", "must differ from name: an incident cannot be merged into itself");
  }
  CheckText(v, "comment", request.comment(), 0, kMaxCommentChars, true);
  return std::move(v).ToStatus();
}

}  // namespace airr::incident
