#include "tests/testing/sample_ai_system.h"

namespace airr::testing {

namespace v1 = ::airr::inventory::v1;

v1::AiSystem SampleAiSystem(const std::string& display_name) {
  v1::AiSystem s;
  s.set_display_name(display_name);
  s.set_description("Answers customer questions.\nEscalates to humans.");
  s.set_business_purpose("Shorter waiting times.");
  s.set_owner("customer-support");
  s.set_accountable_officer("Head of CS");
  s.add_actor_roles(v1::ACTOR_ROLE_PROVIDER);
  s.set_lifecycle_stage(v1::LIFECYCLE_STAGE_OPERATION);
  s.set_model_type(v1::MODEL_TYPE_LLM);
  s.set_generative_ai(true);
  s.add_data_categories(v1::DATA_CATEGORY_PERSONAL);
  s.add_jurisdictions("JP");
  s.set_human_oversight(v1::HUMAN_OVERSIGHT_ON_THE_LOOP);
  s.set_risk_tier(v1::RISK_TIER_MEDIUM);
  (*s.mutable_labels())["business_unit"] = "cs";
  return s;
}

}  // namespace airr::testing
