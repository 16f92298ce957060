// The rules an incident, its create request, a caller's timeline event and the lifecycle requests
// must satisfy, as pure functions of the request and the current time. Every violation is
// reported at once, each naming its field path and the rule it breaks.
#pragma once

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "airr/incident/v1/incident_service.pb.h"

namespace airr::incident {

// How far ahead of the server's clock a caller's timestamp may be and still count as "not in the
// future": callers' clocks drift, and a report sent right after detection must not bounce.
inline constexpr absl::Duration kMaxClockSkew = absl::Minutes(5);

// The most entries of each enum list (harm_types, cause_hints, ..., breach_categories) and of
// affected.parties.
inline constexpr size_t kMaxIncidentListEntries = 20;

// Checks every caller-settable field of `incident`; output-only fields (name, state, triage_time,
// ..., signal_count, create_time, update_time, etag) are ignored, never rejected. Field paths
// start with `prefix` ("incident" gives "incident.title", "incident.harm_types[2]").
//   title             1 to 200 characters, single line.
//   description       up to 20,000 characters; may span lines.
//   ai_system         required; a well-formed `aiSystems/{id}` name.
//   kind              required; a known value.
//   severity          optional; a known value when set.
//   detection_source  required; a known value.
//   harm_types, cause_hints, immediate_actions
//                     known, non-zero values, none repeated, at most kMaxIncidentListEntries.
//   jurisdictions     upper-case ISO 3166-1 alpha-2 codes or "EU", none repeated; may be empty.
//   labels            see api::CheckLabels.
//   reporter          up to 200 characters, single line (empty here: ApplyCreateDefaults fills it).
//   owner             up to 200 characters, single line.
//   affected          parties: at most kMaxIncidentListEntries, each 1 to 200 characters, single
//                     line; estimated_people, deaths and serious_injuries not negative.
//   personal_data     breached needs involved. When breached: at least one breach type; breach
//                     types and categories known, non-zero, not repeated. When not breached:
//                     no breach types, no categories, persons_affected 0, no breach_aware_time.
//                     persons_affected never negative.
//   times             every Timestamp that is set is valid (0001..9999, nanos 0..999999999) and
//                     not after `now` + kMaxClockSkew. detect_time is required. occur_time is not
//                     after detect_time; report_time, aware_time and breach_aware_time are not
//                     before detect_time. aware_time may follow report_time (awareness can come
//                     after the report).
// Returns OK, or INVALID_ARGUMENT with one BadRequest violation per broken rule. Thread-safe.
absl::Status ValidateIncident(const v1::Incident& incident, absl::string_view prefix,
                              absl::Time now);

// Checks a CreateIncidentRequest: the incident (prefix "incident", see ValidateIncident),
// incident_id empty or a resource id (api::CheckResourceId), request_id empty or a UUID.
// Returns OK, or one INVALID_ARGUMENT naming every offending field. Thread-safe.
absl::Status ValidateCreateRequest(const v1::CreateIncidentRequest& request, absl::Time now);

// Prepares a validated incident for storing: clears every output-only field, sets the state to
// REPORTED, and fills the defaults of the API: reporter = `caller_name` when empty, report_time =
// `now` (or detect_time when that is later, which the clock skew allows) when unset, aware_time =
// detect_time when unset, and for a breach personal_data.breach_aware_time = aware_time when
// unset. Thread-compatible (mutates `incident` only).
void ApplyCreateDefaults(v1::Incident& incident, absl::Time now, absl::string_view caller_name);

// Checks a timeline event a caller adds: type NOTE, ACTION, COMMUNICATION, EVIDENCE or DECISION
// (the system types are refused), text 1 to 10,000 characters (may span lines), occur_time valid
// and not in the future when set, attributes as labels. Output-only fields are ignored. Field
// paths start with `prefix` (e.g. "timeline_event"). Returns OK or INVALID_ARGUMENT naming every
// offending field. Thread-safe.
absl::Status ValidateTimelineEvent(const v1::TimelineEvent& event, absl::string_view prefix,
                                   absl::Time now);

// The checks of the lifecycle requests' own fields. None looks at `name` or `etag`, which the
// adapter resolves the same way for every method. Each returns OK or one INVALID_ARGUMENT naming
// every offending field (paths as in the request: "severity", "comment", ...). Thread-safe.
//
// TriageIncidentRequest: severity required and known; owner 1 to 200 characters, single line;
// kind known when set; comment up to 2,000 characters.
absl::Status ValidateTriage(const v1::TriageIncidentRequest& request);
// StartMitigationRequest: comment up to 2,000 characters.
absl::Status ValidateStartMitigation(const v1::StartMitigationRequest& request);
// ResolveIncidentRequest: resolution_summary 1 to 10,000 characters.
absl::Status ValidateResolve(const v1::ResolveIncidentRequest& request);
// CloseIncidentRequest: post_incident_review 1 to 20,000 characters.
absl::Status ValidateClose(const v1::CloseIncidentRequest& request);
// ReopenIncidentRequest: reason 1 to 2,000 characters.
absl::Status ValidateReopen(const v1::ReopenIncidentRequest& request);
// RejectIncidentRequest: reason required and known; comment up to 2,000 characters.
absl::Status ValidateReject(const v1::RejectIncidentRequest& request);
// MergeIncidentRequest: into a well-formed `incidents/{id}` name other than `name`; comment up to
// 2,000 characters.
absl::Status ValidateMerge(const v1::MergeIncidentRequest& request);

}  // namespace airr::incident
