// The position of a List page boundary for keyset pagination: the last row's sort value and its
// unique tie-breaker. It travels to clients only inside an opaque page token (page_token.h).
#pragma once

#include <string>

namespace airr::api {

struct PageCursor {
  // The last row's sort value as PostgreSQL prints it as text (e.g. timestamptz::text), so it
  // casts back exactly in KeysetSql.
  std::string sort_value;
  // The last row's unique tie-breaker, normally the resource id.
  std::string tie_value;

  bool operator==(const PageCursor& other) const {
    return sort_value == other.sort_value && tie_value == other.tie_value;
  }
  bool operator!=(const PageCursor& other) const { return !(*this == other); }
};

}  // namespace airr::api
