#include "services/inventory/ai_system_fields.h"

#include "airr/inventory/v1/inventory_service.pb.h"

namespace airr::inventory {

using api::FieldKind;
namespace v1 = ::airr::inventory::v1;

const std::vector<api::FilterField>& AiSystemFilterFields() {
  static const auto* fields = new std::vector<api::FilterField>{
      {"display_name", "display_name", FieldKind::kString},
      {"owner", "owner", FieldKind::kString},
      {"accountable_officer", "accountable_officer", FieldKind::kString},
      {"lifecycle_stage", "lifecycle_stage", FieldKind::kEnum, v1::LifecycleStage_descriptor()},
      {"model_type", "model_type", FieldKind::kEnum, v1::ModelType_descriptor()},
      {"risk_tier", "risk_tier", FieldKind::kEnum, v1::RiskTier_descriptor()},
      {"human_oversight", "human_oversight", FieldKind::kEnum, v1::HumanOversight_descriptor()},
      {"eu_ai_act.category", "eu_risk_category", FieldKind::kEnum, v1::EuRiskCategory_descriptor()},
      {"actor_roles", "actor_roles", FieldKind::kEnumArray, v1::ActorRole_descriptor()},
      {"data_categories", "data_categories", FieldKind::kEnumArray, v1::DataCategory_descriptor()},
      {"jurisdictions", "jurisdictions", FieldKind::kStringArray},
      {"vendors", "vendors", FieldKind::kStringArray},
      {"upstream_models", "upstream_models", FieldKind::kStringArray},
      {"advanced_ai", "advanced_ai", FieldKind::kBool},
      {"generative_ai", "generative_ai", FieldKind::kBool},
      {"labels", "labels", FieldKind::kLabels},
      {"create_time", "create_time", FieldKind::kTimestamp},
      {"update_time", "update_time", FieldKind::kTimestamp},
  };
  return *fields;
}

const std::vector<api::SortField>& AiSystemSortFields() {
  static const auto* fields = new std::vector<api::SortField>{
      {"create_time", "create_time", FieldKind::kTimestamp},
      {"update_time", "update_time", FieldKind::kTimestamp},
      {"display_name", "display_name", FieldKind::kString},
      {"owner", "owner", FieldKind::kString},
  };
  return *fields;
}

const std::vector<std::string>& AiSystemUpdatableFields() {
  // eu_ai_act as a whole or field by field.
  static const auto* fields = new std::vector<std::string>{
      "display_name",
      "description",
      "business_purpose",
      "owner",
      "accountable_officer",
      "actor_roles",
      "lifecycle_stage",
      "model_type",
      "advanced_ai",
      "generative_ai",
      "upstream_models",
      "vendors",
      "data_categories",
      "jurisdictions",
      "eu_ai_act",
      "eu_ai_act.category",
      "eu_ai_act.high_risk_area",
      "eu_ai_act.gpai",
      "human_oversight",
      "risk_tier",
      "labels",
  };
  return *fields;
}

}  // namespace airr::inventory
