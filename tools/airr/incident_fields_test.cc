// Unit tests of the incident field flags: flags and --from-file to CreateIncidentRequest and
// UpdateIncidentRequest (update_mask, implied personal-data fields, defaults), and bad values.
#include "tools/airr/incident_fields.h"

#include <cstdio>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "libs/api/validation.h"
#include "libs/common/uuid.h"

namespace airr::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

namespace pb = ::airr::incident::v1;

using google::protobuf::util::TimeUtil;

// 2026-11-23T10:00:00.5Z: the clock the builders get.
const absl::Time kNow = absl::FromUnixMillis(1795428000500);

std::vector<FlagSpec> CreateSpecs() {
  std::vector<FlagSpec> specs = IncidentCreateFieldFlagSpecs();
  specs.push_back({"id", '\0', FlagSpec::Kind::kValue, false, "ID", ""});
  specs.push_back({"request-id", '\0', FlagSpec::Kind::kValue, false, "UUID", ""});
  specs.push_back({"from-file", '\0', FlagSpec::Kind::kValue, false, "FILE", ""});
  specs.push_back({"etag", '\0', FlagSpec::Kind::kValue, false, "ETAG", ""});
  return specs;
}

ParsedArgs Parse(const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseArgs(CreateSpecs(), args);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *parsed : ParsedArgs();
}

// A sample value for a flag: a KEY=VALUE, a time, a number, the first allowed enum value, or text.
std::string SampleArg(const FlagSpec& spec) {
  std::string arg = "--" + spec.name;
  if (spec.kind == FlagSpec::Kind::kBool) {
    return arg;
  }
  const size_t one_of = spec.help.find("One of: ");
  if (spec.value_name == "KEY=VALUE") {
    return arg + "=k=v";
  }
  if (spec.value_name == "TIME") {
    return arg + "=2026-11-23T10:00:00Z";
  }
  if (spec.value_name == "N") {
    return arg + "=7";
  }
  if (one_of != std::string::npos) {
    return arg + "=" +
           spec.help.substr(one_of + 8, spec.help.find_first_of(",.", one_of) - one_of - 8);
  }
  return arg + "=x";
}

class IncidentFieldsTest : public ::testing::Test {
 protected:
  ~IncidentFieldsTest() override {
    for (const std::string& path : files_) {
      std::remove(path.c_str());
    }
  }

  std::string WriteFile(const std::string& contents) {
    const std::string path =
        absl::StrCat(::testing::TempDir(), "airr_incident_fields_test_", NewRandomUuid(), ".json");
    std::ofstream(path) << contents;
    files_.push_back(path);
    return path;
  }

  std::vector<std::string> files_;
};

TEST_F(IncidentFieldsTest, EveryFlagSetsAField) {
  for (const FlagSpec& spec : IncidentCreateFieldFlagSpecs()) {
    const std::string arg = SampleArg(spec);
    pb::Incident incident;
    std::vector<std::string> paths;
    absl::Status status = ApplyIncidentFieldFlags(Parse({arg}), &incident, &paths);
    EXPECT_TRUE(status.ok()) << arg << ": " << status;
    EXPECT_FALSE(paths.empty()) << arg;
    EXPECT_NE(incident.ByteSizeLong(), 0u) << arg;
  }
}

TEST_F(IncidentFieldsTest, UpdateHasEveryFieldFlagButSeverity) {
  std::vector<std::string> update;
  for (const FlagSpec& spec : IncidentFieldFlagSpecs()) {
    update.push_back(spec.name);
  }
  std::vector<std::string> create;
  for (const FlagSpec& spec : IncidentCreateFieldFlagSpecs()) {
    if (spec.name != "severity") {
      create.push_back(spec.name);
    }
  }
  EXPECT_EQ(update, create);
  EXPECT_EQ(IncidentCreateFieldFlagSpecs().size(), IncidentFieldFlagSpecs().size() + 1);
}

