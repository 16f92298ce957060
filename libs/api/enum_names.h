// Protobuf enum values as users write them in filters and flags: either the full value name
// ("RISK_TIER_HIGH") or the name without the enum's prefix ("HIGH", "high"). The prefix is the
// enum type name in UPPER_SNAKE plus "_" (RiskTier -> "RISK_TIER_"), as its X_UNSPECIFIED spells
// it.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace airr::api {

// The UPPER_SNAKE prefix of `type`'s value names, e.g. "RISK_TIER_" for RiskTier. Taken from the
// zero value when it is named <PREFIX>_UNSPECIFIED (so EUAIActCategory with
// EU_AI_ACT_CATEGORY_UNSPECIFIED gives "EU_AI_ACT_CATEGORY_"), else derived from the type name
// (MLModelKind -> "ML_MODEL_KIND_"). Thread-safe.
std::string EnumValuePrefix(const google::protobuf::EnumDescriptor& type);

// The name users may write for `value`: its name without the enum's prefix when it has it
// ("HIGH"), else the full name. Thread-safe.
std::string ShortEnumName(const google::protobuf::EnumValueDescriptor& value);

// The accepted values of `type` for error messages, as short names in declaration order, without
// the *_UNSPECIFIED value: "LOW, MEDIUM, HIGH". Thread-safe.
std::string AllowedEnumNames(const google::protobuf::EnumDescriptor& type);

// Parses `text` as a value of `type`: the full value name or the short name, ASCII
// case-insensitively. The *_UNSPECIFIED value is never accepted.
// Returns the value, or INVALID_ARGUMENT naming `field` with the allowed values. Thread-safe.
absl::StatusOr<const google::protobuf::EnumValueDescriptor*> ParseEnumValue(
    const google::protobuf::EnumDescriptor& type, absl::string_view text, absl::string_view field);

// Like ParseEnumValue, but returns the full value name ("RISK_TIER_HIGH"). Thread-safe.
absl::StatusOr<std::string> ParseEnumName(const google::protobuf::EnumDescriptor& type,
                                          absl::string_view text, absl::string_view field);

}  // namespace airr::api
