// Runs the whole CLI in-process against fake inventory and health services on a real gRPC server
// (127.0.0.1, port 0), and checks what it sends, prints and returns.

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "airr/inventory/v1/inventory_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
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
using ::testing::StartsWith;

namespace inv = ::airr::inventory::v1;

constexpr const char* kToken = kHarnessToken;

// Records every request and the authorization header; answers from canned data.
class FakeInventory final : public inv::InventoryService::Service {
 public:
  grpc::Status CreateAiSystem(grpc::ServerContext* context,
                              const inv::CreateAiSystemRequest* request,
                              inv::AiSystem* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    Record(*context);
    creates.push_back(*request);
    *response = request->ai_system();
    response->set_name("aiSystems/" + request->ai_system_id());
    response->set_etag("etag-1");
    return error;
  }

  grpc::Status GetAiSystem(grpc::ServerContext* context, const inv::GetAiSystemRequest* request,
                           inv::AiSystem* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    Record(*context);
    gets.push_back(*request);
    response->set_name(request->name());
    response->set_display_name("Support bot");
    response->set_etag("etag-2");
    return error;
  }

  grpc::Status ListAiSystems(grpc::ServerContext* context, const inv::ListAiSystemsRequest* request,
                             inv::ListAiSystemsResponse* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    Record(*context);
    lists.push_back(*request);
    auto it = pages.find(request->page_token());
    if (it == pages.end()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad page token");
    }
    *response = it->second;
    return error;
  }

  grpc::Status UpdateAiSystem(grpc::ServerContext* context,
                              const inv::UpdateAiSystemRequest* request,
                              inv::AiSystem* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    Record(*context);
    updates.push_back(*request);
    *response = request->ai_system();
    return error;
  }

  grpc::Status DeleteAiSystem(grpc::ServerContext* context,
                              const inv::DeleteAiSystemRequest* request,
                              inv::AiSystem* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    Record(*context);
    deletes.push_back(*request);
    response->set_name(request->name());
    response->mutable_delete_time()->set_seconds(1714555800);
    return error;
  }

  grpc::Status UndeleteAiSystem(grpc::ServerContext* context,
                                const inv::UndeleteAiSystemRequest* request,
                                inv::AiSystem* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    Record(*context);
    undeletes.push_back(*request);
    response->set_name(request->name());
    return error;
  }

  // The outcome of every call; OK by default.
  grpc::Status error;
  std::map<std::string, inv::ListAiSystemsResponse> pages;
  std::vector<inv::CreateAiSystemRequest> creates;
  std::vector<inv::GetAiSystemRequest> gets;
  std::vector<inv::ListAiSystemsRequest> lists;
  std::vector<inv::UpdateAiSystemRequest> updates;
  std::vector<inv::DeleteAiSystemRequest> deletes;
  std::vector<inv::UndeleteAiSystemRequest> undeletes;
  std::vector<std::string> authorizations;                     // "" when the header was missing
  std::vector<std::chrono::system_clock::duration> deadlines;  // time left at arrival

 private:
  void Record(const grpc::ServerContext& context) {
    const auto& metadata = context.client_metadata();
    auto it = metadata.find("authorization");
    authorizations.push_back(
        it == metadata.end() ? "" : std::string(it->second.data(), it->second.size()));
    deadlines.push_back(context.deadline() - std::chrono::system_clock::now());
  }

  std::mutex mu_;
};

class FakeHealth final : public grpc::health::v1::Health::Service {
 public:
  grpc::Status Check(grpc::ServerContext*, const grpc::health::v1::HealthCheckRequest* request,
                     grpc::health::v1::HealthCheckResponse* response) override {
    services.push_back(request->service());
    response->set_status(status);
    return grpc::Status::OK;
  }
  grpc::health::v1::HealthCheckResponse::ServingStatus status =
      grpc::health::v1::HealthCheckResponse::SERVING;
  std::vector<std::string> services;
};

