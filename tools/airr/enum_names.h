// The short, lower-case names the CLI shows and accepts for proto enum values
// (LIFECYCLE_STAGE_OPERATION <-> "operation"), derived from the enum descriptors, so a value added
// to a .proto is known to the CLI without a table to keep in step.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/descriptor.h"

namespace airr::cli {

// The prefix shared by the enum's value names: the name of its zero value without "UNSPECIFIED"
// (ACTOR_ROLE_UNSPECIFIED -> "ACTOR_ROLE_"), else the enum's type name in UPPER_SNAKE plus "_".
std::string EnumValuePrefix(const google::protobuf::EnumDescriptor& type);

// The value's name without the prefix, in lower case: "operation", "business_user".
std::string ShortEnumName(const google::protobuf::EnumValueDescriptor& value);

// The short name of `number` in `type`; the number itself for a value this build does not know.
std::string ShortEnumName(const google::protobuf::EnumDescriptor& type, int number);

// The short names a user may give: every value except the zero ("unspecified") one, in order.
std::vector<std::string> AllowedEnumNames(const google::protobuf::EnumDescriptor& type);

// Maps user input to a value number. Accepts the short name in any case, with '-' for '_'
// ("business-user"), or the full name ("ACTOR_ROLE_DEVELOPER"); an empty string gives 0.
// Returns INVALID_ARGUMENT naming `flag` and listing the allowed values for anything else,
// including the zero value by name.
absl::StatusOr<int> ParseEnumName(const google::protobuf::EnumDescriptor& type,
                                  const std::string& text, const std::string& flag);

// The enum value's name without its prefix, in upper case, as text output shows it:
// NOTIFICATION_STATE_OVERDUE -> "OVERDUE"; the number itself for a value this build does not
// know; "" for the zero (unspecified) value.
std::string EnumLabel(const google::protobuf::EnumDescriptor& type, int number);

// " One of: a, b, c." (lower-case short names with '-' for '_'), for flag help.
std::string EnumChoices(const google::protobuf::EnumDescriptor& type);

}  // namespace airr::cli
