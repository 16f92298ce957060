#include "libs/auth/roles.h"

#include "absl/strings/str_cat.h"
#include "libs/common/errors.h"

namespace airr::auth {
namespace {

struct RoleEntry {
  Role role;
  const char* name;
};

constexpr RoleEntry kRoles[] = {
    {Role::kViewer, "viewer"},       {Role::kReporter, "reporter"}, {Role::kAnalyst, "analyst"},
    {Role::kResponder, "responder"}, {Role::kAdmin, "admin"},       {Role::kAuditor, "auditor"},
};

}  // namespace

bool Allows(Role role, Permission permission) {
  if (role == Role::kAdmin || permission == Permission::kRead) {
    return true;
  }
  switch (permission) {
    case Permission::kManageInventory:
    case Permission::kRiskWork:
      return role == Role::kAnalyst;
    case Permission::kReportIncident:
      return role == Role::kReporter || role == Role::kResponder;
    case Permission::kRespond:
      return role == Role::kResponder;
    case Permission::kFollowUp:
    case Permission::kManagePlaybooks:
      return role == Role::kAnalyst || role == Role::kResponder;
    case Permission::kVerifyAudit:
      return role == Role::kAuditor;
    case Permission::kRead:
    case Permission::kAdminTenant:
      return false;
  }
  return false;
}

std::string RoleName(Role role) {
  for (const auto& entry : kRoles) {
    if (entry.role == role) {
      return entry.name;
    }
  }
  return "unknown";
}

absl::StatusOr<Role> ParseRole(absl::string_view name, absl::string_view field) {
  for (const auto& entry : kRoles) {
    if (name == entry.name) {
      return entry.role;
    }
  }
  return InvalidField(field, "must be one of viewer, reporter, analyst, responder, admin, auditor");
}

std::string PermissionName(Permission permission) {
  switch (permission) {
    case Permission::kRead:
      return "read";
    case Permission::kManageInventory:
      return "manage_inventory";
    case Permission::kReportIncident:
      return "report_incident";
    case Permission::kRiskWork:
      return "risk_work";
    case Permission::kRespond:
      return "respond";
    case Permission::kFollowUp:
      return "follow_up";
    case Permission::kManagePlaybooks:
      return "manage_playbooks";
    case Permission::kVerifyAudit:
      return "verify_audit";
    case Permission::kAdminTenant:
      return "admin_tenant";
  }
  return "unknown";
}

}  // namespace airr::auth
