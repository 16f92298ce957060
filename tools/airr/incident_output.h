// How incidents look to people: one incident as a key/value block of the fields that matter (the
// important ones always, the rest when set), a list as a table, a timeline as a table with its
// transitions. `-o json` bypasses all of this and prints protobuf JSON.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "airr/incident/v1/incident_service.pb.h"
#include "google/protobuf/repeated_field.h"

namespace airr::cli {

// The rows of the key/value view of `incident`, in field order: name, title, state, severity,
// kind, ai_system, owner, reporter, detect/report/aware time, harm_types, signal_count and etag
// always (unset times excepted), every other field only when it is set (not empty, zero or
// "unspecified"). Values are raw, as KeyValueRows gives them.
std::vector<std::pair<std::string, std::string>> IncidentRows(
    const incident::v1::Incident& incident);

// IncidentRows as an aligned block (FormatRows).
std::string FormatIncident(const incident::v1::Incident& incident);

// A table of incidents: ID, STATE, SEVERITY, KIND, TITLE (cut to a width), DETECTED.
std::string FormatIncidentTable(
    const google::protobuf::RepeatedPtrField<incident::v1::Incident>& incidents);

// A table of timeline events in their order: #, TIME, TYPE, ACTOR (cut to a width), STATE
// (from->to for a transition, the state alone for an event that kept it), TEXT (with the
// attributes; cut to a width).
std::string FormatTimelineTable(
    const google::protobuf::RepeatedPtrField<incident::v1::TimelineEvent>& events);

}  // namespace airr::cli
