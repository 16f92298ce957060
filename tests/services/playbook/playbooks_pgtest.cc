// Playbooks through the real server: create, read, list and update (each update a new version,
// older versions readable unchanged), etags, archive, the audit rows and outbox events of each
// write, who may write (analyst, responder, admin) and who may only read, and tenant isolation.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/api/etag.h"
#include "services/playbook/playbook_fields.h"
#include "tests/services/playbook/playbook_pgtest_util.h"

namespace airr::playbook::testing {
namespace {

using google::protobuf::util::MessageDifferencer;

class PlaybooksTest : public PlaybookServerTest {
 protected:
  absl::StatusOr<v1::Playbook> Create(const std::string& token, const std::string& id,
                                      const v1::Playbook& playbook) {
    v1::CreatePlaybookRequest r;
    r.set_playbook_id(id);
    *r.mutable_playbook() = playbook;
    return env().Call(&PlaybookStub::CreatePlaybook, r, token);
  }
  absl::StatusOr<v1::Playbook> Get(const std::string& token, const std::string& name) {
    v1::GetPlaybookRequest r;
    r.set_name(name);
    return env().Call(&PlaybookStub::GetPlaybook, r, token);
  }
  absl::StatusOr<v1::Playbook> Update(const std::string& token, const v1::Playbook& patch,
                                      const std::vector<std::string>& paths) {
    v1::UpdatePlaybookRequest r;
    *r.mutable_playbook() = patch;
    for (const auto& path : paths) {
      r.mutable_update_mask()->add_paths(path);
    }
    return env().Call(&PlaybookStub::UpdatePlaybook, r, token);
  }
  absl::StatusOr<v1::Playbook> Archive(const std::string& token, const std::string& name,
                                       const std::string& etag = "") {
    v1::ArchivePlaybookRequest r;
    r.set_name(name);
    r.set_etag(etag);
    return env().Call(&PlaybookStub::ArchivePlaybook, r, token);
  }
  absl::StatusOr<v1::ListPlaybookVersionsResponse> Versions(const std::string& token,
                                                            const std::string& name,
                                                            int page_size = 0,
                                                            const std::string& page_token = "") {
    v1::ListPlaybookVersionsRequest r;
    r.set_name(name);
    r.set_page_size(page_size);
    r.set_page_token(page_token);
    return env().Call(&PlaybookStub::ListPlaybookVersions, r, token);
  }
  absl::StatusOr<v1::ListPlaybooksResponse> List(const std::string& token, bool show_archived,
                                                 int page_size = 0,
                                                 const std::string& page_token = "") {
    v1::ListPlaybooksRequest r;
    r.set_show_archived(show_archived);
    r.set_page_size(page_size);
    r.set_page_token(page_token);
    return env().Call(&PlaybookStub::ListPlaybooks, r, token);
  }
  // The ids of every playbook the holder of `token` lists, page by page (page size 2).
  std::vector<std::string> ListAll(const std::string& token, bool show_archived) {
    std::vector<std::string> names;
    std::string page_token;
    do {
      auto page = List(token, show_archived, 2, page_token);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) {
        break;
      }
      EXPECT_LE(page->playbooks_size(), 2);
      for (const auto& p : page->playbooks()) {
        names.push_back(p.name());
      }
      page_token = page->next_page_token();
    } while (!page_token.empty());
    return names;
  }
};

// The definition fields of `p`, to compare versions.
v1::Playbook Def(const v1::Playbook& p) { return DefinitionOf(p); }

TEST_F(PlaybooksTest, CreateGetUpdateKeepsEveryVersion) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-round");
  v1::Playbook sample = SamplePlaybook();
  sample.set_change_note("First edition, after the readiness workshop.");
  auto created = Create(t.analyst, "first-response", sample);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->name(), "playbooks/first-response");
  EXPECT_EQ(created->version(), 1);
  EXPECT_EQ(created->etag(), api::FormatEtag(1));
  EXPECT_EQ(created->change_note(), "First edition, after the readiness workshop.");
  EXPECT_TRUE(absl::StartsWith(created->version_author(), "analyst-")) << created->version_author();
  EXPECT_TRUE(created->has_create_time());
  EXPECT_TRUE(MessageDifferencer::Equals(created->create_time(), created->update_time()));
  EXPECT_TRUE(MessageDifferencer::Equals(created->create_time(), created->version_create_time()));
  EXPECT_FALSE(created->has_archive_time());
  EXPECT_FALSE(created->has_last_drill_time());
  // The unset drill interval is stored as its default, so every reader sees it.
  EXPECT_EQ(created->drill_interval().seconds(), 365 * 24 * 3600);
  v1::Playbook expected_def = Def(sample);
  *expected_def.mutable_drill_interval() = created->drill_interval();
  EXPECT_TRUE(MessageDifferencer::Equals(Def(*created), expected_def)) << created->DebugString();

  auto got = Get(t.viewer, created->name());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*got, *created)) << got->DebugString();

  // Version 2: a new step list and title, sent with the current etag.
  v1::Playbook patch;
  patch.set_name(created->name());
  patch.set_etag(created->etag());
  patch.set_display_name("AI incident first response (v2)");
  *patch.mutable_steps() = sample.steps();
  patch.mutable_steps(4)->set_title("Recover and verify");
  patch.set_change_note("Recovery now includes verification.");
  auto v2 = Update(t.responder, patch, {"display_name", "steps"});
  ASSERT_TRUE(v2.ok()) << v2.status();
  EXPECT_EQ(v2->version(), 2);
  EXPECT_EQ(v2->etag(), api::FormatEtag(2));
  EXPECT_EQ(v2->display_name(), "AI incident first response (v2)");
  EXPECT_EQ(v2->steps(4).title(), "Recover and verify");
  EXPECT_EQ(v2->owner(), sample.owner());  // not in the mask: kept
  EXPECT_EQ(v2->change_note(), "Recovery now includes verification.");
  EXPECT_TRUE(absl::StartsWith(v2->version_author(), "responder-")) << v2->version_author();
  EXPECT_TRUE(MessageDifferencer::Equals(v2->create_time(), created->create_time()));

  // Get shows the current version; the list of versions shows both, newest first, and version 1
  // reads exactly as it was created.
  got = Get(t.viewer, created->name());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->version(), 2);
  auto versions = Versions(t.viewer, created->name());
  ASSERT_TRUE(versions.ok()) << versions.status();
  ASSERT_EQ(versions->versions_size(), 2);
  EXPECT_EQ(versions->versions(0).version(), 2);
  EXPECT_EQ(versions->versions(1).version(), 1);
  EXPECT_TRUE(MessageDifferencer::Equals(Def(versions->versions(1)), Def(*created)));
  EXPECT_EQ(versions->versions(1).change_note(), created->change_note());
  EXPECT_EQ(versions->versions(1).version_author(), created->version_author());
  EXPECT_TRUE(MessageDifferencer::Equals(versions->versions(1).version_create_time(),
                                         created->version_create_time()));
  EXPECT_TRUE(MessageDifferencer::Equals(Def(versions->versions(0)), Def(*v2)));
  EXPECT_TRUE(versions->next_page_token().empty());

  // The stored rows agree: two immutable versions, the playbooks row at version 2.
  EXPECT_EQ(::airr::testing::TenantRowCount("playbook_versions", t.name), 2);
}

