// Runs the `incidents` and `signals` commands in-process against a fake incident service on a real
// gRPC server (cli_test_harness.h), and checks the requests they send (fields, update masks,
// request and batch ids), what they print and their exit codes.
#include <mutex>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "airr/incident/v1/incident_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "libs/api/validation.h"
#include "libs/common/uuid.h"
#include "tools/airr/cli_test_harness.h"
#include "tools/airr/errors.h"

namespace airr::cli {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

namespace pb = ::airr::incident::v1;

using google::protobuf::util::TimeUtil;

// Records every request; answers with a canned incident, pages, changes and acknowledgements.
class FakeIncidents final : public pb::IncidentService::Service {
 public:
  grpc::Status CreateIncident(grpc::ServerContext*, const pb::CreateIncidentRequest* request,
                              pb::Incident* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    creates.push_back(*request);
    *response = request->incident();
    response->set_name("incidents/" + request->incident_id());
    response->set_state(pb::STATE_REPORTED);
    response->set_etag("W/\"1\"");
    return error;
  }

  grpc::Status GetIncident(grpc::ServerContext*, const pb::GetIncidentRequest* request,
                           pb::Incident* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    gets.push_back(*request);
    *response = incident;
    response->set_name(request->name());
    return error;
  }

  grpc::Status ListIncidents(grpc::ServerContext*, const pb::ListIncidentsRequest* request,
                             pb::ListIncidentsResponse* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    lists.push_back(*request);
    auto it = pages.find(request->page_token());
    if (it == pages.end()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad page token");
    }
    *response = it->second;
    return error;
  }

  grpc::Status UpdateIncident(grpc::ServerContext*, const pb::UpdateIncidentRequest* request,
                              pb::Incident* response) override {
    return Answer(*request, response);
  }
  grpc::Status TriageIncident(grpc::ServerContext*, const pb::TriageIncidentRequest* request,
                              pb::Incident* response) override {
    return Answer(*request, response);
  }
  grpc::Status StartMitigation(grpc::ServerContext*, const pb::StartMitigationRequest* request,
                               pb::Incident* response) override {
    return Answer(*request, response);
  }
  grpc::Status ResolveIncident(grpc::ServerContext*, const pb::ResolveIncidentRequest* request,
                               pb::Incident* response) override {
    return Answer(*request, response);
  }
  grpc::Status CloseIncident(grpc::ServerContext*, const pb::CloseIncidentRequest* request,
                             pb::Incident* response) override {
    return Answer(*request, response);
  }
  grpc::Status ReopenIncident(grpc::ServerContext*, const pb::ReopenIncidentRequest* request,
                              pb::Incident* response) override {
    return Answer(*request, response);
  }
  grpc::Status RejectIncident(grpc::ServerContext*, const pb::RejectIncidentRequest* request,
                              pb::Incident* response) override {
    return Answer(*request, response);
  }
  grpc::Status MergeIncident(grpc::ServerContext*, const pb::MergeIncidentRequest* request,
                             pb::Incident* response) override {
    return Answer(*request, response);
  }

  grpc::Status AddTimelineEvent(grpc::ServerContext*, const pb::AddTimelineEventRequest* request,
                                pb::TimelineEvent* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    received.push_back(std::make_unique<pb::AddTimelineEventRequest>(*request));
    *response = request->timeline_event();
    response->set_name(request->parent() + "/timelineEvents/9");
    return error;
  }

  grpc::Status ListTimelineEvents(grpc::ServerContext*,
                                  const pb::ListTimelineEventsRequest* request,
                                  pb::ListTimelineEventsResponse* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    received.push_back(std::make_unique<pb::ListTimelineEventsRequest>(*request));
    auto it = timeline_pages.find(request->page_token());
    if (it == timeline_pages.end()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad page token");
    }
    *response = it->second;
    return error;
  }

