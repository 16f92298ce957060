// The flags that set fields of an AiSystem, shared by `systems create` and `systems update`. Each
// flag names a field path; its kind (text, switch, enum, list, map) and, for enums, its allowed
// values come from the message descriptor, so the flags cannot drift from the proto.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "airr/inventory/v1/inventory_service.pb.h"
#include "tools/airr/args.h"

namespace airr::cli {

// The specs of the field flags (--display-name, --stage, --role, --label, ...), in help order.
const std::vector<FlagSpec>& SystemFieldFlagSpecs();

// For every field flag given in `args`, sets its field in `system` and appends the field's path
// (e.g. "display_name", "eu_ai_act.category", "labels") to `paths` unless it or a parent path is
// there already. Lists and
// the labels map are replaced as a whole by the values given; an empty value clears a field
// (`--vendor=` alone empties the list). Returns INVALID_ARGUMENT, naming the flag, for an unknown
// enum value, or a --label that is not KEY=VALUE or repeats a key.
absl::Status ApplySystemFieldFlags(const ParsedArgs& args, inventory::v1::AiSystem* system,
                                   std::vector<std::string>* paths);

}  // namespace airr::cli
