// Tests of reading playbook files: YAML and JSON, short enum names and durations, the id from the
// file's name, errors with their field path, the size limit, and the shipped examples.
#include "tools/airr/playbook_file.h"

#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace airr::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace pb = ::airr::playbook::v1;
using google::protobuf::util::TimeUtil;

constexpr char kYaml[] = R"(# A small playbook.
name: playbooks/model-rollback
display_name: モデルのロールバック
owner: ML platform
purpose: |
  Roll back a model that misbehaves.
triggers:
  severities: [sev1, SEVERITY_SEV2]
  harm_types: [privacy]
  labels: {channel: web}
  auto_start: true
targets:
  first_action: 15m
  containment: 2h
  recovery: 1d
drill_interval: 180d
steps:
  - id: decide
    title: Decide on the rollback
    role: incident-executive
    target_offset: 30m
    mandatory: true
    kind: decide_rollback
  - id: roll-back
    title: Roll back
    role: ENGINEERING
    target_offset: 1h30m
    depends_on: [decide]
    milestone: containment
version: 7
etag: "abc"
update_time: "2026-01-01T00:00:00Z"
change_note: First import
)";

absl::StatusOr<PlaybookFile> Yaml(const std::string& text) {
  return ParsePlaybookText(text, "p.yaml", /*json=*/false);
}

std::string Refusal(const std::string& text, bool json = false) {
  absl::StatusOr<PlaybookFile> file = ParsePlaybookText(text, "p.yaml", json);
  EXPECT_EQ(file.status().code(), absl::StatusCode::kInvalidArgument) << text;
  return std::string(file.status().message());
}

TEST(PlaybookFileTest, ReadsYamlWithShortEnumNamesAndDurations) {
  absl::StatusOr<PlaybookFile> file = Yaml(kYaml);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->id, "model-rollback");
  const pb::Playbook& playbook = file->playbook;
  EXPECT_EQ(playbook.display_name(), "モデルのロールバック");
  EXPECT_EQ(playbook.purpose(), "Roll back a model that misbehaves.\n");
  EXPECT_THAT(playbook.triggers().severities(),
              ElementsAre(airr::incident::v1::SEVERITY_SEV1, airr::incident::v1::SEVERITY_SEV2));
  EXPECT_THAT(playbook.triggers().harm_types(), ElementsAre(airr::incident::v1::HARM_TYPE_PRIVACY));
  EXPECT_EQ(playbook.triggers().labels().at("channel"), "web");
  EXPECT_TRUE(playbook.triggers().auto_start());
  EXPECT_EQ(playbook.targets().first_action().seconds(), 900);
  EXPECT_EQ(playbook.targets().containment().seconds(), 7200);
  EXPECT_EQ(playbook.targets().recovery().seconds(), 86400);
  EXPECT_EQ(playbook.drill_interval().seconds(), 180 * 86400);
  ASSERT_EQ(playbook.steps_size(), 2);
  EXPECT_EQ(playbook.steps(0).role(), pb::RESPONSIBLE_ROLE_INCIDENT_EXECUTIVE);
  EXPECT_EQ(playbook.steps(0).kind(), pb::STEP_KIND_DECIDE_ROLLBACK);
  EXPECT_TRUE(playbook.steps(0).mandatory());
  EXPECT_EQ(playbook.steps(1).target_offset().seconds(), 5400);
  EXPECT_THAT(playbook.steps(1).depends_on(), ElementsAre("decide"));
  EXPECT_EQ(playbook.steps(1).milestone(), pb::MILESTONE_CONTAINMENT);
  EXPECT_EQ(playbook.change_note(), "First import");
  // Output-only fields are dropped, so that `-o json playbooks show` output can be read back.
  EXPECT_EQ(playbook.name(), "");
  EXPECT_EQ(playbook.version(), 0);
  EXPECT_EQ(playbook.etag(), "");
  EXPECT_FALSE(playbook.has_update_time());
}

TEST(PlaybookFileTest, ReadsProtobufJsonWithLowerCamelNames) {
  absl::StatusOr<PlaybookFile> file = ParsePlaybookText(
      R"({"displayName": "BCP", "owner": "crisis", "drillInterval": "31536000s",
          "steps": [{"id": "declare", "title": "Declare", "role": "RESPONSIBLE_ROLE_CRISIS_MANAGEMENT",
                     "targetOffset": "0s"}]})",
      "p.json", /*json=*/true);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->id, "");
  EXPECT_EQ(file->playbook.display_name(), "BCP");
  EXPECT_EQ(file->playbook.drill_interval().seconds(), 31536000);
  EXPECT_EQ(file->playbook.steps(0).role(), pb::RESPONSIBLE_ROLE_CRISIS_MANAGEMENT);
}

