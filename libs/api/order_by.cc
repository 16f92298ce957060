#include "libs/api/order_by.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/api/quote.h"
#include "libs/common/errors.h"

namespace airr::api {
namespace {

constexpr char kField[] = "order_by";

absl::StatusOr<OrderBy> Parse(absl::string_view text, absl::Span<const SortField> allowed) {
  if (absl::StrContains(text, ',')) {
    return InvalidField(kField, "sorting by more than one field is not supported");
  }
  std::vector<absl::string_view> words =
      absl::StrSplit(text, absl::ByAnyChar(" \t\n\r"), absl::SkipEmpty());
  if (words.empty()) {
    return InvalidField(kField, "must name a field to sort by");
  }
  if (words.size() > 2) {
    return InvalidField(kField, "must have the form \"<field>\" or \"<field> asc|desc\"");
  }
  OrderBy order{nullptr, false};
  for (const SortField& field : allowed) {
    if (field.name == words[0]) {
      order.field = &field;
      break;
    }
  }
  if (order.field == nullptr) {
    std::vector<absl::string_view> names;
    for (const SortField& field : allowed) {
      names.push_back(field.name);
    }
    return InvalidField(kField, absl::StrCat("unknown field ", QuoteForMessage(words[0]),
                                             "; allowed: ", absl::StrJoin(names, ", ")));
  }
  if (words.size() == 2) {
    if (absl::EqualsIgnoreCase(words[1], "desc")) {
      order.desc = true;
    } else if (!absl::EqualsIgnoreCase(words[1], "asc")) {
      return InvalidField(kField, absl::StrCat("unknown direction ", QuoteForMessage(words[1]),
                                               "; use asc or desc"));
    }
  }
  return order;
}

}  // namespace

absl::StatusOr<OrderBy> ParseOrderBy(absl::string_view order_by,
                                     absl::Span<const SortField> allowed,
                                     absl::string_view default_order) {
  if (!absl::StripAsciiWhitespace(order_by).empty()) {
    return Parse(order_by, allowed);
  }
  auto order = Parse(default_order, allowed);
  if (!order.ok()) {
    return absl::InternalError(
        absl::StrCat("invalid default order_by: ", order.status().message()));
  }
  return order;
}

}  // namespace airr::api
