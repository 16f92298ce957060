#include "services/report/pg_incident_facts_store.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

void CopyTextArray(const pqxx::field& field, google::protobuf::RepeatedPtrField<std::string>* out) {
  for (auto& value : pg::FromTextArray(field)) {
    out->Add(std::move(value));
  }
}

// Sets the Timestamp that `mutable_time` returns only when the column is not NULL, so unknown
// times stay unset (has_...() false).
template <typename MutableTime>
void SetTime(const pqxx::field& micros, MutableTime mutable_time) {
  if (!micros.is_null()) {
    *mutable_time() = pg::TimestampFromMicros(micros);
  }
}

IncidentWithSystem ReadFacts(const pqxx::row& row) {
  IncidentWithSystem out;
  v1::IncidentFacts& i = out.incident;
  i.set_name(api::FormatResourceName(kIncidentCollection, row["id"].c_str()));
  i.set_title(row["title"].c_str());
  i.set_description(row["description"].c_str());
  i.set_ai_system(api::FormatResourceName(kAiSystemCollection, row["ai_system_id"].c_str()));
  i.set_kind(row["kind"].c_str());
  i.set_severity(row["severity"].c_str());
  i.set_state(row["state"].c_str());
  i.set_owner(row["owner"].c_str());
  CopyTextArray(row["harm_types"], i.mutable_harm_types());
  i.set_affected_people(row["affected_people"].as<int64_t>());
  i.set_deaths(row["deaths"].as<int32_t>());
  i.set_serious_injuries(row["serious_injuries"].as<int32_t>());
  i.set_fundamental_rights_infringed(row["fundamental_rights_infringed"].as<bool>());
  i.set_personal_data_involved(row["personal_data_involved"].as<bool>());
  i.set_personal_data_breached(row["personal_data_breached"].as<bool>());
  CopyTextArray(row["breach_types"], i.mutable_breach_types());
  CopyTextArray(row["breach_categories"], i.mutable_breach_categories());
  i.set_breach_persons(row["breach_persons"].as<int64_t>());
  CopyTextArray(row["jurisdictions"], i.mutable_jurisdictions());
  CopyTextArray(row["cause_hints"], i.mutable_cause_hints());
  i.set_detection_source(row["detection_source"].c_str());
  SetTime(row["occur_time_us"], [&] { return i.mutable_occur_time(); });
  SetTime(row["detect_time_us"], [&] { return i.mutable_detect_time(); });
  SetTime(row["report_time_us"], [&] { return i.mutable_report_time(); });
  SetTime(row["aware_time_us"], [&] { return i.mutable_aware_time(); });
  SetTime(row["breach_aware_time_us"], [&] { return i.mutable_breach_aware_time(); });
  SetTime(row["triage_time_us"], [&] { return i.mutable_triage_time(); });
  SetTime(row["resolve_time_us"], [&] { return i.mutable_resolve_time(); });
  SetTime(row["close_time_us"], [&] { return i.mutable_close_time(); });

  v1::AiSystemFacts& s = out.ai_system;
  s.set_name(i.ai_system());
  s.set_display_name(row["system_display_name"].c_str());
  s.set_owner(row["system_owner"].c_str());
  s.set_accountable_officer(row["system_accountable_officer"].c_str());
  CopyTextArray(row["system_actor_roles"], s.mutable_actor_roles());
  s.set_eu_risk_category(row["system_eu_risk_category"].c_str());
  s.set_eu_high_risk_area(row["system_eu_high_risk_area"].c_str());
  CopyTextArray(row["system_jurisdictions"], s.mutable_jurisdictions());
  s.set_risk_tier(row["system_risk_tier"].c_str());
  return out;
}

}  // namespace

absl::StatusOr<IncidentWithSystem> PgIncidentFactsStore::ReadIncident(
    const RequestScope& scope, const std::string& incident_id) {
  IncidentWithSystem out;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    const pqxx::result rows = tx.exec_prepared(sql::kReadIncidentFacts, incident_id);
    if (rows.empty()) {
      return IncidentNotFound(incident_id);
    }
    out = ReadFacts(rows[0]);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<v1::ReportedTimelineEvent>> PgIncidentFactsStore::ReadTimeline(
    const RequestScope& scope, const std::string& incident_id) {
  std::vector<v1::ReportedTimelineEvent> events;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    for (const auto& row : tx.exec_prepared(sql::kReadIncidentTimeline, incident_id)) {
      v1::ReportedTimelineEvent& e = events.emplace_back();
      e.set_seq(row["seq"].as<int64_t>());
      e.set_type(row["type"].c_str());
      e.set_actor(row["actor"].c_str());
      e.set_text(row["text"].c_str());
      e.set_from_state(row["from_state"].c_str());
      e.set_to_state(row["to_state"].c_str());
      *e.mutable_occur_time() = pg::TimestampFromMicros(row["occur_time_us"]);
    }
    return absl::OkStatus();
  }));
  return events;
}

}  // namespace airr::report