  grpc::Status IngestSignals(grpc::ServerContext*,
                             grpc::ServerReader<pb::IngestSignalsRequest>* reader,
                             pb::IngestSignalsResponse* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    pb::IngestSignalsRequest request;
    while (reader->Read(&request)) {
      batches.push_back(request.batch());
      pb::SignalBatchAck* ack = response->add_acks();
      ack->set_batch_id(request.batch().batch_id());
      ack->set_accepted(request.batch().signals_size());
      for (const pb::Signal& signal : request.batch().signals()) {
        const std::string name = "incidents/" + signal.fingerprint();
        (seen_fingerprints.insert(name).second ? ack->add_created_incidents()
                                               : ack->add_updated_incidents())
            ->assign(name);
      }
    }
    return error;
  }

  grpc::Status WatchIncidents(grpc::ServerContext*, const pb::WatchIncidentsRequest* request,
                              grpc::ServerWriter<pb::WatchIncidentsResponse>* writer) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      received.push_back(std::make_unique<pb::WatchIncidentsRequest>(*request));
    }
    for (const pb::WatchIncidentsResponse& change : changes) {
      if (!writer->Write(change)) {
        break;
      }
    }
    return error;
  }

  // The last request of type T that the lifecycle, update, timeline or watch methods received.
  template <typename T>
  const T* Last() const {
    for (auto it = received.rbegin(); it != received.rend(); ++it) {
      if (const auto* request = dynamic_cast<const T*>(it->get())) {
        return request;
      }
    }
    return nullptr;
  }

  // The outcome of every call; OK by default.
  grpc::Status error;
  // What GetIncident and the lifecycle methods return (with the request's name).
  pb::Incident incident;
  std::map<std::string, pb::ListIncidentsResponse> pages;
  std::map<std::string, pb::ListTimelineEventsResponse> timeline_pages;
  std::vector<pb::WatchIncidentsResponse> changes;
  std::vector<pb::CreateIncidentRequest> creates;
  std::vector<pb::GetIncidentRequest> gets;
  std::vector<pb::ListIncidentsRequest> lists;
  std::vector<pb::SignalBatch> batches;
  std::vector<std::unique_ptr<google::protobuf::Message>> received;

 private:
  template <typename Request>
  grpc::Status Answer(const Request& request, pb::Incident* response) {
    std::lock_guard<std::mutex> lock(mu_);
    received.push_back(std::make_unique<Request>(request));
    *response = incident;
    return error;
  }

  std::mutex mu_;
  std::set<std::string> seen_fingerprints;
};

class IncidentCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(harness_.Start({&incidents_}));
    pb::Incident& incident = incidents_.incident;
    incident.set_name("incidents/i-1");
    incident.set_title("Chatbot leaked an address");
    incident.set_ai_system("aiSystems/support-bot");
    incident.set_kind(pb::KIND_INCIDENT);
    incident.set_severity(pb::SEVERITY_SEV2);
    incident.set_state(pb::STATE_TRIAGED);
    incident.set_owner("cx-oncall");
    incident.set_reporter("alice");
    incident.add_harm_types(pb::HARM_TYPE_PRIVACY);
    incident.set_detection_source(pb::DETECTION_SOURCE_CUSTOMER);
    *incident.mutable_detect_time() = TimeUtil::SecondsToTimestamp(1795428000);
    incident.set_etag("W/\"2\"");
  }

  CliResult Run(const std::vector<std::string>& args) { return harness_.Run(args); }

  FakeIncidents incidents_;
  CliHarness harness_;
};

