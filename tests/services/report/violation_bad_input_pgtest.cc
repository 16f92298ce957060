// Bad input to the violation, suggestion and principle RPCs through the real server: each case
// breaks one rule and must come back INVALID_ARGUMENT naming exactly that field, with nothing
// written for the tenant (no violation, policy principle, audit row or outbox event).
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "google/protobuf/field_mask.pb.h"
#include "tests/services/report/report_pgtest_util.h"

namespace airr::report::testing {
namespace {

class BadInputTest : public ReportServerTest {};

struct Case {
  std::string name;
  std::function<absl::Status()> call;
  std::string field;
};

TEST_F(BadInputTest, EachCaseNamesItsFieldAndWritesNothing) {
  const ReportTenant t = MakeReportTenant(env(), "viol-bad");
  const std::string incident = MakeIncident(env(), t, "Screening model ranked women lower");

  auto valid_link = [&] {
    v1::LinkViolationRequest r;
    r.set_parent(incident);
    r.mutable_violation()->set_principle("principles/C03.1");
    r.mutable_violation()->set_rationale("Women were ranked lower for the same CVs.");
    r.mutable_violation()->set_confidence(v1::CONFIDENCE_MEDIUM);
    return r;
  };
  auto existing = env().Call(&ReportStub::LinkViolation, valid_link(), t.analyst);
  ASSERT_TRUE(existing.ok()) << existing.status();
  v1::CreatePolicyPrincipleRequest valid_policy;
  valid_policy.set_policy_principle_id("p3");
  valid_policy.mutable_policy_principle()->set_code("P3");
  valid_policy.mutable_policy_principle()->set_title("Fairness");
  valid_policy.mutable_policy_principle()->add_mapped_principles("principles/C03");
  auto policy = env().Call(&ReportStub::CreatePolicyPrinciple, valid_policy, t.analyst);
  ASSERT_TRUE(policy.ok()) << policy.status();
  valid_policy.set_policy_principle_id("p4");
  valid_policy.mutable_policy_principle()->set_code("P4");

  // Calls as the analyst (who may do all of it) with `edit` applied to a valid request.
  auto link = [&](std::function<void(v1::LinkViolationRequest&)> edit) {
    return [&, edit] {
      v1::LinkViolationRequest r = valid_link();
      edit(r);
      return env().Call(&ReportStub::LinkViolation, r, t.analyst).status();
    };
  };
  auto list = [&](std::function<void(v1::ListViolationsRequest&)> edit) {
    return [&, edit] {
      v1::ListViolationsRequest r;
      r.set_parent("incidents/-");
      edit(r);
      return env().Call(&ReportStub::ListViolations, r, t.analyst).status();
    };
  };
  auto confirm = [&](std::function<void(v1::ConfirmViolationRequest&)> edit) {
    return [&, edit] {
      v1::ConfirmViolationRequest r;
      r.set_name(existing->name());
      edit(r);
      return env().Call(&ReportStub::ConfirmViolation, r, t.analyst2).status();
    };
  };
  auto unlink = [&](std::function<void(v1::UnlinkViolationRequest&)> edit) {
    return [&, edit] {
      v1::UnlinkViolationRequest r;
      r.set_name(existing->name());
      r.set_reason("Wrong incident.");
      edit(r);
      return env().Call(&ReportStub::UnlinkViolation, r, t.analyst).status();
    };
  };
  auto create_policy = [&](std::function<void(v1::CreatePolicyPrincipleRequest&)> edit) {
    return [&, edit] {
      v1::CreatePolicyPrincipleRequest r = valid_policy;
      edit(r);
      return env().Call(&ReportStub::CreatePolicyPrinciple, r, t.analyst).status();
    };
  };
  auto update_policy = [&](std::function<void(v1::UpdatePolicyPrincipleRequest&)> edit) {
    return [&, edit] {
      v1::UpdatePolicyPrincipleRequest r;
      r.mutable_policy_principle()->set_name(policy->name());
      r.mutable_policy_principle()->set_title("Fair treatment");
      r.mutable_update_mask()->add_paths("title");
      edit(r);
      return env().Call(&ReportStub::UpdatePolicyPrinciple, r, t.analyst).status();
    };
  };
  using LinkR = v1::LinkViolationRequest;
  const std::vector<Case> cases = {
      // LinkViolation
      {"link without parent", link([](LinkR& r) { r.clear_parent(); }), "parent"},
      {"link to a malformed parent", link([](LinkR& r) { r.set_parent("incidents/Bad Id"); }),
       "parent"},
      {"link to every incident", link([](LinkR& r) { r.set_parent("incidents/-"); }), "parent"},
      {"link without principle", link([](LinkR& r) { r.mutable_violation()->clear_principle(); }),
       "violation.principle"},
      {"link to a malformed principle",
       link([](LinkR& r) { r.mutable_violation()->set_principle("principles/fairness"); }),
       "violation.principle"},
      {"link to a common principle",
       link([](LinkR& r) { r.mutable_violation()->set_principle("principles/C03"); }),
       "violation.principle"},
      {"link to a principle not in the catalog",
       link([](LinkR& r) { r.mutable_violation()->set_principle("principles/C03.9"); }),
       "violation.principle"},
      {"link without rationale", link([](LinkR& r) { r.mutable_violation()->clear_rationale(); }),
       "violation.rationale"},
      {"link with a rationale too long",
       link([](LinkR& r) { r.mutable_violation()->set_rationale(std::string(4001, 'x')); }),
       "violation.rationale"},
      {"link with an empty evidence ref",
       link([](LinkR& r) { r.mutable_violation()->add_evidence_refs(""); }),
       "violation.evidence_refs[0]"},
      {"link with 21 evidence refs", link([](LinkR& r) {
         for (int i = 0; i < 21; ++i) r.mutable_violation()->add_evidence_refs("ref");
       }),
       "violation.evidence_refs"},
      {"link without confidence", link([](LinkR& r) { r.mutable_violation()->clear_confidence(); }),
       "violation.confidence"},
      {"link with an unknown suggestion rule", link([](LinkR& r) {
         r.mutable_violation()->set_suggestion_rule("suggestionRules/no-such-rule");
       }),
       "violation.suggestion_rule"},
      {"link with a rule of another principle", link([](LinkR& r) {
         r.mutable_violation()->set_suggestion_rule("suggestionRules/harm-privacy");
       }),
       "violation.suggestion_rule"},
      {"link with a malformed suggestion rule",
       link([](LinkR& r) { r.mutable_violation()->set_suggestion_rule("rules/x"); }),
       "violation.suggestion_rule"},
      // GetViolation
      {"get a malformed name",
       [&] {
         v1::GetViolationRequest r;
         r.set_name(incident);
         return env().Call(&ReportStub::GetViolation, r, t.analyst).status();
       },
       "name"},
      // ListViolations
      {"list without parent", list([](auto& r) { r.clear_parent(); }), "parent"},
      {"list by a malformed principle", list([](auto& r) { r.set_principle("principles/C3"); }),
       "principle"},
      {"list by a principle not in the catalog",
       list([](auto& r) { r.set_principle("principles/C99"); }), "principle"},
      {"list with a negative page size", list([](auto& r) { r.set_page_size(-1); }), "page_size"},
      {"list with a forged page token", list([](auto& r) { r.set_page_token("AAAA"); }),
       "page_token"},
      // ConfirmViolation, UnlinkViolation
      {"confirm with a note too long", confirm([](auto& r) { r.set_note(std::string(2001, 'n')); }),
       "note"},
      {"confirm with a malformed etag", confirm([](auto& r) { r.set_etag("nope"); }), "etag"},
      {"confirm a malformed name", confirm([](auto& r) { r.set_name("violations/x"); }), "name"},
      {"unlink without reason", unlink([](auto& r) { r.clear_reason(); }), "reason"},
      {"unlink with a reason too long",
       unlink([](auto& r) { r.set_reason(std::string(2001, 'r')); }), "reason"},
      // SuggestViolations, ListSuggestionRules
      {"suggest for every incident",
       [&] {
         v1::SuggestViolationsRequest r;
         r.set_parent("incidents/-");
         return env().Call(&ReportStub::SuggestViolations, r, t.analyst).status();
       },
       "parent"},
      {"list rules with a negative page size",
       [&] {
         v1::ListSuggestionRulesRequest r;
         r.set_page_size(-5);
         return env().Call(&ReportStub::ListSuggestionRules, r, t.analyst).status();
       },
       "page_size"},
      // Catalog
      {"list the catalog by an unknown kind",
       [&] {
         v1::ListPrinciplesRequest r;
         r.set_kind(static_cast<v1::PrincipleKind>(42));
         return env().Call(&ReportStub::ListPrinciples, r, t.analyst).status();
       },
       "kind"},
      {"get a malformed principle",
       [&] {
         v1::GetPrincipleRequest r;
         r.set_name("principles/C03.1.2");
         return env().Call(&ReportStub::GetPrinciple, r, t.analyst).status();
       },
       "name"},
      // Policy principles
      {"create a policy principle without id",
       create_policy([](auto& r) { r.clear_policy_principle_id(); }), "policy_principle_id"},
      {"create a policy principle mapped to an unknown principle", create_policy([](auto& r) {
         r.mutable_policy_principle()->set_mapped_principles(0, "principles/ADV99");
       }),
       "policy_principle.mapped_principles[0]"},
      {"create a policy principle with a code too long",
       create_policy([](auto& r) { r.mutable_policy_principle()->set_code(std::string(21, 'P')); }),
       "policy_principle.code"},
      {"update without a mask",
       update_policy([](auto& r) { r.mutable_update_mask()->clear_paths(); }), "update_mask"},
      {"update an output-only field",
       update_policy([](auto& r) { r.mutable_update_mask()->add_paths("delete_time"); }),
       "update_mask"},
      {"update the title to empty",
       update_policy([](auto& r) { r.mutable_policy_principle()->clear_title(); }),
       "policy_principle.title"},
      {"update mapped to an unknown principle", update_policy([](auto& r) {
         r.mutable_update_mask()->add_paths("mapped_principles");
         r.mutable_policy_principle()->add_mapped_principles("principles/C11.1");
       }),
       "policy_principle.mapped_principles[0]"},
      {"update with a malformed etag",
       update_policy([](auto& r) { r.mutable_policy_principle()->set_etag("W/zz"); }),
       "policy_principle.etag"},
      {"delete a malformed name",
       [&] {
         v1::DeletePolicyPrincipleRequest r;
         r.set_name("policyPrinciples/P3");
         return env().Call(&ReportStub::DeletePolicyPrinciple, r, t.analyst).status();
       },
       "name"},
  };
  ASSERT_GE(cases.size(), 20u);
  TenantRows rows(t.name);
  for (const Case& c : cases) {
    EXPECT_TRUE(IsInvalidField(c.call(), c.field)) << c.name;
    EXPECT_TRUE(rows.Unchanged()) << c.name;
  }
}

}  // namespace
}  // namespace airr::report::testing
