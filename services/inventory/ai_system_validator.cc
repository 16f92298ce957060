#include "services/inventory/ai_system_validator.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/api/validation.h"
#include "libs/common/errors.h"

namespace airr::inventory {
namespace {

constexpr size_t kMaxListEntries = 50;

constexpr const char* kEuCodes[] = {"EU", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
                                    "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
                                    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};

// Collects violations from many checks into one INVALID_ARGUMENT.
class Violations {
 public:
  explicit Violations(absl::string_view prefix) : prefix_(prefix) {}

  std::string Path(absl::string_view field) const {
    return prefix_.empty() ? std::string(field) : absl::StrCat(prefix_, ".", field);
  }
  void Add(absl::string_view field, absl::string_view rule) {
    list_.push_back({Path(field), std::string(rule)});
  }
  void Merge(const absl::Status& status) {
    for (auto& v : FieldViolations(status)) {
      list_.push_back(std::move(v));
    }
  }
  absl::Status ToStatus() && {
    return list_.empty() ? absl::OkStatus() : InvalidFields(std::move(list_));
  }

 private:
  std::string prefix_;
  std::vector<FieldViolation> list_;
};

// A required enum: set, and a value this server knows.
template <typename IsValid>
void RequireEnum(Violations& v, absl::string_view field, int value, IsValid is_valid) {
  if (value == 0) {
    v.Add(field, "is required");
  } else if (!is_valid(value)) {
    v.Add(field, absl::StrCat("has unknown enum value ", value));
  }
}

// A repeated enum: every entry known and set, no duplicates, at least `min` entries.
template <typename IsValid>
void CheckEnumList(Violations& v, absl::string_view field,
                   const google::protobuf::RepeatedField<int>& values, size_t min,
                   IsValid is_valid) {
  if (static_cast<size_t>(values.size()) < min) {
    v.Add(field, absl::StrCat("needs at least ", min, " entr", min == 1 ? "y" : "ies"));
  }
  std::set<int> seen;
  for (int value : values) {
    if (value == 0 || !is_valid(value)) {
      v.Add(field, absl::StrCat("has invalid enum value ", value));
    } else if (!seen.insert(value).second) {
      v.Add(field, "must not repeat a value");
    }
  }
}

void CheckTextList(Violations& v, absl::string_view field,
                   const google::protobuf::RepeatedPtrField<std::string>& values) {
  if (static_cast<size_t>(values.size()) > kMaxListEntries) {
    v.Add(field, absl::StrCat("must have at most ", kMaxListEntries, " entries"));
    return;
  }
  for (int i = 0; i < values.size(); ++i) {
    v.Merge(api::CheckText(absl::StrCat(v.Path(field), "[", i, "]"), values[i], 1, 200, false));
  }
}

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

void CheckJurisdictions(Violations& v, const v1::AiSystem& system) {
  if (system.jurisdictions().empty()) {
    v.Add("jurisdictions", "needs at least one entry (ISO 3166-1 alpha-2 code or EU)");
  }
  if (static_cast<size_t>(system.jurisdictions_size()) > kMaxListEntries) {
    v.Add("jurisdictions", absl::StrCat("must have at most ", kMaxListEntries, " entries"));
    return;
  }
  std::set<std::string> seen;
  for (int i = 0; i < system.jurisdictions_size(); ++i) {
    const std::string& code = system.jurisdictions(i);
    const bool well_formed =
        code.size() == 2 && absl::ascii_isupper(code[0]) && absl::ascii_isupper(code[1]);
    if (!well_formed) {
      v.Add(absl::StrCat("jurisdictions[", i, "]"),
            "must be an upper-case ISO 3166-1 alpha-2 code or EU");
    } else if (!seen.insert(code).second) {
      v.Add(absl::StrCat("jurisdictions[", i, "]"), "must not repeat a value");
    }
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
  CheckEnumList(v, "actor_roles", system.actor_roles(), 1, v1::ActorRole_IsValid);
  RequireEnum(v, "lifecycle_stage", system.lifecycle_stage(), v1::LifecycleStage_IsValid);
  RequireEnum(v, "model_type", system.model_type(), v1::ModelType_IsValid);
  CheckTextList(v, "upstream_models", system.upstream_models());
  CheckTextList(v, "vendors", system.vendors());
  CheckEnumList(v, "data_categories", system.data_categories(), 1, v1::DataCategory_IsValid);
  if (system.data_categories_size() > 1) {
    for (int c : system.data_categories()) {
      if (c == v1::DATA_CATEGORY_NONE) {
        v.Add("data_categories", "DATA_CATEGORY_NONE must stand alone");
      }
    }
  }
  CheckJurisdictions(v, system);
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