TEST_F(PlaybooksTest, UpdateMaskRulesAndDerivedColumns) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-mask");
  auto created = Create(t.analyst, "mask", SamplePlaybook());
  ASSERT_TRUE(created.ok()) << created.status();

  // An empty mask updates the populated updatable fields: here the triggers and drill interval.
  v1::Playbook patch;
  patch.set_name(created->name());
  patch.mutable_triggers()->add_severities(iv1::SEVERITY_SEV2);
  patch.mutable_triggers()->set_auto_start(true);
  *patch.mutable_drill_interval() = Minutes(60 * 24 * 30);
  auto v2 = Update(t.analyst, patch, {});
  ASSERT_TRUE(v2.ok()) << v2.status();
  EXPECT_EQ(v2->triggers().severities_size(), 1);
  EXPECT_EQ(v2->triggers().severities(0), iv1::SEVERITY_SEV2);
  EXPECT_FALSE(v2->triggers().bcp());  // triggers are replaced whole
  EXPECT_EQ(v2->drill_interval().seconds(), 30 * 24 * 3600);
  EXPECT_EQ(v2->steps_size(), 5);
  const std::string tenant_id = ::airr::testing::TenantId(t.name);
  auto row = ::airr::testing::QueryRows(absl::StrCat(
      "SELECT current_version, auto_start, drill_interval_seconds FROM playbooks WHERE tenant_id "
      "= '",
      tenant_id, "' AND id = 'mask'"));
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0], (std::vector<std::string>{"2", "t", std::to_string(30 * 24 * 3600)}));

  // Clearing the drill interval through the mask brings back the default.
  v1::Playbook clear;
  clear.set_name(created->name());
  auto v3 = Update(t.analyst, clear, {"drill_interval"});
  ASSERT_TRUE(v3.ok()) << v3.status();
  EXPECT_EQ(v3->drill_interval().seconds(), 365 * 24 * 3600);

  // "*" replaces every updatable field: an empty patch is then invalid (no title, no steps).
  v1::Playbook everything;
  everything.set_name(created->name());
  auto star = Update(t.analyst, everything, {"*"});
  EXPECT_EQ(star.status().code(), absl::StatusCode::kInvalidArgument) << star.status();
  EXPECT_EQ(
      ViolatedFields(star.status()),
      (std::vector<std::string>{"playbook.display_name", "playbook.owner", "playbook.steps"}));
}

