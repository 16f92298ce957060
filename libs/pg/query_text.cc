#include "libs/pg/query_text.h"

#include <cstdio>
#include <cstdlib>

#include "airr/sql/queries.h"

namespace airr::pg {

std::string QueryText(absl::string_view name) {
  for (const sql::NamedSql* q = sql::kQueries; q->name != nullptr; ++q) {
    if (name == q->name) {
      return q->text;
    }
  }
  std::fprintf(stderr, "no embedded query named %s\n", std::string(name).c_str());
  std::abort();
}

}  // namespace airr::pg
