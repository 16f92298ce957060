#include "services/playbook/pg_run_rows.h"

#include <string>

#include "libs/api/etag.h"
#include "libs/pg/rows.h"
#include "services/playbook/resource_names.h"

namespace airr::playbook {
namespace {

// Sets the timestamp `mutable_ts()` returns from a NULL-able epoch-microsecond column; a NULL
// leaves it unset (the submessage is not even created).
template <typename MutableTs>
void SetTime(const pqxx::field& field, MutableTs mutable_ts) {
  if (!field.is_null()) {
    *mutable_ts() = pg::TimestampFromMicros(field);
  }
}

}  // namespace

v1::Run RunFromRow(const pqxx::row& row, int64_t* version) {
  v1::Run run;
  run.set_name(RunName(row["playbook_id"].c_str(), row["id"].c_str()));
  run.set_playbook_version(row["playbook_version"].as<int32_t>());
  run.set_kind(pg::EnumColumn<v1::RunKind>(row["kind"]));
  const std::string incident_id = row["incident_id"].c_str();
  if (!incident_id.empty()) {
    run.set_incident(IncidentName(incident_id));
  }
  run.set_start_mode(pg::EnumColumn<v1::StartMode>(row["start_mode"]));
  run.set_state(pg::EnumColumn<v1::RunState>(row["state"]));
  if (!row["drill"].is_null()) {
    pg::MessageFromJson(row["drill"].c_str(), run.mutable_drill());
  }
  SetTime(row["start_time_us"], [&] { return run.mutable_start_time(); });
  SetTime(row["end_time_us"], [&] { return run.mutable_end_time(); });
  run.set_started_by(row["started_by"].c_str());
  run.set_ended_by(row["ended_by"].c_str());
  run.set_abort_reason(row["abort_reason"].c_str());
  run.set_summary(row["summary"].c_str());
  v1::RunEvaluation evaluation;
  if (pg::MessageFromJson(row["evaluation"].c_str(), &evaluation) &&
      evaluation.ByteSizeLong() > 0) {
    *run.mutable_evaluation() = std::move(evaluation);
  }
  run.set_bcp(row["bcp"].as<bool>());
  SetTime(row["create_time_us"], [&] { return run.mutable_create_time(); });
  SetTime(row["update_time_us"], [&] { return run.mutable_update_time(); });
  *version = row["version"].as<int64_t>();
  run.set_etag(api::FormatEtag(*version));
  return run;
}

v1::RunStep RunStepFromRow(const pqxx::row& row) {
  v1::RunStep out;
  v1::PlaybookStep& step = *out.mutable_step();
  step.set_id(row["step_id"].c_str());
  step.set_title(row["title"].c_str());
  step.set_instructions(row["instructions"].c_str());
  step.set_role(pg::EnumColumn<v1::ResponsibleRole>(row["role"]));
  step.mutable_target_offset()->set_seconds(row["target_offset_seconds"].as<int64_t>());
  for (std::string& dependency : pg::FromTextArray(row["depends_on"])) {
    step.add_depends_on(std::move(dependency));
  }
  step.set_mandatory(row["mandatory"].as<bool>());
  step.set_kind(pg::EnumColumn<v1::StepKind>(row["kind"]));
  step.set_milestone(pg::EnumColumn<v1::Milestone>(row["milestone"]));
  out.set_state(pg::EnumColumn<v1::StepState>(row["state"]));
  SetTime(row["start_time_us"], [&] { return out.mutable_start_time(); });
  SetTime(row["end_time_us"], [&] { return out.mutable_end_time(); });
  out.set_started_by(row["started_by"].c_str());
  out.set_ended_by(row["ended_by"].c_str());
  out.set_notes(row["notes"].c_str());
  out.set_skip_reason(row["skip_reason"].c_str());
  out.set_skip_override(row["skip_override"].as<bool>());
  return out;
}

v1::RunEvent RunEventFromRow(const pqxx::row& row) {
  v1::RunEvent event;
  event.set_seq(row["seq"].as<int64_t>());
  event.set_type(pg::EnumColumn<v1::RunEventType>(row["type"]));
  SetTime(row["occur_time_us"], [&] { return event.mutable_occur_time(); });
  event.set_step_id(row["step_id"].c_str());
  event.set_actor(row["actor"].c_str());
  event.set_title(row["title"].c_str());
  event.set_text(row["text"].c_str());
  return event;
}

}  // namespace airr::playbook
