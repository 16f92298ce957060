// The principle catalog and the tenant's policy principles through the real server and database:
// the seeded catalog in document order with its filters and paging, Get by the guideline's ids,
// and the policy principle lifecycle (create, code uniqueness, catalog checks, update with mask
// and etag, soft delete), with the audit trail, outbox events, roles and tenant isolation.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/field_mask.pb.h"
#include "tests/services/report/report_pgtest_util.h"

namespace airr::report::testing {
namespace {

class PrinciplesTest : public ReportServerTest {
 protected:
  static absl::StatusOr<v1::ListPrinciplesResponse> ListCatalog(
      const std::string& token, v1::PrincipleKind kind = v1::PRINCIPLE_KIND_UNSPECIFIED,
      const std::string& parent = "", int page_size = 0, const std::string& page_token = "") {
    v1::ListPrinciplesRequest request;
    request.set_kind(kind);
    request.set_parent(parent);
    request.set_page_size(page_size);
    request.set_page_token(page_token);
    return env().Call(&ReportStub::ListPrinciples, request, token);
  }
  static std::vector<std::string> Names(const v1::ListPrinciplesResponse& r) {
    std::vector<std::string> names;
    for (const auto& p : r.principles()) {
      names.push_back(p.name());
    }
    return names;
  }
  static v1::PolicyPrinciple Policy(const std::string& code, std::vector<std::string> mapped) {
    v1::PolicyPrinciple p;
    p.set_code(code);
    p.set_title("Fairness: we treat everyone alike");
    p.set_description("Item 3 of the company AI policy.");
    for (auto& m : mapped) {
      p.add_mapped_principles(m);
    }
    return p;
  }
  static absl::StatusOr<v1::PolicyPrinciple> Create(const std::string& token, const std::string& id,
                                                    const v1::PolicyPrinciple& p) {
    v1::CreatePolicyPrincipleRequest request;
    *request.mutable_policy_principle() = p;
    request.set_policy_principle_id(id);
    return env().Call(&ReportStub::CreatePolicyPrinciple, request, token);
  }
  static absl::StatusOr<v1::ListPolicyPrinciplesResponse> ListPolicies(
      const std::string& token, bool show_deleted = false, int page_size = 0,
      const std::string& page_token = "") {
    v1::ListPolicyPrinciplesRequest request;
    request.set_show_deleted(show_deleted);
    request.set_page_size(page_size);
    request.set_page_token(page_token);
    return env().Call(&ReportStub::ListPolicyPrinciples, request, token);
  }
  static std::vector<std::string> Codes(const v1::ListPolicyPrinciplesResponse& r) {
    std::vector<std::string> codes;
    for (const auto& p : r.policy_principles()) {
      codes.push_back(p.code());
    }
    return codes;
  }
};

TEST_F(PrinciplesTest, CatalogInDocumentOrder) {
  const ReportTenant t = MakeReportTenant(env(), "pr-catalog");
  auto all = ListCatalog(t.viewer);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->principles_size(), 53);  // 10 common principles, 31 sub-items, 12 ADV
  EXPECT_TRUE(all->next_page_token().empty());
  EXPECT_EQ(all->principles(0).name(), "principles/C01");
  EXPECT_EQ(all->principles(1).name(), "principles/C01.1");
  EXPECT_EQ(all->principles(52).name(), "principles/ADV12");
  for (int i = 1; i < all->principles_size(); ++i) {
    EXPECT_LT(all->principles(i - 1).sort_order(), all->principles(i).sort_order());
  }

  // Pages of seven give the same list; a token is bound to its query.
  std::vector<std::string> paged;
  std::string token;
  int pages = 0;
  do {
    auto page = ListCatalog(t.viewer, v1::PRINCIPLE_KIND_UNSPECIFIED, "", 7, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& name : Names(*page)) {
      paged.push_back(name);
    }
    token = page->next_page_token();
    if (pages == 0) {
      EXPECT_TRUE(IsInvalidField(
          ListCatalog(t.viewer, v1::PRINCIPLE_KIND_SUB_ITEM, "", 7, token).status(), "page_token"));
    }
    ++pages;
  } while (!token.empty() && pages < 20);
  EXPECT_EQ(paged, Names(*all));
  EXPECT_EQ(pages, 8);

