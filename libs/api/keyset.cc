#include "libs/api/keyset.h"

#include "absl/strings/str_cat.h"

namespace airr::api {
namespace {

absl::string_view CastFor(FieldKind kind) {
  switch (kind) {
    case FieldKind::kInt:
      return "::bigint";
    case FieldKind::kBool:
      return "::boolean";
    case FieldKind::kTimestamp:
      return "::timestamptz";
    default:
      return "";
  }
}

}  // namespace

KeysetSql BuildKeyset(const OrderBy& order, absl::string_view tie_column, const PageCursor* after,
                      int first_param) {
  KeysetSql out;
  const absl::string_view direction = order.desc ? " DESC" : " ASC";
  out.order_by = absl::StrCat(order.field->column, direction, ", ", tie_column, direction);
  if (after == nullptr) {
    out.where = "TRUE";
    return out;
  }
  out.where =
      absl::StrCat("((", order.field->column, ", ", tie_column, ") ", order.desc ? "<" : ">", " ($",
                   first_param, CastFor(order.field->kind), ", $", first_param + 1, "))");
  out.params = {after->sort_value, after->tie_value};
  return out;
}

}  // namespace airr::api
