// The example playbooks shipped in deploy/examples/ read cleanly with the CLI's file reader and
// pass the playbook service's own validation, so that `airr playbooks create -f` imports them.
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/playbook/playbook_validator.h"
#include "tools/airr/playbook_file.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::playbook::v1;

pb::Playbook Example(const std::string& file, const std::string& id) {
  absl::StatusOr<PlaybookFile> read =
      ReadPlaybookFile(absl::StrCat(AIRR_SOURCE_DIR, "/deploy/examples/", file));
  EXPECT_TRUE(read.ok()) << read.status();
  if (!read.ok()) {
    return {};
  }
  EXPECT_EQ(read->id, id);
  const absl::Status valid = playbook::ValidatePlaybook(read->playbook, "playbook");
  EXPECT_TRUE(valid.ok()) << file << ": " << valid;
  return read->playbook;
}

TEST(ExamplesTest, FirstResponseFollowsTheGuidelinesReadinessList) {
  const pb::Playbook playbook =
      Example("ai-incident-first-response.yaml", "ai-incident-first-response");
  EXPECT_TRUE(playbook.triggers().auto_start());
  EXPECT_FALSE(playbook.triggers().bcp());
  std::set<int> roles;
  std::set<int> kinds;
  for (const pb::PlaybookStep& step : playbook.steps()) {
    roles.insert(step.role());
    kinds.insert(step.kind());
  }
  for (const pb::ResponsibleRole role :
       {pb::RESPONSIBLE_ROLE_INTAKE_DESK, pb::RESPONSIBLE_ROLE_INCIDENT_EXECUTIVE,
        pb::RESPONSIBLE_ROLE_RISK_MANAGEMENT, pb::RESPONSIBLE_ROLE_LEGAL,
        pb::RESPONSIBLE_ROLE_PUBLIC_RELATIONS, pb::RESPONSIBLE_ROLE_EXTERNAL_COUNSEL}) {
    EXPECT_EQ(roles.count(role), 1u) << pb::ResponsibleRole_Name(role);
  }
  for (const pb::StepKind kind :
       {pb::STEP_KIND_NOTIFY_STAKEHOLDERS, pb::STEP_KIND_CONTAIN, pb::STEP_KIND_DECIDE_KILL_SWITCH,
        pb::STEP_KIND_DECIDE_ROLLBACK, pb::STEP_KIND_DECIDE_NETWORK_ISOLATION}) {
    EXPECT_EQ(kinds.count(kind), 1u) << pb::StepKind_Name(kind);
  }
}

TEST(ExamplesTest, BcpPlaybookHasAnRtoAndAYearlyDrill) {
  const pb::Playbook playbook = Example("bcp-ai-system-shutdown.yaml", "bcp-ai-system-shutdown");
  EXPECT_TRUE(playbook.triggers().bcp());
  EXPECT_EQ(playbook.targets().recovery().seconds(), 8 * 3600);
  EXPECT_EQ(playbook.drill_interval().seconds(), 365 * 86400);
  int optional_steps = 0;
  for (const pb::PlaybookStep& step : playbook.steps()) {
    optional_steps += step.mandatory() ? 0 : 1;
  }
  EXPECT_GE(optional_steps, 1);
}

}  // namespace
}  // namespace airr::cli