TEST_F(PlaybooksTest, StaleEtagIsAbortedAndWritesNothing) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-etag");
  auto created = Create(t.analyst, "etag", SamplePlaybook());
  ASSERT_TRUE(created.ok()) << created.status();
  v1::Playbook patch;
  patch.set_name(created->name());
  patch.set_etag(created->etag());
  patch.set_owner("Crisis team");
  ASSERT_TRUE(Update(t.analyst, patch, {"owner"}).ok());

  TenantRows rows(t.name);
  patch.set_owner("Someone else");
  auto stale = Update(t.analyst, patch, {"owner"});
  EXPECT_TRUE(HasCodeAndReason(stale.status(), absl::StatusCode::kAborted, "ETAG_MISMATCH"))
      << stale.status();
  auto stale_archive = Archive(t.analyst, created->name(), created->etag());
  EXPECT_TRUE(
      HasCodeAndReason(stale_archive.status(), absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  EXPECT_TRUE(rows.Unchanged());
  auto got = Get(t.viewer, created->name());
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->owner(), "Crisis team");

  // With the current etag (or none) the update goes through.
  patch.set_etag(got->etag());
  auto fresh = Update(t.analyst, patch, {"owner"});
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  EXPECT_EQ(fresh->version(), 3);
  patch.clear_etag();
  patch.set_owner("Risk office");
  EXPECT_TRUE(Update(t.analyst, patch, {"owner"}).ok());
}

TEST_F(PlaybooksTest, ArchivedPlaybookStaysReadableButRefusesWrites) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-arch");
  auto kept = Create(t.analyst, "kept", SamplePlaybook("Kept"));
  auto gone = Create(t.analyst, "gone", SamplePlaybook("Gone"));
  ASSERT_TRUE(kept.ok() && gone.ok());
  auto archived = Archive(t.responder, gone->name(), gone->etag());
  ASSERT_TRUE(archived.ok()) << archived.status();
  EXPECT_TRUE(archived->has_archive_time());
  EXPECT_EQ(archived->version(), 1);  // archiving adds no version

  TenantRows rows(t.name);
  v1::Playbook patch;
  patch.set_name(gone->name());
  patch.set_owner("Nobody");
  auto update = Update(t.analyst, patch, {"owner"});
  EXPECT_TRUE(HasCodeAndReason(update.status(), absl::StatusCode::kFailedPrecondition, "ARCHIVED"))
      << update.status();
  auto again = Archive(t.analyst, gone->name());
  EXPECT_TRUE(HasCodeAndReason(again.status(), absl::StatusCode::kFailedPrecondition, "ARCHIVED"));
  EXPECT_TRUE(rows.Unchanged());

  auto got = Get(t.viewer, gone->name());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(got->has_archive_time());
  auto versions = Versions(t.viewer, gone->name());
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(versions->versions_size(), 1);
  EXPECT_EQ(ListAll(t.viewer, false), std::vector<std::string>{"playbooks/kept"});
  EXPECT_EQ(ListAll(t.viewer, true),
            (std::vector<std::string>{"playbooks/gone", "playbooks/kept"}));
}

