#include "libs/api/resource_name.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/api/validation.h"
#include "libs/common/errors.h"

namespace airr::api {
namespace {

constexpr char kIdRule[] =
    "must be a lowercase UUID or 1 to 63 characters of lowercase letters, digits and '-', "
    "starting with a letter and not ending with '-'";

bool IsValidId(absl::string_view id) {
  return IsValidResourceId(id) || IsCanonicalUuid(id, /*lowercase_only=*/true);
}

// Splits `name` into segments and checks the collections (at even positions) against
// `collections`; returns the ids (odd positions), unchecked.
absl::StatusOr<std::vector<std::string>> SplitName(
    absl::string_view name, const std::vector<absl::string_view>& collections,
    absl::string_view form, absl::string_view field) {
  if (name.empty()) {
    return InvalidField(field, absl::StrCat("is required; ", form));
  }
  const std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  std::vector<std::string> ids;
  for (size_t i = 0; i < collections.size(); ++i) {
    if (parts.size() < 2 * i + 2 || parts[2 * i] != collections[i]) {
      return InvalidField(field, absl::StrCat(form, " (wrong collection)"));
    }
    ids.emplace_back(parts[2 * i + 1]);
  }
  if (parts.size() > 2 * collections.size()) {
    return InvalidField(field, absl::StrCat(form, " (too many segments)"));
  }
  return ids;
}

}  // namespace

absl::StatusOr<std::string> ParseResourceName(absl::string_view name, absl::string_view collection,
                                              absl::string_view field) {
  const std::string form = absl::StrCat("must have the form \"", collection, "/{id}\"");
  auto ids = SplitName(name, {collection}, form, field);
  if (!ids.ok()) {
    return ids.status();
  }
  if (!IsValidId((*ids)[0])) {
    return InvalidField(field, absl::StrCat(form, "; {id} ", kIdRule));
  }
  return std::move((*ids)[0]);
}

absl::StatusOr<std::string> ParseParentOrAny(absl::string_view name, absl::string_view collection,
                                             absl::string_view field) {
  if (name == absl::StrCat(collection, "/", kAnyParent)) {
    return std::string(kAnyParent);
  }
  return ParseResourceName(name, collection, field);
}

absl::StatusOr<ChildName> ParseChildResourceName(absl::string_view name,
                                                 absl::string_view parent_collection,
                                                 absl::string_view collection,
                                                 absl::string_view field) {
  const std::string form =
      absl::StrCat("must have the form \"", parent_collection, "/{parent}/", collection, "/{id}\"");
  auto ids = SplitName(name, {parent_collection, collection}, form, field);
  if (!ids.ok()) {
    return ids.status();
  }
  if (!IsValidId((*ids)[0]) || !IsValidId((*ids)[1])) {
    return InvalidField(field, absl::StrCat(form, "; {parent} and {id} ", kIdRule));
  }
  return ChildName{std::move((*ids)[0]), std::move((*ids)[1])};
}

std::string FormatResourceName(absl::string_view collection, absl::string_view id) {
  return absl::StrCat(collection, "/", id);
}

std::string FormatChildResourceName(absl::string_view parent_collection,
                                    absl::string_view parent_id, absl::string_view collection,
                                    absl::string_view id) {
  return absl::StrCat(parent_collection, "/", parent_id, "/", collection, "/", id);
}

}  // namespace airr::api