  auto subs = ListCatalog(t.viewer, v1::PRINCIPLE_KIND_SUB_ITEM);
  ASSERT_TRUE(subs.ok());
  EXPECT_EQ(subs->principles_size(), 31);
  auto adv = ListCatalog(t.viewer, v1::PRINCIPLE_KIND_ADVANCED_AI_PRINCIPLE);
  ASSERT_TRUE(adv.ok());
  EXPECT_EQ(adv->principles_size(), 12);
  auto fairness = ListCatalog(t.viewer, v1::PRINCIPLE_KIND_UNSPECIFIED, "principles/C03");
  ASSERT_TRUE(fairness.ok()) << fairness.status();
  EXPECT_EQ(Names(*fairness), (std::vector<std::string>{"principles/C03.1", "principles/C03.2"}));
  EXPECT_TRUE(IsInvalidField(
      ListCatalog(t.viewer, v1::PRINCIPLE_KIND_UNSPECIFIED, "principles/C03.1").status(),
      "parent"));
  EXPECT_TRUE(
      IsInvalidField(ListCatalog(t.viewer, static_cast<v1::PrincipleKind>(7)).status(), "kind"));
}

TEST_F(PrinciplesTest, GetPrinciple) {
  const ReportTenant t = MakeReportTenant(env(), "pr-get");
  v1::GetPrincipleRequest request;
  request.set_name("principles/C03.1");
  auto sub = env().Call(&ReportStub::GetPrinciple, request, t.viewer);
  ASSERT_TRUE(sub.ok()) << sub.status();
  EXPECT_EQ(sub->kind(), v1::PRINCIPLE_KIND_SUB_ITEM);
  EXPECT_EQ(sub->parent(), "principles/C03");
  EXPECT_EQ(sub->obligation_level(), v1::OBLIGATION_LEVEL_SHOULD);
  EXPECT_EQ(sub->edition(), "meti-mic-aigb-2024-draft");
  EXPECT_EQ(sub->sort_order(), 301);
  EXPECT_FALSE(sub->title_ja().empty());
  EXPECT_FALSE(sub->source_lines().empty());

  request.set_name("principles/C08");
  auto literacy = env().Call(&ReportStub::GetPrinciple, request, t.viewer);
  ASSERT_TRUE(literacy.ok());
  EXPECT_EQ(literacy->kind(), v1::PRINCIPLE_KIND_COMMON_PRINCIPLE);
  EXPECT_EQ(literacy->code(), "EDUCATION_LITERACY");
  EXPECT_EQ(literacy->obligation_level(), v1::OBLIGATION_LEVEL_EXPECTED);
  EXPECT_TRUE(literacy->parent().empty());

  request.set_name("principles/ADV02");
  auto adv = env().Call(&ReportStub::GetPrinciple, request, t.viewer);
  ASSERT_TRUE(adv.ok());
  EXPECT_EQ(adv->kind(), v1::PRINCIPLE_KIND_ADVANCED_AI_PRINCIPLE);
  for (const auto& related : adv->related_principles()) {
    EXPECT_TRUE(absl::StartsWith(related, "principles/C")) << related;
  }

  request.set_name("principles/C99");
  EXPECT_EQ(env().Call(&ReportStub::GetPrinciple, request, t.viewer).status().code(),
            absl::StatusCode::kNotFound);
  request.set_name("principles/c03");
  EXPECT_TRUE(
      IsInvalidField(env().Call(&ReportStub::GetPrinciple, request, t.viewer).status(), "name"));
}

TEST_F(PrinciplesTest, PolicyPrincipleLifecycle) {
  const ReportTenant t = MakeReportTenant(env(), "pr-policy");
  auto created =
      Create(t.analyst, "p3-fairness", Policy("P3", {"principles/C03", "principles/C03.1"}));
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->name(), "policyPrinciples/p3-fairness");
  EXPECT_EQ(created->mapped_principles_size(), 2);
  EXPECT_EQ(created->mapped_principles(1), "principles/C03.1");
  EXPECT_FALSE(created->etag().empty());
  EXPECT_FALSE(created->has_delete_time());
  EXPECT_EQ(AuditRows(t, created->name()), 1);

