// Keyset-paginated List queries: fills a store's `_template` query with the allow-listed filter
// and keyset fragments from libs/api, binds every value, and cuts the result into one page plus
// the cursor of the next. One implementation for every List RPC.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "libs/api/filter.h"
#include "libs/api/keyset.h"
#include "libs/api/order_by.h"
#include "libs/api/page_cursor.h"
#include "libs/pg/tx.h"

namespace airr::pg {

// A page query to run: the SQL text and its parameters, bound as text to $1, $2, ...
struct PageStatement {
  std::string sql;
  std::vector<std::string> params;
  int page_size = 0;
  const api::SortField* sort = nullptr;
  std::string tie_column;
};

// Fills the template query named `template_name`, whose {filter}, {keyset} and {order_by} are
// replaced. `fixed_params` become $1..$n and must include the LIMIT, which has to be
// `page_size + 1` (pass LimitParam); the filter's parameters must be numbered from n + 1; the
// keyset's follow. `tie_column` is the unique, NOT NULL tie-breaker (the id column).
PageStatement BuildPageStatement(absl::string_view template_name,
                                 std::vector<std::string> fixed_params,
                                 const api::SqlClause& filter, const api::OrderBy& order,
                                 const std::optional<api::PageCursor>& after, int page_size,
                                 absl::string_view tie_column);

// The LIMIT parameter of a page of `page_size`: one more row, to learn whether more follow.
std::string LimitParam(int page_size);

// Runs the statement and calls `emit(row)` for each row of the page, in order. Returns the cursor
// after the page's last row when more rows follow, nullopt on the last page. Throws pqxx
// exceptions (RunInTx translates them).
template <typename Emit>
std::optional<api::PageCursor> RunPage(Tx& tx, const PageStatement& statement, Emit emit) {
  pqxx::result rows =
      tx.exec_params(statement.sql, pqxx::prepare::make_dynamic_params(statement.params));
  const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(statement.page_size));
  for (size_t i = 0; i < keep; ++i) {
    emit(rows[i]);
  }
  if (rows.size() <= keep || keep == 0) {
    return std::nullopt;
  }
  const pqxx::row& last = rows[keep - 1];
  return api::PageCursor{last[statement.sort->column].c_str(), last[statement.tie_column].c_str()};
}

}  // namespace airr::pg
