#include "services/incident/incident_rows.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/api/etag.h"
#include "libs/api/resource_name.h"
#include "libs/pg/rows.h"

namespace airr::incident {
namespace {

const char* Bool(bool value) { return value ? "true" : "false"; }

// A Timestamp field as a parameter ("" = NULL).
std::string Time(bool has, const google::protobuf::Timestamp& ts) {
  return pg::TimestampText(has ? &ts : nullptr);
}

}  // namespace

std::vector<std::string> IncidentFieldParams(const v1::Incident& i) {
  const auto& a = i.affected();
  const auto& pd = i.personal_data();
  return {
      i.title(),
      i.description(),
      std::string(absl::StripPrefix(i.ai_system(), absl::StrCat(kAiSystemCollection, "/"))),
      pg::EnumParam(i.kind()),
      pg::EnumParam(i.severity()),
      pg::EnumParam(i.state()),
      Time(i.has_occur_time(), i.occur_time()),
      Time(i.has_detect_time(), i.detect_time()),
      Time(i.has_report_time(), i.report_time()),
      Time(i.has_aware_time(), i.aware_time()),
      i.reporter(),
      i.owner(),
      pg::EnumArrayParam<v1::HarmType>(i.harm_types()),
      pg::ToTextArray(a.parties()),
      absl::StrCat(a.estimated_people()),
      absl::StrCat(a.deaths()),
      absl::StrCat(a.serious_injuries()),
      Bool(a.fundamental_rights_infringed()),
      Bool(pd.involved()),
      Bool(pd.breached()),
      pg::EnumArrayParam<v1::BreachType>(pd.breach_types()),
      pg::EnumArrayParam<v1::BreachCategory>(pd.breach_categories()),
      absl::StrCat(pd.persons_affected()),
      Time(pd.has_breach_aware_time(), pd.breach_aware_time()),
      pg::ToTextArray(i.jurisdictions()),
      pg::EnumParam(i.detection_source()),
      pg::EnumArrayParam<v1::CauseHint>(i.cause_hints()),
      pg::EnumArrayParam<v1::ImmediateAction>(i.immediate_actions()),
      pg::LabelsToJson(i.labels()),
      Time(i.has_triage_time(), i.triage_time()),
      Time(i.has_mitigation_start_time(), i.mitigation_start_time()),
      Time(i.has_resolve_time(), i.resolve_time()),
      Time(i.has_close_time(), i.close_time()),
      i.resolution_summary(),
      i.post_incident_review(),
      Bool(i.bcp_invoked()),
      pg::EnumParam(i.reject_reason()),
      std::string(absl::StripPrefix(i.merged_into(), absl::StrCat(kIncidentCollection, "/"))),
      i.signal_fingerprint(),
  };
}

v1::Incident IncidentFromRow(const pqxx::row& row, int64_t* version) {
  v1::Incident i;
  // A nullable timestamp column (selected as *_us) into a field, left unset for NULL.
  auto time = [&](const char* column, google::protobuf::Timestamp* (v1::Incident::*field)()) {
    if (!row[column].is_null()) {
      *(i.*field)() = pg::TimestampFromMicros(row[column]);
    }
  };
  i.set_name(api::FormatResourceName(kIncidentCollection, row["id"].c_str()));
  i.set_title(row["title"].c_str());
  i.set_description(row["description"].c_str());
  i.set_ai_system(row["ai_system"].c_str());
  i.set_kind(pg::EnumColumn<v1::Kind>(row["kind"]));
  i.set_severity(pg::EnumColumn<v1::Severity>(row["severity"]));
  i.set_state(pg::EnumColumn<v1::State>(row["state"]));
  time("occur_time_us", &v1::Incident::mutable_occur_time);
  time("detect_time_us", &v1::Incident::mutable_detect_time);
  time("report_time_us", &v1::Incident::mutable_report_time);
  time("aware_time_us", &v1::Incident::mutable_aware_time);
  i.set_reporter(row["reporter"].c_str());
  i.set_owner(row["owner"].c_str());
  pg::EnumArrayColumn<v1::HarmType>(row["harm_types"], i.mutable_harm_types());
  auto* a = i.mutable_affected();
  for (auto& p : pg::FromTextArray(row["affected_parties"])) a->add_parties(std::move(p));
  a->set_estimated_people(row["affected_people"].as<int64_t>());
  a->set_deaths(row["deaths"].as<int32_t>());
  a->set_serious_injuries(row["serious_injuries"].as<int32_t>());
  a->set_fundamental_rights_infringed(row["fundamental_rights_infringed"].as<bool>());
  if (a->ByteSizeLong() == 0) {
    i.clear_affected();
  }
  auto* pd = i.mutable_personal_data();
  pd->set_involved(row["personal_data_involved"].as<bool>());
  pd->set_breached(row["personal_data_breached"].as<bool>());
  pg::EnumArrayColumn<v1::BreachType>(row["breach_types"], pd->mutable_breach_types());
  pg::EnumArrayColumn<v1::BreachCategory>(row["breach_categories"],
                                          pd->mutable_breach_categories());
  pd->set_persons_affected(row["breach_persons"].as<int64_t>());
  if (!row["breach_aware_time_us"].is_null()) {
    *pd->mutable_breach_aware_time() = pg::TimestampFromMicros(row["breach_aware_time_us"]);
  }
  if (pd->ByteSizeLong() == 0) {
    i.clear_personal_data();
  }
  for (auto& j : pg::FromTextArray(row["jurisdictions"])) i.add_jurisdictions(std::move(j));
  i.set_detection_source(pg::EnumColumn<v1::DetectionSource>(row["detection_source"]));
  pg::EnumArrayColumn<v1::CauseHint>(row["cause_hints"], i.mutable_cause_hints());
  pg::EnumArrayColumn<v1::ImmediateAction>(row["immediate_actions"], i.mutable_immediate_actions());
  pg::LabelsFromJson(row["labels"], i.mutable_labels());
  time("triage_time_us", &v1::Incident::mutable_triage_time);
  time("mitigation_start_time_us", &v1::Incident::mutable_mitigation_start_time);
  time("resolve_time_us", &v1::Incident::mutable_resolve_time);
  time("close_time_us", &v1::Incident::mutable_close_time);
  i.set_resolution_summary(row["resolution_summary"].c_str());
  i.set_post_incident_review(row["post_incident_review"].c_str());
  i.set_bcp_invoked(row["bcp_invoked"].as<bool>());
  i.set_reject_reason(pg::EnumColumn<v1::RejectReason>(row["reject_reason"]));
  if (!row["merged_into"].is_null()) {
    i.set_merged_into(api::FormatResourceName(kIncidentCollection, row["merged_into"].c_str()));
  }
  i.set_signal_fingerprint(row["signal_fingerprint"].c_str());
  i.set_signal_count(row["signal_count"].as<int64_t>());
  time("first_signal_time_us", &v1::Incident::mutable_first_signal_time);
  time("last_signal_time_us", &v1::Incident::mutable_last_signal_time);
  time("create_time_us", &v1::Incident::mutable_create_time);
  time("update_time_us", &v1::Incident::mutable_update_time);
  *version = row["version"].as<int64_t>();
  i.set_etag(api::FormatEtag(*version));
  return i;
}

std::string TimelineEventName(const std::string& incident_id, int64_t seq) {
  return absl::StrCat(api::FormatResourceName(kIncidentCollection, incident_id), "/timelineEvents/",
                      seq);
}

v1::TimelineEvent TimelineEventFromRow(const pqxx::row& row, const std::string& incident_id) {
  v1::TimelineEvent e;
  e.set_name(TimelineEventName(incident_id, row["seq"].as<int64_t>()));
  e.set_type(pg::EnumColumn<v1::TimelineEventType>(row["type"]));
  *e.mutable_occur_time() = pg::TimestampFromMicros(row["occur_time_us"]);
  *e.mutable_create_time() = pg::TimestampFromMicros(row["create_time_us"]);
  e.set_actor(row["actor"].c_str());
  e.set_text(row["text"].c_str());
  e.set_from_state(pg::EnumColumn<v1::State>(row["from_state"]));
  e.set_to_state(pg::EnumColumn<v1::State>(row["to_state"]));
  pg::LabelsFromJson(row["attributes"], e.mutable_attributes());
  return e;
}

}  // namespace airr::incident
