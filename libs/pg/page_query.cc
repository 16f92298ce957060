#include "libs/pg/page_query.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "libs/pg/query_text.h"

namespace airr::pg {

PageStatement BuildPageStatement(absl::string_view template_name,
                                 std::vector<std::string> fixed_params,
                                 const api::SqlClause& filter, const api::OrderBy& order,
                                 const std::optional<api::PageCursor>& after, int page_size,
                                 absl::string_view tie_column) {
  const int first_keyset_param = static_cast<int>(fixed_params.size() + filter.params.size()) + 1;
  const api::KeysetSql keyset =
      api::BuildKeyset(order, tie_column, after ? &*after : nullptr, first_keyset_param);
  PageStatement statement;
  statement.sql = absl::StrReplaceAll(
      QueryText(template_name),
      {{"{filter}", filter.sql}, {"{keyset}", keyset.where}, {"{order_by}", keyset.order_by}});
  statement.params = std::move(fixed_params);
  statement.params.insert(statement.params.end(), filter.params.begin(), filter.params.end());
  statement.params.insert(statement.params.end(), keyset.params.begin(), keyset.params.end());
  statement.page_size = page_size;
  statement.sort = order.field;
  statement.tie_column = std::string(tie_column);
  return statement;
}

std::string LimitParam(int page_size) { return absl::StrCat(page_size + 1); }

}  // namespace airr::pg
