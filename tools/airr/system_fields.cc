#include "tools/airr/system_fields.h"

#include "tools/airr/field_flags.h"

namespace airr::cli {
namespace {

constexpr FieldFlag kFieldFlags[] = {
    {"display-name", "display_name", "TEXT", "Human-readable name, 1 to 200 characters."},
    {"description", "description", "TEXT", "What the system is and does."},
    {"purpose", "business_purpose", "TEXT", "The business purpose it serves."},
    {"owner", "owner", "OWNER", "The team or person who owns and operates it."},
    {"accountable", "accountable_officer", "PERSON",
     "The person accountable for it (guideline C07.3)."},
    {"role", "actor_roles", "ROLE", "The company's role towards it."},
    {"stage", "lifecycle_stage", "STAGE", "Where it is in its lifecycle."},
    {"model-type", "model_type", "TYPE", "The kind of model behind it."},
    {"advanced", "advanced_ai", "",
     "It is an advanced AI system (frontier foundation model); --advanced=false to unset."},
    {"generative", "generative_ai", "",
     "It generates content (text, images, audio, code); --generative=false to unset."},
    {"upstream-model", "upstream_models", "MODEL", "A model it builds on, e.g. gpt-4o."},
    {"vendor", "vendors", "VENDOR", "A vendor supplying models, data or services."},
    {"data", "data_categories", "CATEGORY",
     "A category of data it processes (none must stand alone)."},
    {"jurisdiction", "jurisdictions", "CODE",
     "Where it is used: an ISO 3166-1 alpha-2 code such as JP, or EU."},
    {"eu-category", "eu_ai_act.category", "CATEGORY",
     "EU AI Act risk category; required when a jurisdiction is in the EU, unset otherwise."},
    {"eu-area", "eu_ai_act.high_risk_area", "AREA",
     "EU AI Act high-risk area; only with --eu-category high_risk."},
    {"eu-gpai", "eu_ai_act.gpai", "CLASS", "EU AI Act general-purpose AI model class."},
    {"oversight", "human_oversight", "MODE", "How humans oversee its outputs."},
    {"tier", "risk_tier", "TIER", "The company's own risk tier."},
    {"label", "labels", "KEY=VALUE",
     "A free label, e.g. business_unit=retail. Given to update, the labels given replace all "
     "labels of the system."},
};

}  // namespace

const std::vector<FlagSpec>& SystemFieldFlagSpecs() {
  static const auto* const kSpecs = new std::vector<FlagSpec>(
      FieldFlagSpecs(*inventory::v1::AiSystem::descriptor(), kFieldFlags));
  return *kSpecs;
}

absl::Status ApplySystemFieldFlags(const ParsedArgs& args, inventory::v1::AiSystem* system,
                                   std::vector<std::string>* paths) {
  return ApplyFieldFlags(args, kFieldFlags, system, paths);
}

}  // namespace airr::cli
