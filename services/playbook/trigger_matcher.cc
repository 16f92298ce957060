#include "services/playbook/trigger_matcher.h"

#include <algorithm>

#include "services/playbook/resource_names.h"

namespace airr::playbook {
namespace {

// True when `values` is empty or holds `name` (an enum given by its proto name).
template <typename Enum, typename NameOf>
bool AnyOrContains(const google::protobuf::RepeatedField<int>& values, const std::string& name,
                   NameOf name_of) {
  if (values.empty()) {
    return true;
  }
  return std::any_of(values.begin(), values.end(),
                     [&](int value) { return name_of(static_cast<Enum>(value)) == name; });
}

}  // namespace

bool TriggersMatch(const v1::PlaybookTriggers& triggers, const IncidentFacts& incident) {
  if (!AnyOrContains<incident::v1::Severity>(triggers.severities(), incident.severity, [](auto v) {
        return incident::v1::Severity_Name(v);
      })) {
    return false;
  }
  if (!AnyOrContains<incident::v1::Kind>(triggers.kinds(), incident.kind,
                                         [](auto v) { return incident::v1::Kind_Name(v); })) {
    return false;
  }
  if (!triggers.harm_types().empty()) {
    const bool any_harm = std::any_of(
        incident.harm_types.begin(), incident.harm_types.end(), [&](const std::string& harm) {
          return AnyOrContains<incident::v1::HarmType>(
              triggers.harm_types(), harm, [](auto v) { return incident::v1::HarmType_Name(v); });
        });
    if (!any_harm) {
      return false;
    }
  }
  if (!triggers.ai_systems().empty()) {
    const std::string system = api::FormatResourceName(kAiSystemCollection, incident.ai_system_id);
    if (std::find(triggers.ai_systems().begin(), triggers.ai_systems().end(), system) ==
        triggers.ai_systems().end()) {
      return false;
    }
  }
  for (const auto& [key, value] : triggers.labels()) {
    auto it = incident.labels.find(key);
    if (it == incident.labels.end() || it->second != value) {
      return false;
    }
  }
  return true;
}

bool HasTriggerCriterion(const v1::PlaybookTriggers& triggers) {
  return !triggers.severities().empty() || !triggers.harm_types().empty() ||
         !triggers.kinds().empty() || !triggers.ai_systems().empty() || !triggers.labels().empty();
}

}  // namespace airr::playbook
