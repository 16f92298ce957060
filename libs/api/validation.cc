#include "libs/api/validation.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "libs/api/quote.h"
#include "libs/api/utf8.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"

namespace airr::api {
namespace {

constexpr size_t kMaxIdChars = 63;

bool IsControl(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }

std::string LengthRule(size_t min_chars, size_t max_chars) {
  if (min_chars == 0) {
    return absl::StrCat("must be at most ", max_chars, " characters");
  }
  if (min_chars == max_chars) {
    return absl::StrCat("must be exactly ", max_chars, " characters");
  }
  return absl::StrCat("must be ", min_chars, " to ", max_chars, " characters");
}

// ^[a-z][a-z0-9<extra>]{0,62}$
bool MatchesIdPattern(absl::string_view value, char extra1, char extra2) {
  if (value.empty() || value.size() > kMaxIdChars || !absl::ascii_islower(value[0])) {
    return false;
  }
  return std::all_of(value.begin(), value.end(), [&](char c) {
    return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == extra1 || c == extra2;
  });
}

template <typename Map>
absl::Status CheckLabelsImpl(absl::string_view field, const Map& labels) {
  if (labels.size() > kMaxLabels) {
    return InvalidField(field, absl::StrCat("must have at most ", kMaxLabels, " entries (got ",
                                            labels.size(), ")"));
  }
  // protobuf maps iterate in an unspecified order; sort so the reported violation is stable.
  std::vector<std::pair<absl::string_view, absl::string_view>> entries;
  entries.reserve(labels.size());
  for (const auto& entry : labels) {
    entries.emplace_back(entry.first, entry.second);
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& [key, value] : entries) {
    const std::string path = LabelPath(field, key);
    AIRR_RETURN_IF_ERROR(CheckLabelKey(path, key));
    AIRR_RETURN_IF_ERROR(CheckText(path, value, 0, kMaxLabelValueChars, /*multiline=*/false));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckText(absl::string_view field, absl::string_view value, size_t min_chars,
                       size_t max_chars, bool multiline) {
  size_t pos = 0;
  size_t chars = 0;
  while (pos < value.size()) {
    char32_t cp;
    const size_t offset = pos;
    if (!DecodeUtf8(value, &pos, &cp)) {
      return InvalidField(
          field, absl::StrCat("must be valid UTF-8 (invalid byte at offset ", offset, ")"));
    }
    ++chars;
    const bool allowed_whitespace = multiline && (cp == '\n' || cp == '\r' || cp == '\t');
    if (IsControl(cp) && !allowed_whitespace) {
      return InvalidField(field, absl::StrFormat("must not contain control characters (found "
                                                 "U+%04X at character %d)",
                                                 static_cast<uint32_t>(cp), chars));
    }
  }
  if (chars < min_chars || chars > max_chars) {
    return InvalidField(field,
                        absl::StrCat(LengthRule(min_chars, max_chars), " (got ", chars, ")"));
  }
  return absl::OkStatus();
}

bool IsCanonicalUuid(absl::string_view value, bool lowercase_only) {
  if (value.size() != 36) {
    return false;
  }
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') {
        return false;
      }
    } else if (!absl::ascii_isdigit(c) && !(c >= 'a' && c <= 'f') &&
               (lowercase_only || !(c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

absl::Status CheckUuid(absl::string_view field, absl::string_view value) {
  if (!IsCanonicalUuid(value, /*lowercase_only=*/false)) {
    return InvalidField(field, "must be a UUID in the canonical 8-4-4-4-12 hex form");
  }
  return absl::OkStatus();
}

bool IsValidResourceId(absl::string_view id) {
  return MatchesIdPattern(id, '-', '-') && id.back() != '-';
}

absl::Status CheckResourceId(absl::string_view field, absl::string_view id) {
  if (!IsValidResourceId(id)) {
    return InvalidField(field, kResourceIdRule);
  }
  return absl::OkStatus();
}

absl::Status CheckLabelKey(absl::string_view field, absl::string_view key) {
  if (!MatchesIdPattern(key, '-', '_')) {
    return InvalidField(field,
                        "label key must be 1 to 63 characters of lowercase letters, digits, '_' "
                        "and '-', starting with a letter");
  }
  return absl::OkStatus();
}

std::string LabelPath(absl::string_view field, absl::string_view key) {
  return absl::StrCat(field, "[", QuoteForMessage(key), "]");
}

absl::Status CheckLabels(absl::string_view field,
                         const google::protobuf::Map<std::string, std::string>& labels) {
  return CheckLabelsImpl(field, labels);
}

absl::Status CheckLabels(absl::string_view field,
                         const std::map<std::string, std::string>& labels) {
  return CheckLabelsImpl(field, labels);
}

}  // namespace airr::api
