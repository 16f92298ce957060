// Tests of the violation suggester: which rules match which incident facts (each fact kind, the
// keyword rules in Japanese and English, ASCII case ignored), and how matches become suggestions
// (grouped by principle, strongest confidence, ordered, linked violations shown).
#include "services/report/violation_suggester.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"

namespace airr::report {
namespace {

v1::SuggestionRule Rule(const std::string& id, const std::string& principle,
                        v1::SuggestionFact fact, std::vector<std::string> values,
                        v1::Confidence confidence) {
  v1::SuggestionRule rule;
  rule.set_name("suggestionRules/" + id);
  rule.set_principle("principles/" + principle);
  rule.set_fact(fact);
  for (auto& v : values) {
    rule.add_values(v);
  }
  rule.set_confidence(confidence);
  rule.set_description("rule " + id);
  return rule;
}

// A subset of the seeded rules of V0007, enough to exercise every fact kind.
SuggestionInputs Inputs() {
  SuggestionInputs in;
  in.rules = {
      Rule("harm-discrimination-bias", "C03.1", v1::SUGGESTION_FACT_HARM_TYPE,
           {"HARM_TYPE_DISCRIMINATION"}, v1::CONFIDENCE_HIGH),
      Rule("harm-discrimination-human-judgment", "C03.2", v1::SUGGESTION_FACT_HARM_TYPE,
           {"HARM_TYPE_DISCRIMINATION"}, v1::CONFIDENCE_MEDIUM),
      Rule("harm-privacy", "C04.1", v1::SUGGESTION_FACT_HARM_TYPE, {"HARM_TYPE_PRIVACY"},
           v1::CONFIDENCE_HIGH),
      Rule("cause-data-bias", "C03.1", v1::SUGGESTION_FACT_CAUSE_HINT, {"CAUSE_HINT_DATA_BIAS"},
           v1::CONFIDENCE_HIGH),
      Rule("cause-prompt-injection", "C05.1", v1::SUGGESTION_FACT_CAUSE_HINT,
           {"CAUSE_HINT_PROMPT_INJECTION", "CAUSE_HINT_DATA_POISONING"}, v1::CONFIDENCE_HIGH),
      Rule("flag-breached-privacy", "C04.1", v1::SUGGESTION_FACT_PERSONAL_DATA_BREACHED, {},
           v1::CONFIDENCE_HIGH),
      Rule("flag-breached-security", "C05.1", v1::SUGGESTION_FACT_PERSONAL_DATA_BREACHED, {},
           v1::CONFIDENCE_HIGH),
      Rule("flag-involved", "C04.1", v1::SUGGESTION_FACT_PERSONAL_DATA_INVOLVED, {},
           v1::CONFIDENCE_LOW),
      Rule("breach-sensitive", "C04.1", v1::SUGGESTION_FACT_BREACH_CATEGORY,
           {"BREACH_CATEGORY_SENSITIVE"}, v1::CONFIDENCE_HIGH),
      Rule("flag-rights", "C01.1", v1::SUGGESTION_FACT_FUNDAMENTAL_RIGHTS_INFRINGED, {},
           v1::CONFIDENCE_HIGH),
      Rule("flag-physical", "C02.1", v1::SUGGESTION_FACT_PHYSICAL_HARM, {}, v1::CONFIDENCE_HIGH),
      Rule("kind-hazard", "C02.1", v1::SUGGESTION_FACT_KIND, {"KIND_HAZARD"}, v1::CONFIDENCE_LOW),
      Rule("kw-bias-ja", "C03.1", v1::SUGGESTION_FACT_KEYWORD, {"差別", "偏り", "女性"},
           v1::CONFIDENCE_MEDIUM),
      Rule("kw-bias-en", "C03.1", v1::SUGGESTION_FACT_KEYWORD, {"discriminat", "bias", "gender"},
           v1::CONFIDENCE_MEDIUM),
      Rule("kw-privacy-ja", "C04.1", v1::SUGGESTION_FACT_KEYWORD, {"漏洩", "個人情報"},
           v1::CONFIDENCE_MEDIUM),
      Rule("kw-privacy-en", "C04.1", v1::SUGGESTION_FACT_KEYWORD, {"leak", "personal data"},
           v1::CONFIDENCE_MEDIUM),
      Rule("kw-disinformation", "C01.3", v1::SUGGESTION_FACT_KEYWORD, {"deepfake", "誤情報"},
           v1::CONFIDENCE_MEDIUM),
      Rule("unknown-fact", "C10.1", static_cast<v1::SuggestionFact>(42), {"x"},
           v1::CONFIDENCE_HIGH),
  };
  in.catalog = {
      {"principles/C01.1", {"Human dignity", "人間の尊厳", 101}},
      {"principles/C01.3", {"Disinformation", "偽情報等への対策", 103}},
      {"principles/C02.1", {"Life and body", "人間の生命", 201}},
      {"principles/C03.1", {"Attention to bias", "バイアスへの配慮", 301}},
      {"principles/C03.2", {"Human judgment", "人間の判断の介在", 302}},
      {"principles/C04.1", {"Privacy", "プライバシーの保護", 401}},
      {"principles/C05.1", {"Security", "セキュリティ対策", 501}},
  };
  return in;
}

v1::IncidentFacts Facts(const std::string& title, const std::string& description = "") {
  v1::IncidentFacts f;
  f.set_name("incidents/i1");
  f.set_title(title);
  f.set_description(description);
  f.set_kind("KIND_INCIDENT");
  return f;
}

// "C03.1:HIGH C03.2:MEDIUM", the principles and confidences in order.
std::string Summary(const std::vector<v1::ViolationSuggestion>& suggestions) {
  std::vector<std::string> parts;
  for (const auto& s : suggestions) {
    std::string confidence = v1::Confidence_Name(s.confidence()).substr(11);
    parts.push_back(s.principle().substr(11) + ":" + confidence);
  }
  return absl::StrJoin(parts, " ");
}

// The rules (ids) behind one suggestion.
std::vector<std::string> RulesOf(const std::vector<v1::ViolationSuggestion>& suggestions,
                                 const std::string& principle) {
  std::vector<std::string> rules;
  for (const auto& s : suggestions) {
    if (s.principle() == "principles/" + principle) {
      for (const auto& m : s.matches()) {
        rules.push_back(m.rule().substr(16));
      }
    }
  }
  return rules;
}

struct Case {
  std::string name;
  v1::IncidentFacts facts;
  std::string want;  // Summary of the suggestions
};

TEST(BuildSuggestionsTest, Table) {
  std::vector<Case> cases;
  {
    // R01: a hiring tool that discriminated against women, caused by biased data.
    v1::IncidentFacts f = Facts("採用AIが女性の応募者を不当に低く評価",
                                "Screening model trained on ten years of CVs showed gender bias.");
    f.add_harm_types("HARM_TYPE_DISCRIMINATION");
    f.add_cause_hints("CAUSE_HINT_DATA_BIAS");
    cases.push_back({"hiring discrimination", f, "C03.1:HIGH C03.2:MEDIUM"});
  }
  {
    v1::IncidentFacts f = Facts("Chatbot exposed customer addresses");
    f.add_harm_types("HARM_TYPE_PRIVACY");
    f.set_personal_data_involved(true);
    f.set_personal_data_breached(true);
    f.add_breach_categories("BREACH_CATEGORY_SENSITIVE");
    cases.push_back({"data exposure", f, "C04.1:HIGH C05.1:HIGH"});
  }
  {
    // Personal data processed but not breached: only the LOW "involved" rule, no breach rules,
    // and a stray breach category does not count without a breach.
    v1::IncidentFacts f = Facts("Wrong answer about opening hours");
    f.set_personal_data_involved(true);
    f.add_breach_categories("BREACH_CATEGORY_SENSITIVE");
    cases.push_back({"personal data not breached", f, "C04.1:LOW"});
  }
  {
    v1::IncidentFacts f = Facts("Prompt injection in the support bot");
    f.add_cause_hints("CAUSE_HINT_PROMPT_INJECTION");
    cases.push_back({"prompt injection", f, "C05.1:HIGH"});
  }
  {
    v1::IncidentFacts f = Facts("Robot arm hit an operator");
    f.set_serious_injuries(1);
    f.set_fundamental_rights_infringed(true);
    cases.push_back({"physical harm and rights", f, "C01.1:HIGH C02.1:HIGH"});
  }
  {
    v1::IncidentFacts f = Facts("Sensor model could misread stop signs");
    f.set_kind("KIND_HAZARD");
    cases.push_back({"hazard kind", f, "C02.1:LOW"});
  }
  {
    cases.push_back({"japanese keyword in title", Facts("融資審査で差別的な判定"), "C03.1:MEDIUM"});
  }
  {
    cases.push_back({"japanese keyword in description",
                     Facts("Incident 42", "顧客の個人情報が漏洩した"), "C04.1:MEDIUM"});
  }
  {
    cases.push_back({"english keyword, other case", Facts("Model showed GENDER BIAS in ranking"),
                     "C03.1:MEDIUM"});
  }
  { cases.push_back({"english stem", Facts("Discriminatory loan decisions"), "C03.1:MEDIUM"}); }
  {
    cases.push_back(
        {"two principles by keyword", Facts("Deepfake video leaked"), "C01.3:MEDIUM C04.1:MEDIUM"});
  }
  { cases.push_back({"nothing matches", Facts("Slow responses at noon", "latency"), ""}); }
  for (const Case& c : cases) {
    EXPECT_EQ(Summary(BuildSuggestions(c.facts, Inputs())), c.want) << c.name;
  }
}

TEST(BuildSuggestionsTest, GroupsMatchesByPrincipleWithWhatMatched) {
  v1::IncidentFacts f = Facts("採用AIが女性を差別", "gender bias in hiring");
  f.add_harm_types("HARM_TYPE_DISCRIMINATION");
  f.add_cause_hints("CAUSE_HINT_DATA_BIAS");
  const auto suggestions = BuildSuggestions(f, Inputs());
  ASSERT_EQ(Summary(suggestions), "C03.1:HIGH C03.2:MEDIUM");
  EXPECT_EQ(RulesOf(suggestions, "C03.1"),
            (std::vector<std::string>{"harm-discrimination-bias", "cause-data-bias", "kw-bias-ja",
                                      "kw-bias-en"}));
  const v1::ViolationSuggestion& top = suggestions[0];
  EXPECT_EQ(top.principle_title_en(), "Attention to bias");
  EXPECT_EQ(top.principle_title_ja(), "バイアスへの配慮");
  EXPECT_EQ(top.matches(0).matched(), "harm_types contains HARM_TYPE_DISCRIMINATION");
  EXPECT_EQ(top.matches(0).description(), "rule harm-discrimination-bias");
  EXPECT_EQ(top.matches(1).matched(), "cause_hints contains CAUSE_HINT_DATA_BIAS");
  EXPECT_EQ(top.matches(2).matched(), "keyword \"差別\", keyword \"女性\"");
  EXPECT_EQ(top.matches(3).matched(), "keyword \"bias\", keyword \"gender\"");
  EXPECT_TRUE(top.linked_violation().empty());
}

TEST(BuildSuggestionsTest, ShowsTheActiveLink) {
  SuggestionInputs in = Inputs();
  in.active_links["principles/C04.1"] = "incidents/i1/violations/v1";
  v1::IncidentFacts f = Facts("x");
  f.add_harm_types("HARM_TYPE_PRIVACY");
  const auto suggestions = BuildSuggestions(f, in);
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].linked_violation(), "incidents/i1/violations/v1");
}

