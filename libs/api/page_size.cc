#include "libs/api/page_size.h"

#include "absl/strings/str_cat.h"
#include "libs/common/errors.h"

namespace airr::api {

absl::StatusOr<int> ResolvePageSize(int32_t page_size, int default_size, int max_size) {
  if (page_size < 0) {
    return InvalidField("page_size", absl::StrCat("must not be negative (got ", page_size, ")"));
  }
  if (page_size == 0) {
    return default_size;
  }
  return page_size > max_size ? max_size : static_cast<int>(page_size);
}

}  // namespace airr::api