  TenantRows rows(t.name);
  EXPECT_TRUE(
      HasCodeAndReason(Create(t.analyst, "p3-fairness", Policy("P9", {"principles/C03"})).status(),
                       absl::StatusCode::kAlreadyExists, "RESOURCE_EXISTS"));
  const absl::Status code_taken =
      Create(t.analyst, "p3-other", Policy("P3", {"principles/C03"})).status();
  EXPECT_TRUE(HasCodeAndReason(code_taken, absl::StatusCode::kAlreadyExists, "CODE_TAKEN"));
  EXPECT_EQ(ErrorMetadata(code_taken)["policy_principle"], created->name());
  EXPECT_TRUE(IsInvalidField(
      Create(t.analyst, "p4", Policy("P4", {"principles/C04", "principles/C04.9"})).status(),
      "policy_principle.mapped_principles[1]"));
  EXPECT_TRUE(rows.Unchanged());

  // Update with a mask and the etag read.
  v1::UpdatePolicyPrincipleRequest update;
  update.mutable_policy_principle()->set_name(created->name());
  update.mutable_policy_principle()->set_title("Fairness and non-discrimination");
  update.mutable_policy_principle()->add_mapped_principles("principles/C03.2");
  update.mutable_policy_principle()->set_code("ignored, not in the mask");
  update.mutable_policy_principle()->set_etag(created->etag());
  update.mutable_update_mask()->add_paths("title");
  update.mutable_update_mask()->add_paths("mapped_principles");
  auto updated = env().Call(&ReportStub::UpdatePolicyPrinciple, update, t.analyst);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title(), "Fairness and non-discrimination");
  EXPECT_EQ(updated->code(), "P3");
  EXPECT_EQ(updated->description(), created->description());
  ASSERT_EQ(updated->mapped_principles_size(), 1);
  EXPECT_EQ(updated->mapped_principles(0), "principles/C03.2");
  EXPECT_NE(updated->etag(), created->etag());
  // The etag read before is stale now.
  rows.Retake();
  EXPECT_EQ(env().Call(&ReportStub::UpdatePolicyPrinciple, update, t.analyst).status().code(),
            absl::StatusCode::kAborted);
  // A masked field that breaks a rule is refused as a field of the request.
  update.mutable_policy_principle()->set_etag(updated->etag());
  update.mutable_policy_principle()->set_title("");
  EXPECT_TRUE(
      IsInvalidField(env().Call(&ReportStub::UpdatePolicyPrinciple, update, t.analyst).status(),
                     "policy_principle.title"));
  EXPECT_TRUE(rows.Unchanged());

  auto second = Create(t.admin, "p1-human", Policy("P1", {"principles/C01"}));
  ASSERT_TRUE(second.ok()) << second.status();
  auto listed = ListPolicies(t.viewer);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(Codes(*listed), (std::vector<std::string>{"P1", "P3"}));

  v1::DeletePolicyPrincipleRequest del;
  del.set_name(created->name());
  del.set_etag(updated->etag());
  auto deleted = env().Call(&ReportStub::DeletePolicyPrinciple, del, t.analyst);
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  EXPECT_TRUE(deleted->has_delete_time());
  EXPECT_EQ(OutboxTopics(t, created->name()),
            (std::vector<std::string>{"report.policy_principle.created",
                                      "report.policy_principle.updated",
                                      "report.policy_principle.deleted"}));
  EXPECT_EQ(AuditRows(t, created->name()), 3);

  // Deleted: still readable, listed on request, no longer changeable, code free again.
  v1::GetPolicyPrincipleRequest get;
  get.set_name(created->name());
  auto got = env().Call(&ReportStub::GetPolicyPrinciple, get, t.viewer);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->has_delete_time());
  listed = ListPolicies(t.viewer);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(Codes(*listed), std::vector<std::string>{"P1"});
  listed = ListPolicies(t.viewer, /*show_deleted=*/true);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(Codes(*listed), (std::vector<std::string>{"P1", "P3"}));
  del.clear_etag();
  EXPECT_EQ(env().Call(&ReportStub::DeletePolicyPrinciple, del, t.analyst).status().code(),
            absl::StatusCode::kNotFound);
  update.mutable_policy_principle()->set_title("Again");
  update.mutable_policy_principle()->clear_etag();
  EXPECT_EQ(env().Call(&ReportStub::UpdatePolicyPrinciple, update, t.analyst).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(Create(t.analyst, "p3-fairness-v2", Policy("P3", {"principles/C03"})).ok());
}

