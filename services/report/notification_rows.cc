#include "services/report/notification_rows.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/api/etag.h"
#include "libs/api/resource_name.h"
#include "libs/pg/rows.h"
#include "services/report/notification_planner.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

const char* Bool(bool value) { return value ? "true" : "false"; }

void SetTime(const pqxx::field& micros, google::protobuf::Timestamp* out) {
  if (!micros.is_null()) {
    *out = pg::TimestampFromMicros(micros);
  }
}

std::string OptionalTime(bool has, const google::protobuf::Timestamp& ts) {
  return pg::TimestampText(has ? &ts : nullptr);
}

}  // namespace

std::string ConditionsToJson(const google::protobuf::RepeatedPtrField<v1::RuleCondition>& list) {
  std::vector<std::string> items;
  items.reserve(list.size());
  for (const auto& c : list) {
    items.push_back(pg::MessageToJson(c));
  }
  return absl::StrCat("[", absl::StrJoin(items, ","), "]");
}

v1::NotificationRule NotificationRuleFromRow(const pqxx::row& row) {
  v1::NotificationRule r;
  r.set_name(api::FormatResourceName(kNotificationRuleCollection, row["id"].c_str()));
  r.set_version(row["version"].as<int32_t>());
  r.set_regime(pg::EnumColumn<v1::Regime>(row["regime"]));
  r.set_title(row["title"].c_str());
  r.set_citation(row["citation"].c_str());
  r.set_stage(pg::EnumColumn<v1::NotificationStage>(row["stage"]));
  r.set_recipient_type(pg::EnumColumn<v1::RecipientType>(row["recipient_type"]));
  r.set_recipient(row["recipient"].c_str());
  r.set_channel(row["channel"].c_str());
  r.set_clock_start(pg::EnumColumn<v1::ClockStart>(row["clock_start"]));
  r.set_previous_stage_rule(row["previous_stage_rule"].c_str());
  r.mutable_deadline()->set_amount(row["deadline_amount"].as<int32_t>());
  r.mutable_deadline()->set_unit(pg::EnumColumn<v1::PeriodUnit>(row["deadline_unit"]));
  if (!row["target_amount"].is_null()) {
    r.mutable_target()->set_amount(row["target_amount"].as<int32_t>());
    r.mutable_target()->set_unit(pg::EnumColumn<v1::PeriodUnit>(row["target_unit"]));
  }
  r.set_statutory_deadline(row["statutory_deadline"].as<bool>());
  // The conditions: parse both arrays as the repeated fields of one NotificationRule.
  v1::NotificationRule conditions;
  if (pg::MessageFromJson(absl::StrCat("{\"all_of\":", row["all_of"].c_str(),
                                       ",\"any_of\":", row["any_of"].c_str(), "}"),
                          &conditions)) {
    *r.mutable_all_of() = conditions.all_of();
    *r.mutable_any_of() = conditions.any_of();
  }
  r.set_precedence_group(row["precedence_group"].c_str());
  if (!row["effective_from_us"].is_null()) {
    SetTime(row["effective_from_us"], r.mutable_effective_from());
  }
  if (!row["effective_to_us"].is_null()) {
    SetTime(row["effective_to_us"], r.mutable_effective_to());
  }
  r.set_source(row["source"].c_str());
  r.set_enabled(row["enabled"].as<bool>());
  r.set_enabled_reason(row["enabled_reason"].c_str());
  r.set_tenant_defined(row["tenant_defined"].as<bool>());
  SetTime(row["create_time_us"], r.mutable_create_time());
  r.set_etag(api::FormatEtag(r.version()));
  return r;
}

std::vector<std::string> NotificationRuleParams(const v1::NotificationRule& r) {
  return {
      pg::EnumParam(r.regime()),
      r.title(),
      r.citation(),
      pg::EnumParam(r.stage()),
      pg::EnumParam(r.recipient_type()),
      r.recipient(),
      r.channel(),
      pg::EnumParam(r.clock_start()),
      r.clock_start() == v1::CLOCK_START_PREVIOUS_STAGE_SENT ? r.previous_stage_rule() : "",
      absl::StrCat(r.deadline().amount()),
      pg::EnumParam(r.deadline().unit()),
      r.has_target() ? absl::StrCat(r.target().amount()) : "",
      r.has_target() ? pg::EnumParam(r.target().unit()) : "",
      Bool(r.statutory_deadline()),
      ConditionsToJson(r.all_of()),
      ConditionsToJson(r.any_of()),
      r.precedence_group(),
      OptionalTime(r.has_effective_from(), r.effective_from()),
      OptionalTime(r.has_effective_to(), r.effective_to()),
      r.source(),
  };
}