TEST_F(IncidentFieldsTest, CreateBuildsTheRequestWithDefaults) {
  absl::StatusOr<pb::CreateIncidentRequest> request =
      BuildCreateIncidentRequest(Parse({"--title",
                                        "Leak",
                                        "--ai-system",
                                        "aiSystems/bot",
                                        "--kind",
                                        "HAZARD",
                                        "--cause",
                                        "prompt-injection",
                                        "--action",
                                        "kill_switch",
                                        "--occur-time",
                                        "2026-11-22T23:00:00-01:00",
                                        "--jurisdiction",
                                        "JP",
                                        "--jurisdiction",
                                        "EU",
                                        "--rights-infringed",
                                        "--injuries",
                                        "2",
                                        "--id",
                                        "leak"}),
                                 kNow);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->incident_id(), "leak");
  EXPECT_TRUE(api::IsCanonicalUuid(request->request_id(), false));
  const pb::Incident& incident = request->incident();
  EXPECT_EQ(incident.ai_system(), "aiSystems/bot");
  EXPECT_EQ(incident.kind(), pb::KIND_HAZARD);
  EXPECT_THAT(incident.cause_hints(), ElementsAre(pb::CAUSE_HINT_PROMPT_INJECTION));
  EXPECT_THAT(incident.immediate_actions(), ElementsAre(pb::IMMEDIATE_ACTION_KILL_SWITCH));
  EXPECT_EQ(TimeUtil::ToString(incident.occur_time()), "2026-11-23T00:00:00Z");
  EXPECT_EQ(TimeUtil::ToString(incident.detect_time()), "2026-11-23T10:00:00Z");
  EXPECT_THAT(incident.jurisdictions(), ElementsAre("JP", "EU"));
  EXPECT_TRUE(incident.affected().fundamental_rights_infringed());
  EXPECT_EQ(incident.affected().serious_injuries(), 2);
  EXPECT_FALSE(incident.has_personal_data());
  EXPECT_EQ(incident.severity(), pb::SEVERITY_UNSPECIFIED);
}

TEST_F(IncidentFieldsTest, ABreachImpliesPersonalDataUnlessSaidOtherwise) {
  absl::StatusOr<pb::CreateIncidentRequest> implied = BuildCreateIncidentRequest(
      Parse({"--breach", "unauthorized-access", "--breach-category", "sensitive"}), kNow);
  ASSERT_TRUE(implied.ok()) << implied.status();
  EXPECT_TRUE(implied->incident().personal_data().breached());
  EXPECT_TRUE(implied->incident().personal_data().involved());
  EXPECT_THAT(implied->incident().personal_data().breach_categories(),
              ElementsAre(pb::BREACH_CATEGORY_SENSITIVE));

  // Given explicitly, the flags win; the server then judges the combination.
  absl::StatusOr<pb::CreateIncidentRequest> explicit_flags = BuildCreateIncidentRequest(
      Parse({"--breach", "lost", "--breached=false", "--personal-data=false"}), kNow);
  ASSERT_TRUE(explicit_flags.ok());
  EXPECT_FALSE(explicit_flags->incident().personal_data().breached());
  EXPECT_FALSE(explicit_flags->incident().personal_data().involved());

  pb::Incident incident;
  std::vector<std::string> paths;
  ASSERT_TRUE(ApplyIncidentFieldFlags(Parse({"--breached"}), &incident, &paths).ok());
  EXPECT_THAT(paths, ElementsAre("personal_data.breached", "personal_data.involved"));
  paths.clear();
  ASSERT_TRUE(ApplyIncidentFieldFlags(Parse({"--breach="}), &incident, &paths).ok());
  EXPECT_THAT(paths, ElementsAre("personal_data.breach_types"));
}

TEST_F(IncidentFieldsTest, CreateFromFileWithFlagsOverriding) {
  const std::string path = WriteFile(R"({
    "name": "incidents/old", "state": "STATE_CLOSED", "etag": "W/\"9\"",
    "title": "From file", "severity": "SEVERITY_SEV3", "aiSystem": "bot",
    "detectTime": "2026-11-20T08:00:00Z", "harmTypes": ["HARM_TYPE_PRIVACY"]})");
  absl::StatusOr<pb::CreateIncidentRequest> request =
      BuildCreateIncidentRequest(Parse({"--from-file", path, "--title", "From flag"}), kNow);
  ASSERT_TRUE(request.ok()) << request.status();
  const pb::Incident& incident = request->incident();
  EXPECT_EQ(incident.title(), "From flag");
  EXPECT_EQ(incident.severity(), pb::SEVERITY_SEV3);
  EXPECT_EQ(incident.ai_system(), "aiSystems/bot");
  EXPECT_EQ(TimeUtil::ToString(incident.detect_time()), "2026-11-20T08:00:00Z");
  EXPECT_THAT(incident.harm_types(), ElementsAre(pb::HARM_TYPE_PRIVACY));
  EXPECT_EQ(incident.name(), "");
  EXPECT_EQ(incident.state(), pb::STATE_UNSPECIFIED);
  EXPECT_EQ(incident.etag(), "");
}

