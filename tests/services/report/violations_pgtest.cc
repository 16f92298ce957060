// Principle violations through the real server and database: linking, the four-eyes
// confirmation, unlinking (the record stays, the principle can be linked again), the active-link
// rule, listing with principle filters and paging, suggestions from the seeded rules, the audit
// trail and outbox events of every mutation, the role matrix and tenant isolation.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/services/report/report_pgtest_util.h"

namespace airr::report::testing {
namespace {

using auth::Role;

class ViolationsTest : public ReportServerTest {
 protected:
  static absl::StatusOr<v1::Violation> Link(const std::string& token, const std::string& incident,
                                            const std::string& principle,
                                            const std::string& rule = "") {
    v1::LinkViolationRequest request;
    request.set_parent(incident);
    v1::Violation* v = request.mutable_violation();
    v->set_principle(principle);
    v->set_rationale("The screening model ranked women lower than men with the same CV.");
    v->add_evidence_refs("AUDIT-2026-04");
    v->set_confidence(v1::CONFIDENCE_HIGH);
    v->set_suggestion_rule(rule);
    return env().Call(&ReportStub::LinkViolation, request, token);
  }
  static absl::StatusOr<v1::Violation> Confirm(const std::string& token, const std::string& name,
                                               const std::string& etag = "") {
    v1::ConfirmViolationRequest request;
    request.set_name(name);
    request.set_note("Agreed after reading the audit.");
    request.set_etag(etag);
    return env().Call(&ReportStub::ConfirmViolation, request, token);
  }
  static absl::StatusOr<v1::Violation> Unlink(const std::string& token, const std::string& name) {
    v1::UnlinkViolationRequest request;
    request.set_name(name);
    request.set_reason("Linked to the wrong incident.");
    return env().Call(&ReportStub::UnlinkViolation, request, token);
  }
  static absl::StatusOr<v1::ListViolationsResponse> List(
      const std::string& token, const std::string& parent, const std::string& principle = "",
      bool show_unlinked = false, int page_size = 0, const std::string& page_token = "") {
    v1::ListViolationsRequest request;
    request.set_parent(parent);
    request.set_principle(principle);
    request.set_show_unlinked(show_unlinked);
    request.set_page_size(page_size);
    request.set_page_token(page_token);
    return env().Call(&ReportStub::ListViolations, request, token);
  }
  static std::vector<std::string> Names(const v1::ListViolationsResponse& response) {
    std::vector<std::string> names;
    for (const auto& v : response.violations()) {
      names.push_back(v.name());
    }
    return names;
  }
  static std::vector<std::string> Principles(const v1::ListViolationsResponse& response) {
    std::vector<std::string> out;
    for (const auto& v : response.violations()) {
      out.push_back(v.principle());
    }
    return out;
  }
  static absl::StatusOr<v1::SuggestViolationsResponse> Suggest(const std::string& token,
                                                               const std::string& incident) {
    v1::SuggestViolationsRequest request;
    request.set_parent(incident);
    return env().Call(&ReportStub::SuggestViolations, request, token);
  }
};

TEST_F(ViolationsTest, LinkThenConfirmByAnotherPerson) {
  const ReportTenant t = MakeReportTenant(env(), "viol-confirm");
  const std::string incident = MakeIncident(env(), t, "Hiring model ranked women lower");
  auto linked = Link(t.analyst, incident, "principles/C03.1");
  ASSERT_TRUE(linked.ok()) << linked.status();
  EXPECT_TRUE(absl::StartsWith(linked->name(), incident + "/violations/")) << linked->name();
  EXPECT_EQ(linked->principle(), "principles/C03.1");
  EXPECT_EQ(linked->state(), v1::VIOLATION_STATE_PROPOSED);
  EXPECT_TRUE(absl::StartsWith(linked->assessor(), "analyst-")) << linked->assessor();
  EXPECT_TRUE(linked->has_assess_time());
  EXPECT_TRUE(linked->has_create_time());
  EXPECT_FALSE(linked->has_confirm_time());
  EXPECT_FALSE(linked->etag().empty());
  EXPECT_EQ(AuditRows(t, linked->name()), 1);
  EXPECT_EQ(OutboxTopics(t, linked->name()), std::vector<std::string>{"report.violation.linked"});

  v1::GetViolationRequest get;
  get.set_name(linked->name());
  auto got = env().Call(&ReportStub::GetViolation, get, t.viewer);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), linked->SerializeAsString());

