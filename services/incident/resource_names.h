// The collection ids of the resource names the incident service reads and writes
// (`incidents/{incident}`, `aiSystems/{ai_system}`), in one place for every layer.
#pragma once

namespace airr::incident {

inline constexpr char kIncidentCollection[] = "incidents";
inline constexpr char kAiSystemCollection[] = "aiSystems";

}  // namespace airr::incident
