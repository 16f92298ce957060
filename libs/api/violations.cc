#include "libs/api/violations.h"

#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/api/timestamps.h"
#include "libs/api/validation.h"

namespace airr::api {
std::string IndexPath(absl::string_view path, int i) { return absl::StrCat(path, "[", i, "]"); }

Violations::Violations(absl::string_view prefix, size_t max_violations)
    : prefix_(prefix), max_(max_violations) {}

std::string Violations::Path(absl::string_view field) const {
  return prefix_.empty() ? std::string(field) : absl::StrCat(prefix_, ".", field);
}

void Violations::Add(absl::string_view field, absl::string_view rule) {
  if (!full()) {
    list_.push_back({Path(field), std::string(rule)});
  }
}

void Violations::Merge(const absl::Status& status) {
  if (status.ok()) {
    return;
  }
  std::vector<FieldViolation> found = FieldViolations(status);
  if (found.empty() && other_.ok()) {
    other_ = status;
  }
  for (auto& violation : found) {
    if (full()) {
      return;
    }
    list_.push_back(std::move(violation));
  }
}

absl::Status Violations::ToStatus() && {
  if (!other_.ok()) {
    return other_;
  }
  return list_.empty() ? absl::OkStatus() : InvalidFields(std::move(list_));
}

void RequireEnum(Violations& v, absl::string_view field, int value, EnumIsValid is_valid) {
  if (value == 0) {
    v.Add(field, "is required");
  } else {
    CheckOptionalEnum(v, field, value, is_valid);
  }
}

void CheckOptionalEnum(Violations& v, absl::string_view field, int value, EnumIsValid is_valid) {
  if (value != 0 && !is_valid(value)) {
    v.Add(field, absl::StrCat("has unknown enum value ", value));
  }
}

void CheckEnumList(Violations& v, absl::string_view field,
                   const google::protobuf::RepeatedField<int>& values, size_t min_entries,
                   size_t max_entries, EnumIsValid is_valid) {
  const size_t size = static_cast<size_t>(values.size());
  if (size < min_entries) {
    v.Add(field,
          absl::StrCat("needs at least ", min_entries, " entr", min_entries == 1 ? "y" : "ies"));
  }
  if (size > max_entries) {
    v.Add(field, absl::StrCat("must have at most ", max_entries, " entries (got ", size, ")"));
    return;
  }
  std::set<int> seen;
  for (int i = 0; i < values.size(); ++i) {
    const int value = values[i];
    if (value == 0) {
      v.Add(IndexPath(field, i), "must not be unspecified");
    } else if (!is_valid(value)) {
      v.Add(IndexPath(field, i), absl::StrCat("has unknown enum value ", value));
    } else if (!seen.insert(value).second) {
      v.Add(IndexPath(field, i), "must not repeat a value");
    }
  }
}

void CheckTextList(Violations& v, absl::string_view field,
                   const google::protobuf::RepeatedPtrField<std::string>& values,
                   size_t max_entries, size_t max_chars) {
  const size_t size = static_cast<size_t>(values.size());
  if (size > max_entries) {
    v.Add(field, absl::StrCat("must have at most ", max_entries, " entries (got ", size, ")"));
    return;
  }
  for (int i = 0; i < values.size(); ++i) {
    v.Merge(CheckText(IndexPath(v.Path(field), i), values[i], 1, max_chars, /*multiline=*/false));
  }
}

void CheckJurisdictions(Violations& v, absl::string_view field,
                        const google::protobuf::RepeatedPtrField<std::string>& codes,
                        bool required) {
  if (required && codes.empty()) {
    v.Add(field, "needs at least one entry (ISO 3166-1 alpha-2 code or EU)");
  }
  const size_t size = static_cast<size_t>(codes.size());
  if (size > kMaxJurisdictions) {
    v.Add(field,
          absl::StrCat("must have at most ", kMaxJurisdictions, " entries (got ", size, ")"));
    return;
  }
  std::set<std::string> seen;
  for (int i = 0; i < codes.size(); ++i) {
    const std::string& code = codes[i];
    // Any two upper-case letters: the ISO list changes, and "EU" has the same shape.
    const bool well_formed =
        code.size() == 2 && absl::ascii_isupper(code[0]) && absl::ascii_isupper(code[1]);
    if (!well_formed) {
      v.Add(IndexPath(field, i), "must be an upper-case ISO 3166-1 alpha-2 code or EU");
    } else if (!seen.insert(code).second) {
      v.Add(IndexPath(field, i), "must not repeat a value");
    }
  }
}

bool CheckPastTimestamp(Violations& v, absl::string_view field,
                        const google::protobuf::Timestamp& ts, absl::Time now,
                        absl::Duration max_clock_skew) {
  if (!IsValidTimestamp(ts)) {
    v.Add(field,
          "must be a valid timestamp: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, nanos 0 to "
          "999999999");
    return false;
  }
  if (TimeFromTimestamp(ts) > now + max_clock_skew) {
    v.Add(field, "must not be in the future");
  }
  return true;
}

}  // namespace airr::api
