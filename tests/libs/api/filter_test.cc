#include "libs/api/filter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "airr/api/testing/test_resource.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/libs/api/invalid_field.h"

namespace airr::api {
namespace {

using ::airr::api::testing::IsInvalidField;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::vector<FilterField>& Fields() {
  static const auto* fields = new std::vector<FilterField>{
      {"display_name", "s.display_name", FieldKind::kString},
      {"risk_tier", "s.risk_tier", FieldKind::kEnum, airr::api::testing::RiskTier_descriptor()},
      {"eu_ai_act.category", "s.eu_category", FieldKind::kEnum,
       airr::api::testing::EUAIActCategory_descriptor()},
      {"active", "s.active", FieldKind::kBool},
      {"priority", "s.priority", FieldKind::kInt},
      {"create_time", "s.create_time", FieldKind::kTimestamp},
      {"tags", "s.tags", FieldKind::kStringArray},
      {"tiers", "s.tiers", FieldKind::kEnumArray, airr::api::testing::RiskTier_descriptor()},
      {"labels", "s.labels", FieldKind::kLabels},
  };
  return *fields;
}

struct SqlCase {
  const char* name;
  std::string filter;
  std::string sql;
  std::vector<std::string> params;
};

class TranslateFilterTest : public ::testing::TestWithParam<SqlCase> {};

TEST_P(TranslateFilterTest, ProducesSqlAndParams) {
  const SqlCase& c = GetParam();
  auto clause = TranslateFilter(c.filter, Fields(), 1);
  ASSERT_TRUE(clause.ok()) << clause.status();
  EXPECT_EQ(clause->sql, c.sql);
  EXPECT_EQ(clause->params, c.params);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TranslateFilterTest,
    ::testing::Values(
        SqlCase{"Empty", "", "TRUE", {}}, SqlCase{"Blank", " \t\n ", "TRUE", {}},
        SqlCase{"StringEqQuoted",
                "display_name = \"Credit model\"",
                "(s.display_name = $1)",
                {"Credit model"}},
        SqlCase{"StringEqBare", "display_name=credit", "(s.display_name = $1)", {"credit"}},
        SqlCase{"StringHasIsEquality", "display_name:credit", "(s.display_name = $1)", {"credit"}},
        SqlCase{"StringNe", "display_name != x", "(s.display_name IS DISTINCT FROM $1)", {"x"}},
        SqlCase{"StringOrdering",
                "display_name >= \"m\" AND display_name < n",
                "((s.display_name >= $1) AND (s.display_name < $2))",
                {"m", "n"}},
        SqlCase{"StringEscapes",
                R"(display_name = "say \"hi\" \\ bye")",
                "(s.display_name = $1)",
                {R"(say "hi" \ bye)"}},
        SqlCase{"StringQuotedStar", "display_name = \"*\"", "(s.display_name = $1)", {"*"}},
        SqlCase{"StringUnicode",
                "display_name = \"caf\xC3\xA9 \xF0\x9F\x98\x80\"",
                "(s.display_name = $1)",
                {"caf\xC3\xA9 \xF0\x9F\x98\x80"}},
        SqlCase{"EnumShort", "risk_tier = HIGH", "(s.risk_tier = $1)", {"RISK_TIER_HIGH"}},
        SqlCase{"EnumFullQuoted",
                "risk_tier = \"RISK_TIER_LIMITED\"",
                "(s.risk_tier = $1)",
                {"RISK_TIER_LIMITED"}},
        SqlCase{"EnumLower",
                "risk_tier != high",
                "(s.risk_tier IS DISTINCT FROM $1)",
                {"RISK_TIER_HIGH"}},
        SqlCase{"NestedEnumField",
                "eu_ai_act.category = HIGH_RISK",
                "(s.eu_category = $1)",
                {"EU_AI_ACT_CATEGORY_HIGH_RISK"}},
        SqlCase{"Bool", "active = true", "(s.active = $1::boolean)", {"true"}},
        SqlCase{
            "BoolUpper", "active != FALSE", "(s.active IS DISTINCT FROM $1::boolean)", {"false"}},
        SqlCase{"Int", "priority > 3", "(s.priority > $1::bigint)", {"3"}},
        SqlCase{"IntNegativeQuoted", "priority <= \"-42\"", "(s.priority <= $1::bigint)", {"-42"}},
        SqlCase{"IntMax",
                "priority = 9223372036854775807",
                "(s.priority = $1::bigint)",
                {"9223372036854775807"}},
        SqlCase{"TimestampBareUtc",
                "create_time >= 2024-05-01T00:00:00Z",
                "(s.create_time >= $1::timestamptz)",
                {"2024-05-01T00:00:00Z"}},
        SqlCase{"TimestampOffsetNormalized",
                "create_time < \"2024-05-01T02:30:00.25+02:00\"",
                "(s.create_time < $1::timestamptz)",
                {"2024-05-01T00:30:00.25Z"}},
        SqlCase{"StringArrayHas", "tags:pii", "($1 = ANY(s.tags))", {"pii"}},
        SqlCase{
            "EnumArrayHas", "tiers:prohibited", "($1 = ANY(s.tiers))", {"RISK_TIER_PROHIBITED"}},
        SqlCase{"LabelEq", "labels.team = \"risk\"", "((s.labels ->> $1) = $2)", {"team", "risk"}},
        SqlCase{"LabelHasValue", "labels.team:risk", "((s.labels ->> $1) = $2)", {"team", "risk"}},
        SqlCase{"LabelNe",
                "labels.cost_center != \"x\"",
                "((s.labels ->> $1) IS DISTINCT FROM $2)",
                {"cost_center", "x"}},
        SqlCase{"LabelPresence", "labels.team-a:*", "(s.labels ? $1)", {"team-a"}},
        SqlCase{"LabelsHasKey", "labels:team", "(s.labels ? $1)", {"team"}},
        SqlCase{"Not",
                "NOT active = true",
                "(NOT COALESCE((s.active = $1::boolean), FALSE))",
                {"true"}},
        SqlCase{"NotParen",
                "NOT(priority = 1)",
                "(NOT COALESCE((s.priority = $1::bigint), FALSE))",
                {"1"}},
        SqlCase{"Minus", "-tags:pii", "(NOT COALESCE(($1 = ANY(s.tags)), FALSE))", {"pii"}},
        SqlCase{"DoubleNegation",
                "NOT -active = true",
                "(NOT COALESCE((NOT COALESCE((s.active = $1::boolean), FALSE)), FALSE))",
                {"true"}},
        SqlCase{"ImplicitAnd",
                "risk_tier = HIGH active = true",
                "((s.risk_tier = $1) AND (s.active = $2::boolean))",
                {"RISK_TIER_HIGH", "true"}},
        SqlCase{"AndChainIsFlat",
                "priority = 1 AND priority = 2 AND priority = 3",
                "((s.priority = $1::bigint) AND (s.priority = $2::bigint) AND "
                "(s.priority = $3::bigint))",
                {"1", "2", "3"}},
        // AIP-160: OR binds tighter than AND.
        SqlCase{"OrBindsTighter",
                "priority = 1 AND priority = 2 OR priority = 3",
                "((s.priority = $1::bigint) AND ((s.priority = $2::bigint) OR "
                "(s.priority = $3::bigint)))",
                {"1", "2", "3"}},
        SqlCase{"OrThenJuxtaposition",
                "priority = 1 OR priority = 2 active = true",
                "(((s.priority = $1::bigint) OR (s.priority = $2::bigint)) AND "
                "(s.active = $3::boolean))",
                {"1", "2", "true"}},
        SqlCase{"Parentheses",
                "(priority = 1 AND priority = 2) OR priority = 3",
                "(((s.priority = $1::bigint) AND (s.priority = $2::bigint)) OR "
                "(s.priority = $3::bigint))",
                {"1", "2", "3"}},
        SqlCase{"RedundantParentheses", "((active = true))", "(s.active = $1::boolean)", {"true"}},
        SqlCase{"NoBlanksAroundParens",
                "(active=true)OR(priority<2)",
                "((s.active = $1::boolean) OR (s.priority < $2::bigint))",
                {"true", "2"}},
        SqlCase{"KeywordPrefixIsField", "tags:ORACLE", "($1 = ANY(s.tags))", {"ORACLE"}},
        SqlCase{"ColonInBareValue", "display_name = a:b", "(s.display_name = $1)", {"a:b"}},
        SqlCase{"Multiline",
                "active = true\nAND\tpriority = 1",
                "((s.active = $1::boolean) AND (s.priority = $2::bigint))",
                {"true", "1"}}),
    [](const ::testing::TestParamInfo<SqlCase>& p) { return p.param.name; });

TEST(TranslateFilterParamsTest, NumbersFromFirstParam) {
  auto clause = TranslateFilter("labels.team = a OR priority > 2", Fields(), 4);
  ASSERT_TRUE(clause.ok()) << clause.status();
  EXPECT_EQ(clause->sql, "(((s.labels ->> $4) = $5) OR (s.priority > $6::bigint))");
  EXPECT_THAT(clause->params, ElementsAre("team", "a", "2"));
}

TEST(TranslateFilterParamsTest, EmptyFilterHasNoParams) {
  auto clause = TranslateFilter("", Fields(), 7);
  ASSERT_TRUE(clause.ok());
  EXPECT_EQ(clause->sql, "TRUE");
  EXPECT_THAT(clause->params, IsEmpty());
}

// User text must only ever reach the SQL as a bound parameter.
TEST(TranslateFilterInjectionTest, LiteralsStayBound) {
  const std::string attack = "x'); DROP TABLE t; --";
  auto clause = TranslateFilter("display_name = \"x'); DROP TABLE t; --\"", Fields(), 1);
  ASSERT_TRUE(clause.ok()) << clause.status();
  EXPECT_EQ(clause->sql, "(s.display_name = $1)");
  EXPECT_THAT(clause->params, ElementsAre(attack));

  auto labels = TranslateFilter("labels.team = \"' OR 1=1 --\" OR tags:\"$1\"", Fields(), 1);
  ASSERT_TRUE(labels.ok()) << labels.status();
  EXPECT_EQ(labels->sql, "(((s.labels ->> $1) = $2) OR ($3 = ANY(s.tags)))");
  EXPECT_THAT(labels->params, ElementsAre("team", "' OR 1=1 --", "$1"));
}

TEST(TranslateFilterInjectionTest, InjectionThroughFieldNamesIsRejected) {
  for (const char* filter : {"display_name; DROP TABLE t = 1", "labels.x') = 1", "labels.team'--:*",
                             "s.display_name = 1", "display_name) OR (1 = 1"}) {
    auto clause = TranslateFilter(filter, Fields(), 1);
    EXPECT_TRUE(IsInvalidField(clause.status(), "filter")) << filter;
  }
}

// Every SQL the translator emits is made of allow-listed columns, fixed keywords and $n only.
TEST(TranslateFilterInjectionTest, SqlHasNoUserText) {
  auto clause = TranslateFilter(
      "display_name = zzuserzz AND labels.qquserqq = \"wwuserww\" OR tags:\"vvuservv\"", Fields(),
      1);
  ASSERT_TRUE(clause.ok()) << clause.status();
  for (const char* text : {"zzuserzz", "qquserqq", "wwuserww", "vvuservv"}) {
    EXPECT_EQ(clause->sql.find(text), std::string::npos) << text;
  }
}

struct ErrorCase {
  const char* name;
  std::string filter;
  std::string rule;
};

class TranslateFilterErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(TranslateFilterErrorTest, RejectsWithRuleAndPosition) {
  const ErrorCase& c = GetParam();
  auto clause = TranslateFilter(c.filter, Fields(), 1);
  EXPECT_TRUE(IsInvalidField(clause.status(), "filter", c.rule)) << c.filter;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TranslateFilterErrorTest,
    ::testing::Values(
        ErrorCase{"UnknownField", "foo = 1",
                  "unknown field \"foo\"; allowed: display_name, risk_tier, "
                  "eu_ai_act.category, active, priority, create_time, tags, tiers, "
                  "labels.<key> (at column 1)"},
        ErrorCase{"UnknownNestedField", "eu_ai_act.area = x", "unknown field \"eu_ai_act.area\""},
        ErrorCase{"LowercaseKeywordIsField", "active = true and priority = 1",
                  "expected an operator"},
        ErrorCase{"MissingOperator", "active true",
                  "expected an operator (=, !=, <, <=, >, >=, "
                  ":) after field active (at column 8)"},
        ErrorCase{"MissingValue", "active =", "expected a value (at column 9)"},
        ErrorCase{"MissingValueBeforeParen", "(active = )", "expected a value (at column 11)"},
        ErrorCase{"KeywordAsValue", "display_name = AND", "expected a value"},
        ErrorCase{"BareValueOnly", "\"credit\"", "expected a field name, '(' or NOT"},
        ErrorCase{"LeadingAnd", "AND active = true", "unexpected AND (at column 1)"},
        ErrorCase{"TrailingAnd", "active = true AND", "expected a comparison after AND"},
        ErrorCase{"TrailingOr", "active = true OR ", "expected a comparison after OR"},
        ErrorCase{"DoubleAnd", "active = true AND AND priority = 1", "unexpected AND"},
        ErrorCase{"NotAlone", "NOT", "unexpected end of filter"},
        ErrorCase{"NotGlued", "NOTactive = true", "unknown field \"NOTactive\""},
        ErrorCase{"UnclosedParen", "(active = true",
                  "unbalanced parentheses: '(' is never closed (at column 1)"},
        ErrorCase{"ExtraCloseParen", "active = true)",
                  "unbalanced parentheses: ')' without a matching '(' (at column 14)"},
        ErrorCase{"LeadingCloseParen", ")", "')' without a matching '('"},
        ErrorCase{"EmptyParens", "()", "empty parentheses"},
        ErrorCase{"UnterminatedString", "display_name = \"abc",
                  "unterminated string (at column 16)"},
        ErrorCase{"UnknownEscape", R"(display_name = "a\nb")", "unknown escape"},
        ErrorCase{"TrailingBackslash", "display_name = \"a\\", "unknown escape"},
        ErrorCase{"BareWildcard", "display_name = *", "wildcards are not supported"},
        ErrorCase{"WildcardOnArray", "tags:*", "wildcards are not supported"},
        ErrorCase{"UnknownEnum", "risk_tier = EXTREME",
                  "unknown value \"EXTREME\" for field risk_tier; allowed: MINIMAL, LIMITED, "
                  "HIGH, PROHIBITED (at column 13)"},
        ErrorCase{"UnspecifiedEnum", "risk_tier = UNSPECIFIED", "unknown value \"UNSPECIFIED\""},
        ErrorCase{"EnumOrdering", "risk_tier > LOW",
                  "operator > is not supported for field risk_tier; use =, !=, : (at column 11)"},
        ErrorCase{"UnknownEnumInArray", "tiers:nope", "unknown value \"nope\" for field tiers"},
        ErrorCase{"BoolValue", "active = yes", "field active needs true or false, got \"yes\""},
        ErrorCase{"BoolOrdering", "active < true", "operator < is not supported for field active"},
        ErrorCase{"BoolHas", "active:true", "operator : is not supported for field active"},
        ErrorCase{"IntValue", "priority = 1.5", "needs a 64-bit integer, got \"1.5\""},
        ErrorCase{"IntPlus", "priority = +1", "needs a 64-bit integer"},
        ErrorCase{"IntOverflow", "priority = 9223372036854775808", "needs a 64-bit integer"},
        ErrorCase{"IntHas", "priority:1", "operator : is not supported for field priority"},
        ErrorCase{"TimestampNoOffset", "create_time > 2024-05-01T00:00:00",
                  "needs an RFC 3339 timestamp"},
        ErrorCase{"TimestampDateOnly", "create_time > 2024-05-01", "needs an RFC 3339 timestamp"},
        ErrorCase{"TimestampInfinite", "create_time > infinite-future",
                  "needs an RFC 3339 timestamp"},
        ErrorCase{"TimestampBadMonth", "create_time > \"2024-13-01T00:00:00Z\"",
                  "needs an RFC 3339 timestamp"},
        ErrorCase{"TimestampYearZero", "create_time > 0000-01-01T00:00:00Z",
                  "needs an RFC 3339 timestamp"},
        ErrorCase{"ArrayEquality", "tags = pii",
                  "operator = is not supported for field tags; use :"},
        ErrorCase{"LabelOrdering", "labels.team > a", "operator > is not supported"},
        ErrorCase{"LabelsWithoutKey", "labels = a",
                  "operator = is not supported for field labels; use :"},
        ErrorCase{"LabelsBadKeyValue", "labels:Team", "invalid label key \"Team\""},
        ErrorCase{"LabelBadKey", "labels.Team = a",
                  "invalid label key \"Team\": must be lowercase"},
        ErrorCase{"LabelEmptyKey", "labels. = a", "unknown field \"labels.\""},
        ErrorCase{"InvalidUtf8", "display_name = \"\xC0\xAF\"", "must be valid UTF-8"},
        ErrorCase{"ControlCharacter", std::string("display_name = \"a\0\"", 19),
                  "must not contain control characters"},
        ErrorCase{"ColumnCountsCodePoints", "display_name = \"\xF0\x9F\x98\x80\" foo = 1",
                  "(at column 20)"}),
    [](const ::testing::TestParamInfo<ErrorCase>& p) { return p.param.name; });

TEST(TranslateFilterLimitsTest, Length) {
  std::string filter = "display_name = \"" + std::string(1983, 'a') + "\"";
  ASSERT_EQ(filter.size(), 2000u);
  EXPECT_TRUE(TranslateFilter(filter, Fields(), 1).ok());
  filter = "display_name = \"" + std::string(1984, 'a') + "\"";
  EXPECT_TRUE(IsInvalidField(TranslateFilter(filter, Fields(), 1).status(), "filter",
                             "must be at most 2000 characters"));
  EXPECT_TRUE(IsInvalidField(TranslateFilter(std::string(100000, ' '), Fields(), 1).status(),
                             "filter", "must be at most 2000 characters"));
}

TEST(TranslateFilterLimitsTest, Depth) {
  const auto nested = [](int depth) {
    return std::string(depth, '(') + "active = true" + std::string(depth, ')');
  };
  EXPECT_TRUE(TranslateFilter(nested(20), Fields(), 1).ok());
  EXPECT_TRUE(IsInvalidField(TranslateFilter(nested(21), Fields(), 1).status(), "filter",
                             "must not nest parentheses and negations more than 20 deep "
                             "(at column 21)"));
  std::string negations;
  for (int i = 0; i < 21; ++i) {
    negations += "NOT ";
  }
  EXPECT_TRUE(IsInvalidField(TranslateFilter(negations + "active = true", Fields(), 1).status(),
                             "filter", "more than 20 deep"));
  EXPECT_TRUE(
      IsInvalidField(TranslateFilter(std::string(500, '-') + "active = true", Fields(), 1).status(),
                     "filter", "more than 20 deep"));
  // Siblings do not add up: depth is nesting, not count.
  std::string siblings;
  for (int i = 0; i < 30; ++i) {
    siblings += " (active = true)";
  }
  EXPECT_TRUE(TranslateFilter(siblings, Fields(), 1).ok());
}

TEST(TranslateFilterLimitsTest, Comparisons) {
  const auto chain = [](int n) {
    std::string filter = "priority = 0";
    for (int i = 1; i < n; ++i) {
      filter += absl::StrCat(" OR priority = ", i);
    }
    return filter;
  };
  auto fifty = TranslateFilter(chain(50), Fields(), 1);
  ASSERT_TRUE(fifty.ok()) << fifty.status();
  EXPECT_EQ(fifty->params.size(), 50u);
  EXPECT_TRUE(IsInvalidField(TranslateFilter(chain(51), Fields(), 1).status(), "filter",
                             "must not have more than 50 comparisons"));
}

TEST(TranslateFilterProgrammerErrorTest, FirstParamAndMissingEnumType) {
  EXPECT_EQ(TranslateFilter("", Fields(), 0).status().code(), absl::StatusCode::kInternal);
  const std::vector<FilterField> broken = {{"risk_tier", "risk_tier", FieldKind::kEnum}};
  EXPECT_EQ(TranslateFilter("risk_tier = HIGH", broken, 1).status().code(),
            absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace airr::api
