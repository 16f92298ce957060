#include "services/report/principle_names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/api/quote.h"
#include "libs/common/errors.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

bool AllDigits(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

// Parses "<collection>/<id>" where the id must pass `valid`; `pattern` describes it in the error.
absl::StatusOr<std::string> ParseName(absl::string_view name, absl::string_view collection,
                                      absl::string_view field, bool (*valid)(absl::string_view),
                                      absl::string_view pattern) {
  if (name.empty()) {
    return InvalidField(field, "is required");
  }
  const std::string prefix = absl::StrCat(collection, "/");
  if (!absl::StartsWith(name, prefix) || !valid(name.substr(prefix.size()))) {
    return InvalidField(field, absl::StrCat("must be a name of the form ", collection, "/{id}",
                                            " with the id matching ", pattern, "; got ",
                                            api::QuoteForMessage(name)));
  }
  return std::string(name.substr(prefix.size()));
}

}  // namespace

bool IsCommonPrincipleId(absl::string_view id) {
  return id.size() == 3 && id[0] == 'C' && AllDigits(id.substr(1));
}

bool IsPrincipleId(absl::string_view id) {
  if (IsCommonPrincipleId(id)) {
    return true;
  }
  if (id.size() == 5 && id[0] == 'C' && id[3] == '.') {
    return AllDigits(id.substr(1, 2)) && AllDigits(id.substr(4));
  }
  return id.size() == 5 && absl::StartsWith(id, "ADV") && AllDigits(id.substr(3));
}

absl::StatusOr<std::string> ParsePrincipleName(absl::string_view name, absl::string_view field) {
  return ParseName(name, kPrincipleCollection, field, IsPrincipleId,
                   "C\\d\\d, C\\d\\d.\\d or ADV\\d\\d (e.g. principles/C03.1)");
}

std::string PrincipleName(absl::string_view id) {
  return absl::StrCat(kPrincipleCollection, "/", id);
}

bool IsReferenceId(absl::string_view id) {
  if (id.empty() || id.size() > 63) {
    return false;
  }
  for (size_t i = 0; i < id.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(id[i]);
    const bool ok = absl::ascii_islower(c) || absl::ascii_isdigit(c) || (i > 0 && c == '-');
    if (!ok) {
      return false;
    }
  }
  return true;
}

absl::StatusOr<std::string> ParsePolicyPrincipleName(absl::string_view name,
                                                     absl::string_view field) {
  return ParseName(name, kPolicyPrincipleCollection, field, IsReferenceId,
                   "^[a-z0-9][a-z0-9-]{0,62}$");
}

absl::StatusOr<std::string> ParseSuggestionRuleName(absl::string_view name,
                                                    absl::string_view field) {
  return ParseName(name, kSuggestionRuleCollection, field, IsReferenceId,
                   "^[a-z0-9][a-z0-9-]{0,62}$");
}

}  // namespace airr::report