  // The assessor cannot confirm their own finding, and the refusal writes nothing.
  TenantRows rows(t.name);
  EXPECT_TRUE(HasCodeAndReason(Confirm(t.analyst, linked->name()).status(),
                               absl::StatusCode::kFailedPrecondition, "SAME_PERSON"));
  EXPECT_TRUE(rows.Unchanged());
  // A stale etag is refused.
  EXPECT_EQ(Confirm(t.analyst2, linked->name(), "W/\"zz\"").status().code(),
            absl::StatusCode::kAborted);
  EXPECT_TRUE(rows.Unchanged());

  auto confirmed = Confirm(t.analyst2, linked->name(), linked->etag());
  ASSERT_TRUE(confirmed.ok()) << confirmed.status();
  EXPECT_EQ(confirmed->state(), v1::VIOLATION_STATE_CONFIRMED);
  EXPECT_TRUE(absl::StartsWith(confirmed->confirmer(), "analyst-"));
  EXPECT_NE(confirmed->confirmer(), confirmed->assessor());
  EXPECT_EQ(confirmed->confirm_note(), "Agreed after reading the audit.");
  EXPECT_TRUE(confirmed->has_confirm_time());
  EXPECT_NE(confirmed->etag(), linked->etag());
  EXPECT_EQ(AuditRows(t, linked->name()), 2);
  EXPECT_EQ(OutboxTopics(t, linked->name()),
            (std::vector<std::string>{"report.violation.linked", "report.violation.confirmed"}));

  // Only a PROPOSED violation can be confirmed.
  EXPECT_TRUE(HasCodeAndReason(Confirm(t.admin, linked->name()).status(),
                               absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));
}

