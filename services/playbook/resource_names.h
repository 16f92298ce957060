// The collection ids of the resource names the playbook service reads and writes, in one place
// for every layer: `playbooks/{playbook}`, its runs `playbooks/{playbook}/runs/{run}`, and the
// names of other services' resources it refers to (`incidents/{incident}`,
// `aiSystems/{ai_system}`).
#pragma once

#include <string>

#include "libs/api/resource_name.h"

namespace airr::playbook {

inline constexpr char kPlaybookCollection[] = "playbooks";
inline constexpr char kRunCollection[] = "runs";
inline constexpr char kIncidentCollection[] = "incidents";
inline constexpr char kAiSystemCollection[] = "aiSystems";

inline std::string PlaybookName(const std::string& id) {
  return api::FormatResourceName(kPlaybookCollection, id);
}

inline std::string RunName(const std::string& playbook_id, const std::string& run_id) {
  return api::FormatChildResourceName(kPlaybookCollection, playbook_id, kRunCollection, run_id);
}

inline std::string IncidentName(const std::string& id) {
  return api::FormatResourceName(kIncidentCollection, id);
}

}  // namespace airr::playbook