TEST(PlaybookFileTest, MistakesNameTheFileAndTheFieldPath) {
  struct Case {
    std::string yaml;
    std::string want;
  };
  for (const Case& c : std::vector<Case>{
           {"owner: x\nbogus: 1\n", "p.yaml: bogus: unknown field of Playbook"},
           {"steps:\n  - id: a\n  - id: b\n    role: lawyer\n",
            "p.yaml: steps[1].role: unknown value \"lawyer\"; allowed: incident_executive,"},
           {"steps:\n  - id: a\n    target_offset: soon\n",
            "p.yaml: steps[0].target_offset: \"soon\" is not a duration"},
           {"steps:\n  - id: a\n    target_offset: 15\n",
            "p.yaml: steps[0].target_offset: must be a duration in quotes"},
           {"steps:\n  - id: a\n    mandatory: yes\n",
            "p.yaml: steps[0].mandatory: must be true or false"},
           {"steps:\n  - id: 12\n", "p.yaml: steps[0].id: must be text; put it in quotes"},
           {"steps:\n  id: a\n", "p.yaml: steps: must be a list"},
           {"steps:\n  - [a]\n", "p.yaml: steps[0]: must be a mapping of fields"},
           {"triggers:\n  severities: [sev9]\n", "p.yaml: triggers.severities[0]: unknown value"},
           {"triggers:\n  labels: {team: 3}\n", "p.yaml: triggers.labels[team]: must be text"},
           {"triggers:\n  labels: [a]\n", "p.yaml: triggers.labels: must be a mapping"},
           {"targets:\n  recovery: {seconds: 1}\n", "p.yaml: targets.recovery: must be a duration"},
           {"create_time: yesterday\n", "p.yaml: create_time: must be an RFC 3339 time"},
           {"- a\n- b\n", "p.yaml: Playbook: the file must hold a mapping"},
           {"name: incidents/x\n", "p.yaml: name: \"incidents/x\" is not playbooks/ID"},
           {"name: playbooks/a/b\n", "is not playbooks/ID"},
           {"steps:\n  - id: a\n   title: b\n", "p.yaml:3:"},
       }) {
    EXPECT_THAT(Refusal(c.yaml), HasSubstr(c.want)) << c.yaml;
  }
  EXPECT_THAT(Refusal("{\"owner\": \"x\"", /*json=*/true), HasSubstr("p.yaml: not valid JSON"));
  // A negative duration is passed on: the server names the field and the rule.
  absl::StatusOr<PlaybookFile> negative = Yaml("steps:\n  - id: a\n    target_offset: -15m\n");
  ASSERT_TRUE(negative.ok()) << negative.status();
  EXPECT_EQ(negative->playbook.steps(0).target_offset().seconds(), -900);
}

class PlaybookFileReadTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = absl::StrCat(::testing::TempDir(), "/", name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

TEST_F(PlaybookFileReadTest, PicksTheFormatByNameOrFirstCharacter) {
  absl::StatusOr<PlaybookFile> yaml = ReadPlaybookFile(Write("a.yaml", kYaml));
  ASSERT_TRUE(yaml.ok()) << yaml.status();
  EXPECT_EQ(yaml->id, "model-rollback");
  absl::StatusOr<PlaybookFile> json = ReadPlaybookFile(Write("b.txt", "  {\"owner\": \"x\"}"));
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(json->playbook.owner(), "x");
  // A .json file is read as JSON, so YAML in it is malformed JSON.
  EXPECT_THAT(std::string(ReadPlaybookFile(Write("c.json", "owner: x\n")).status().message()),
              HasSubstr("c.json: not valid JSON"));
  EXPECT_EQ(ReadPlaybookFile(absl::StrCat(::testing::TempDir(), "/missing.yaml")).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(PlaybookFileReadTest, FilesOverOneMebibyteAreRefused) {
  const std::string big = "owner: x\n" + std::string(kMaxPlaybookFileBytes, '#');
  const absl::Status status = ReadPlaybookFile(Write("big.yaml", big)).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr("big.yaml: larger than the limit of"));
}

}  // namespace
}  // namespace airr::cli
