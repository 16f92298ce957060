#include "tools/airr/incident_output.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/output.h"
#include "tools/airr/resource_names.h"
#include "tools/airr/terminal_text.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::incident::v1;

// Wider cells are cut in tables; -o json has the full text.
constexpr int kMaxTitleWidth = 50;
constexpr int kMaxEventTextWidth = 70;
constexpr int kMaxActorWidth = 30;

bool IsImportant(const std::string& key) {
  static const auto* const kKeys = new std::set<std::string>{
      "name",     "title",       "state",       "severity",   "kind",       "ai_system",    "owner",
      "reporter", "detect_time", "report_time", "aware_time", "harm_types", "signal_count", "etag"};
  return kKeys->count(key) > 0;
}

bool IsUnset(const std::string& value) {
  return value.empty() || value == "unspecified" || value == "0" || value == "false";
}

std::string StateName(pb::State state) { return ShortEnumName(*pb::State_descriptor(), state); }

// "reported->triaged" for a lifecycle event, "" otherwise.
std::string Transition(const pb::TimelineEvent& event) {
  if (event.from_state() == pb::STATE_UNSPECIFIED && event.to_state() == pb::STATE_UNSPECIFIED) {
    return "";
  }
  if (event.from_state() == pb::STATE_UNSPECIFIED) {
    return absl::StrCat("->", StateName(event.to_state()));
  }
  // An event that leaves the state as it was (an update, a re-triage) shows just the state.
  if (event.from_state() == event.to_state()) {
    return StateName(event.to_state());
  }
  return absl::StrCat(StateName(event.from_state()), "->", StateName(event.to_state()));
}

// The event's text followed by its attributes, sorted: "text (k=v, k=v)".
std::string EventText(const pb::TimelineEvent& event) {
  std::string text = event.text();
  if (!event.attributes().empty()) {
    const std::map<std::string, std::string> sorted(event.attributes().begin(),
                                                    event.attributes().end());
    absl::StrAppend(&text, text.empty() ? "" : " ", "(",
                    absl::StrJoin(sorted, ", ", absl::PairFormatter("=")), ")");
  }
  return text;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> IncidentRows(const pb::Incident& incident) {
  std::vector<std::pair<std::string, std::string>> rows = KeyValueRows(incident);
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [](const std::pair<std::string, std::string>& row) {
                              return !IsImportant(row.first) && IsUnset(row.second);
                            }),
             rows.end());
  return rows;
}

std::string FormatIncident(const pb::Incident& incident) {
  return FormatRows(IncidentRows(incident));
}

std::string FormatIncidentTable(const google::protobuf::RepeatedPtrField<pb::Incident>& incidents) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::Incident& incident : incidents) {
    rows.push_back({
        ResourceId(incident.name()),
        StateName(incident.state()),
        ShortEnumName(*pb::Severity_descriptor(), incident.severity()),
        ShortEnumName(*pb::Kind_descriptor(), incident.kind()),
        TruncateToWidth(SanitizeForTerminal(incident.title()), kMaxTitleWidth),
        FormatTimestampShort(incident.detect_time()),
    });
  }
  return FormatTable({"ID", "STATE", "SEVERITY", "KIND", "TITLE", "DETECTED"}, rows);
}

std::string FormatTimelineTable(
    const google::protobuf::RepeatedPtrField<pb::TimelineEvent>& events) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::TimelineEvent& event : events) {
    rows.push_back({
        ResourceId(event.name()),
        FormatTimestampShort(event.occur_time()),
        ShortEnumName(*pb::TimelineEventType_descriptor(), event.type()),
        TruncateToWidth(SanitizeForTerminal(event.actor()), kMaxActorWidth),
        Transition(event),
        TruncateToWidth(SanitizeForTerminal(EventText(event)), kMaxEventTextWidth),
    });
  }
  return FormatTable({"#", "TIME", "TYPE", "ACTOR", "STATE", "TEXT"}, rows);
}

}  // namespace airr::cli