TEST_F(IncidentCliTest, EveryCommandHasHelp) {
  for (const char* verb : {"create", "get", "list", "update", "triage", "start-mitigation",
                           "resolve", "close", "reopen", "reject", "merge", "timeline", "watch"}) {
    CliResult result = Run({"incidents", verb, "--help"});
    EXPECT_EQ(result.code, kExitOk) << verb;
    EXPECT_THAT(result.out, HasSubstr(absl::StrCat("airr [global flags] incidents ", verb)));
  }
  EXPECT_THAT(Run({"incidents", "triage", "--help"}).out,
              AllOf(HasSubstr("--severity SEV"), HasSubstr("sev1, sev2, sev3, sev4."),
                    HasSubstr("Required."), HasSubstr("--etag ETAG")));
  EXPECT_EQ(Run({"--help", "incidents", "resolve"}).code, kExitOk);
  EXPECT_THAT(Run({"signals", "send", "--help"}).out, HasSubstr("--batch-size N"));
  EXPECT_THAT(Run({"--help"}).out,
              AllOf(HasSubstr("incidents start-mitigation"), HasSubstr("signals send")));
  EXPECT_THAT(incidents_.received, IsEmpty());
}

TEST_F(IncidentCliTest, CreateSendsTheFlagsAsAnIncident) {
  CliResult result = Run({"incidents", "create",        "--title",
                          "Leak",      "--ai-system",   "support-bot",
                          "--kind",    "near-miss",     "--severity",
                          "sev2",      "--harm",        "privacy",
                          "--harm",    "financial",     "--detection-source",
                          "customer",  "--detect-time", "2026-11-23T09:40:00+09:00",
                          "--breach",  "leaked",        "--breach-persons",
                          "3",         "--people",      "12",
                          "--label",   "bu=retail",     "--id",
                          "leak-1"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  ASSERT_THAT(incidents_.creates, SizeIs(1));
  const pb::CreateIncidentRequest& request = incidents_.creates[0];
  EXPECT_EQ(request.incident_id(), "leak-1");
  EXPECT_TRUE(api::IsCanonicalUuid(request.request_id(), false)) << request.request_id();
  const pb::Incident& incident = request.incident();
  EXPECT_EQ(incident.title(), "Leak");
  EXPECT_EQ(incident.ai_system(), "aiSystems/support-bot");
  EXPECT_EQ(incident.kind(), pb::KIND_NEAR_MISS);
  EXPECT_EQ(incident.severity(), pb::SEVERITY_SEV2);
  EXPECT_THAT(incident.harm_types(), ElementsAre(pb::HARM_TYPE_PRIVACY, pb::HARM_TYPE_FINANCIAL));
  EXPECT_EQ(incident.detection_source(), pb::DETECTION_SOURCE_CUSTOMER);
  EXPECT_EQ(TimeUtil::ToString(incident.detect_time()), "2026-11-23T00:40:00Z");
  EXPECT_THAT(incident.personal_data().breach_types(), ElementsAre(pb::BREACH_TYPE_LEAKED));
  EXPECT_TRUE(incident.personal_data().breached());
  EXPECT_TRUE(incident.personal_data().involved());
  EXPECT_EQ(incident.personal_data().persons_affected(), 3);
  EXPECT_EQ(incident.affected().estimated_people(), 12);
  EXPECT_EQ(incident.labels().at("bu"), "retail");
  EXPECT_THAT(result.out, AllOf(HasSubstr("name:"), HasSubstr("incidents/leak-1\n"),
                                HasSubstr("state:"), HasSubstr("reported\n"),
                                HasSubstr("harm_types:"), HasSubstr("privacy, financial\n")));
}

TEST_F(IncidentCliTest, CreateDefaultsTheDetectTimeToNowAndTakesAGivenRequestId) {
  const int64_t before = absl::ToUnixSeconds(absl::Now());
  const std::string id = "0b5f2f8e-9d7c-4a38-8a57-3e0f5c1f2a11";
  ASSERT_EQ(Run({"incidents", "create", "--title", "t", "--request-id", id}).code, kExitOk);
  ASSERT_THAT(incidents_.creates, SizeIs(1));
  EXPECT_EQ(incidents_.creates[0].request_id(), id);
  const int64_t detected = incidents_.creates[0].incident().detect_time().seconds();
  EXPECT_GE(detected, before);
  EXPECT_LE(detected, absl::ToUnixSeconds(absl::Now()));
  EXPECT_EQ(Run({"incidents", "create", "--request-id", "7"}).code, kExitUsage);
}

TEST_F(IncidentCliTest, BadFlagValuesAreUsageErrorsAndSendNothing) {
  CliResult severity = Run({"incidents", "create", "--severity", "critical"});
  EXPECT_EQ(severity.code, kExitUsage);
  EXPECT_EQ(severity.err,
            "airr: --severity: unknown value \"critical\"; allowed: sev1, sev2, sev3, sev4\n"
            "Run 'airr incidents create --help' for usage.\n");
  EXPECT_THAT(Run({"incidents", "create", "--detect-time", "yesterday"}).err,
              HasSubstr("--detect-time: \"yesterday\" is not an RFC 3339 time"));
  EXPECT_THAT(Run({"incidents", "create", "--deaths", "two"}).err,
              HasSubstr("--deaths: \"two\" is not a whole number"));
  EXPECT_THAT(Run({"incidents", "update", "x", "--severity", "sev1"}).err,
              HasSubstr("unknown flag --severity"));
  EXPECT_THAT(Run({"incidents", "resolve", "x"}).err, HasSubstr("airr: missing --summary TEXT"));
  EXPECT_THAT(Run({"incidents", "reject", "x", "--reason", "boring"}).err,
              HasSubstr("allowed: duplicate, not_an_ai_incident, invalid_report"));
  EXPECT_EQ(Run({"incidents", "watch", "--count", "0"}).code, kExitUsage);
  EXPECT_THAT(incidents_.creates, IsEmpty());
  EXPECT_THAT(incidents_.received, IsEmpty());
}

TEST_F(IncidentCliTest, UpdateMaskIsExactlyTheFlagsGiven) {
  CliResult result = Run({"incidents", "update", "i-1", "--etag", "W/\"2\"", "--harm", "rights",
                          "--description=", "--deaths", "1", "--breach", "lost"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  const auto* request = incidents_.Last<pb::UpdateIncidentRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->incident().name(), "incidents/i-1");
  EXPECT_EQ(request->incident().etag(), "W/\"2\"");
  EXPECT_THAT(
      request->update_mask().paths(),
      ElementsAre("description", "harm_types", "affected.deaths", "personal_data.breach_types",
                  "personal_data.breached", "personal_data.involved"));
  EXPECT_THAT(Run({"incidents", "update", "i-1"}).err, HasSubstr("nothing to update"));
}

TEST_F(IncidentCliTest, LifecycleCommandsSendTheirRequests) {
  ASSERT_EQ(Run({"incidents", "triage", "i-1", "--severity", "sev1", "--owner", "bob", "--kind",
                 "incident", "--comment", "bad", "--etag", "e1"})
                .code,
            kExitOk);
  const auto* triage = incidents_.Last<pb::TriageIncidentRequest>();
  ASSERT_NE(triage, nullptr);
  EXPECT_EQ(triage->name(), "incidents/i-1");
  EXPECT_EQ(triage->severity(), pb::SEVERITY_SEV1);
  EXPECT_EQ(triage->owner(), "bob");
  EXPECT_EQ(triage->kind(), pb::KIND_INCIDENT);
  EXPECT_EQ(triage->comment(), "bad");
  EXPECT_EQ(triage->etag(), "e1");

  ASSERT_EQ(Run({"incidents", "start-mitigation", "incidents/i-1", "--comment", "c"}).code,
            kExitOk);
  EXPECT_EQ(incidents_.Last<pb::StartMitigationRequest>()->name(), "incidents/i-1");
  EXPECT_EQ(incidents_.Last<pb::StartMitigationRequest>()->etag(), "");

  ASSERT_EQ(Run({"incidents", "resolve", "i-1", "--summary", "fixed"}).code, kExitOk);
  EXPECT_EQ(incidents_.Last<pb::ResolveIncidentRequest>()->resolution_summary(), "fixed");

  ASSERT_EQ(Run({"incidents", "close", "i-1", "--review", "r", "--bcp-invoked"}).code, kExitOk);
  EXPECT_EQ(incidents_.Last<pb::CloseIncidentRequest>()->post_incident_review(), "r");
  EXPECT_TRUE(incidents_.Last<pb::CloseIncidentRequest>()->bcp_invoked());

  ASSERT_EQ(Run({"incidents", "reopen", "i-1", "--reason", "again"}).code, kExitOk);
  EXPECT_EQ(incidents_.Last<pb::ReopenIncidentRequest>()->reason(), "again");

  ASSERT_EQ(Run({"incidents", "reject", "i-1", "--reason", "not-an-ai-incident"}).code, kExitOk);
  EXPECT_EQ(incidents_.Last<pb::RejectIncidentRequest>()->reason(),
            pb::REJECT_REASON_NOT_AN_AI_INCIDENT);

  CliResult merge = Run({"incidents", "merge", "i-3", "--into", "i-1", "-o", "json"});
  ASSERT_EQ(merge.code, kExitOk);
  EXPECT_EQ(incidents_.Last<pb::MergeIncidentRequest>()->name(), "incidents/i-3");
  EXPECT_EQ(incidents_.Last<pb::MergeIncidentRequest>()->into(), "incidents/i-1");
  EXPECT_THAT(merge.out, HasSubstr("\"state\": \"STATE_TRIAGED\""));
}

TEST_F(IncidentCliTest, GetShowsTheImportantFieldsAndHidesUnsetOnes) {
  CliResult result = Run({"incidents", "get", "i-1"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  ASSERT_THAT(incidents_.gets, SizeIs(1));
  EXPECT_EQ(incidents_.gets[0].name(), "incidents/i-1");
  EXPECT_EQ(result.out,
            "name:              incidents/i-1\n"
            "title:             Chatbot leaked an address\n"
            "ai_system:         aiSystems/support-bot\n"
            "kind:              incident\n"
            "severity:          sev2\n"
            "state:             triaged\n"
            "detect_time:       2026-11-23T10:00:00Z\n"
            "reporter:          alice\n"
            "owner:             cx-oncall\n"
            "harm_types:        privacy\n"
            "detection_source:  customer\n"
            "signal_count:      0\n"
            "etag:              W/\"2\"\n");
}

TEST_F(IncidentCliTest, AFailedTransitionPrintsTheCodeAndReason) {
  google::rpc::Status details;
  google::rpc::ErrorInfo info;
  info.set_reason("INVALID_STATE");
  (*info.mutable_metadata())["current_state"] = "STATE_CLOSED";
  details.add_details()->PackFrom(info);
  incidents_.error =
      grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                   "cannot start mitigation of a CLOSED incident", details.SerializeAsString());
  CliResult result = Run({"incidents", "start-mitigation", "i-1"});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "airr: FAILED_PRECONDITION: cannot start mitigation of a CLOSED incident\n"
            "  reason: INVALID_STATE\n");
}

TEST_F(IncidentCliTest, ListPrintsATableAndFollowsPages) {
  pb::Incident* a = incidents_.pages[""].add_incidents();
  *a = incidents_.incident;
  incidents_.pages[""].set_next_page_token("p2");
  pb::Incident* b = incidents_.pages["p2"].add_incidents();
  b->set_name("incidents/i-2");
  b->set_title(std::string(80, 'x'));
  b->set_state(pb::STATE_REPORTED);
  b->set_kind(pb::KIND_HAZARD);

  CliResult one = Run({"incidents", "list", "--filter", "state = TRIAGED", "--page-size", "1"});
  ASSERT_EQ(one.code, kExitOk) << one.err;
  EXPECT_EQ(one.out,
            "ID   STATE    SEVERITY  KIND      TITLE                      DETECTED\n"
            "i-1  triaged  sev2      incident  Chatbot leaked an address  "
            "2026-11-23T10:00:00Z\n");
  EXPECT_THAT(one.err, HasSubstr("--page-token p2"));
  EXPECT_EQ(incidents_.lists[0].filter(), "state = TRIAGED");
  EXPECT_EQ(incidents_.lists[0].page_size(), 1);

  CliResult all = Run({"incidents", "list", "--all"});
  ASSERT_EQ(all.code, kExitOk) << all.err;
  EXPECT_THAT(all.out,
              HasSubstr("i-2  reported  unspecified  hazard    " + std::string(49, 'x') + "…\n"));
  CliResult json = Run({"-o", "json", "incidents", "list", "--all"});
  EXPECT_THAT(json.out, AllOf(HasSubstr("\"incidents/i-1\""), HasSubstr("\"incidents/i-2\""),
                              Not(HasSubstr("next_page_token"))));
}

TEST_F(IncidentCliTest, TimelineListsEveryPageWithTransitions) {
  pb::TimelineEvent* created = incidents_.timeline_pages[""].add_timeline_events();
  created->set_name("incidents/i-1/timelineEvents/1");
  created->set_type(pb::TIMELINE_EVENT_TYPE_CREATED);
  created->set_to_state(pb::STATE_REPORTED);
  created->set_actor("alice");
  *created->mutable_occur_time() = TimeUtil::SecondsToTimestamp(1795428000);
  incidents_.timeline_pages[""].set_next_page_token("t2");
  pb::TimelineEvent* triaged = incidents_.timeline_pages["t2"].add_timeline_events();
  triaged->set_name("incidents/i-1/timelineEvents/2");
  triaged->set_type(pb::TIMELINE_EVENT_TYPE_TRIAGED);
  triaged->set_from_state(pb::STATE_REPORTED);
  triaged->set_to_state(pb::STATE_TRIAGED);
  triaged->set_actor("bob");
  triaged->set_text("looks real");
  (*triaged->mutable_attributes())["severity"] = "SEVERITY_SEV2";
  *triaged->mutable_occur_time() = TimeUtil::SecondsToTimestamp(1795428060);

  pb::TimelineEvent* updated = incidents_.timeline_pages["t2"].add_timeline_events();
  updated->set_name("incidents/i-1/timelineEvents/3");
  updated->set_type(pb::TIMELINE_EVENT_TYPE_UPDATED);
  updated->set_from_state(pb::STATE_TRIAGED);
  updated->set_to_state(pb::STATE_TRIAGED);
  updated->set_actor("carol (0b5f2f8e-9d7c-4a38-8a57-3e0f5c1f2a11)");
  *updated->mutable_occur_time() = TimeUtil::SecondsToTimestamp(1795428120);

  CliResult result = Run({"incidents", "timeline", "i-1"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(result.out,
            "#  TIME                  TYPE     ACTOR                           STATE              "
            "TEXT\n"
            "1  2026-11-23T10:00:00Z  created  alice                           ->reported\n"
            "2  2026-11-23T10:01:00Z  triaged  bob                             reported->triaged  "
            "looks real (severity=SEVERITY_SEV2)\n"
            "3  2026-11-23T10:02:00Z  updated  carol (0b5f2f8e-9d7c-4a38-8a5…  triaged\n");
  EXPECT_EQ(incidents_.Last<pb::ListTimelineEventsRequest>()->page_token(), "t2");
  EXPECT_EQ(incidents_.Last<pb::ListTimelineEventsRequest>()->parent(), "incidents/i-1");
}

TEST_F(IncidentCliTest, TimelineAddAppendsOneEvent) {
  CliResult result = Run({"incidents", "timeline", "i-1", "--add", "--type", "decision", "--text",
                          "Keep the feature off", "--at", "2026-11-23T10:00:00Z"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  const auto* request = incidents_.Last<pb::AddTimelineEventRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->parent(), "incidents/i-1");
  EXPECT_EQ(request->timeline_event().type(), pb::TIMELINE_EVENT_TYPE_DECISION);
  EXPECT_EQ(request->timeline_event().text(), "Keep the feature off");
  EXPECT_EQ(TimeUtil::ToString(request->timeline_event().occur_time()), "2026-11-23T10:00:00Z");
  EXPECT_THAT(result.out, HasSubstr("incidents/i-1/timelineEvents/9"));

  ASSERT_EQ(Run({"incidents", "timeline", "i-1", "--add", "--text", "n"}).code, kExitOk);
  EXPECT_EQ(incidents_.Last<pb::AddTimelineEventRequest>()->timeline_event().type(),
            pb::TIMELINE_EVENT_TYPE_NOTE);

  const size_t calls = incidents_.received.size();
  EXPECT_THAT(
      Run({"incidents", "timeline", "i-1", "--add", "--type", "resolved", "--text", "x"}).err,
      HasSubstr("--type: only these can be added: note, action, communication, evidence, "
                "decision"));
  EXPECT_THAT(Run({"incidents", "timeline", "i-1", "--add"}).err,
              HasSubstr("--add needs --text TEXT"));
  EXPECT_THAT(Run({"incidents", "timeline", "i-1", "--text", "x"}).err,
              HasSubstr("--text is only for --add"));
  EXPECT_EQ(incidents_.received.size(), calls);
}

class WatchTest : public IncidentCliTest {
 protected:
  void SetUp() override {
    IncidentCliTest::SetUp();
    pb::WatchIncidentsResponse& heartbeat = incidents_.changes.emplace_back();
    heartbeat.set_cursor("c0");
    heartbeat.set_change_type(pb::CHANGE_TYPE_HEARTBEAT);
    pb::WatchIncidentsResponse& triaged = incidents_.changes.emplace_back();
    triaged.set_cursor("c1");
    triaged.set_change_type(pb::CHANGE_TYPE_TRIAGED);
    triaged.set_incident_name("incidents/i-1");
    *triaged.mutable_incident() = incidents_.incident;
    *triaged.mutable_change_time() = TimeUtil::SecondsToTimestamp(1795428000);
    pb::WatchIncidentsResponse& note = incidents_.changes.emplace_back();
    note.set_cursor("c2");
    note.set_change_type(pb::CHANGE_TYPE_TIMELINE_EVENT_ADDED);
    note.set_incident_name("incidents/i-1");
    note.mutable_timeline_event()->set_type(pb::TIMELINE_EVENT_TYPE_NOTE);
    note.mutable_timeline_event()->set_text("called the customer");
    *note.mutable_change_time() = TimeUtil::SecondsToTimestamp(1795428001);
    // A copy: `triaged` refers into the vector, which the emplace above may have moved.
    pb::WatchIncidentsResponse again = incidents_.changes[1];
    again.set_cursor("c3");
    incidents_.changes.push_back(std::move(again));
  }
};

TEST_F(WatchTest, PrintsOneLinePerChangeUntilTheCount) {
  CliResult result = Run({"incidents", "watch", "--cursor", "c-start", "--count", "2"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(incidents_.Last<pb::WatchIncidentsRequest>()->cursor(), "c-start");
  EXPECT_EQ(result.out,
            "2026-11-23T10:00:00Z  triaged  incidents/i-1  state=triaged severity=sev2 "
            "\"Chatbot leaked an address\"  cursor=c1\n"
            "2026-11-23T10:00:01Z  timeline_event_added  incidents/i-1  note "
            "\"called the customer\"  cursor=c2\n");
}

TEST_F(WatchTest, JsonIsOneObjectPerLineAndHeartbeatsOnRequest) {
  CliResult result = Run({"-o", "json", "incidents", "watch", "--heartbeats"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  const std::vector<std::string> lines = absl::StrSplit(result.out, '\n', absl::SkipEmpty());
  ASSERT_THAT(lines, SizeIs(4));
  EXPECT_EQ(lines[0], R"({"cursor":"c0","change_type":"CHANGE_TYPE_HEARTBEAT"})");
  EXPECT_THAT(lines[3], AllOf(HasSubstr(R"("cursor":"c3")"), HasSubstr("CHANGE_TYPE_TRIAGED")));
  EXPECT_THAT(result.err, HasSubstr("the server ended the stream"));
}

TEST_F(WatchTest, AStreamErrorIsReported) {
  incidents_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "malformed cursor");
  CliResult result = Run({"incidents", "watch", "--cursor", "junk"});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_THAT(result.err, HasSubstr("airr: INVALID_ARGUMENT: malformed cursor"));
}

constexpr char kSignals[] =
    R"({"source":"guardrail/chat","aiSystem":"aiSystems/x","kind":"SIGNAL_KIND_ABUSE","fingerprint":"pi-001","observeTime":"2026-11-23T10:00:00Z"}
{"aiSystem":"x","kind":"abuse","fingerprint":"pi-001","observeTime":"2026-11-23T10:01:00Z"}

{"aiSystem":"x","kind":"privacy","fingerprint":"pii-7","observeTime":"2026-11-23T10:02:00Z","severityHint":"sev2"}
{"aiSystem":"x","kind":"privacy","fingerprint":"pii-7","observeTime":"2026-11-23T10:03:00Z"}
{"aiSystem":"x","kind":"abuse","fingerprint":"pi-001","observeTime":"2026-11-23T10:04:00Z"}
)";

TEST_F(IncidentCliTest, SignalsSendStreamsBatchesAndPrintsTheAcks) {
  CliResult result = harness_.RunWithInput(
      kSignals, {"signals", "send", "--batch-size", "2", "--source", "monitor/default"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  ASSERT_THAT(incidents_.batches, SizeIs(3));
  std::set<std::string> ids;
  for (const pb::SignalBatch& batch : incidents_.batches) {
    EXPECT_TRUE(api::IsCanonicalUuid(batch.batch_id(), false));
    ids.insert(batch.batch_id());
  }
  EXPECT_THAT(ids, SizeIs(3));
  EXPECT_THAT(incidents_.batches[0].signals(), SizeIs(2));
  EXPECT_THAT(incidents_.batches[2].signals(), SizeIs(1));
  const pb::Signal& first = incidents_.batches[0].signals(0);
  EXPECT_EQ(first.source(), "guardrail/chat");
  EXPECT_EQ(incidents_.batches[0].signals(1).source(), "monitor/default");
  EXPECT_EQ(incidents_.batches[0].signals(1).ai_system(), "aiSystems/x");
  EXPECT_EQ(incidents_.batches[1].signals(0).kind(), pb::SIGNAL_KIND_PRIVACY);
  EXPECT_EQ(incidents_.batches[1].signals(0).severity_hint(), pb::SEVERITY_SEV2);
  EXPECT_THAT(result.out,
              AllOf(HasSubstr("BATCH"), HasSubstr(incidents_.batches[0].batch_id() + "  2"),
                    HasSubstr("Total: 5 signal(s) accepted in 3 batch(es); 2 incident(s) created, "
                              "2 updated.\n")));
}

TEST_F(IncidentCliTest, ABadSignalLineIsAUsageErrorAndNothingIsSent) {
  const std::string input = absl::StrCat(kSignals, R"({"aiSystem":"x","kind":"rumour"})", "\n");
  CliResult result = harness_.RunWithInput(input, {"signals", "send"});
  EXPECT_EQ(result.code, kExitUsage);
  EXPECT_THAT(result.err, HasSubstr("airr: standard input line 7: kind: unknown value \"rumour\""));
  CliResult not_json = harness_.RunWithInput("{\"aiSystem\": \"x\"}\nnope\n", {"signals", "send"});
  EXPECT_EQ(not_json.code, kExitUsage);
  EXPECT_THAT(not_json.err, HasSubstr("standard input line 2: not a JSON object"));
  EXPECT_THAT(incidents_.batches, IsEmpty());
  EXPECT_EQ(harness_.RunWithInput("\n\n", {"signals", "send"}).code, kExitOk);
  EXPECT_THAT(incidents_.batches, IsEmpty());
  EXPECT_EQ(harness_.RunWithInput(kSignals, {"signals", "send", "--batch-size", "1001"}).code,
            kExitUsage);
}

}  // namespace
}  // namespace airr::cli
