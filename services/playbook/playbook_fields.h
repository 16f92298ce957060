// The fields of a playbook as the API exposes them: which ones make up a version's definition
// (and may be changed by UpdatePlaybook), the text and size limits the validator enforces, and
// the default drill interval.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "airr/playbook/v1/playbooks.pb.h"

namespace airr::playbook {

// Text limits (characters).
inline constexpr size_t kMaxPlaybookDisplayNameChars = 200;
inline constexpr size_t kMaxPlaybookPurposeChars = 4000;
inline constexpr size_t kMaxPlaybookOwnerChars = 200;
inline constexpr size_t kMaxChangeNoteChars = 1000;
inline constexpr size_t kMaxStepTitleChars = 200;
inline constexpr size_t kMaxStepInstructionsChars = 8000;

// Count limits.
inline constexpr int kMaxSteps = 100;
inline constexpr int kMaxDependencies = 20;
inline constexpr int kMaxTriggerAiSystems = 100;
inline constexpr size_t kMaxTriggerLabels = 20;

// The largest a playbook may be, serialized (protobuf wire format).
inline constexpr size_t kMaxPlaybookBytes = 256 * 1024;

// Durations.
inline constexpr absl::Duration kMaxStepOffset = absl::Hours(24 * 90);
inline constexpr absl::Duration kMinDrillInterval = absl::Hours(24);
inline constexpr absl::Duration kMaxDrillInterval = absl::Hours(24 * 1095);
inline constexpr absl::Duration kDefaultDrillInterval = absl::Hours(24 * 365);

// The top-level Playbook fields that make up a version's definition, in message order:
// display_name, purpose, owner, triggers, targets, steps, drill_interval. They are also exactly
// the fields UpdatePlaybook may change. Thread-safe.
const std::vector<std::string>& PlaybookDefinitionFields();

// Returns a Playbook holding only the definition fields of `playbook`. Thread-safe.
v1::Playbook DefinitionOf(const v1::Playbook& playbook);

// The drill interval of `playbook`: its drill_interval, or kDefaultDrillInterval when unset.
// Does not validate. Thread-safe.
absl::Duration DrillIntervalOf(const v1::Playbook& playbook);

}  // namespace airr::playbook