TEST_F(IncidentFieldsTest, UpdateFromFileMasksOnlyUpdatableFieldsAndKeepsTheEtag) {
  const std::string path = WriteFile(R"({
    "name": "incidents/i-1", "state": "STATE_TRIAGED", "etag": "W/\"4\"", "owner": "bob",
    "severity": "SEVERITY_SEV1", "title": "Renamed", "signalCount": "3",
    "labels": {"a": "b"}, "personalData": {"involved": true}})");
  absl::StatusOr<pb::UpdateIncidentRequest> request =
      BuildUpdateIncidentRequest(Parse({"--from-file", path, "--breach", "leaked"}), "i-1");
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_THAT(request->update_mask().paths(), ElementsAre("title", "personal_data", "labels"));
  const pb::Incident& incident = request->incident();
  EXPECT_EQ(incident.name(), "incidents/i-1");
  EXPECT_EQ(incident.etag(), "W/\"4\"");
  EXPECT_EQ(incident.severity(), pb::SEVERITY_UNSPECIFIED);
  EXPECT_EQ(incident.owner(), "");
  EXPECT_EQ(incident.signal_count(), 0);
  EXPECT_THAT(incident.labels(), UnorderedElementsAre(Pair("a", "b")));
  EXPECT_TRUE(incident.personal_data().breached());

  absl::StatusOr<pb::UpdateIncidentRequest> no_etag =
      BuildUpdateIncidentRequest(Parse({"--from-file", path, "--etag="}), "incidents/i-1");
  ASSERT_TRUE(no_etag.ok());
  EXPECT_EQ(no_etag->incident().etag(), "");
}

TEST_F(IncidentFieldsTest, UpdateNeedsSomethingToChange) {
  const std::string path = WriteFile(R"({"name": "incidents/i-1", "state": "STATE_TRIAGED"})");
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{}, {"--etag", "e"}, {"--from-file", path}}) {
    absl::StatusOr<pb::UpdateIncidentRequest> request =
        BuildUpdateIncidentRequest(Parse(args), "i-1");
    ASSERT_FALSE(request.ok());
    EXPECT_THAT(request.status().message(), HasSubstr("nothing to update"));
  }
}

TEST_F(IncidentFieldsTest, RejectsBadValuesNamingTheFlag) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {{"--harm", "privacy", "--harm", "boredom"},
            "--harm: unknown value \"boredom\"; allowed: physical_health, psychological, "
            "financial, property, environmental, discrimination, privacy, rights, reputational, "
            "societal, critical_infrastructure, other"},
           {{"--aware-time", "2026-11-23 10:00"},
            "--aware-time: \"2026-11-23 10:00\" is not an RFC 3339 time such as "
            "2026-11-23T10:00:00Z"},
           {{"--people", "1e3"}, "--people: \"1e3\" is not a whole number"},
           {{"--label", "x"}, "--label: \"x\" is not KEY=VALUE"},
           {{"--request-id", "not-a-uuid"}, "--request-id: \"not-a-uuid\" is not a UUID"},
       }) {
    absl::StatusOr<pb::CreateIncidentRequest> request =
        BuildCreateIncidentRequest(Parse(c.args), kNow);
    ASSERT_FALSE(request.ok()) << c.message;
    EXPECT_EQ(request.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(request.status().message(), c.message);
  }
  absl::StatusOr<pb::CreateIncidentRequest> missing =
      BuildCreateIncidentRequest(Parse({"--from-file", "/nonexistent/airr/i.json"}), kNow);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  absl::StatusOr<pb::CreateIncidentRequest> unknown =
      BuildCreateIncidentRequest(Parse({"--from-file", WriteFile(R"({"colour": 1})")}), kNow);
  EXPECT_THAT(unknown.status().message(), HasSubstr("not a JSON Incident"));
}

TEST_F(IncidentFieldsTest, AnEmptyValueClearsAndListsAreReplaced) {
  pb::Incident incident;
  incident.add_harm_types(pb::HARM_TYPE_OTHER);
  incident.set_description("old");
  *incident.mutable_occur_time() = TimeUtil::SecondsToTimestamp(1);
  std::vector<std::string> paths;
  ASSERT_TRUE(
      ApplyIncidentFieldFlags(Parse({"--harm", "societal", "--description=", "--occur-time="}),
                              &incident, &paths)
          .ok());
  EXPECT_THAT(incident.harm_types(), ElementsAre(pb::HARM_TYPE_SOCIETAL));
  EXPECT_EQ(incident.description(), "");
  EXPECT_FALSE(incident.has_occur_time());
  EXPECT_THAT(paths, ElementsAre("description", "occur_time", "harm_types"));
  EXPECT_THAT(IncidentFieldFlagSpecs(), Not(IsEmpty()));
}

}  // namespace
}  // namespace airr::cli