using Result = CliResult;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(harness_.Start({&inventory_, &health_})); }

  Result Run(const std::vector<std::string>& args) { return harness_.Run(args); }

  // Writes `contents` to a file of the test's own and returns its path.
  std::string WriteFile(const std::string& contents) {
    const std::string path =
        absl::StrCat(::testing::TempDir(), "airr_cli_test_", NewRandomUuid(), ".json");
    std::ofstream(path) << contents;
    files_.push_back(path);
    return path;
  }

  ~CliTest() override {
    for (const std::string& path : files_) {
      std::remove(path.c_str());
    }
  }

  FakeInventory inventory_;
  FakeHealth health_;
  CliHarness harness_;
  Environment& env_ = harness_.env;
  std::vector<std::string> files_;
};

TEST_F(CliTest, HelpAtEveryLevel) {
  Result top = Run({"--help"});
  EXPECT_EQ(top.code, kExitOk);
  EXPECT_THAT(top.out, AllOf(HasSubstr("systems create"), HasSubstr("--tls-ca FILE"),
                             HasSubstr("Exit status")));
  Result group = Run({"systems", "--help"});
  EXPECT_EQ(group.code, kExitOk);
  EXPECT_THAT(group.out, AllOf(HasSubstr("Verbs:"), HasSubstr("undelete")));
  Result command = Run({"systems", "create", "--help"});
  EXPECT_EQ(command.code, kExitOk);
  EXPECT_THAT(command.out, AllOf(HasSubstr("--eu-area AREA"), HasSubstr("--request-id UUID"),
                                 HasSubstr("annex_i_product_safety"), HasSubstr("Repeatable.")));
  EXPECT_EQ(Run({"--help", "systems", "update"}).code, kExitOk);
  EXPECT_EQ(Run({"health", "-h"}).code, kExitOk);
  EXPECT_EQ(Run({"help"}).code, kExitOk);
  EXPECT_THAT(inventory_.creates, IsEmpty());
}

TEST_F(CliTest, UsageErrorsExitTwoWithAHint) {
  Result none = Run({});
  EXPECT_EQ(none.code, kExitUsage);
  EXPECT_THAT(none.err, HasSubstr("Usage: airr"));

  Result unknown = Run({"systems", "create", "--colour", "red"});
  EXPECT_EQ(unknown.code, kExitUsage);
  EXPECT_EQ(unknown.err,
            "airr: unknown flag --colour\nRun 'airr systems create --help' for usage.\n");

  EXPECT_EQ(Run({"sistems", "list"}).code, kExitUsage);
  EXPECT_THAT(Run({"systems"}).err, HasSubstr("missing verb after \"systems\"; one of: create"));
  EXPECT_THAT(Run({"systems", "remove", "x"}).err, HasSubstr("unknown verb \"remove\""));
  EXPECT_THAT(Run({"systems", "get"}).err, HasSubstr("airr: missing NAME"));
  EXPECT_THAT(Run({"systems", "get", "a", "b"}).err, HasSubstr("unexpected argument \"b\""));
  EXPECT_THAT(Run({"-o", "yaml", "systems", "get", "a"}).err, HasSubstr("allowed: table, json"));
  EXPECT_THAT(Run({"--timeout", "soon", "health"}).err, HasSubstr("--timeout"));
  EXPECT_THAT(Run({"systems", "list", "--page-size", "many"}).err, HasSubstr("--page-size"));
  EXPECT_THAT(Run({"--tls-cert", "c.pem", "health"}).err,
              HasSubstr("--tls-cert and --tls-key must be given together"));
  EXPECT_THAT(Run({"--tls-ca", "/nonexistent/ca.pem", "health"}).err,
              HasSubstr("--tls-ca: cannot read /nonexistent/ca.pem"));
  EXPECT_THAT(inventory_.lists, IsEmpty());
  EXPECT_THAT(inventory_.gets, IsEmpty());
}

