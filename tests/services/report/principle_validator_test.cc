// Tests of the principle resource names (catalog ids, policy principle and suggestion rule ids)
// and of the policy principle rules.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "libs/common/errors.h"
#include "services/report/policy_principle_validator.h"
#include "services/report/principle_names.h"

namespace airr::report {
namespace {

std::string Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : FieldViolations(status)) {
    fields.push_back(v.field);
  }
  return absl::StrJoin(fields, ",");
}

TEST(PrincipleNamesTest, CatalogIds) {
  for (const char* good : {"C01", "C10", "C03.1", "C09.0", "ADV01", "ADV12"}) {
    EXPECT_TRUE(IsPrincipleId(good)) << good;
    auto id = ParsePrincipleName(std::string("principles/") + good, "name");
    ASSERT_TRUE(id.ok()) << good;
    EXPECT_EQ(*id, good);
  }
  for (const char* bad : {"", "C1", "C001", "C03.", "C03.12", "c03.1", "ADV1", "ADV123", "adv01",
                          "C03-1", "X03", "C0a", "ADV0a", "C03.1 "}) {
    EXPECT_FALSE(IsPrincipleId(bad)) << bad;
  }
  EXPECT_TRUE(IsCommonPrincipleId("C03"));
  EXPECT_FALSE(IsCommonPrincipleId("C03.1"));
  EXPECT_FALSE(IsCommonPrincipleId("ADV03"));
  EXPECT_EQ(Fields(ParsePrincipleName("", "principle").status()), "principle");
  EXPECT_EQ(Fields(ParsePrincipleName("principle/C03", "x").status()), "x");
  EXPECT_EQ(Fields(ParsePrincipleName("principles/C03/extra", "x").status()), "x");
  EXPECT_EQ(PrincipleName("C03.1"), "principles/C03.1");
}

TEST(PrincipleNamesTest, ReferenceIds) {
  for (const char* good : {"p3", "3-fairness", "a", "harm-discrimination-bias"}) {
    EXPECT_TRUE(IsReferenceId(good)) << good;
  }
  for (const char* bad : {"", "-a", "A", "a_b", "a b", "ä"}) {
    EXPECT_FALSE(IsReferenceId(bad)) << bad;
  }
  EXPECT_FALSE(IsReferenceId(std::string(64, 'a')));
  EXPECT_TRUE(IsReferenceId(std::string(63, 'a')));
  EXPECT_EQ(*ParsePolicyPrincipleName("policyPrinciples/3-fairness", "name"), "3-fairness");
  EXPECT_EQ(Fields(ParsePolicyPrincipleName("policyPrinciples/", "name").status()), "name");
  EXPECT_EQ(*ParseSuggestionRuleName("suggestionRules/kw-bias-ja", "r"), "kw-bias-ja");
  EXPECT_EQ(Fields(ParseSuggestionRuleName("suggestionRules/KW", "r").status()), "r");
}

v1::CreatePolicyPrincipleRequest ValidCreate() {
  v1::CreatePolicyPrincipleRequest r;
  r.set_policy_principle_id("p3-fairness");
  v1::PolicyPrinciple* p = r.mutable_policy_principle();
  p->set_code("P3");
  p->set_title("公平性 / Fairness");
  p->set_description("We do not let AI treat people unfairly.\nSee policy §3.");
  p->add_mapped_principles("principles/C03");
  p->add_mapped_principles("principles/C03.1");
  return r;
}

TEST(PolicyPrincipleValidatorTest, ValidPasses) {
  EXPECT_TRUE(ValidateCreatePolicyPrincipleRequest(ValidCreate()).ok());
  v1::CreatePolicyPrincipleRequest r = ValidCreate();
  r.mutable_policy_principle()->set_name("ignored/output-only");
  r.mutable_policy_principle()->set_etag("ignored");
  r.mutable_policy_principle()->set_code(std::string(20, 'C'));
  EXPECT_TRUE(ValidateCreatePolicyPrincipleRequest(r).ok());
}

TEST(PolicyPrincipleValidatorTest, EachBadField) {
  struct Case {
    std::string name;
    std::function<void(v1::CreatePolicyPrincipleRequest&)> breakit;
    std::string field;
  };
  using R = v1::CreatePolicyPrincipleRequest;
  const std::vector<Case> cases = {
      {"no id", [](R& r) { r.clear_policy_principle_id(); }, "policy_principle_id"},
      {"upper-case id", [](R& r) { r.set_policy_principle_id("P3"); }, "policy_principle_id"},
      {"id with a leading hyphen", [](R& r) { r.set_policy_principle_id("-p3"); },
       "policy_principle_id"},
      {"no code", [](R& r) { r.mutable_policy_principle()->clear_code(); },
       "policy_principle.code"},
      {"code too long", [](R& r) { r.mutable_policy_principle()->set_code(std::string(21, 'c')); },
       "policy_principle.code"},
      {"multi-line code", [](R& r) { r.mutable_policy_principle()->set_code("P\n3"); },
       "policy_principle.code"},
      {"no title", [](R& r) { r.mutable_policy_principle()->clear_title(); },
       "policy_principle.title"},
      {"title too long",
       [](R& r) { r.mutable_policy_principle()->set_title(std::string(201, 't')); },
       "policy_principle.title"},
      {"description too long",
       [](R& r) { r.mutable_policy_principle()->set_description(std::string(4001, 'd')); },
       "policy_principle.description"},
      {"no mapped principles",
       [](R& r) { r.mutable_policy_principle()->clear_mapped_principles(); },
       "policy_principle.mapped_principles"},
      {"too many mapped principles",
       [](R& r) {
         for (int i = 0; i < 19; ++i) r.mutable_policy_principle()->add_mapped_principles("x");
       },
       "policy_principle.mapped_principles"},
      {"malformed mapped principle",
       [](R& r) { r.mutable_policy_principle()->add_mapped_principles("principles/fairness"); },
       "policy_principle.mapped_principles[2]"},
      {"repeated mapped principle",
       [](R& r) { r.mutable_policy_principle()->add_mapped_principles("principles/C03"); },
       "policy_principle.mapped_principles[2]"},
  };
  for (const Case& c : cases) {
    R r = ValidCreate();
    c.breakit(r);
    const absl::Status status = ValidateCreatePolicyPrincipleRequest(r);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << c.name;
    EXPECT_EQ(Fields(status), c.field) << c.name << ": " << status;
  }
}

TEST(PolicyPrincipleValidatorTest, ValidatePolicyPrincipleUsesThePrefix) {
  v1::PolicyPrinciple p = ValidCreate().policy_principle();
  p.clear_title();
  EXPECT_EQ(Fields(ValidatePolicyPrinciple(p, "policy_principle")), "policy_principle.title");
  EXPECT_EQ(PolicyPrincipleUpdatableFields(),
            (std::vector<std::string>{"code", "title", "description", "mapped_principles"}));
}

}  // namespace
}  // namespace airr::report
