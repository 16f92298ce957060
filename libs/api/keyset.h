// Keyset pagination SQL: the WHERE condition that starts a page after a cursor and the ORDER BY
// that makes pages stable, for one sort field plus a unique tie-breaker column. Never OFFSET.
#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "libs/api/order_by.h"
#include "libs/api/page_cursor.h"

namespace airr::api {

// SQL fragments for a page query; params[i] is bound as text to $(first_param + i).
struct KeysetSql {
  std::string where;     // "TRUE", or "((col, tie) > ($n::cast, $m))" ("<" when descending)
  std::string order_by;  // "col ASC, tie ASC" or "col DESC, tie DESC"
  std::vector<std::string> params;
};

// Builds the keyset fragments for `order`; `tie_column` is a trusted SQL column holding a unique,
// NOT NULL value per row (the resource id). Without `after` (the first page) `where` is "TRUE"
// and there are no params; with it, rows strictly after the cursor in the sort order are kept.
// The cursor's sort value is cast per order.field->kind (::bigint, ::boolean, ::timestamptz;
// uncast for strings and enums so PostgreSQL infers the column type). Thread-safe.
KeysetSql BuildKeyset(const OrderBy& order, absl::string_view tie_column, const PageCursor* after,
                      int first_param);

}  // namespace airr::api
