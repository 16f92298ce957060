#include "services/inventory/ai_system_validator.h"

#include <utility>

#include "libs/api/validation.h"
#include "libs/api/violations.h"

namespace airr::inventory {
namespace {

using api::CheckEnumList;
using api::RequireEnum;
using api::Violations;

// The most entries of a list field, and the longest entry of a text list.
constexpr size_t kMaxListEntries = 50;
constexpr size_t kMaxListEntryChars = 200;

constexpr const char* kEuCodes[] = {"EU", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
                                    "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
                                    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};

void CheckEuClassification(Violations& v, const v1::AiSystem& system) {
  bool in_eu = false;
  for (const auto& code : system.jurisdictions()) {
    in_eu = in_eu || IsEuJurisdiction(code);
  }
  const auto& eu = system.eu_ai_act();
  if (!in_eu) {
    if (eu.category() != 0 || eu.high_risk_area() != 0 || eu.gpai() != 0) {
      v.Add("eu_ai_act", "must be unset unless a jurisdiction is the EU or an EU member state");
    }
    return;
  }
  RequireEnum(v, "eu_ai_act.category", eu.category(), v1::EuRiskCategory_IsValid);
  const bool high_risk = eu.category() == v1::EU_RISK_CATEGORY_HIGH_RISK;
  if (high_risk && eu.high_risk_area() == 0) {
    v.Add("eu_ai_act.high_risk_area", "is required for a high-risk system");
  } else if (!high_risk && eu.high_risk_area() != 0) {
    v.Add("eu_ai_act.high_risk_area", "must be unset unless the category is HIGH_RISK");
  } else if (!v1::EuHighRiskArea_IsValid(eu.high_risk_area())) {
    v.Add("eu_ai_act.high_risk_area", "has an unknown enum value");
  }
  if (!v1::EuGpaiClass_IsValid(eu.gpai())) {
    v.Add("eu_ai_act.gpai", "has an unknown enum value");
  }
}

}  // namespace

bool IsEuJurisdiction(absl::string_view code) {
  for (const char* eu : kEuCodes) {
    if (code == eu) {
      return true;
    }
  }
  return false;
}

absl::Status ValidateAiSystem(const v1::AiSystem& system, absl::string_view prefix) {
  Violations v(prefix);
  v.Merge(api::CheckText(v.Path("display_name"), system.display_name(), 1, 200, false));
  v.Merge(api::CheckText(v.Path("description"), system.description(), 0, 10000, true));
  v.Merge(api::CheckText(v.Path("business_purpose"), system.business_purpose(), 0, 2000, true));
  v.Merge(api::CheckText(v.Path("owner"), system.owner(), 1, 200, false));
  v.Merge(
      api::CheckText(v.Path("accountable_officer"), system.accountable_officer(), 0, 200, false));
  CheckEnumList(v, "actor_roles", system.actor_roles(), 1, kMaxListEntries, v1::ActorRole_IsValid);
  RequireEnum(v, "lifecycle_stage", system.lifecycle_stage(), v1::LifecycleStage_IsValid);
  RequireEnum(v, "model_type", system.model_type(), v1::ModelType_IsValid);
  api::CheckTextList(v, "upstream_models", system.upstream_models(), kMaxListEntries,
                     kMaxListEntryChars);
  api::CheckTextList(v, "vendors", system.vendors(), kMaxListEntries, kMaxListEntryChars);
  CheckEnumList(v, "data_categories", system.data_categories(), 1, kMaxListEntries,
                v1::DataCategory_IsValid);
  if (system.data_categories_size() > 1) {
    for (int c : system.data_categories()) {
      if (c == v1::DATA_CATEGORY_NONE) {
        v.Add("data_categories", "DATA_CATEGORY_NONE must stand alone");
      }
    }
  }
  api::CheckJurisdictions(v, "jurisdictions", system.jurisdictions(), /*required=*/true);
  CheckEuClassification(v, system);
  RequireEnum(v, "human_oversight", system.human_oversight(), v1::HumanOversight_IsValid);
  RequireEnum(v, "risk_tier", system.risk_tier(), v1::RiskTier_IsValid);
  v.Merge(api::CheckLabels(v.Path("labels"), system.labels()));
  return std::move(v).ToStatus();
}

absl::Status ValidateCreateRequest(const v1::CreateAiSystemRequest& request) {
  Violations v("");
  v.Merge(ValidateAiSystem(request.ai_system(), "ai_system"));
  if (!request.ai_system_id().empty()) {
    v.Merge(api::CheckResourceId("ai_system_id", request.ai_system_id()));
  }
  if (!request.request_id().empty()) {
    v.Merge(api::CheckUuid("request_id", request.request_id()));
  }
  return std::move(v).ToStatus();
}

}  // namespace airr::inventory
