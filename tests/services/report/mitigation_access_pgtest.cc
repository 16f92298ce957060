// Who may do what to mitigations, through the real server: bad input is INVALID_ARGUMENT naming
// the field and writes nothing; another tenant's incidents and mitigations do not exist for the
// caller; reads are open to every role, writes need follow-up (analyst, responder, admin), and a
// denied call writes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/services/report/mitigation_pgtest_util.h"

namespace airr::report::testing {
namespace {

class MitigationAccessTest : public MitigationServerTest {
 protected:
  void SetUp() override {
    t_ = MakeTenant(env(), "mit-acc");
    auto created =
        Create(env(), t_.responder, t_.incident, ValidMitigation("Existing"), "existing");
    ASSERT_TRUE(created.ok()) << created.status();
    existing_ = *created;
  }

  Tenant t_;
  v1::Mitigation existing_;
};

// One bad call: it must fail with INVALID_ARGUMENT naming exactly `field`.
struct BadInput {
  std::string name;
  std::string field;
  std::function<absl::Status(ReportEnv&, const Tenant&, const v1::Mitigation& existing)> call;
};

absl::Status CreateWith(ReportEnv& env, const Tenant& t,
                        const std::function<void(v1::CreateMitigationRequest&)>& change) {
  v1::CreateMitigationRequest request;
  request.set_parent(t.incident);
  *request.mutable_mitigation() = ValidMitigation("Bad input");
  change(request);
  return env.Call(&ReportStub::CreateMitigation, request, t.responder).status();
}

absl::Status UpdateWith(ReportEnv& env, const Tenant& t, const v1::Mitigation& existing,
                        const std::string& path,
                        const std::function<void(v1::Mitigation&)>& change) {
  v1::Mitigation patch;
  patch.set_name(existing.name());
  change(patch);
  return Update(env, t.responder, patch, {path}).status();
}

std::vector<BadInput> BadInputs() {
  using Req = v1::CreateMitigationRequest;
  return {
      {"CreateEmptyParent", "parent",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) { r.clear_parent(); });
       }},
      {"CreateWildcardParent", "parent",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) { r.set_parent("incidents/-"); });
       }},
      {"CreateBadMitigationId", "mitigation_id",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) { r.set_mitigation_id("Has Spaces"); });
       }},
      {"CreateBadRequestId", "request_id",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) { r.set_request_id("12345"); });
       }},
      {"CreateNoKind", "mitigation.kind",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) { r.mutable_mitigation()->clear_kind(); });
       }},
      {"CreateUnknownKind", "mitigation.kind",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) {
           r.mutable_mitigation()->set_kind(static_cast<v1::MitigationKind>(77));
         });
       }},
      {"CreateEmptyTitle", "mitigation.title",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) { r.mutable_mitigation()->clear_title(); });
       }},
      {"CreateTitleTooLong", "mitigation.title",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(
             e, t, [](Req& r) { r.mutable_mitigation()->set_title(std::string(201, 't')); });
       }},
      {"CreateDescriptionTooLong", "mitigation.description",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(
             e, t, [](Req& r) { r.mutable_mitigation()->set_description(std::string(4001, 'd')); });
       }},
      {"CreateEmptyOwner", "mitigation.owner",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) { r.mutable_mitigation()->clear_owner(); });
       }},
      {"CreateOwnerWithControlCharacter", "mitigation.owner",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) { r.mutable_mitigation()->set_owner("ml\x07team"); });
       }},
      {"CreateNoDueTime", "mitigation.due_time",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) { r.mutable_mitigation()->clear_due_time(); });
       }},
      {"CreateInvalidDueTime", "mitigation.due_time",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [](Req& r) {
           r.mutable_mitigation()->mutable_due_time()->set_nanos(1000000000);
         });
       }},
      {"CreateViolationOfAnotherIncident", "mitigation.violation",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [&t](Req& r) {
           r.mutable_mitigation()->set_violation(t.incident2 + "/violations/privacy");
         });
       }},
      {"CreateMissingViolation", "mitigation.violation",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return CreateWith(e, t, [&t](Req& r) {
           r.mutable_mitigation()->set_violation(t.incident + "/violations/missing");
         });
       }},
      {"GetBadName", "name",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         return Get(e, t.viewer, "mitigations/x").status();
       }},
      {"ListBadParent", "parent",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         v1::ListMitigationsRequest r;
         r.set_parent("incidents");
         return e.Call(&ReportStub::ListMitigations, r, t.viewer).status();
       }},
      {"ListNegativePageSize", "page_size",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         v1::ListMitigationsRequest r;
         r.set_parent("incidents/-");
         r.set_page_size(-5);
         return e.Call(&ReportStub::ListMitigations, r, t.viewer).status();
       }},
      {"ListForgedPageToken", "page_token",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         v1::ListMitigationsRequest r;
         r.set_parent("incidents/-");
         r.set_page_token("bm90IGEgdG9rZW4");
         return e.Call(&ReportStub::ListMitigations, r, t.viewer).status();
       }},
      {"ListUnspecifiedState", "states[0]",
       [](ReportEnv& e, const Tenant& t, const auto&) {
         v1::ListMitigationsRequest r;
         r.set_parent("incidents/-");
         r.add_states(v1::MITIGATION_STATE_UNSPECIFIED);
         return e.Call(&ReportStub::ListMitigations, r, t.viewer).status();
       }},
      {"UpdateFieldNotUpdatable", "update_mask",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation& m) {
         return UpdateWith(e, t, m, "state",
                           [](v1::Mitigation& p) { p.set_state(v1::MITIGATION_STATE_VERIFIED); });
       }},
      {"UpdateEmptyTitle", "mitigation.title",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation& m) {
         return UpdateWith(e, t, m, "title", [](v1::Mitigation&) {});
       }},
      {"UpdateClearsDueTime", "mitigation.due_time",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation& m) {
         return UpdateWith(e, t, m, "due_time", [](v1::Mitigation&) {});
       }},
      {"UpdateBadName", "mitigation.name",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation&) {
         v1::Mitigation patch;
         patch.set_name("incidents/x/violations/y");
         patch.set_title("t");
         return Update(e, t.responder, patch, {"title"}).status();
       }},
      {"UpdateMalformedEtag", "mitigation.etag",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation& m) {
         return UpdateWith(e, t, m, "title", [](v1::Mitigation& p) {
           p.set_title("t");
           p.set_etag("not-an-etag");
         });
       }},
      {"BeginMalformedEtag", "etag",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation& m) {
         return Begin(e, t.responder, m.name(), "\"zz").status();
       }},
      {"CompleteWithoutNote", "note",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation& m) {
         return Complete(e, t.responder, m.name(), "").status();
       }},
      {"CompleteNoteTooLong", "note",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation& m) {
         return Complete(e, t.responder, m.name(), std::string(4001, 'n')).status();
       }},
      {"VerifyWithoutMethod", "method",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation& m) {
         return Verify(e, t.analyst, m.name(), "").status();
       }},
      {"CancelWithoutReason", "reason",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation& m) {
         return Cancel(e, t.responder, m.name(), "").status();
       }},
      {"CancelBadName", "name",
       [](ReportEnv& e, const Tenant& t, const v1::Mitigation&) {
         return Cancel(e, t.responder, "incidents/x/mitigations/Bad").status();
       }},
  };
}

