#include "libs/api/validation.h"

#include <map>
#include <string>

#include "google/protobuf/map.h"
#include "gtest/gtest.h"
#include "tests/libs/api/invalid_field.h"

namespace airr::api {
namespace {

using ::airr::api::testing::IsInvalidField;

struct TextCase {
  const char* name;
  std::string value;
  size_t min_chars;
  size_t max_chars;
  bool multiline;
  const char* error;  // nullptr when OK, else a part of the rule
};

class CheckTextTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(CheckTextTest, Checks) {
  const TextCase& c = GetParam();
  const absl::Status status =
      CheckText("ai_system.display_name", c.value, c.min_chars, c.max_chars, c.multiline);
  if (c.error == nullptr) {
    EXPECT_TRUE(status.ok()) << status;
  } else {
    EXPECT_TRUE(IsInvalidField(status, "ai_system.display_name", c.error));
  }
}

const std::string kEmoji = "\xF0\x9F\x98\x80";

INSTANTIATE_TEST_SUITE_P(
    Cases, CheckTextTest,
    ::testing::Values(
        TextCase{"Plain", "Credit scoring model", 1, 200, false, nullptr},
        TextCase{"EmptyAllowedWithMinZero", "", 0, 200, false, nullptr},
        TextCase{"EmptyRejected", "", 1, 200, false, "must be 1 to 200 characters (got 0)"},
        TextCase{"TooLong", std::string(201, 'a'), 1, 200, false,
                 "must be 1 to 200 characters (got 201)"},
        TextCase{"AtMax", std::string(200, 'a'), 1, 200, false, nullptr},
        TextCase{"AtMostRule", std::string(11, 'a'), 0, 10, false, "must be at most 10 characters"},
        TextCase{"ExactRule", "abc", 2, 2, false, "must be exactly 2 characters (got 3)"},
        // 4-byte emoji counts as one character: 200 of them (800 bytes) fit in 200.
        TextCase{"EmojiCountsAsOne",
                 [] {
                   std::string s;
                   for (int i = 0; i < 200; ++i) s += kEmoji;
                   return s;
                 }(),
                 1, 200, false, nullptr},
        TextCase{"EmojiOverLimit", kEmoji + kEmoji + kEmoji, 1, 2, false, "(got 3)"},
        TextCase{"Accented", "caf\xC3\xA9", 4, 4, false, nullptr},
        TextCase{"Overlong", "a\xC0\xAF", 0, 10, false,
                 "must be valid UTF-8 (invalid byte at offset 1)"},
        TextCase{"OverlongThreeByte", "\xE0\x80\xAF", 0, 10, false, "must be valid UTF-8"},
        TextCase{"Surrogate", "\xED\xA0\x80", 0, 10, false, "must be valid UTF-8"},
        TextCase{"Truncated", "ab\xF0\x9F\x98", 0, 10, false,
                 "must be valid UTF-8 (invalid byte at offset 2)"},
        TextCase{"AboveMax", "\xF4\x90\x80\x80", 0, 10, false, "must be valid UTF-8"},
        TextCase{"Nul", std::string("a\0b", 3), 0, 10, true,
                 "must not contain control characters (found U+0000 at character 2)"},
        TextCase{"Bell", "a\x07", 0, 10, true, "U+0007"},
        TextCase{"Escape", "\x1B[31m", 0, 10, true, "U+001B"},
        TextCase{"Del", "a\x7F", 0, 10, true, "U+007F"},
        TextCase{"C1Nel", "a\xC2\x85z", 0, 10, true, "U+0085 at character 2"},
        TextCase{"C1Csi", "\xC2\x9B", 0, 10, true, "U+009B"},
        TextCase{"NbspIsNotControl", "a\xC2\xA0z", 0, 10, false, nullptr},
        TextCase{"NewlineSingleLine", "a\nb", 0, 10, false, "U+000A"},
        TextCase{"TabSingleLine", "a\tb", 0, 10, false, "U+0009"},
        TextCase{"CarriageReturnSingleLine", "a\rb", 0, 10, false, "U+000D"},
        TextCase{"NewlineTabCrMultiline", "a\r\n\tb", 0, 10, true, nullptr},
        TextCase{"Utf8CheckedBeforeLength", std::string(300, 'a') + "\xFF", 1, 200, false,
                 "must be valid UTF-8"}),
    [](const ::testing::TestParamInfo<TextCase>& p) { return p.param.name; });

TEST(UuidTest, CanonicalForms) {
  EXPECT_TRUE(IsCanonicalUuid("7c9e6679-7425-40de-944b-e07fc1f90ae7", true));
  EXPECT_TRUE(IsCanonicalUuid("00000000-0000-0000-0000-000000000000", true));
  EXPECT_FALSE(IsCanonicalUuid("7C9E6679-7425-40DE-944B-E07FC1F90AE7", true));
  EXPECT_TRUE(IsCanonicalUuid("7C9E6679-7425-40DE-944B-E07FC1F90AE7", false));
}

TEST(UuidTest, CheckUuid) {
  EXPECT_TRUE(CheckUuid("request_id", "7c9e6679-7425-40de-944b-e07fc1f90ae7").ok());
  EXPECT_TRUE(CheckUuid("request_id", "7C9E6679-7425-40DE-944B-E07FC1F90AE7").ok());
  for (const char* bad :
       {"", "7c9e6679742540de944be07fc1f90ae7", "{7c9e6679-7425-40de-944b-e07fc1f90ae7}",
        "7c9e6679-7425-40de-944b-e07fc1f90ae", "7c9e6679-7425-40de-944b-e07fc1f90ae77",
        "7c9e6679_7425-40de-944b-e07fc1f90ae7", "7c9e6679-7425-40de-944b-e07fc1f90aeg",
        "7c9e667-97425-40de-944b-e07fc1f90ae7"}) {
    EXPECT_TRUE(IsInvalidField(CheckUuid("request_id", bad), "request_id", "canonical 8-4-4-4-12"))
        << bad;
  }
}

TEST(ResourceIdTest, Accepts) {
  for (const std::string& id :
       {std::string("a"), std::string("credit-scoring"), std::string("model-2"),
        std::string("a1b2"), std::string(63, 'a')}) {
    EXPECT_TRUE(CheckResourceId("ai_system_id", id).ok()) << id;
  }
}

TEST(ResourceIdTest, Rejects) {
  const std::string too_long(64, 'a');
  for (const std::string& id :
       {std::string(""), std::string("1abc"), std::string("-abc"), std::string("abc-"),
        std::string("Abc"), std::string("a_b"), std::string("a.b"), std::string("a b"),
        std::string("caf\xC3\xA9"), too_long}) {
    EXPECT_TRUE(IsInvalidField(CheckResourceId("ai_system_id", id), "ai_system_id",
                               "lowercase letters, digits and '-'"))
        << id;
  }
}

TEST(LabelKeyTest, AcceptsAndRejects) {
  for (const char* key : {"team", "cost_center", "env-1", "a"}) {
    EXPECT_TRUE(CheckLabelKey("labels", key).ok()) << key;
  }
  for (const std::string& key :
       {std::string(""), std::string("Team"), std::string("1team"), std::string("_team"),
        std::string("te am"), std::string("team.x"), std::string(64, 'a')}) {
    EXPECT_TRUE(IsInvalidField(CheckLabelKey("labels", key), "labels", "label key")) << key;
  }
}

TEST(LabelPathTest, QuotesKey) {
  EXPECT_EQ(LabelPath("ai_system.labels", "team"), "ai_system.labels[\"team\"]");
  EXPECT_EQ(LabelPath("ai_system.labels", "a\"b"), "ai_system.labels[\"a\\\"b\"]");
}

TEST(CheckLabelsTest, AcceptsValidMaps) {
  google::protobuf::Map<std::string, std::string> labels;
  EXPECT_TRUE(CheckLabels("ai_system.labels", labels).ok());
  labels["team"] = "risk";
  labels["env"] = "";
  labels["cost_center"] = std::string(200, 'x');
  EXPECT_TRUE(CheckLabels("ai_system.labels", labels).ok());
  std::map<std::string, std::string> std_labels{{"team", "risk"}};
  EXPECT_TRUE(CheckLabels("ai_system.labels", std_labels).ok());
}

TEST(CheckLabelsTest, NamesTheOffendingEntry) {
  std::map<std::string, std::string> bad_key{{"team", "a"}, {"Bad Key", "b"}};
  EXPECT_TRUE(IsInvalidField(CheckLabels("ai_system.labels", bad_key),
                             "ai_system.labels[\"Bad Key\"]", "label key"));

  google::protobuf::Map<std::string, std::string> long_value;
  long_value["team"] = std::string(201, 'x');
  EXPECT_TRUE(IsInvalidField(CheckLabels("ai_system.labels", long_value),
                             "ai_system.labels[\"team\"]", "must be at most 200 characters"));

  std::map<std::string, std::string> control{{"team", "a\nb"}};
  EXPECT_TRUE(IsInvalidField(CheckLabels("ai_system.labels", control), "ai_system.labels[\"team\"]",
                             "control characters"));

  std::map<std::string, std::string> bad_utf8{{"team", "\xC0\xAF"}};
  EXPECT_TRUE(IsInvalidField(CheckLabels("ai_system.labels", bad_utf8),
                             "ai_system.labels[\"team\"]", "valid UTF-8"));
}

TEST(CheckLabelsTest, ReportsFirstViolationInKeyOrder) {
  google::protobuf::Map<std::string, std::string> labels;
  labels["zeta"] = std::string(300, 'x');
  labels["alpha"] = std::string(300, 'x');
  labels["mid"] = std::string(300, 'x');
  EXPECT_TRUE(IsInvalidField(CheckLabels("labels", labels), "labels[\"alpha\"]"));
}

TEST(CheckLabelsTest, LimitsEntries) {
  std::map<std::string, std::string> labels;
  for (int i = 0; i < 32; ++i) {
    labels["k" + std::to_string(i)] = "v";
  }
  EXPECT_TRUE(CheckLabels("ai_system.labels", labels).ok());
  labels["k32"] = "v";
  EXPECT_TRUE(IsInvalidField(CheckLabels("ai_system.labels", labels), "ai_system.labels",
                             "must have at most 32 entries (got 33)"));
}

}  // namespace
}  // namespace airr::api