TEST_F(PlaybooksTest, EachWriteLeavesAnAuditRowAndAnEvent) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-audit");
  auto created = Create(t.analyst, "audited", SamplePlaybook());
  ASSERT_TRUE(created.ok());
  v1::Playbook patch;
  patch.set_name(created->name());
  patch.set_purpose("Changed purpose.");
  ASSERT_TRUE(Update(t.analyst, patch, {"purpose"}).ok());
  ASSERT_TRUE(Archive(t.admin, created->name()).ok());
  EXPECT_EQ(AuditRows(t, created->name()), 3);
  EXPECT_EQ(
      OutboxTopics(t, created->name()),
      (std::vector<std::string>{"playbook.created", "playbook.updated", "playbook.archived"}));
  // The audit row of the update holds the before and after images.
  auto images = ::airr::testing::QueryRows(absl::StrCat(
      "SELECT a.before->>'version', a.after->>'version', a.after->>'purpose' "
      "FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.name = '",
      t.name, "' AND a.resource_name = 'playbooks/audited' ORDER BY a.seq LIMIT 1 OFFSET 1"));
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0], (std::vector<std::string>{"1", "2", "Changed purpose."}));
}

TEST_F(PlaybooksTest, TakenIdIsAlreadyExistsAndWritesNothing) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-taken");
  ASSERT_TRUE(Create(t.analyst, "taken", SamplePlaybook()).ok());
  TenantRows rows(t.name);
  auto again = Create(t.responder, "taken", SamplePlaybook("Another"));
  EXPECT_TRUE(HasCodeAndReason(again.status(), absl::StatusCode::kAlreadyExists, "RESOURCE_EXISTS"))
      << again.status();
  EXPECT_TRUE(rows.Unchanged());
}

TEST_F(PlaybooksTest, ReadOnlyRolesCannotWriteAndWriteNothing) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-roles");
  auto existing = Create(t.analyst, "existing", SamplePlaybook());
  ASSERT_TRUE(existing.ok()) << existing.status();
  for (auth::Role role : {auth::Role::kViewer, auth::Role::kReporter, auth::Role::kAuditor}) {
    SCOPED_TRACE(auth::RoleName(role));
    const std::string& token = t.token(role);
    TenantRows rows(t.name);
    EXPECT_EQ(Create(token, "denied", SamplePlaybook()).status().code(),
              absl::StatusCode::kPermissionDenied);
    v1::Playbook patch;
    patch.set_name(existing->name());
    patch.set_owner("x");
    EXPECT_EQ(Update(token, patch, {"owner"}).status().code(), absl::StatusCode::kPermissionDenied);
    EXPECT_EQ(Archive(token, existing->name()).status().code(),
              absl::StatusCode::kPermissionDenied);
    EXPECT_TRUE(rows.Unchanged());
    // Reading is open to every role.
    EXPECT_TRUE(Get(token, existing->name()).ok());
    EXPECT_TRUE(List(token, true).ok());
    EXPECT_TRUE(Versions(token, existing->name()).ok());
    EXPECT_TRUE(env().Call(&PlaybookStub::ListDrillsDue, v1::ListDrillsDueRequest(), token).ok());
  }
  // Analysts, responders and admins write playbooks.
  int n = 0;
  for (auth::Role role : {auth::Role::kAnalyst, auth::Role::kResponder, auth::Role::kAdmin}) {
    SCOPED_TRACE(auth::RoleName(role));
    const std::string id = absl::StrCat("by-", auth::RoleName(role));
    auto created = Create(t.token(role), id, SamplePlaybook());
    ASSERT_TRUE(created.ok()) << created.status();
    v1::Playbook patch;
    patch.set_name(existing->name());
    patch.set_owner(absl::StrCat("owner ", ++n));
    EXPECT_TRUE(Update(t.token(role), patch, {"owner"}).ok());
    EXPECT_TRUE(Archive(t.token(role), created->name()).ok());
  }
}

