#include "libs/api/resource_name.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/api/validation.h"
#include "libs/common/errors.h"

namespace airr::api {

absl::StatusOr<std::string> ParseResourceName(absl::string_view name, absl::string_view collection,
                                              absl::string_view field) {
  const std::string form = absl::StrCat("must have the form \"", collection, "/{id}\"");
  if (name.empty()) {
    return InvalidField(field, absl::StrCat("is required; ", form));
  }
  const std::string prefix = absl::StrCat(collection, "/");
  if (!absl::StartsWith(name, prefix)) {
    return InvalidField(field, absl::StrCat(form, " (wrong collection)"));
  }
  const absl::string_view id = name.substr(prefix.size());
  if (absl::StrContains(id, '/')) {
    return InvalidField(field, absl::StrCat(form, " (too many segments)"));
  }
  if (!IsValidResourceId(id) && !IsCanonicalUuid(id, /*lowercase_only=*/true)) {
    return InvalidField(field,
                        absl::StrCat(form,
                                     "; {id} must be a lowercase UUID or 1 to 63 characters of "
                                     "lowercase letters, digits and '-', starting with a letter "
                                     "and not ending with '-'"));
  }
  return std::string(id);
}

std::string FormatResourceName(absl::string_view collection, absl::string_view id) {
  return absl::StrCat(collection, "/", id);
}

}  // namespace airr::api
