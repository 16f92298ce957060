#include "libs/api/enum_names.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/api/quote.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"

namespace airr::api {
namespace {

bool IsUnspecified(const google::protobuf::EnumValueDescriptor& value) {
  return absl::EndsWith(value.name(), "_UNSPECIFIED") || value.name() == "UNSPECIFIED";
}

}  // namespace

std::string EnumValuePrefix(const google::protobuf::EnumDescriptor& type) {
  // The house rule is that every enum starts with <PREFIX>_UNSPECIFIED = 0, which names the
  // prefix exactly even when the type name has acronyms ("EUAIAct" could be EU_AI_ACT or EUAI_ACT).
  const google::protobuf::EnumValueDescriptor* zero = type.FindValueByNumber(0);
  constexpr absl::string_view kUnspecified = "UNSPECIFIED";
  if (zero != nullptr && zero->name().size() > kUnspecified.size() + 1 &&
      absl::EndsWith(zero->name(), absl::StrCat("_", kUnspecified))) {
    return zero->name().substr(0, zero->name().size() - kUnspecified.size());
  }
  const std::string& name = type.name();
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (i > 0 && absl::ascii_isupper(c)) {
      const char prev = name[i - 1];
      const bool next_is_lower = i + 1 < name.size() && absl::ascii_islower(name[i + 1]);
      // A word starts at an upper-case letter after a lower-case letter or digit, or at the last
      // letter of an acronym that is followed by a lower-case letter ("MLModel" -> "ML_MODEL").
      if (absl::ascii_islower(prev) || absl::ascii_isdigit(prev) ||
          (absl::ascii_isupper(prev) && next_is_lower)) {
        out.push_back('_');
      }
    }
    out.push_back(absl::ascii_toupper(c));
  }
  out.push_back('_');
  return out;
}

std::string ShortEnumName(const google::protobuf::EnumValueDescriptor& value) {
  const std::string prefix = EnumValuePrefix(*value.type());
  absl::string_view name = value.name();
  if (name.size() > prefix.size() && absl::StartsWith(name, prefix)) {
    name.remove_prefix(prefix.size());
  }
  return std::string(name);
}

std::string AllowedEnumNames(const google::protobuf::EnumDescriptor& type) {
  std::vector<std::string> names;
  for (int i = 0; i < type.value_count(); ++i) {
    if (!IsUnspecified(*type.value(i))) {
      names.push_back(ShortEnumName(*type.value(i)));
    }
  }
  return absl::StrJoin(names, ", ");
}

absl::StatusOr<const google::protobuf::EnumValueDescriptor*> ParseEnumValue(
    const google::protobuf::EnumDescriptor& type, absl::string_view text, absl::string_view field) {
  const std::string upper = absl::AsciiStrToUpper(text);
  const google::protobuf::EnumValueDescriptor* value = nullptr;
  if (!upper.empty()) {
    value = type.FindValueByName(absl::StrCat(EnumValuePrefix(type), upper));
    if (value == nullptr) {
      value = type.FindValueByName(upper);
    }
  }
  if (value == nullptr || IsUnspecified(*value)) {
    return InvalidField(field,
                        absl::StrCat("unknown ", type.name(), " value ", QuoteForMessage(text),
                                     "; allowed: ", AllowedEnumNames(type)));
  }
  return value;
}

absl::StatusOr<std::string> ParseEnumName(const google::protobuf::EnumDescriptor& type,
                                          absl::string_view text, absl::string_view field) {
  AIRR_ASSIGN_OR_RETURN(const auto* value, ParseEnumValue(type, text, field));
  return value->name();
}

}  // namespace airr::api
