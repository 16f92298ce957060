#include "tools/airr/enum_names.h"

#include <algorithm>
#include <cctype>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace airr::cli {
namespace {

constexpr char kUnspecified[] = "UNSPECIFIED";

// "EuHighRiskArea" -> "EU_HIGH_RISK_AREA".
std::string UpperSnake(const std::string& camel) {
  std::string out;
  for (size_t i = 0; i < camel.size(); ++i) {
    const char c = camel[i];
    if (i > 0 && std::isupper(static_cast<unsigned char>(c))) {
      out += '_';
    }
    out += absl::ascii_toupper(static_cast<unsigned char>(c));
  }
  return out;
}

}  // namespace

std::string EnumValuePrefix(const google::protobuf::EnumDescriptor& type) {
  const google::protobuf::EnumValueDescriptor* zero = type.FindValueByNumber(0);
  if (zero != nullptr && absl::EndsWith(zero->name(), kUnspecified)) {
    return zero->name().substr(0, zero->name().size() - sizeof(kUnspecified) + 1);
  }
  return UpperSnake(type.name()) + "_";
}

std::string ShortEnumName(const google::protobuf::EnumValueDescriptor& value) {
  std::string name = value.name();
  const std::string prefix = EnumValuePrefix(*value.type());
  if (absl::StartsWith(name, prefix) && name.size() > prefix.size()) {
    name = name.substr(prefix.size());
  }
  return absl::AsciiStrToLower(name);
}

std::string ShortEnumName(const google::protobuf::EnumDescriptor& type, int number) {
  const google::protobuf::EnumValueDescriptor* value = type.FindValueByNumber(number);
  return value == nullptr ? absl::StrCat(number) : ShortEnumName(*value);
}

std::vector<std::string> AllowedEnumNames(const google::protobuf::EnumDescriptor& type) {
  std::vector<std::string> names;
  for (int i = 0; i < type.value_count(); ++i) {
    if (type.value(i)->number() != 0) {
      names.push_back(ShortEnumName(*type.value(i)));
    }
  }
  return names;
}

absl::StatusOr<int> ParseEnumName(const google::protobuf::EnumDescriptor& type,
                                  const std::string& text, const std::string& flag) {
  if (text.empty()) {
    return 0;
  }
  std::string upper = absl::AsciiStrToUpper(text);
  std::replace(upper.begin(), upper.end(), '-', '_');
  const google::protobuf::EnumValueDescriptor* value =
      type.FindValueByName(EnumValuePrefix(type) + upper);
  if (value == nullptr) {
    value = type.FindValueByName(upper);
  }
  if (value == nullptr || value->number() == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": unknown value \"", text,
                     "\"; allowed: ", absl::StrJoin(AllowedEnumNames(type), ", ")));
  }
  return value->number();
}

std::string EnumLabel(const google::protobuf::EnumDescriptor& type, int number) {
  if (number == 0) {
    return "";
  }
  return absl::AsciiStrToUpper(ShortEnumName(type, number));
}

std::string EnumChoices(const google::protobuf::EnumDescriptor& type) {
  std::vector<std::string> names = AllowedEnumNames(type);
  for (std::string& name : names) {
    std::replace(name.begin(), name.end(), '_', '-');
  }
  return absl::StrCat(" One of: ", absl::StrJoin(names, ", "), ".");
}

}  // namespace airr::cli
