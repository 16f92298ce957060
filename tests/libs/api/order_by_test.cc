#include "libs/api/order_by.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/libs/api/invalid_field.h"

namespace airr::api {
namespace {

using ::airr::api::testing::IsInvalidField;

const std::vector<SortField>& Allowed() {
  static const auto* fields = new std::vector<SortField>{
      {"display_name", "s.display_name", FieldKind::kString},
      {"create_time", "s.create_time", FieldKind::kTimestamp},
  };
  return *fields;
}

TEST(ParseOrderByTest, ParsesFieldAndDirection) {
  struct Case {
    const char* order_by;
    const char* field;
    bool desc;
  };
  for (const Case& c : {Case{"display_name", "display_name", false},
                        Case{"display_name asc", "display_name", false},
                        Case{"display_name desc", "display_name", true},
                        Case{"  create_time   DESC  ", "create_time", true},
                        Case{"create_time Asc", "create_time", false},
                        Case{"", "create_time", true}, Case{" \t", "create_time", true}}) {
    auto order = ParseOrderBy(c.order_by, Allowed(), "create_time desc");
    ASSERT_TRUE(order.ok()) << c.order_by << ": " << order.status();
    EXPECT_EQ(order->field, &Allowed()[c.field == std::string("display_name") ? 0 : 1])
        << c.order_by;
    EXPECT_EQ(order->desc, c.desc) << c.order_by;
  }
}

TEST(ParseOrderByTest, RejectsWithFieldOrderBy) {
  struct Case {
    const char* order_by;
    const char* rule;
  };
  for (const Case& c : {
           Case{"name", "unknown field \"name\"; allowed: display_name, create_time"},
           Case{"Display_Name", "unknown field"},
           Case{"display_name descending", "unknown direction \"descending\"; use asc or desc"},
           Case{"display_name desc, create_time", "more than one field is not supported"},
           Case{"display_name,create_time", "more than one field"},
           Case{"display_name desc extra", "must have the form"},
           Case{"display_name; DROP TABLE t", "must have the form"},
           Case{"display_name;DROP", "unknown field \"display_name;DROP\""},
           Case{"display_name\xFF", "unknown field \"display_name\\xFF\""},
       }) {
    EXPECT_TRUE(IsInvalidField(ParseOrderBy(c.order_by, Allowed(), "create_time").status(),
                               "order_by", c.rule))
        << c.order_by;
  }
}

TEST(ParseOrderByTest, InvalidDefaultIsInternal) {
  EXPECT_EQ(ParseOrderBy("", Allowed(), "nope").status().code(), absl::StatusCode::kInternal);
  EXPECT_EQ(ParseOrderBy("", Allowed(), "").status().code(), absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace airr::api