TEST_F(PrinciplesTest, PolicyPaging) {
  const ReportTenant t = MakeReportTenant(env(), "pr-paging");
  for (int i = 5; i >= 1; --i) {
    ASSERT_TRUE(Create(t.analyst, absl::StrCat("p", i),
                       Policy(absl::StrCat("P", i), {"principles/C0" + absl::StrCat(i)}))
                    .ok());
  }
  std::vector<std::string> codes;
  std::string token;
  int pages = 0;
  do {
    auto page = ListPolicies(t.viewer, false, 2, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& c : Codes(*page)) {
      codes.push_back(c);
    }
    token = page->next_page_token();
    if (pages == 0) {
      EXPECT_TRUE(IsInvalidField(ListPolicies(t.viewer, true, 2, token).status(), "page_token"));
    }
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(codes, (std::vector<std::string>{"P1", "P2", "P3", "P4", "P5"}));
}

TEST_F(PrinciplesTest, RolesAndTenants) {
  const ReportTenant a = MakeReportTenant(env(), "pr-roles-a");
  const ReportTenant b = MakeReportTenant(env(), "pr-roles-b");
  TenantRows rows_a(a.name);
  for (auth::Role role :
       {auth::Role::kViewer, auth::Role::kReporter, auth::Role::kResponder, auth::Role::kAuditor}) {
    EXPECT_EQ(Create(a.token(role), "p1", Policy("P1", {"principles/C01"})).status().code(),
              absl::StatusCode::kPermissionDenied)
        << auth::RoleName(role);
    EXPECT_TRUE(ListCatalog(a.token(role)).ok()) << auth::RoleName(role);
  }
  EXPECT_TRUE(rows_a.Unchanged());
  auto created = Create(a.analyst, "p1", Policy("P1", {"principles/C01"}));
  ASSERT_TRUE(created.ok()) << created.status();

  // Tenant B neither sees nor changes A's principle, and may use the same id and code.
  TenantRows after_a(a.name);
  v1::GetPolicyPrincipleRequest get;
  get.set_name(created->name());
  EXPECT_EQ(env().Call(&ReportStub::GetPolicyPrinciple, get, b.viewer).status().code(),
            absl::StatusCode::kNotFound);
  v1::DeletePolicyPrincipleRequest del;
  del.set_name(created->name());
  EXPECT_EQ(env().Call(&ReportStub::DeletePolicyPrinciple, del, b.analyst).status().code(),
            absl::StatusCode::kNotFound);
  auto listed = ListPolicies(b.viewer, true);
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->policy_principles().empty());
  EXPECT_TRUE(Create(b.analyst, "p1", Policy("P1", {"principles/C01"})).ok());
  EXPECT_TRUE(after_a.Unchanged());
}

}  // namespace
}  // namespace airr::report::testing
