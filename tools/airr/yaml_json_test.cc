// Tests of the YAML to JSON conversion of playbook files: scalars, nesting, Japanese text, and
// every YAML construct that is refused, each with its position; and of JsonQuote, which it uses.
#include "tools/airr/yaml_json.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/airr/json_quote.h"

namespace airr::cli {
namespace {

using ::testing::HasSubstr;

std::string Convert(const std::string& yaml) {
  absl::StatusOr<std::string> json = ConvertYamlToJson(yaml, "p.yaml");
  EXPECT_TRUE(json.ok()) << json.status();
  return json.ok() ? *json : "";
}

// The message of the refusal of `yaml`; fails the test when it is accepted.
std::string Refusal(const std::string& yaml) {
  absl::StatusOr<std::string> json = ConvertYamlToJson(yaml, "p.yaml");
  EXPECT_EQ(json.status().code(), absl::StatusCode::kInvalidArgument) << yaml;
  return std::string(json.status().message());
}

TEST(YamlJsonTest, MappingsSequencesAndNesting) {
  EXPECT_EQ(Convert("display_name: BCP\nsteps:\n  - id: declare\n    depends_on: []\n"
                    "  - id: notify\n    depends_on: [declare]\n"),
            R"({"display_name":"BCP","steps":[{"id":"declare","depends_on":[]},)"
            R"({"id":"notify","depends_on":["declare"]}]})");
  EXPECT_EQ(Convert("{a: {b: [1, [2, {c: d}]]}}"), R"({"a":{"b":[1,[2,{"c":"d"}]]}})");
  EXPECT_EQ(Convert("- x\n- y\n"), R"(["x","y"])");
  // Keys keep the document's order.
  EXPECT_EQ(Convert("z: 1\na: 2\nm: 3\n"), R"({"z":1,"a":2,"m":3})");
}

TEST(YamlJsonTest, PlainScalarsBecomeJsonLiteralsOnlyWhenJsonWouldWriteThem) {
  struct Case {
    std::string yaml;
    std::string json;
  };
  for (const Case& c : std::vector<Case>{
           {"v: true", R"({"v":true})"},
           {"v: False", R"({"v":false})"},
           {"v: TRUE", R"({"v":true})"},
           {"v: null", R"({"v":null})"},
           {"v: ~", R"({"v":null})"},
           {"v:", R"({"v":null})"},
           {"v: 0", R"({"v":0})"},
           {"v: -12", R"({"v":-12})"},
           {"v: 3.25", R"({"v":3.25})"},
           {"v: 1e3", R"({"v":1e3})"},
           {"v: 2.5E-2", R"({"v":2.5E-2})"},
           // YAML 1.1 would read these as numbers or booleans; here they stay text.
           {"v: 015", R"({"v":"015"})"},
           {"v: +1", R"({"v":"+1"})"},
           {"v: 1_000", R"({"v":"1_000"})"},
           {"v: 0x1f", R"({"v":"0x1f"})"},
           {"v: .5", R"({"v":".5"})"},
           {"v: yes", R"({"v":"yes"})"},
           {"v: off", R"({"v":"off"})"},
           {"v: .inf", R"({"v":".inf"})"},
           {"v: 15m", R"({"v":"15m"})"},
           {"v: 2026-11-23T10:00:00Z", R"({"v":"2026-11-23T10:00:00Z"})"},
           // Quoted scalars are always text.
           {"v: \"true\"", R"({"v":"true"})"},
           {"v: '12'", R"({"v":"12"})"},
           {"v: \"\"", R"({"v":""})"},
       }) {
    EXPECT_EQ(Convert(c.yaml), c.json) << c.yaml;
  }
}

TEST(YamlJsonTest, BlockScalarsAndEscapes) {
  EXPECT_EQ(Convert("text: |\n  line one\n  line \"two\"\n"),
            R"({"text":"line one\nline \"two\"\n"})");
  EXPECT_EQ(Convert("text: >\n  folded\n  line\n"), R"({"text":"folded line\n"})");
  EXPECT_EQ(Convert("text: \"tab\\there\\\\ \\u0001\"\n"), R"({"text":"tab\there\\ \u0001"})");
}

TEST(YamlJsonTest, JapaneseTextIsKeptAsUtf8) {
  EXPECT_EQ(Convert("display_name: AIシステム停止時の事業継続計画\n"
                    "steps:\n  - title: \"初動対応: 影響範囲の特定\"\n"),
            R"({"display_name":"AIシステム停止時の事業継続計画",)"
            R"("steps":[{"title":"初動対応: 影響範囲の特定"}]})");
  // A byte order mark is allowed.
  EXPECT_EQ(Convert("\xEF\xBB\xBFowner: 危機管理室\n"), R"({"owner":"危機管理室"})");
}

TEST(YamlJsonTest, OneExplicitDocumentIsAccepted) {
  EXPECT_EQ(Convert("---\na: 1\n...\n"), R"({"a":1})");
  EXPECT_EQ(Convert("# only a comment\n---\na: b\n"), R"({"a":"b"})");
}

TEST(YamlJsonTest, MalformedYamlNamesTheFileLineAndColumn) {
  EXPECT_THAT(Refusal("a: 1\nsteps:\n  - id: x\n   title: y\n"), HasSubstr("p.yaml:4:"));
  EXPECT_THAT(Refusal("a: [1, 2\n"), HasSubstr("p.yaml:2:1: did not find expected ',' or ']'"));
  EXPECT_THAT(Refusal("a: \"unterminated\n"), HasSubstr("p.yaml:"));
  EXPECT_THAT(Refusal("\ta: 1\n"), HasSubstr("p.yaml:1:1:"));
  EXPECT_THAT(Refusal("a: b: c\n"), HasSubstr("p.yaml:1:5: mapping values are not allowed"));
  EXPECT_THAT(Refusal("a: \xff\xfe\n"), HasSubstr("p.yaml"));  // Not UTF-8.
}

TEST(YamlJsonTest, AnchorsAliasesMergeKeysAndTagsAreRefused) {
  EXPECT_THAT(Refusal("base: &b {x: 1}\ncopy: *b\n"),
              HasSubstr("p.yaml:1:7: anchors (&b) are not supported"));
  EXPECT_THAT(Refusal("a: *x\n"), HasSubstr("p.yaml:1:4:"));
  EXPECT_THAT(Refusal("a:\n  <<: {x: 1}\n"),
              HasSubstr("p.yaml:2:3: merge keys (<<) are not supported"));
  EXPECT_THAT(Refusal("a: !!str 12\n"), HasSubstr("p.yaml:1:4: tags (tag:yaml.org,2002:str)"));
  EXPECT_THAT(Refusal("a: !custom {x: 1}\n"), HasSubstr("tags (!custom)"));
}

TEST(YamlJsonTest, KeysMustBeUniqueStrings) {
  EXPECT_THAT(Refusal("a: 1\nb: 2\na: 3\n"), HasSubstr("p.yaml:3:1: duplicate key \"a\""));
  EXPECT_THAT(Refusal("1: x\n"), HasSubstr("p.yaml:1:1: mapping key \"1\" is not a string"));
  EXPECT_THAT(Refusal("true: x\n"), HasSubstr("mapping key \"true\" is not a string"));
  EXPECT_THAT(Refusal("? [a, b]\n: x\n"), HasSubstr("mapping keys must be strings"));
  EXPECT_THAT(Refusal("? {a: b}\n: x\n"), HasSubstr("mapping keys must be strings"));
  // Quoted, they are strings.
  EXPECT_EQ(Convert("\"1\": x\n'true': y\n"), R"({"1":"x","true":"y"})");
}

TEST(YamlJsonTest, OnlyOneDocument) {
  EXPECT_THAT(Refusal("a: 1\n---\nb: 2\n"),
              HasSubstr("p.yaml:2:1: the file holds more than one YAML document"));
  EXPECT_THAT(Refusal(""), HasSubstr("p.yaml: the file holds no YAML document"));
  EXPECT_THAT(Refusal("# nothing but a comment\n"), HasSubstr("holds no YAML document"));
}

TEST(YamlJsonTest, NestingDeeperThan64IsRefused) {
  std::string ok;
  for (int i = 0; i < kMaxYamlDepth; ++i) {
    ok += "[";
  }
  ok += std::string(kMaxYamlDepth, ']');
  EXPECT_EQ(Convert(ok), ok);
  EXPECT_THAT(Refusal("[" + ok + "]"), HasSubstr("p.yaml:1:65: nested deeper than 64 levels"));
  std::string block;
  for (int i = 0; i <= kMaxYamlDepth; ++i) {
    block += std::string(static_cast<size_t>(i) * 2, ' ') + "k:\n";
  }
  block += std::string(static_cast<size_t>(kMaxYamlDepth + 1) * 2, ' ') + "k: v\n";
  EXPECT_THAT(Refusal(block), HasSubstr("nested deeper than 64 levels"));
}

TEST(YamlJsonTest, InputOverOneMebibyteIsRefused) {
  const std::string filler = "# " + std::string(78, 'x') + "\n";
  std::string yaml;
  while (yaml.size() + filler.size() <= kMaxYamlBytes - 5) {
    yaml += filler;
  }
  yaml += "a: 1\n";
  EXPECT_EQ(Convert(yaml), R"({"a":1})");
  yaml += std::string(kMaxYamlBytes + 1 - yaml.size(), '\n');
  EXPECT_THAT(Refusal(yaml),
              HasSubstr("p.yaml: 1048577 bytes is larger than the limit of 1048576"));
}

TEST(JsonQuoteTest, EscapesOnlyWhatJsonNeeds) {
  EXPECT_EQ(JsonQuote("a\"b\\c\nd\x1f"), R"("a\"b\\c\nd\u001f")");
  EXPECT_EQ(JsonQuote("日本語"), "\"日本語\"");
}

}  // namespace
}  // namespace airr::cli