TEST_F(CliTest, UnknownEnumValueIsRejectedBeforeSending) {
  Result result = Run({"systems", "create", "--stage", "production"});
  EXPECT_EQ(result.code, kExitUsage);
  EXPECT_THAT(result.err, HasSubstr("--stage: unknown value \"production\"; allowed: planning, "
                                    "data_collection, development, verification, deployment, "
                                    "operation, retired"));
  EXPECT_THAT(inventory_.creates, IsEmpty());
}

TEST_F(CliTest, CreateSendsTheFieldsARequestIdAndTheToken) {
  Result result =
      Run({"systems",        "create",    "--id",         "support-bot", "--display-name",
           "Support bot",    "--owner",   "cx-team",      "--role",      "provider",
           "--stage",        "operation", "--model-type", "llm",         "--generative",
           "--jurisdiction", "JP",        "--oversight",  "on_the_loop", "--tier",
           "medium",         "--label",   "bu=retail"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  ASSERT_EQ(inventory_.creates.size(), 1u);
  const inv::CreateAiSystemRequest& request = inventory_.creates[0];
  EXPECT_EQ(request.ai_system_id(), "support-bot");
  EXPECT_TRUE(api::IsCanonicalUuid(request.request_id(), false)) << request.request_id();
  EXPECT_EQ(request.ai_system().display_name(), "Support bot");
  EXPECT_THAT(request.ai_system().actor_roles(), ElementsAre(inv::ACTOR_ROLE_PROVIDER));
  EXPECT_EQ(request.ai_system().lifecycle_stage(), inv::LIFECYCLE_STAGE_OPERATION);
  EXPECT_EQ(request.ai_system().model_type(), inv::MODEL_TYPE_LLM);
  EXPECT_TRUE(request.ai_system().generative_ai());
  EXPECT_EQ(request.ai_system().human_oversight(), inv::HUMAN_OVERSIGHT_ON_THE_LOOP);
  EXPECT_EQ(request.ai_system().labels().at("bu"), "retail");
  EXPECT_THAT(inventory_.authorizations, ElementsAre(absl::StrCat("Bearer ", kToken)));
  EXPECT_THAT(result.out, HasSubstr("name:"));
  EXPECT_THAT(result.out, HasSubstr("aiSystems/support-bot\n"));
  EXPECT_THAT(result.out, HasSubstr("lifecycle_stage:"));
  EXPECT_THAT(result.out, HasSubstr("etag-1"));
}

TEST_F(CliTest, EachCreateGetsAFreshRequestIdUnlessOneIsGiven) {
  ASSERT_EQ(Run({"systems", "create", "--id", "a"}).code, kExitOk);
  ASSERT_EQ(Run({"systems", "create", "--id", "a"}).code, kExitOk);
  const std::string id = "0b5f2f8e-9d7c-4a38-8a57-3e0f5c1f2a11";
  ASSERT_EQ(Run({"systems", "create", "--id", "a", "--request-id", id}).code, kExitOk);
  ASSERT_EQ(inventory_.creates.size(), 3u);
  EXPECT_NE(inventory_.creates[0].request_id(), inventory_.creates[1].request_id());
  EXPECT_EQ(inventory_.creates[2].request_id(), id);
  EXPECT_EQ(Run({"systems", "create", "--request-id", "42"}).code, kExitUsage);
}

TEST_F(CliTest, CreateFromFileWithFlagsOverriding) {
  const std::string path =
      WriteFile(R"({"display_name": "From file", "owner": "file-owner", "vendors": ["a", "b"]})");
  ASSERT_EQ(Run({"systems", "create", "--from-file", path, "--owner", "flag-owner"}).code, kExitOk);
  ASSERT_EQ(inventory_.creates.size(), 1u);
  EXPECT_EQ(inventory_.creates[0].ai_system().display_name(), "From file");
  EXPECT_EQ(inventory_.creates[0].ai_system().owner(), "flag-owner");
  EXPECT_THAT(inventory_.creates[0].ai_system().vendors(), ElementsAre("a", "b"));
  EXPECT_EQ(Run({"systems", "create", "--from-file", WriteFile("{nope")}).code, kExitUsage);
}

TEST_F(CliTest, UpdateMaskIsExactlyTheFlagsGiven) {
  Result result = Run({"systems", "update", "support-bot", "--etag", "etag-1", "--tier", "high",
                       "--vendor", "acme", "--advanced=false", "--eu-category", "minimal"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  ASSERT_EQ(inventory_.updates.size(), 1u);
  const inv::UpdateAiSystemRequest& request = inventory_.updates[0];
  EXPECT_EQ(request.ai_system().name(), "aiSystems/support-bot");
  EXPECT_EQ(request.ai_system().etag(), "etag-1");
  EXPECT_EQ(request.ai_system().risk_tier(), inv::RISK_TIER_HIGH);
  EXPECT_FALSE(request.ai_system().advanced_ai());
  EXPECT_THAT(request.update_mask().paths(),
              ElementsAre("advanced_ai", "vendors", "eu_ai_act.category", "risk_tier"));
}

TEST_F(CliTest, UpdateWithoutFieldsIsAUsageError) {
  Result result = Run({"systems", "update", "aiSystems/x", "--etag", "e"});
  EXPECT_EQ(result.code, kExitUsage);
  EXPECT_THAT(result.err, HasSubstr("nothing to update"));
  EXPECT_THAT(inventory_.updates, IsEmpty());
}

TEST_F(CliTest, UpdateFromFileUsesItsKeysAndEtag) {
  const std::string path = WriteFile(
      R"({"name": "aiSystems/x", "etag": "etag-file", "create_time": "2024-01-01T00:00:00Z",
          "display_name": "Renamed", "labels": {"a": "b"}})");
  ASSERT_EQ(Run({"systems", "update", "x", "--from-file", path, "--owner", "o"}).code, kExitOk);
  ASSERT_EQ(Run({"systems", "update", "x", "--from-file", path, "--etag="}).code, kExitOk);
  ASSERT_EQ(inventory_.updates.size(), 2u);
  const inv::UpdateAiSystemRequest& first = inventory_.updates[0];
  EXPECT_THAT(first.update_mask().paths(), ElementsAre("display_name", "labels", "owner"));
  EXPECT_EQ(first.ai_system().etag(), "etag-file");
  EXPECT_FALSE(first.ai_system().has_create_time());
  EXPECT_EQ(inventory_.updates[1].ai_system().etag(), "");
}

TEST_F(CliTest, GetDeleteUndeleteNormalizeTheName) {
  ASSERT_EQ(Run({"systems", "get", "x"}).code, kExitOk);
  ASSERT_EQ(Run({"systems", "get", "aiSystems/y"}).code, kExitOk);
  ASSERT_EQ(Run({"systems", "delete", "x", "--etag", "e1"}).code, kExitOk);
  ASSERT_EQ(Run({"systems", "undelete", "x"}).code, kExitOk);
  ASSERT_EQ(inventory_.gets.size(), 2u);
  EXPECT_EQ(inventory_.gets[0].name(), "aiSystems/x");
  EXPECT_EQ(inventory_.gets[1].name(), "aiSystems/y");
  ASSERT_EQ(inventory_.deletes.size(), 1u);
  EXPECT_EQ(inventory_.deletes[0].name(), "aiSystems/x");
  EXPECT_EQ(inventory_.deletes[0].etag(), "e1");
  ASSERT_EQ(inventory_.undeletes.size(), 1u);
  EXPECT_EQ(inventory_.undeletes[0].etag(), "");
}

TEST_F(CliTest, GlobalFlagsMayFollowTheCommandAndOverrideTheEnvironment) {
  Result result = Run({"systems", "get", "x", "-o", "json"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("\"display_name\": \"Support bot\""));
  EXPECT_EQ(Run({"--token", "other", "systems", "get", "x"}).code, kExitOk);
  EXPECT_EQ(inventory_.authorizations.back(), "Bearer other");
  env_.erase("AIRR_TOKEN");
  EXPECT_EQ(Run({"systems", "get", "x"}).code, kExitOk);
  EXPECT_EQ(inventory_.authorizations.back(), "");
}

TEST_F(CliTest, EveryCallHasTheDeadlineOfTimeout) {
  ASSERT_EQ(Run({"--timeout", "30", "systems", "get", "x"}).code, kExitOk);
  ASSERT_EQ(Run({"systems", "get", "x", "--timeout", "500ms"}).code, kExitOk);
  ASSERT_EQ(inventory_.deadlines.size(), 2u);
  // gRPC rounds the timeout it sends up a little (grpc-timeout has few digits).
  EXPECT_GT(inventory_.deadlines[0], std::chrono::seconds(20));
  EXPECT_LE(inventory_.deadlines[0], std::chrono::seconds(31));
  EXPECT_GT(inventory_.deadlines[1], std::chrono::milliseconds(0));
  EXPECT_LE(inventory_.deadlines[1], std::chrono::milliseconds(600));
}

class ListTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    inv::ListAiSystemsResponse& first = inventory_.pages[""];
    inv::AiSystem* a = first.add_ai_systems();
    a->set_name("aiSystems/a");
    a->set_display_name("顧客対応ボット");
    a->set_lifecycle_stage(inv::LIFECYCLE_STAGE_OPERATION);
    a->set_risk_tier(inv::RISK_TIER_HIGH);
    a->set_owner("cx");
    a->add_jurisdictions("JP");
    a->add_jurisdictions("EU");
    a->mutable_update_time()->set_seconds(1714555800);
    first.set_next_page_token("p2");
    inv::AiSystem* b = inventory_.pages["p2"].add_ai_systems();
    b->set_name("aiSystems/b");
    b->set_display_name("Fraud model");
    b->set_lifecycle_stage(inv::LIFECYCLE_STAGE_RETIRED);
    b->set_risk_tier(inv::RISK_TIER_LOW);
    b->mutable_delete_time()->set_seconds(1714555801);
  }
};

TEST_F(ListTest, OnePageAsATableWithAHintForTheNext) {
  Result result = Run({"systems", "list", "--filter", "risk_tier = HIGH", "--order-by",
                       "display_name", "--page-size", "1", "--show-deleted"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(result.out,
            "NAME         DISPLAY NAME    STAGE      TIER  OWNER  JURISDICTIONS  UPDATED\n"
            "aiSystems/a  顧客対応ボット  operation  high  cx     JP,EU          "
            "2024-05-01T09:30:00Z\n");
  EXPECT_THAT(result.err, HasSubstr("--page-token p2"));
  ASSERT_EQ(inventory_.lists.size(), 1u);
  EXPECT_EQ(inventory_.lists[0].filter(), "risk_tier = HIGH");
  EXPECT_EQ(inventory_.lists[0].order_by(), "display_name");
  EXPECT_EQ(inventory_.lists[0].page_size(), 1);
  EXPECT_TRUE(inventory_.lists[0].show_deleted());
}

TEST_F(ListTest, AllFollowsThePageTokens) {
  Result result = Run({"systems", "list", "--all"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  ASSERT_EQ(inventory_.lists.size(), 2u);
  EXPECT_EQ(inventory_.lists[1].page_token(), "p2");
  EXPECT_THAT(result.out, HasSubstr("aiSystems/b  Fraud model     retired (deleted)  low"));
  EXPECT_EQ(result.err, "");
}

TEST_F(ListTest, AllAsJsonIsOneObject) {
  Result result = Run({"-o", "json", "systems", "list", "--all"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, StartsWith("{\n \"ai_systems\": [\n"));
  EXPECT_THAT(result.out, AllOf(HasSubstr("aiSystems/a"), HasSubstr("aiSystems/b"),
                                Not(HasSubstr("next_page_token"))));
}

TEST_F(ListTest, ARepeatedPageTokenStopsTheLoop) {
  inventory_.pages["p2"].set_next_page_token("p2");
  Result result = Run({"systems", "list", "--all"});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_THAT(result.err, HasSubstr("repeated a page token"));
}

TEST_F(ListTest, AnEmptyListSaysSo) {
  inventory_.pages[""] = inv::ListAiSystemsResponse();
  Result result = Run({"systems", "list"});
  EXPECT_EQ(result.code, kExitOk);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "No AI systems found.\n");
}

TEST_F(CliTest, ServerErrorsPrintCodeMessageAndDetails) {
  google::rpc::Status details;
  details.set_code(static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  details.set_message("invalid AI system");
  google::rpc::BadRequest bad_request;
  auto* violation = bad_request.add_field_violations();
  violation->set_field("ai_system.display_name");
  violation->set_description("must be 1 to 200 characters");
  details.add_details()->PackFrom(bad_request);
  google::rpc::ErrorInfo info;
  info.set_reason("FIELD_INVALID");
  info.set_domain("airr.dev");
  details.add_details()->PackFrom(info);
  inventory_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "invalid AI system",
                                  details.SerializeAsString());

  Result result = Run({"systems", "create", "--display-name="});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "airr: INVALID_ARGUMENT: invalid AI system\n"
            "  ai_system.display_name: must be 1 to 200 characters\n"
            "  reason: FIELD_INVALID\n");
}

TEST_F(CliTest, ErrorsWithoutDetailsAndHostileMessages) {
  inventory_.error = grpc::Status(grpc::StatusCode::ABORTED, "etag \x1b[2Jmismatch");
  Result result = Run({"systems", "delete", "x", "--etag", "old"});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_EQ(result.err, "airr: ABORTED: etag  [2Jmismatch\n");
}

TEST_F(CliTest, AnUnreachableServerIsUnavailable) {
  env_["AIRR_ADDR"] = "unix:" + ::testing::TempDir() + "airr-no-such-socket";
  Result result = Run({"systems", "get", "x"});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_THAT(result.err, StartsWith("airr: UNAVAILABLE: "));
  EXPECT_EQ(result.out, "");
}

TEST_F(CliTest, AFailedCreateOfUnknownOutcomeShowsTheRequestIdToRetryWith) {
  env_["AIRR_ADDR"] = "unix:" + ::testing::TempDir() + "airr-no-such-socket";
  Result result = Run({"systems", "create", "--id", "x"});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_THAT(result.err, HasSubstr("to retry safely, pass --request-id "));
}

TEST_F(CliTest, HealthPrintsTheStatusAndExitsZeroOnlyWhenServing) {
  Result serving = Run({"health"});
  EXPECT_EQ(serving.code, kExitOk);
  EXPECT_EQ(serving.out, "SERVING\n");
  health_.status = grpc::health::v1::HealthCheckResponse::NOT_SERVING;
  Result not_serving = Run({"health", "--service", "airr.inventory.v1.InventoryService"});
  EXPECT_EQ(not_serving.code, kExitFailure);
  EXPECT_EQ(not_serving.out, "NOT_SERVING\n");
  EXPECT_THAT(health_.services, ElementsAre("", "airr.inventory.v1.InventoryService"));
  EXPECT_THAT(Run({"-o", "json", "health"}).out, HasSubstr("\"status\": \"NOT_SERVING\""));
}

TEST_F(CliTest, ATokenThatCannotBeAHeaderIsRefusedWithoutEchoingIt) {
  env_["AIRR_TOKEN"] = std::string(kToken) + " x";
  Result result = Run({"systems", "get", "x"});
  EXPECT_EQ(result.code, kExitUsage);
  EXPECT_THAT(result.err, HasSubstr("the token (--token or AIRR_TOKEN)"));
  EXPECT_THAT(inventory_.gets, IsEmpty());
}

}  // namespace
}  // namespace airr::cli
