#include "libs/api/resource_name.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/libs/api/invalid_field.h"

namespace airr::api {
namespace {

using ::airr::api::testing::IsInvalidField;

TEST(ParseResourceNameTest, AcceptsResourceIdsAndLowercaseUuids) {
  struct Case {
    const char* name;
    const char* id;
  };
  for (const Case& c :
       {Case{"incidents/a", "a"}, Case{"incidents/credit-model-2", "credit-model-2"},
        Case{"incidents/7c9e6679-7425-40de-944b-e07fc1f90ae7",
             "7c9e6679-7425-40de-944b-e07fc1f90ae7"},
        Case{"incidents/00000000-0000-0000-0000-000000000000",
             "00000000-0000-0000-0000-000000000000"}}) {
    auto id = ParseResourceName(c.name, "incidents", "name");
    ASSERT_TRUE(id.ok()) << c.name << ": " << id.status();
    EXPECT_EQ(*id, c.id);
  }
}

TEST(ParseResourceNameTest, RejectsWithFieldAndRule) {
  struct Case {
    std::string name;
    const char* rule;
  };
  for (const Case& c : {
           Case{"", "is required; must have the form \"incidents/{id}\""},
           Case{"incidents", "wrong collection"},
           Case{"incidents/", "{id} must be"},
           Case{"risks/abc", "wrong collection"},
           Case{"incident/abc", "wrong collection"},
           Case{"Incidents/abc", "wrong collection"},
           Case{"/incidents/abc", "wrong collection"},
           Case{"incidents/abc/notes/x", "too many segments"},
           Case{"incidents/abc/", "too many segments"},
           Case{"incidents/ABC", "{id} must be"},
           Case{"incidents/abc-", "{id} must be"},
           Case{"incidents/1abc", "{id} must be"},
           Case{"incidents/7C9E6679-7425-40DE-944B-E07FC1F90AE7", "{id} must be"},
           Case{"incidents/7c9e6679742540de944be07fc1f90ae7", "{id} must be"},
           Case{"incidents/abc def", "{id} must be"},
           Case{std::string("incidents/abc\0", 14), "{id} must be"},
           Case{"incidents/" + std::string(64, 'a'), "{id} must be"},
       }) {
    EXPECT_TRUE(IsInvalidField(ParseResourceName(c.name, "incidents", "incident.name").status(),
                               "incident.name", c.rule))
        << c.name;
  }
}

TEST(FormatResourceNameTest, JoinsWithSlashAndRoundTrips) {
  EXPECT_EQ(FormatResourceName("aiSystems", "credit-model"), "aiSystems/credit-model");
  auto id = ParseResourceName(FormatResourceName("aiSystems", "credit-model"), "aiSystems", "name");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, "credit-model");
}

TEST(ParseParentOrAnyTest, AcceptsTheWildcardAndPlainNames) {
  EXPECT_EQ(*ParseParentOrAny("incidents/-", "incidents", "parent"), kAnyParent);
  EXPECT_EQ(*ParseParentOrAny("incidents/abc", "incidents", "parent"), "abc");
  EXPECT_TRUE(IsInvalidField(ParseParentOrAny("incidents/--", "incidents", "parent").status(),
                             "parent", "{id} must be"));
  EXPECT_TRUE(IsInvalidField(ParseParentOrAny("risks/-", "incidents", "parent").status(), "parent",
                             "wrong collection"));
}

TEST(ParseChildResourceNameTest, ParsesBothIds) {
  auto name =
      ParseChildResourceName("incidents/inc-1/mitigations/m-2", "incidents", "mitigations", "name");
  ASSERT_TRUE(name.ok()) << name.status();
  EXPECT_EQ(name->parent_id, "inc-1");
  EXPECT_EQ(name->id, "m-2");
  EXPECT_EQ(FormatChildResourceName("incidents", "inc-1", "mitigations", "m-2"),
            "incidents/inc-1/mitigations/m-2");
}

TEST(ParseChildResourceNameTest, RejectsWithFieldAndRule) {
  struct Case {
    std::string name;
    const char* rule;
  };
  for (const Case& c : {
           Case{"", "is required"},
           Case{"incidents/inc-1", "wrong collection"},
           Case{"incidents/inc-1/mitigations", "wrong collection"},
           Case{"incidents/inc-1/violations/m-2", "wrong collection"},
           Case{"incidents/inc-1/mitigations/m-2/x", "too many segments"},
           Case{"incidents/-/mitigations/m-2", "{parent} and {id} must be"},
           Case{"incidents/inc-1/mitigations/M-2", "{parent} and {id} must be"},
       }) {
    EXPECT_TRUE(
        IsInvalidField(ParseChildResourceName(c.name, "incidents", "mitigations", "name").status(),
                       "name", c.rule))
        << c.name;
  }
}

}  // namespace
}  // namespace airr::api