TEST_F(ViolationsTest, ActiveLinkIsUniqueAndUnlinkKeepsTheRecord) {
  const ReportTenant t = MakeReportTenant(env(), "viol-unlink");
  const std::string incident = MakeIncident(env(), t, "Loan model refused older applicants");
  auto first = Link(t.analyst, incident, "principles/C03.1");
  ASSERT_TRUE(first.ok()) << first.status();

  TenantRows rows(t.name);
  const absl::Status again = Link(t.analyst2, incident, "principles/C03.1").status();
  EXPECT_TRUE(HasCodeAndReason(again, absl::StatusCode::kAlreadyExists, "ALREADY_LINKED"));
  EXPECT_EQ(ErrorMetadata(again)["violation"], first->name());
  EXPECT_TRUE(rows.Unchanged());

  // The assessor may withdraw their own link; the record stays.
  auto unlinked = Unlink(t.analyst, first->name());
  ASSERT_TRUE(unlinked.ok()) << unlinked.status();
  EXPECT_EQ(unlinked->state(), v1::VIOLATION_STATE_UNLINKED);
  EXPECT_EQ(unlinked->unlink_reason(), "Linked to the wrong incident.");
  EXPECT_EQ(unlinked->unlinked_by(), first->assessor());
  EXPECT_TRUE(unlinked->has_unlink_time());
  EXPECT_EQ(OutboxTopics(t, first->name()),
            (std::vector<std::string>{"report.violation.linked", "report.violation.unlinked"}));
  EXPECT_EQ(Unlink(t.analyst, first->name()).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(HasCodeAndReason(Confirm(t.analyst2, first->name()).status(),
                               absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));

  auto listed = List(t.viewer, incident);
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_TRUE(listed->violations().empty());
  listed = List(t.viewer, incident, "", /*show_unlinked=*/true);
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_EQ(Names(*listed), std::vector<std::string>{first->name()});

  // The principle can be linked again: a new record next to the withdrawn one.
  auto relinked = Link(t.analyst2, incident, "principles/C03.1");
  ASSERT_TRUE(relinked.ok()) << relinked.status();
  EXPECT_NE(relinked->name(), first->name());
  listed = List(t.viewer, incident, "", true);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(Names(*listed), (std::vector<std::string>{relinked->name(), first->name()}));
  EXPECT_EQ(std::stoll(PgTestDatabase::Get().QueryValue(absl::StrCat(
                "SELECT count(*) FROM violations v JOIN tenants t ON t.id = v.tenant_id WHERE "
                "t.name = '",
                t.name, "'"))),
            2);
}

TEST_F(ViolationsTest, LinkTargets) {
  const ReportTenant t = MakeReportTenant(env(), "viol-targets");
  const std::string incident = MakeIncident(env(), t, "Frontier model leaked weights");
  TenantRows rows(t.name);
  EXPECT_TRUE(
      IsInvalidField(Link(t.analyst, incident, "principles/C03").status(), "violation.principle"));
  EXPECT_TRUE(IsInvalidField(Link(t.analyst, incident, "principles/C99.1").status(),
                             "violation.principle"));
  EXPECT_TRUE(IsInvalidField(
      Link(t.analyst, incident, "principles/C05.1", "suggestionRules/no-such-rule").status(),
      "violation.suggestion_rule"));
  EXPECT_TRUE(IsInvalidField(
      Link(t.analyst, incident, "principles/C03.1", "suggestionRules/cause-prompt-injection")
          .status(),
      "violation.suggestion_rule"));
  EXPECT_EQ(Link(t.analyst, "incidents/no-such-incident", "principles/C05.1").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(rows.Unchanged());

  auto adv = Link(t.analyst, incident, "principles/ADV06");
  ASSERT_TRUE(adv.ok()) << adv.status();
  auto from_rule =
      Link(t.analyst, incident, "principles/C05.1", "suggestionRules/cause-prompt-injection");
  ASSERT_TRUE(from_rule.ok()) << from_rule.status();
  EXPECT_EQ(from_rule->suggestion_rule(), "suggestionRules/cause-prompt-injection");
  EXPECT_TRUE(adv->suggestion_rule().empty());
}

TEST_F(ViolationsTest, PrincipleFiltersAndPaging) {
  const ReportTenant t = MakeReportTenant(env(), "viol-list");
  const std::string a = MakeIncident(env(), t, "Screening bias");
  const std::string b = MakeIncident(env(), t, "Credit limit bias");
  std::vector<std::string> created;  // in creation order
  for (const auto& [incident, principle] :
       std::vector<std::pair<std::string, std::string>>{{a, "principles/C03.1"},
                                                        {a, "principles/C03.2"},
                                                        {a, "principles/C04.1"},
                                                        {b, "principles/C03.1"},
                                                        {b, "principles/ADV02"}}) {
    auto v = Link(t.analyst, incident, principle);
    ASSERT_TRUE(v.ok()) << v.status();
    created.push_back(v->name());
  }
  const std::vector<std::string> newest_first(created.rbegin(), created.rend());

  auto all = List(t.viewer, "incidents/-");
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(Names(*all), newest_first);
  EXPECT_TRUE(all->next_page_token().empty());

  auto of_a = List(t.viewer, a);
  ASSERT_TRUE(of_a.ok());
  EXPECT_EQ(Principles(*of_a),
            (std::vector<std::string>{"principles/C04.1", "principles/C03.2", "principles/C03.1"}));
  // A common principle matches its sub-items; a sub-item matches exactly.
  auto c03 = List(t.viewer, "incidents/-", "principles/C03");
  ASSERT_TRUE(c03.ok()) << c03.status();
  EXPECT_EQ(Names(*c03), (std::vector<std::string>{created[3], created[1], created[0]}));
  auto c031 = List(t.viewer, "incidents/-", "principles/C03.1");
  ASSERT_TRUE(c031.ok());
  EXPECT_EQ(Names(*c031), (std::vector<std::string>{created[3], created[0]}));
  auto c03_of_b = List(t.viewer, b, "principles/C03");
  ASSERT_TRUE(c03_of_b.ok());
  EXPECT_EQ(Names(*c03_of_b), std::vector<std::string>{created[3]});
  auto adv = List(t.viewer, "incidents/-", "principles/ADV02");
  ASSERT_TRUE(adv.ok());
  EXPECT_EQ(Names(*adv), std::vector<std::string>{created[4]});
  auto none = List(t.viewer, "incidents/-", "principles/C10");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->violations().empty());
  EXPECT_TRUE(
      IsInvalidField(List(t.viewer, "incidents/-", "principles/C99").status(), "principle"));
  EXPECT_EQ(List(t.viewer, "incidents/no-such-incident").status().code(),
            absl::StatusCode::kNotFound);

  // Pages of two follow the same order; a token only works for its own query.
  std::vector<std::string> paged;
  std::string token;
  int pages = 0;
  do {
    auto page = List(t.viewer, "incidents/-", "", false, 2, token);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->violations_size(), 2);
    for (const auto& name : Names(*page)) {
      paged.push_back(name);
    }
    token = page->next_page_token();
    if (pages == 0) {
      EXPECT_TRUE(IsInvalidField(
          List(t.viewer, "incidents/-", "principles/C03", false, 2, token).status(), "page_token"));
    }
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(paged, newest_first);
}

TEST_F(ViolationsTest, SuggestionsFromTheSeededRules) {
  const ReportTenant t = MakeReportTenant(env(), "viol-suggest");
  const std::string hiring =
      MakeIncident(env(), t, "採用AIが女性の応募者を低く評価", [](iv1::Incident& i) {
        i.set_description("The CV screening model learned from ten years of mostly male hires.");
        i.clear_harm_types();
        i.add_harm_types(iv1::HARM_TYPE_DISCRIMINATION);
        i.clear_cause_hints();
        i.add_cause_hints(iv1::CAUSE_HINT_DATA_BIAS);
      });
  TenantRows rows(t.name);
  auto suggested = Suggest(t.viewer, hiring);
  ASSERT_TRUE(suggested.ok()) << suggested.status();
  EXPECT_TRUE(rows.Unchanged());
  ASSERT_GE(suggested->suggestions_size(), 2);
  const v1::ViolationSuggestion& top = suggested->suggestions(0);
  EXPECT_EQ(top.principle(), "principles/C03.1");
  EXPECT_EQ(top.confidence(), v1::CONFIDENCE_HIGH);
  EXPECT_FALSE(top.principle_title_en().empty());
  EXPECT_FALSE(top.principle_title_ja().empty());
  std::set<std::string> matched;
  for (const auto& m : top.matches()) {
    matched.insert(m.rule() + " | " + m.matched());
    EXPECT_FALSE(m.description().empty()) << m.rule();
  }
  EXPECT_TRUE(
      matched.count("suggestionRules/harm-discrimination-bias | harm_types contains "
                    "HARM_TYPE_DISCRIMINATION"))
      << absl::StrJoin(matched, "\n");
  EXPECT_TRUE(
      matched.count("suggestionRules/cause-data-bias | cause_hints contains "
                    "CAUSE_HINT_DATA_BIAS"));
  EXPECT_TRUE(matched.count("suggestionRules/kw-bias-ja | keyword \"女性\""))
      << absl::StrJoin(matched, "\n");
  std::set<std::string> principles;
  for (const auto& s : suggested->suggestions()) {
    principles.insert(s.principle());
    EXPECT_TRUE(s.linked_violation().empty());
  }
  EXPECT_TRUE(principles.count("principles/C03.2"));
  EXPECT_FALSE(principles.count("principles/C04.1"));  // nothing about personal data
  for (int i = 1; i < suggested->suggestions_size(); ++i) {
    EXPECT_GE(suggested->suggestions(i - 1).confidence(), suggested->suggestions(i).confidence());
  }

  // Accepting the suggestion links it; the next suggestions point at the link.
  auto linked =
      Link(t.analyst, hiring, "principles/C03.1", "suggestionRules/harm-discrimination-bias");
  ASSERT_TRUE(linked.ok()) << linked.status();
  suggested = Suggest(t.viewer, hiring);
  ASSERT_TRUE(suggested.ok());
  EXPECT_EQ(suggested->suggestions(0).linked_violation(), linked->name());

  // A personal-data breach suggests privacy and security.
  const std::string breach = MakeIncident(env(), t, "Chatbot exposed addresses", [](auto& i) {
    i.mutable_personal_data()->set_involved(true);
    i.mutable_personal_data()->set_breached(true);
    i.mutable_personal_data()->add_breach_types(iv1::BREACH_TYPE_LEAKED);
  });
  suggested = Suggest(t.viewer, breach);
  ASSERT_TRUE(suggested.ok()) << suggested.status();
  std::vector<std::string> high;
  for (const auto& s : suggested->suggestions()) {
    if (s.confidence() == v1::CONFIDENCE_HIGH) {
      high.push_back(s.principle());
    }
  }
  EXPECT_EQ(high, (std::vector<std::string>{"principles/C04.1", "principles/C05.1"}));
  EXPECT_EQ(Suggest(t.viewer, "incidents/no-such-incident").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ViolationsTest, ListSuggestionRules) {
  const ReportTenant t = MakeReportTenant(env(), "viol-rules");
  std::vector<std::string> ids;
  std::string token;
  int pages = 0;
  do {
    v1::ListSuggestionRulesRequest request;
    request.set_page_size(10);
    request.set_page_token(token);
    auto page = env().Call(&ReportStub::ListSuggestionRules, request, t.viewer);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& rule : page->rules()) {
      ids.push_back(rule.name());
      EXPECT_FALSE(rule.description().empty()) << rule.name();
      EXPECT_NE(rule.fact(), v1::SUGGESTION_FACT_UNSPECIFIED) << rule.name();
      EXPECT_NE(rule.confidence(), v1::CONFIDENCE_UNSPECIFIED) << rule.name();
      // Every rule suggests a linkable entry (a sub-item or an advanced-AI principle).
      EXPECT_TRUE(absl::StrContains(rule.principle(), ".") ||
                  absl::StartsWith(rule.principle(), "principles/ADV"))
          << rule.name();
    }
    token = page->next_page_token();
    ++pages;
  } while (!token.empty() && pages < 100);
  EXPECT_GE(ids.size(), 40u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
  EXPECT_EQ(static_cast<int64_t>(ids.size()),
            std::stoll(PgTestDatabase::Get().QueryValue("SELECT count(*) FROM suggestion_rules")));
}

TEST_F(ViolationsTest, Roles) {
  const ReportTenant t = MakeReportTenant(env(), "viol-roles");
  const std::string incident = MakeIncident(env(), t, "Biased ranking");
  auto seed = Link(t.admin, incident, "principles/C03.2");
  ASSERT_TRUE(seed.ok()) << seed.status();
  TenantRows rows(t.name);
  for (Role role : {Role::kViewer, Role::kReporter, Role::kResponder, Role::kAuditor}) {
    const std::string& token = t.token(role);
    EXPECT_EQ(Link(token, incident, "principles/C03.1").status().code(),
              absl::StatusCode::kPermissionDenied)
        << auth::RoleName(role);
    EXPECT_EQ(Confirm(token, seed->name()).status().code(), absl::StatusCode::kPermissionDenied)
        << auth::RoleName(role);
    EXPECT_EQ(Unlink(token, seed->name()).status().code(), absl::StatusCode::kPermissionDenied)
        << auth::RoleName(role);
    // Every role reads.
    EXPECT_TRUE(List(token, incident).ok()) << auth::RoleName(role);
    EXPECT_TRUE(Suggest(token, incident).ok()) << auth::RoleName(role);
  }
  EXPECT_TRUE(rows.Unchanged());
  EXPECT_EQ(Link("", incident, "principles/C03.1").status().code(),
            absl::StatusCode::kUnauthenticated);
  auto by_analyst = Link(t.analyst, incident, "principles/C03.1");
  EXPECT_TRUE(by_analyst.ok()) << by_analyst.status();
  EXPECT_TRUE(Confirm(t.analyst, seed->name()).ok());
}

TEST_F(ViolationsTest, TenantIsolation) {
  const ReportTenant a = MakeReportTenant(env(), "viol-iso-a");
  const ReportTenant b = MakeReportTenant(env(), "viol-iso-b");
  const std::string incident = MakeIncident(env(), a, "Tenant A incident");
  auto v = Link(a.analyst, incident, "principles/C04.1");
  ASSERT_TRUE(v.ok()) << v.status();
  TenantRows rows_a(a.name), rows_b(b.name);

  EXPECT_EQ(Link(b.analyst, incident, "principles/C03.1").status().code(),
            absl::StatusCode::kNotFound);
  v1::GetViolationRequest get;
  get.set_name(v->name());
  EXPECT_EQ(env().Call(&ReportStub::GetViolation, get, b.viewer).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(Confirm(b.analyst, v->name()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Unlink(b.analyst, v->name()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(List(b.viewer, incident).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Suggest(b.viewer, incident).status().code(), absl::StatusCode::kNotFound);
  auto listed = List(b.viewer, "incidents/-");
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->violations().empty());
  listed = List(b.viewer, "incidents/-", "principles/C04");
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->violations().empty());
  EXPECT_TRUE(rows_a.Unchanged());
  EXPECT_TRUE(rows_b.Unchanged());
}

}  // namespace
}  // namespace airr::report::testing
