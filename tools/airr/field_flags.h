// Flags that set fields of a resource message (`--display-name`, `--harm`, `--detect-time`), for
// any message type: each flag names a field path, and the flag's kind (text, number, switch, enum,
// time, list, map) and, for enums, its allowed values come from the descriptor, so the flags cannot
// drift from the proto. The paths of the flags given become an update_mask.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "tools/airr/args.h"

namespace airr::cli {

// A field flag: the flag's name, the dotted path of the field it sets (from the root message),
// the placeholder of its value in help, and its help.
struct FieldFlag {
  const char* flag;
  const char* path;
  const char* value_name;
  const char* help;
};

// The FlagSpecs of `flags` on messages of type `root`, in the order given: repeated for list and
// map fields, a switch for bool fields, and for enum fields the allowed short names appended to
// the help. A path that does not resolve gives a plain value flag (the unit tests catch it).
std::vector<FlagSpec> FieldFlagSpecs(const google::protobuf::Descriptor& root,
                                     absl::Span<const FieldFlag> flags);

// Appends `path` to `paths` unless it or a parent of it ("personal_data" for
// "personal_data.breached") is there already.
void AddMaskPath(const std::string& path, std::vector<std::string>* paths);

// For every flag of `flags` given in `args`, sets its field in `message` and adds the field's path
// to `paths` (AddMaskPath). Lists and maps are replaced as a whole by the values given; an empty
// value clears a field (`--vendor=` alone empties the list). Numbers are decimal integers, times
// RFC 3339 ("2026-11-23T10:00:00Z", "2026-11-23T19:00:00+09:00"), maps KEY=VALUE. Returns
// INVALID_ARGUMENT, naming the flag, for an unknown enum value, a bad number or time, or a map
// entry that is not KEY=VALUE or repeats a key; INTERNAL for a path that does not resolve.
absl::Status ApplyFieldFlags(const ParsedArgs& args, absl::Span<const FieldFlag> flags,
                             google::protobuf::Message* message, std::vector<std::string>* paths);

}  // namespace airr::cli
