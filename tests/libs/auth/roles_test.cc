#include "libs/auth/roles.h"

#include <gtest/gtest.h>

namespace airr::auth {
namespace {

using P = Permission;
using R = Role;

TEST(RolesTest, MatrixMatchesTheDocumentedRoles) {
  struct Row {
    Role role;
    std::vector<Permission> allowed;
  };
  const std::vector<Permission> all = {
      P::kRead,    P::kManageInventory, P::kReportIncident, P::kRiskWork,   P::kFollowUp,
      P::kRespond, P::kManagePlaybooks, P::kVerifyAudit,    P::kAdminTenant};
  const std::vector<Row> rows = {
      {R::kViewer, {P::kRead}},
      {R::kReporter, {P::kRead, P::kReportIncident}},
      {R::kAnalyst,
       {P::kRead, P::kManageInventory, P::kRiskWork, P::kFollowUp, P::kManagePlaybooks}},
      {R::kResponder,
       {P::kRead, P::kReportIncident, P::kRespond, P::kFollowUp, P::kManagePlaybooks}},
      {R::kAuditor, {P::kRead, P::kVerifyAudit}},
      {R::kAdmin, all},
  };
  for (const auto& row : rows) {
    for (Permission p : all) {
      const bool expected =
          std::find(row.allowed.begin(), row.allowed.end(), p) != row.allowed.end();
      EXPECT_EQ(Allows(row.role, p), expected) << RoleName(row.role) << " / " << PermissionName(p);
    }
  }
}

TEST(RolesTest, ParseRoundTripsAndRejectsUnknown) {
  for (Role r : {R::kViewer, R::kReporter, R::kAnalyst, R::kResponder, R::kAdmin, R::kAuditor}) {
    auto parsed = ParseRole(RoleName(r));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, r);
  }
  EXPECT_EQ(ParseRole("Admin").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseRole("").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace airr::auth