TEST(BuildSuggestionsTest, NoBreachNoBreachRules) {
  v1::IncidentFacts f = Facts("x");
  f.set_personal_data_involved(true);
  const auto suggestions = BuildSuggestions(f, Inputs());
  EXPECT_EQ(RulesOf(suggestions, "C04.1"), std::vector<std::string>{"flag-involved"});
  EXPECT_TRUE(RulesOf(suggestions, "C05.1").empty());
}

TEST(MatchRuleTest, EachFact) {
  v1::IncidentFacts f = Facts("t");
  f.add_harm_types("HARM_TYPE_FINANCIAL");
  f.add_harm_types("HARM_TYPE_PRIVACY");
  f.add_cause_hints("CAUSE_HINT_DATA_POISONING");
  f.set_deaths(2);
  f.set_personal_data_breached(true);
  f.add_breach_categories("BREACH_CATEGORY_SENSITIVE");
  auto match = [&](const v1::SuggestionRule& r) { return MatchRule(r, f).value_or("<none>"); };
  EXPECT_EQ(match(Rule("a", "C04.1", v1::SUGGESTION_FACT_HARM_TYPE,
                       {"HARM_TYPE_PRIVACY", "HARM_TYPE_FINANCIAL"}, v1::CONFIDENCE_LOW)),
            "harm_types contains HARM_TYPE_FINANCIAL, HARM_TYPE_PRIVACY");
  EXPECT_EQ(
      match(Rule("b", "C05.1", v1::SUGGESTION_FACT_CAUSE_HINT,
                 {"CAUSE_HINT_PROMPT_INJECTION", "CAUSE_HINT_DATA_POISONING"}, v1::CONFIDENCE_LOW)),
      "cause_hints contains CAUSE_HINT_DATA_POISONING");
  EXPECT_EQ(match(Rule("c", "C02.1", v1::SUGGESTION_FACT_PHYSICAL_HARM, {}, v1::CONFIDENCE_LOW)),
            "deaths 2, serious_injuries 0");
  EXPECT_EQ(
      match(Rule("d", "C04.1", v1::SUGGESTION_FACT_PERSONAL_DATA_BREACHED, {}, v1::CONFIDENCE_LOW)),
      "personal_data_breached is true");
  EXPECT_EQ(match(Rule("e", "C04.1", v1::SUGGESTION_FACT_BREACH_CATEGORY,
                       {"BREACH_CATEGORY_SENSITIVE"}, v1::CONFIDENCE_LOW)),
            "breach_categories contains BREACH_CATEGORY_SENSITIVE");
  EXPECT_EQ(
      match(Rule("f", "C02.1", v1::SUGGESTION_FACT_KIND, {"KIND_INCIDENT"}, v1::CONFIDENCE_LOW)),
      "kind is KIND_INCIDENT");
  EXPECT_EQ(
      match(Rule("g", "C02.1", v1::SUGGESTION_FACT_KIND, {"KIND_HAZARD"}, v1::CONFIDENCE_LOW)),
      "<none>");
  EXPECT_EQ(match(Rule("h", "C01.1", v1::SUGGESTION_FACT_FUNDAMENTAL_RIGHTS_INFRINGED, {},
                       v1::CONFIDENCE_LOW)),
            "<none>");
  EXPECT_EQ(match(Rule("i", "C01.1", v1::SUGGESTION_FACT_UNSPECIFIED, {}, v1::CONFIDENCE_LOW)),
            "<none>");
}

