// Auto-start of runs through the real in-process server and its background consumer of the
// incident outbox: triaging a matching incident starts exactly one AUTOMATIC run of each
// automatic playbook's current version, and nothing else starts one (other severities, manual or
// archived playbooks, other tenants); exactly one run also when the service was down at triage
// time and restarts, when several consumers follow the outbox at once, and again after a reopen
// once the earlier run was aborted.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "libs/pg/outbox_consumer.h"
#include "libs/pg/outbox_listener.h"
#include "libs/pg/pool.h"
#include "services/playbook/auto_starter.h"
#include "tests/services/playbook/playbook_pgtest_util.h"

namespace airr::playbook::testing {
namespace {

using ::airr::testing::CallUnary;
using ::airr::testing::IncidentEnv;
using ::airr::testing::TenantId;
using ::google::protobuf::util::TimeUtil;

// How long the tests wait for the consumer; they stop waiting as soon as it is done.
constexpr absl::Duration kWait = absl::Seconds(60);

// An automatic playbook answering `severities`.
v1::Playbook AutoPlaybook(std::vector<iv1::Severity> severities,
                          const std::string& display_name = "Automatic first response") {
  v1::Playbook p = SamplePlaybook(display_name);
  p.mutable_triggers()->clear_severities();
  for (iv1::Severity s : severities) {
    p.mutable_triggers()->add_severities(s);
  }
  p.mutable_triggers()->set_auto_start(true);
  return p;
}

// Creates an incident and triages it at `severity`; returns its name.
std::string TriagedIncident(PlaybookEnv& env, const ReportTenant& t, const std::string& title,
                            iv1::Severity severity) {
  const std::string name = MakeIncident(env.base(), t, title);
  const absl::Status triaged = TriageIncident(env, t.admin, name, severity);
  EXPECT_TRUE(triaged.ok()) << triaged;
  return name;
}

// The number of the tenant's runs (on `incident` when not empty), counted as the superuser.
int64_t RunCount(const ReportTenant& t, const std::string& incident = "",
                 const std::string& extra = "") {
  std::string where = absl::StrCat("tenant_id = '", TenantId(t.name), "'");
  if (!incident.empty()) {
    absl::StrAppend(&where, " AND 'incidents/' || incident_id = '", incident, "'");
  }
  absl::StrAppend(&where, extra);
  return std::stoll(
      PgTestDatabase::Get().QueryValue("SELECT count(*) FROM playbook_runs WHERE " + where));
}

// True once the auto-start cursor of the tenant has passed every incident event it handles.
bool Consumed(const ReportTenant& t) {
  const std::string id = TenantId(t.name);
  return PgTestDatabase::Get().QueryValue(absl::StrCat(
             "SELECT COALESCE((SELECT last_id FROM outbox_cursors WHERE tenant_id = '", id,
             "' AND consumer = '", kAutoStartConsumer,
             "'), 0) >= ", "COALESCE((SELECT max(id) FROM outbox_events WHERE tenant_id = '", id,
             "' AND topic IN ('incident.triaged', 'incident.reopened')), 0)")) == "t";
}

// Waits (polling) until the consumer has handled the tenant's incident events; fails the test
// when that takes longer than kWait.
void WaitConsumed(const ReportTenant& t) {
  const absl::Time deadline = absl::Now() + kWait;
  while (!Consumed(t)) {
    if (absl::Now() > deadline) {
      ADD_FAILURE() << "the auto-start consumer did not reach the end of " << t.name
                    << "'s outbox in time";
      return;
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
}

// The runs on `incident`, as a viewer lists them.
std::vector<v1::Run> RunsOn(PlaybookEnv& env, const ReportTenant& t, const std::string& incident) {
  v1::ListRunsRequest r;
  r.set_parent("playbooks/-");
  r.set_incident(incident);
  auto listed = env.Call(&PlaybookStub::ListRuns, r, t.viewer);
  EXPECT_TRUE(listed.ok()) << listed.status();
  if (!listed.ok()) {
    return {};
  }
  return {listed->runs().begin(), listed->runs().end()};
}

// When the incident's last "incident.<topic>" event was written, in microseconds.
int64_t EventMicros(const ReportTenant& t, const std::string& incident, const std::string& topic) {
  return std::stoll(PgTestDatabase::Get().QueryValue(
      absl::StrCat("SELECT (extract(epoch FROM create_time) * 1000000)::bigint FROM outbox_events "
                   "WHERE tenant_id = '",
                   TenantId(t.name), "' AND resource_name = '", incident,
                   "' AND topic = 'incident.", topic, "' ORDER BY id DESC LIMIT 1")));
}

// One server with the auto-start consumer for the suite.
using AutoStartTest = PlaybookServerTest;

TEST_F(AutoStartTest, Sev1TriageStartsOneAutomaticRunOfTheCurrentVersion) {
  const ReportTenant t = MakeReportTenant(env().base(), "auto-sev1");
  const std::string automatic =
      MakePlaybook(env(), t.analyst, "auto-sev1", AutoPlaybook({iv1::SEVERITY_SEV1}));
  v1::Playbook manual = AutoPlaybook({iv1::SEVERITY_SEV1}, "Manual SEV1 response");
  manual.mutable_triggers()->set_auto_start(false);
  MakePlaybook(env(), t.analyst, "manual-sev1", manual);
  MakePlaybook(env(), t.analyst, "auto-sev2", AutoPlaybook({iv1::SEVERITY_SEV2}, "SEV2 response"));
  // Edited to version 2 before the triage: the run follows version 2.
  v1::UpdatePlaybookRequest update;
  update.mutable_playbook()->set_name(automatic);
  update.mutable_playbook()->set_display_name("Automatic first response, revised");
  update.mutable_playbook()->set_change_note("New title");
  update.mutable_update_mask()->add_paths("display_name");
  auto updated = env().Call(&PlaybookStub::UpdatePlaybook, update, t.analyst);
  ASSERT_TRUE(updated.ok()) << updated.status();
  ASSERT_EQ(updated->version(), 2);

  const std::string sev1 =
      TriagedIncident(env(), t, "Chatbot leaked addresses", iv1::SEVERITY_SEV1);
  const std::string sev3 = TriagedIncident(env(), t, "Minor formatting issue", iv1::SEVERITY_SEV3);
  WaitConsumed(t);

  const std::vector<v1::Run> runs = RunsOn(env(), t, sev1);
  ASSERT_EQ(runs.size(), 1u);
  const v1::Run& run = runs[0];
  EXPECT_TRUE(absl::StartsWith(run.name(), automatic + "/runs/")) << run.name();
  EXPECT_EQ(run.playbook_version(), 2);
  EXPECT_EQ(run.kind(), v1::RUN_KIND_INCIDENT);
  EXPECT_EQ(run.start_mode(), v1::START_MODE_AUTOMATIC);
  EXPECT_EQ(run.state(), v1::RUN_STATE_ACTIVE);
  EXPECT_EQ(run.incident(), sev1);
  EXPECT_EQ(run.started_by(), kAutoStartActor);
  EXPECT_TRUE(run.bcp());
  EXPECT_EQ(run.steps_size(), 5);
  EXPECT_EQ(TimeUtil::TimestampToMicroseconds(run.start_time()), EventMicros(t, sev1, "triaged"));
  EXPECT_EQ(OutboxTopics(t, run.name()), std::vector<std::string>{"run.started"});
  EXPECT_EQ(PgTestDatabase::Get().QueryValue(
                absl::StrCat("SELECT actor || ' ' || rpc FROM audit_log WHERE tenant_id = '",
                             TenantId(t.name), "' AND resource_name = '", run.name(), "'")),
            absl::StrCat(kAutoStartActor, " ", kAutoStartMethod));
  // The SEV3 incident, the manual playbook and the SEV2 playbook started nothing.
  EXPECT_TRUE(RunsOn(env(), t, sev3).empty());
  EXPECT_EQ(RunCount(t), 1);

  // Triaging again (still TRIAGED) does not start a second run.
  ASSERT_TRUE(TriageIncident(env(), t.admin, sev1, iv1::SEVERITY_SEV1).ok());
  WaitConsumed(t);
  EXPECT_EQ(RunCount(t, sev1), 1);
}

TEST_F(AutoStartTest, RaisedSeverityStartsTheMatchingPlaybook) {
  const ReportTenant t = MakeReportTenant(env().base(), "auto-raise");
  MakePlaybook(env(), t.analyst, "auto-sev1", AutoPlaybook({iv1::SEVERITY_SEV1}));
  const std::string incident = TriagedIncident(env(), t, "Drifting scores", iv1::SEVERITY_SEV2);
  WaitConsumed(t);
  EXPECT_EQ(RunCount(t), 0);
  // Re-triaged at SEV1 while TRIAGED: now it matches.
  ASSERT_TRUE(TriageIncident(env(), t.admin, incident, iv1::SEVERITY_SEV1).ok());
  WaitConsumed(t);
  EXPECT_EQ(RunCount(t, incident, " AND start_mode = 'START_MODE_AUTOMATIC'"), 1);
}

TEST_F(AutoStartTest, ArchivedPlaybookStartsNothing) {
  const ReportTenant t = MakeReportTenant(env().base(), "auto-archived");
  const std::string name =
      MakePlaybook(env(), t.analyst, "auto-sev1", AutoPlaybook({iv1::SEVERITY_SEV1}));
  v1::ArchivePlaybookRequest archive;
  archive.set_name(name);
  ASSERT_TRUE(env().Call(&PlaybookStub::ArchivePlaybook, archive, t.analyst).ok());
  TriagedIncident(env(), t, "Chatbot leaked addresses", iv1::SEVERITY_SEV1);
  WaitConsumed(t);
  EXPECT_EQ(RunCount(t), 0);
}

TEST_F(AutoStartTest, ReopenStartsANewRunOnlyAfterTheRunWasAborted) {
  const ReportTenant t = MakeReportTenant(env().base(), "auto-reopen");
  MakePlaybook(env(), t.analyst, "auto-sev1", AutoPlaybook({iv1::SEVERITY_SEV1}));
  const std::string aborted = TriagedIncident(env(), t, "Aborted response", iv1::SEVERITY_SEV1);
  const std::string kept = TriagedIncident(env(), t, "Kept response", iv1::SEVERITY_SEV1);
  WaitConsumed(t);
  ASSERT_EQ(RunCount(t, aborted), 1);
  ASSERT_EQ(RunCount(t, kept), 1);

  const std::vector<v1::Run> first = RunsOn(env(), t, aborted);
  ASSERT_EQ(first.size(), 1u);
  v1::AbortRunRequest abort;
  abort.set_name(first[0].name());
  abort.set_reason("Started on the wrong assumption");
  auto ended = env().Call(&PlaybookStub::AbortRun, abort, t.responder);
  ASSERT_TRUE(ended.ok()) << ended.status();

  for (const std::string& incident : {aborted, kept}) {
    iv1::ResolveIncidentRequest resolve;
    resolve.set_name(incident);
    resolve.set_resolution_summary("Fixed the prompt template.");
    auto resolved = CallUnary(env().base().incidents(), &IncidentEnv::IncidentStub::ResolveIncident,
                              resolve, t.admin);
    ASSERT_TRUE(resolved.ok()) << resolved.status();
    iv1::ReopenIncidentRequest reopen;
    reopen.set_name(incident);
    reopen.set_reason("The leak happened again.");
    auto reopened = CallUnary(env().base().incidents(), &IncidentEnv::IncidentStub::ReopenIncident,
                              reopen, t.admin);
    ASSERT_TRUE(reopened.ok()) << reopened.status();
    ASSERT_EQ(reopened->state(), iv1::STATE_TRIAGED);
  }
  WaitConsumed(t);

  // The incident whose run was aborted has a new automatic run, started at the reopen.
  EXPECT_EQ(RunCount(t, aborted), 2);
  EXPECT_EQ(RunCount(t, aborted, " AND state = 'RUN_STATE_ACTIVE'"), 1);
  EXPECT_EQ(PgTestDatabase::Get().QueryValue(absl::StrCat(
                "SELECT (extract(epoch FROM start_time) * 1000000)::bigint FROM playbook_runs "
                "WHERE tenant_id = '",
                TenantId(t.name), "' AND 'incidents/' || incident_id = '", aborted,
                "' AND state = 'RUN_STATE_ACTIVE'")),
            std::to_string(EventMicros(t, aborted, "reopened")));
  // The one whose run is still live keeps that run only.
  EXPECT_EQ(RunCount(t, kept), 1);
}

TEST_F(AutoStartTest, AnotherTenantsIncidentNeverStartsThisTenantsPlaybook) {
  const ReportTenant owner = MakeReportTenant(env().base(), "auto-iso-owner");
  const ReportTenant other = MakeReportTenant(env().base(), "auto-iso-other");
  MakePlaybook(env(), owner.analyst, "auto-sev1", AutoPlaybook({iv1::SEVERITY_SEV1}));
  TriagedIncident(env(), other, "Other tenant's incident", iv1::SEVERITY_SEV1);
  WaitConsumed(other);
  EXPECT_EQ(RunCount(owner), 0);
  EXPECT_EQ(RunCount(other), 0);
  // The owner's own matching incident does start it (the consumer is running).
  const std::string own = TriagedIncident(env(), owner, "Own incident", iv1::SEVERITY_SEV1);
  WaitConsumed(owner);
  EXPECT_EQ(RunCount(owner, own), 1);
  EXPECT_EQ(RunCount(owner), 1);
}

TEST_F(AutoStartTest, ConcurrentConsumersStartOneRunPerIncidentAndPlaybook) {
  // Two more consumers of the same name next to the server's: another server and a bare consumer
  // on a pool of its own.
  PlaybookEnv second;
  auto pool = pg::ConnectionPool::Create({PgTestDatabase::Get().admin_dsn(), 4, true});
  ASSERT_TRUE(pool.ok()) << pool.status();
  pg::OutboxListener listener(PgTestDatabase::Get().admin_dsn());
  auto third = NewAutoStartConsumer(**pool, &listener, SystemClock::Get());
  ASSERT_TRUE(third.ok()) << third.status();
  (*third)->Start();

  std::vector<ReportTenant> tenants = {MakeReportTenant(env().base(), "auto-race-a"),
                                       MakeReportTenant(env().base(), "auto-race-b")};
  for (const ReportTenant& t : tenants) {
    MakePlaybook(env(), t.analyst, "auto-sev1", AutoPlaybook({iv1::SEVERITY_SEV1}));
    MakePlaybook(env(), t.analyst, "auto-sev12",
                 AutoPlaybook({iv1::SEVERITY_SEV1, iv1::SEVERITY_SEV2}, "SEV1/2 response"));
  }
  // 20 incidents triaged from four threads through both servers while all consumers run.
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) {
    threads.emplace_back([&, w] {
      const ReportTenant& t = tenants[w % 2];
      PlaybookEnv& through = w < 2 ? env() : second;
      for (int i = 0; i < 5; ++i) {
        TriagedIncident(through, t, absl::StrCat("Race ", w, "-", i), iv1::SEVERITY_SEV1);
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (const ReportTenant& t : tenants) {
    WaitConsumed(t);
  }
  (*third)->Stop();

  for (const ReportTenant& t : tenants) {
    // 10 incidents x 2 matching playbooks, each pair once.
    EXPECT_EQ(RunCount(t), 20) << t.name;
    EXPECT_EQ(PgTestDatabase::Get().QueryValue(absl::StrCat(
                  "SELECT count(DISTINCT (playbook_id, incident_id)) FROM playbook_runs "
                  "WHERE tenant_id = '",
                  TenantId(t.name), "' AND start_mode = 'START_MODE_AUTOMATIC'")),
              "20")
        << t.name;
    EXPECT_EQ(std::stoll(PgTestDatabase::Get().QueryValue(
                  absl::StrCat("SELECT count(*) FROM audit_log WHERE tenant_id = '",
                               TenantId(t.name), "' AND rpc = '", kAutoStartMethod, "'"))),
              20)
        << t.name;
  }
}

// The service is down (or runs without auto-start) when the incident is triaged; once a server
// with auto-start comes up it starts the run, exactly once, also across a further restart.
TEST(AutoStartRestartTest, RunStartsOnceAfterTheServiceComesBack) {
  PlaybookOptions off;
  off.auto_start = false;
  auto down = std::make_unique<PlaybookEnv>(off);
  const ReportTenant t = MakeReportTenant(down->base(), "auto-restart");
  MakePlaybook(*down, t.analyst, "auto-sev1", AutoPlaybook({iv1::SEVERITY_SEV1}));
  const std::string first = TriagedIncident(*down, t, "Triaged while down", iv1::SEVERITY_SEV1);
  // Triaged and resolved while down: by the time the event is handled it asks for no response.
  const std::string moved_on = TriagedIncident(*down, t, "Resolved while down", iv1::SEVERITY_SEV1);
  iv1::ResolveIncidentRequest resolve;
  resolve.set_name(moved_on);
  resolve.set_resolution_summary("Rolled back the model.");
  ASSERT_TRUE(CallUnary(down->base().incidents(), &IncidentEnv::IncidentStub::ResolveIncident,
                        resolve, t.admin)
                  .ok());
  EXPECT_FALSE(Consumed(t));
  EXPECT_EQ(RunCount(t), 0);
  down.reset();

  PlaybookEnv up;  // auto_start on
  WaitConsumed(t);
  EXPECT_EQ(RunCount(t, first, " AND start_mode = 'START_MODE_AUTOMATIC'"), 1);
  EXPECT_EQ(RunCount(t, moved_on), 0);

  up.Restart();
  const std::string second =
      TriagedIncident(up, t, "Triaged after the restart", iv1::SEVERITY_SEV1);
  WaitConsumed(t);
  EXPECT_EQ(RunCount(t, second), 1);
  EXPECT_EQ(RunCount(t, first), 1);
  EXPECT_EQ(RunCount(t), 2);
}

}  // namespace
}  // namespace airr::playbook::testing
