#include "services/incident/incident_fields.h"

#include "airr/incident/v1/incident_service.pb.h"

namespace airr::incident {

using api::FieldKind;
namespace v1 = ::airr::incident::v1;

const std::vector<api::FilterField>& IncidentFilterFields() {
  static const auto* fields = new std::vector<api::FilterField>{
      {"state", "state", FieldKind::kEnum, v1::State_descriptor()},
      {"kind", "kind", FieldKind::kEnum, v1::Kind_descriptor()},
      {"severity", "severity", FieldKind::kEnum, v1::Severity_descriptor()},
      // The generated column 'aiSystems/' || ai_system_id, so users filter by resource name.
      {"ai_system", "ai_system", FieldKind::kString},
      {"reporter", "reporter", FieldKind::kString},
      {"owner", "owner", FieldKind::kString},
      {"detection_source", "detection_source", FieldKind::kEnum, v1::DetectionSource_descriptor()},
      {"harm_types", "harm_types", FieldKind::kEnumArray, v1::HarmType_descriptor()},
      {"cause_hints", "cause_hints", FieldKind::kEnumArray, v1::CauseHint_descriptor()},
      {"immediate_actions", "immediate_actions", FieldKind::kEnumArray,
       v1::ImmediateAction_descriptor()},
      {"jurisdictions", "jurisdictions", FieldKind::kStringArray},
      {"personal_data.breached", "personal_data_breached", FieldKind::kBool},
      {"signal_fingerprint", "signal_fingerprint", FieldKind::kString},
      {"occur_time", "occur_time", FieldKind::kTimestamp},
      {"detect_time", "detect_time", FieldKind::kTimestamp},
      {"report_time", "report_time", FieldKind::kTimestamp},
      {"aware_time", "aware_time", FieldKind::kTimestamp},
      {"create_time", "create_time", FieldKind::kTimestamp},
      {"update_time", "update_time", FieldKind::kTimestamp},
      {"labels", "labels", FieldKind::kLabels},
  };
  return *fields;
}

const std::vector<api::SortField>& IncidentSortFields() {
  // Every column is NOT NULL (keyset pagination needs that) and has an index (tenant_id, col, id).
  // severity sorts by value name, so ascending puts SEV1 first and unassessed incidents last.
  static const auto* fields = new std::vector<api::SortField>{
      {"detect_time", "detect_time", FieldKind::kTimestamp},
      {"report_time", "report_time", FieldKind::kTimestamp},
      {"create_time", "create_time", FieldKind::kTimestamp},
      {"update_time", "update_time", FieldKind::kTimestamp},
      {"severity", "severity", FieldKind::kEnum},
      {"title", "title", FieldKind::kString},
  };
  return *fields;
}

const std::vector<std::string>& IncidentUpdatableFields() {
  // affected and personal_data as a whole or field by field. Never state, severity or owner:
  // those change only through the lifecycle methods.
  static const auto* fields = new std::vector<std::string>{
      "title",
      "description",
      "ai_system",
      "kind",
      "occur_time",
      "detect_time",
      "report_time",
      "aware_time",
      "reporter",
      "harm_types",
      "affected",
      "affected.parties",
      "affected.estimated_people",
      "affected.deaths",
      "affected.serious_injuries",
      "affected.fundamental_rights_infringed",
      "personal_data",
      "personal_data.involved",
      "personal_data.breached",
      "personal_data.breach_types",
      "personal_data.breach_categories",
      "personal_data.persons_affected",
      "personal_data.breach_aware_time",
      "jurisdictions",
      "detection_source",
      "cause_hints",
      "immediate_actions",
      "labels",
  };
  return *fields;
}

}  // namespace airr::incident