TEST(MatchRuleTest, KeywordsIgnoreAsciiCaseAndMatchJapaneseBytes) {
  const v1::SuggestionRule rule =
      Rule("k", "C03.1", v1::SUGGESTION_FACT_KEYWORD, {"Bias", "女性", "ＡＩ"}, v1::CONFIDENCE_LOW);
  EXPECT_EQ(MatchRule(rule, Facts("BIAS found")).value_or(""), "keyword \"Bias\"");
  EXPECT_EQ(MatchRule(rule, Facts("x", "an unBiAsed view")).value_or(""), "keyword \"Bias\"");
  EXPECT_EQ(MatchRule(rule, Facts("女性応募者")).value_or(""), "keyword \"女性\"");
  // Full-width letters are not ASCII: matched as written, never case-folded.
  EXPECT_EQ(MatchRule(rule, Facts("ＡＩ")).value_or(""), "keyword \"ＡＩ\"");
  EXPECT_FALSE(MatchRule(rule, Facts("ａｉ")).has_value());
  EXPECT_FALSE(MatchRule(rule, Facts("男性")).has_value());
  // The keyword must lie inside the title or the description, not across the two.
  const v1::SuggestionRule two_words =
      Rule("w", "C04.1", v1::SUGGESTION_FACT_KEYWORD, {"personal data"}, v1::CONFIDENCE_LOW);
  EXPECT_FALSE(MatchRule(two_words, Facts("personal", "data")).has_value());
  EXPECT_TRUE(MatchRule(two_words, Facts("Personal Data exposed")).has_value());
}

TEST(BuildSuggestionsTest, OrdersByConfidenceThenCatalogOrder) {
  SuggestionInputs in = Inputs();
  v1::IncidentFacts f = Facts("誤情報 and leak");  // C01.3 MEDIUM, C04.1 MEDIUM
  f.add_harm_types("HARM_TYPE_DISCRIMINATION");    // C03.1 HIGH, C03.2 MEDIUM
  EXPECT_EQ(Summary(BuildSuggestions(f, in)), "C03.1:HIGH C01.3:MEDIUM C03.2:MEDIUM C04.1:MEDIUM");
}

}  // namespace
}  // namespace airr::report
