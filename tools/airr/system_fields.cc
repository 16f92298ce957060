#include "tools/airr/system_fields.h"

#include <algorithm>
#include <set>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "tools/airr/enum_names.h"

namespace airr::cli {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// A field flag: the flag name, the path of the field it sets, and its help.
struct FieldFlag {
  const char* flag;
  const char* path;
  const char* value_name;
  const char* help;
};

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

// The fields along `path` from AiSystem, the last one being the field the flag sets. A wrong
// path is a programming error that the unit tests catch, so it yields an empty list.
std::vector<const FieldDescriptor*> ResolvePath(const std::string& path) {
  std::vector<const FieldDescriptor*> fields;
  const google::protobuf::Descriptor* type = inventory::v1::AiSystem::descriptor();
  for (absl::string_view part : absl::StrSplit(path, '.')) {
    const FieldDescriptor* field =
        type == nullptr ? nullptr : type->FindFieldByName(std::string(part));
    if (field == nullptr) {
      return {};
    }
    fields.push_back(field);
    type = field->message_type();
  }
  return fields;
}

absl::Status SetLabels(const std::string& flag, const std::vector<std::string>& values,
                       Message* message, const FieldDescriptor& field) {
  const Reflection& r = *message->GetReflection();
  r.ClearField(message, &field);
  std::set<std::string> seen;
  for (const std::string& value : values) {
    if (value.empty()) {
      continue;
    }
    const size_t eq = value.find('=');
    if (eq == std::string::npos || eq == 0) {
      return absl::InvalidArgumentError(absl::StrCat(flag, ": \"", value, "\" is not KEY=VALUE"));
    }
    const std::string key = value.substr(0, eq);
    if (!seen.insert(key).second) {
      return absl::InvalidArgumentError(absl::StrCat(flag, ": key \"", key, "\" given twice"));
    }
    Message* entry = r.AddMessage(message, &field);
    const google::protobuf::Descriptor& entry_type = *entry->GetDescriptor();
    entry->GetReflection()->SetString(entry, entry_type.map_key(), key);
    entry->GetReflection()->SetString(entry, entry_type.map_value(), value.substr(eq + 1));
  }
  return absl::OkStatus();
}

// Sets `field` of `message` from the flag's values (all of them for lists, the last otherwise).
absl::Status SetField(const std::string& flag, const std::vector<std::string>& values,
                      Message* message, const FieldDescriptor& field) {
  const Reflection& r = *message->GetReflection();
  if (field.is_map()) {
    return SetLabels(flag, values, message, field);
  }
  if (field.is_repeated()) {
    r.ClearField(message, &field);
    for (const std::string& value : values) {
      if (value.empty()) {
        continue;
      }
      if (field.cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
        absl::StatusOr<int> number = ParseEnumName(*field.enum_type(), value, flag);
        if (!number.ok()) {
          return number.status();
        }
        r.AddEnumValue(message, &field, *number);
      } else {
        r.AddString(message, &field, value);
      }
    }
    return absl::OkStatus();
  }
  const std::string& value = values.back();
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_BOOL:
      r.SetBool(message, &field, value == "true");
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_ENUM: {
      absl::StatusOr<int> number = ParseEnumName(*field.enum_type(), value, flag);
      if (!number.ok()) {
        return number.status();
      }
      r.SetEnumValue(message, &field, *number);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_STRING:
      r.SetString(message, &field, value);
      return absl::OkStatus();
    default:
      return absl::InternalError(absl::StrCat(flag, ": unsupported field type"));
  }
}

}  // namespace

const std::vector<FlagSpec>& SystemFieldFlagSpecs() {
  static const auto* const kSpecs = [] {
    auto* specs = new std::vector<FlagSpec>();
    for (const FieldFlag& flag : kFieldFlags) {
      const std::vector<const FieldDescriptor*> fields = ResolvePath(flag.path);
      FlagSpec spec;
      spec.name = flag.flag;
      spec.value_name = flag.value_name;
      spec.help = flag.help;
      if (!fields.empty()) {
        const FieldDescriptor& field = *fields.back();
        spec.repeated = field.is_repeated();
        if (field.cpp_type() == FieldDescriptor::CPPTYPE_BOOL) {
          spec.kind = FlagSpec::Kind::kBool;
        }
        if (field.cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
          absl::StrAppend(&spec.help,
                          " One of: ", absl::StrJoin(AllowedEnumNames(*field.enum_type()), ", "),
                          ".");
        }
      }
      specs->push_back(std::move(spec));
    }
    return specs;
  }();
  return *kSpecs;
}

absl::Status ApplySystemFieldFlags(const ParsedArgs& args, inventory::v1::AiSystem* system,
                                   std::vector<std::string>* paths) {
  for (const FieldFlag& flag : kFieldFlags) {
    if (!args.Has(flag.flag)) {
      continue;
    }
    const std::vector<const FieldDescriptor*> fields = ResolvePath(flag.path);
    if (fields.empty()) {
      return absl::InternalError(absl::StrCat("--", flag.flag, ": no field ", flag.path));
    }
    Message* message = system;
    for (size_t i = 0; i + 1 < fields.size(); ++i) {
      message = message->GetReflection()->MutableMessage(message, fields[i]);
    }
    absl::Status status =
        SetField(absl::StrCat("--", flag.flag), args.GetAll(flag.flag), message, *fields.back());
    if (!status.ok()) {
      return status;
    }
    // A path is left out when it or a parent ("eu_ai_act" from a file) is there already.
    const std::string path = flag.path;
    const bool covered = std::any_of(paths->begin(), paths->end(), [&](const std::string& p) {
      return path == p || absl::StartsWith(path, p + ".");
    });
    if (!covered) {
      paths->push_back(path);
    }
  }
  return absl::OkStatus();
}

}  // namespace airr::cli