v1::Notification NotificationFromRow(const pqxx::row& row, int64_t* version) {
  v1::Notification n;
  n.set_name(api::FormatChildResourceName(kIncidentCollection, row["incident_id"].c_str(),
                                          kNotificationCollection, row["id"].c_str()));
  n.set_rule(api::FormatResourceName(kNotificationRuleCollection, row["rule_id"].c_str()));
  n.set_rule_version(row["rule_version"].as<int32_t>());
  n.set_regime(pg::EnumColumn<v1::Regime>(row["regime"]));
  n.set_title(row["title"].c_str());
  n.set_citation(row["citation"].c_str());
  n.set_stage(pg::EnumColumn<v1::NotificationStage>(row["stage"]));
  n.set_recipient_type(pg::EnumColumn<v1::RecipientType>(row["recipient_type"]));
  n.set_recipient(row["recipient"].c_str());
  n.set_channel(row["channel"].c_str());
  n.set_clock_start(pg::EnumColumn<v1::ClockStart>(row["clock_start"]));
  SetTime(row["clock_start_time_us"], n.mutable_clock_start_time());
  n.set_provisional(row["provisional"].as<bool>());
  SetTime(row["due_time_us"], n.mutable_due_time());
  if (!row["target_time_us"].is_null()) {
    SetTime(row["target_time_us"], n.mutable_target_time());
  }
  n.set_statutory_deadline(row["statutory_deadline"].as<bool>());
  n.set_state(pg::EnumColumn<v1::NotificationState>(row["state"]));
  n.set_not_required_reason(row["not_required_reason"].c_str());
  n.set_waived(row["waived"].as<bool>());
  if (!row["sent_time_us"].is_null()) {
    SetTime(row["sent_time_us"], n.mutable_sent_time());
  }
  n.set_sent_by(row["sent_by"].c_str());
  n.set_content_ref(row["content_ref"].c_str());
  for (auto& ref : pg::FromTextArray(row["evidence_refs"])) {
    n.add_evidence_refs(std::move(ref));
  }
  n.set_late_reason(row["late_reason"].c_str());
  if (!row["ack_time_us"].is_null()) {
    SetTime(row["ack_time_us"], n.mutable_ack_time());
  }
  n.set_recipient_reference(row["recipient_reference"].c_str());
  SetTime(row["evaluate_time_us"], n.mutable_evaluate_time());
  SetTime(row["create_time_us"], n.mutable_create_time());
  SetTime(row["update_time_us"], n.mutable_update_time());
  *version = row["version"].as<int64_t>();
  n.set_etag(api::FormatEtag(*version));
  return n;
}

std::vector<std::string> NotificationUpdateParams(const v1::Notification& n) {
  return {
      absl::StrCat(n.rule_version()),
      pg::EnumParam(n.regime()),
      n.title(),
      n.citation(),
      pg::EnumParam(n.stage()),
      pg::EnumParam(n.recipient_type()),
      n.recipient(),
      n.channel(),
      pg::EnumParam(n.clock_start()),
      pg::TimestampText(&n.clock_start_time()),
      Bool(n.provisional()),
      pg::TimestampText(&n.due_time()),
      OptionalTime(n.has_target_time(), n.target_time()),
      Bool(n.statutory_deadline()),
      pg::EnumParam(n.state()),
      n.not_required_reason(),
      Bool(n.waived()),
      OptionalTime(n.has_sent_time(), n.sent_time()),
      n.sent_by(),
      n.content_ref(),
      pg::ToTextArray(n.evidence_refs()),
      n.late_reason(),
      OptionalTime(n.has_ack_time(), n.ack_time()),
      n.recipient_reference(),
      pg::TimestampText(&n.evaluate_time()),
  };
}

}  // namespace airr::report
