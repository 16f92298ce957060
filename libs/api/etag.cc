#include "libs/api/etag.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/common/errors.h"

namespace airr::api {
namespace {

constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// The version's two's-complement bits in base 36, so negative versions round-trip too.
std::string ToBase36(int64_t version) {
  uint64_t value = static_cast<uint64_t>(version);
  std::string out;
  do {
    out.push_back(kDigits[value % 36]);
    value /= 36;
  } while (value != 0);
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

std::string FormatEtag(int64_t version) { return absl::StrCat("W/\"", ToBase36(version), "\""); }

absl::StatusOr<int64_t> ParseEtag(absl::string_view etag, absl::string_view field) {
  const auto invalid = [&] {
    return InvalidField(field, "must be an etag returned by the server, e.g. W/\"1z\"");
  };
  absl::string_view quoted = etag;
  absl::ConsumePrefix(&quoted, "W/");
  // 13 base36 digits hold any uint64.
  if (quoted.size() < 3 || quoted.size() > 15 || quoted.front() != '"' || quoted.back() != '"') {
    return invalid();
  }
  const absl::string_view digits = quoted.substr(1, quoted.size() - 2);
  uint64_t value = 0;
  for (char c : digits) {
    const char* digit = std::find(kDigits, kDigits + 36, c);
    if (digit == kDigits + 36) {
      return invalid();
    }
    const uint64_t d = static_cast<uint64_t>(digit - kDigits);
    if (value > (UINT64_MAX - d) / 36) {
      return invalid();
    }
    value = value * 36 + d;
  }
  const auto version = static_cast<int64_t>(value);
  // Rejects leading zeros, so each version has exactly one spelling.
  if (ToBase36(version) != digits) {
    return invalid();
  }
  return version;
}

absl::StatusOr<std::optional<int64_t>> ParseOptionalEtag(absl::string_view etag,
                                                         absl::string_view field) {
  if (etag.empty()) {
    return std::optional<int64_t>();
  }
  absl::StatusOr<int64_t> version = ParseEtag(etag, field);
  if (!version.ok()) {
    return version.status();
  }
  return std::optional<int64_t>(*version);
}

absl::Status CheckEtagVersion(std::optional<int64_t> expected, int64_t actual,
                              absl::string_view resource_name) {
  if (!expected.has_value() || *expected == actual) {
    return absl::OkStatus();
  }
  return ErrorWithReason(
      absl::StatusCode::kAborted,
      absl::StrCat(resource_name, " changed since the etag was read; read it again"),
      "ETAG_MISMATCH", {{"current_etag", FormatEtag(actual)}});
}

}  // namespace airr::api