TEST_F(PlaybooksTest, AnotherTenantsPlaybooksDoNotExist) {
  const ReportTenant a = MakeReportTenant(env().base(), "pb-iso-a");
  const ReportTenant b = MakeReportTenant(env().base(), "pb-iso-b");
  auto mine = Create(a.analyst, "shared-id", SamplePlaybook("Tenant A's plan"));
  ASSERT_TRUE(mine.ok()) << mine.status();

  TenantRows rows_a(a.name);
  EXPECT_EQ(Get(b.admin, mine->name()).status().code(), absl::StatusCode::kNotFound);
  v1::Playbook patch;
  patch.set_name(mine->name());
  patch.set_owner("Intruder");
  EXPECT_EQ(Update(b.admin, patch, {"owner"}).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Archive(b.admin, mine->name()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Versions(b.admin, mine->name()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(ListAll(b.admin, true).empty());
  EXPECT_TRUE(rows_a.Unchanged());

  // The same id is free in the other tenant, and each sees only its own.
  auto theirs = Create(b.analyst, "shared-id", SamplePlaybook("Tenant B's plan"));
  ASSERT_TRUE(theirs.ok()) << theirs.status();
  auto got_a = Get(a.viewer, "playbooks/shared-id");
  auto got_b = Get(b.viewer, "playbooks/shared-id");
  ASSERT_TRUE(got_a.ok() && got_b.ok());
  EXPECT_EQ(got_a->display_name(), "Tenant A's plan");
  EXPECT_EQ(got_b->display_name(), "Tenant B's plan");
  EXPECT_EQ(ListAll(a.viewer, true), std::vector<std::string>{"playbooks/shared-id"});
}

TEST_F(PlaybooksTest, ListsPageByIdAndVersionsPageNewestFirst) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-pages");
  for (const char* id : {"echo", "alpha", "delta", "charlie", "bravo"}) {
    ASSERT_TRUE(Create(t.analyst, id, SamplePlaybook(id)).ok());
  }
  EXPECT_EQ(ListAll(t.viewer, false),
            (std::vector<std::string>{"playbooks/alpha", "playbooks/bravo", "playbooks/charlie",
                                      "playbooks/delta", "playbooks/echo"}));
  // A token is bound to its query.
  auto first = List(t.viewer, false, 2);
  ASSERT_TRUE(first.ok());
  ASSERT_FALSE(first->next_page_token().empty());
  EXPECT_TRUE(
      IsInvalidField(List(t.viewer, true, 2, first->next_page_token()).status(), "page_token"));

  for (int i = 2; i <= 5; ++i) {
    v1::Playbook patch;
    patch.set_name("playbooks/alpha");
    patch.set_purpose(absl::StrCat("Edition ", i));
    ASSERT_TRUE(Update(t.analyst, patch, {"purpose"}).ok());
  }
  std::vector<int> seen;
  std::string token;
  do {
    auto page = Versions(t.viewer, "playbooks/alpha", 2, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& v : page->versions()) {
      seen.push_back(v.version());
      EXPECT_EQ(v.purpose(), v.version() == 1 ? SamplePlaybook().purpose()
                                              : absl::StrCat("Edition ", v.version()));
    }
    token = page->next_page_token();
  } while (!token.empty());
  EXPECT_EQ(seen, (std::vector<int>{5, 4, 3, 2, 1}));
  // A versions token is bound to its playbook.
  auto v_first = Versions(t.viewer, "playbooks/alpha", 2);
  ASSERT_TRUE(v_first.ok());
  EXPECT_TRUE(IsInvalidField(
      Versions(t.viewer, "playbooks/bravo", 2, v_first->next_page_token()).status(), "page_token"));
}

}  // namespace
}  // namespace airr::playbook::testing
