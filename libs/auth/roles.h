// Roles a principal can hold and the permissions each grants. The matrix is the single source of
// truth for authorization; handlers ask for a permission, never for a role.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace airr::auth {

enum class Role { kViewer, kReporter, kAnalyst, kResponder, kAdmin, kAuditor };

enum class Permission {
  kRead,             // read any record of the tenant
  kManageInventory,  // create, update, delete AI systems
  kReportIncident,   // log incidents and near misses
  kRiskWork,         // risk assessments, principle violations, policy and notification rules
  kFollowUp,         // mitigations and notification obligations of incidents
  kRespond,          // incident response and playbook runs
  kManagePlaybooks,  // write response playbooks
  kVerifyAudit,      // read and verify the audit trail
  kAdminTenant,      // everything else in the tenant
};

// Whether `role` grants `permission`:
//   viewer: read; reporter: read, report incidents; analyst: read, inventory, risk work, follow-up,
//   playbooks;
//   responder: read, report incidents, respond, follow-up, playbooks; auditor: read, verify audit;
//   admin: all.
bool Allows(Role role, Permission permission);

// The role's lower-case name ("viewer", ...).
std::string RoleName(Role role);

// Parses a lower-case role name. INVALID_ARGUMENT naming `field` for anything else.
absl::StatusOr<Role> ParseRole(absl::string_view name, absl::string_view field = "role");

// The permission's name for messages ("manage_inventory", ...).
std::string PermissionName(Permission permission);

}  // namespace airr::auth
