#include "libs/api/keyset.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace airr::api {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(BuildKeysetTest, FirstPageHasNoCondition) {
  const SortField field{"display_name", "s.display_name", FieldKind::kString};
  const KeysetSql sql = BuildKeyset({&field, false}, "s.id", nullptr, 3);
  EXPECT_EQ(sql.where, "TRUE");
  EXPECT_EQ(sql.order_by, "s.display_name ASC, s.id ASC");
  EXPECT_THAT(sql.params, IsEmpty());
}

TEST(BuildKeysetTest, AscendingAfterCursor) {
  const SortField field{"display_name", "s.display_name", FieldKind::kString};
  const PageCursor cursor{"Credit model", "credit-model"};
  const KeysetSql sql = BuildKeyset({&field, false}, "s.id", &cursor, 3);
  EXPECT_EQ(sql.where, "((s.display_name, s.id) > ($3, $4))");
  EXPECT_EQ(sql.order_by, "s.display_name ASC, s.id ASC");
  EXPECT_THAT(sql.params, ElementsAre("Credit model", "credit-model"));
}

TEST(BuildKeysetTest, DescendingUsesLessThanAndCasts) {
  struct Case {
    FieldKind kind;
    const char* cast;
  };
  for (const Case& c : {Case{FieldKind::kTimestamp, "::timestamptz"},
                        Case{FieldKind::kInt, "::bigint"}, Case{FieldKind::kBool, "::boolean"},
                        Case{FieldKind::kEnum, ""}, Case{FieldKind::kString, ""}}) {
    const SortField field{"f", "t.f", c.kind};
    const PageCursor cursor{"2024-05-01 00:00:00+00", "7c9e6679-7425-40de-944b-e07fc1f90ae7"};
    const KeysetSql sql = BuildKeyset({&field, true}, "t.id", &cursor, 1);
    EXPECT_EQ(sql.where, std::string("((t.f, t.id) < ($1") + c.cast + ", $2))");
    EXPECT_EQ(sql.order_by, "t.f DESC, t.id DESC");
    EXPECT_THAT(sql.params,
                ElementsAre("2024-05-01 00:00:00+00", "7c9e6679-7425-40de-944b-e07fc1f90ae7"));
  }
}

}  // namespace
}  // namespace airr::api