TEST_F(MitigationAccessTest, BadInputNamesTheFieldAndWritesNothing) {
  const std::vector<BadInput> cases = BadInputs();
  ASSERT_GE(cases.size(), 15u);
  TenantRows rows(t_.name);
  for (const BadInput& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_TRUE(IsInvalidField(c.call(env(), t_, existing_), c.field));
    EXPECT_TRUE(rows.Unchanged());
  }
  auto read = Get(env(), t_.viewer, existing_.name());
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->etag(), existing_.etag());
}

TEST_F(MitigationAccessTest, AnotherTenantSeesNothingAndChangesNothing) {
  PgTestDatabase& db = PgTestDatabase::Get();
  const std::string other = db.CreateTenant("mit-acc-b");
  const std::string b = db.IssueToken(other, auth::Role::kAdmin);
  const std::string b_system = env().CreateAiSystem(b, "chatbot");
  // B has a mitigation of its own, with the same mitigation id as A's, so that its lists are not
  // trivially empty.
  const std::string b_incident =
      env().CreateIncident(b, IncidentEnv::ValidIncident(b_system, "B's incident"));
  auto b_own = Create(env(), b, b_incident, ValidMitigation("B's own"), "existing");
  ASSERT_TRUE(b_own.ok()) << b_own.status();

  TenantRows a_rows(t_.name);
  auto code = [](const absl::Status& s) { return s.code(); };
  EXPECT_EQ(code(Get(env(), b, existing_.name()).status()), absl::StatusCode::kNotFound);
  EXPECT_EQ(code(Create(env(), b, t_.incident, ValidMitigation("Sneaky")).status()),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(code(Begin(env(), b, existing_.name()).status()), absl::StatusCode::kNotFound);
  EXPECT_EQ(code(Complete(env(), b, existing_.name()).status()), absl::StatusCode::kNotFound);
  EXPECT_EQ(code(Cancel(env(), b, existing_.name()).status()), absl::StatusCode::kNotFound);
  EXPECT_EQ(code(Verify(env(), b, existing_.name()).status()), absl::StatusCode::kNotFound);
  v1::Mitigation patch;
  patch.set_name(existing_.name());
  patch.set_title("Hijacked");
  EXPECT_EQ(code(Update(env(), b, patch, {"title"}).status()), absl::StatusCode::kNotFound);
  v1::ListMitigationsRequest list;
  list.set_parent(t_.incident);
  EXPECT_EQ(code(env().Call(&ReportStub::ListMitigations, list, b).status()),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(a_rows.Unchanged());

  // B's wildcard list holds only B's mitigation; A's only A's.
  list.set_parent("incidents/-");
  auto b_list = env().Call(&ReportStub::ListMitigations, list, b);
  ASSERT_TRUE(b_list.ok()) << b_list.status();
  ASSERT_EQ(b_list->mitigations_size(), 1);
  EXPECT_EQ(b_list->mitigations(0).name(), b_own->name());
  auto a_list = env().Call(&ReportStub::ListMitigations, list, t_.viewer);
  ASSERT_TRUE(a_list.ok()) << a_list.status();
  ASSERT_EQ(a_list->mitigations_size(), 1);
  EXPECT_EQ(a_list->mitigations(0).name(), existing_.name());

  // A tenant with no mitigations lists nothing.
  const std::string empty = db.CreateTenant("mit-acc-c");
  auto c_list =
      env().Call(&ReportStub::ListMitigations, list, db.IssueToken(empty, auth::Role::kViewer));
  ASSERT_TRUE(c_list.ok()) << c_list.status();
  EXPECT_EQ(c_list->mitigations_size(), 0);
  list.set_overdue_only(true);
  c_list = env().Call(&ReportStub::ListMitigations, list, db.IssueToken(empty, auth::Role::kAdmin));
  ASSERT_TRUE(c_list.ok()) << c_list.status();
  EXPECT_EQ(c_list->mitigations_size(), 0);
}

TEST_F(MitigationAccessTest, WritesNeedFollowUpReadsAreOpen) {
  // Denied roles: refused before anything is looked at, nothing written.
  for (const std::string* token : {&t_.viewer, &t_.reporter, &t_.auditor}) {
    TenantRows rows(t_.name);
    EXPECT_EQ(Create(env(), *token, t_.incident, ValidMitigation("Denied")).status().code(),
              absl::StatusCode::kPermissionDenied);
    v1::Mitigation patch;
    patch.set_name(existing_.name());
    patch.set_title("Denied");
    EXPECT_EQ(Update(env(), *token, patch, {"title"}).status().code(),
              absl::StatusCode::kPermissionDenied);
    EXPECT_EQ(Begin(env(), *token, existing_.name()).status().code(),
              absl::StatusCode::kPermissionDenied);
    EXPECT_EQ(Complete(env(), *token, existing_.name()).status().code(),
              absl::StatusCode::kPermissionDenied);
    EXPECT_EQ(Verify(env(), *token, existing_.name()).status().code(),
              absl::StatusCode::kPermissionDenied);
    EXPECT_EQ(Cancel(env(), *token, existing_.name()).status().code(),
              absl::StatusCode::kPermissionDenied);
    // Even with bad input, the permission is checked first.
    EXPECT_EQ(Create(env(), *token, "bad", v1::Mitigation()).status().code(),
              absl::StatusCode::kPermissionDenied);
    EXPECT_TRUE(rows.Unchanged());
  }
  // Every role reads.
  for (const std::string* token :
       {&t_.viewer, &t_.reporter, &t_.auditor, &t_.analyst, &t_.responder, &t_.admin}) {
    EXPECT_TRUE(Get(env(), *token, existing_.name()).ok());
    v1::ListMitigationsRequest list;
    list.set_parent("incidents/-");
    EXPECT_TRUE(env().Call(&ReportStub::ListMitigations, list, *token).ok());
  }
  // Analysts, responders and admins write.
  for (const std::string* token : {&t_.analyst, &t_.responder, &t_.admin}) {
    auto created = Create(env(), *token, t_.incident, ValidMitigation("Allowed"));
    ASSERT_TRUE(created.ok()) << created.status();
    auto begun = Begin(env(), *token, created->name());
    ASSERT_TRUE(begun.ok()) << begun.status();
    v1::Mitigation patch;
    patch.set_name(created->name());
    patch.set_owner("new-owner");
    ASSERT_TRUE(Update(env(), *token, patch, {"owner"}).ok());
    ASSERT_TRUE(Cancel(env(), *token, created->name()).ok());
  }
  ASSERT_TRUE(Complete(env(), t_.responder, existing_.name()).ok());
  EXPECT_TRUE(Verify(env(), t_.admin, existing_.name()).ok());
}

}  // namespace
}  // namespace airr::report::testing
