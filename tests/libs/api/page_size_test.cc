#include "libs/api/page_size.h"

#include <limits>

#include "gtest/gtest.h"
#include "tests/libs/api/invalid_field.h"

namespace airr::api {
namespace {

using ::airr::api::testing::IsInvalidField;

TEST(ResolvePageSizeTest, DefaultsAndClamps) {
  struct Case {
    int32_t page_size;
    int expected;
  };
  for (const Case& c : {Case{0, 50}, Case{1, 1}, Case{50, 50}, Case{1000, 1000}, Case{1001, 1000},
                        Case{std::numeric_limits<int32_t>::max(), 1000}}) {
    auto size = ResolvePageSize(c.page_size, 50, 1000);
    ASSERT_TRUE(size.ok()) << c.page_size;
    EXPECT_EQ(*size, c.expected) << c.page_size;
  }
}

TEST(ResolvePageSizeTest, RejectsNegative) {
  EXPECT_TRUE(
      IsInvalidField(ResolvePageSize(-1, 50, 1000).status(), "page_size", "must not be negative"));
  EXPECT_TRUE(IsInvalidField(
      ResolvePageSize(std::numeric_limits<int32_t>::min(), 50, 1000).status(), "page_size"));
}

}  // namespace
}  // namespace airr::api
