// Who is calling: the authenticated principal of a request, and the store that resolves tokens.
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "libs/auth/roles.h"

namespace airr::auth {

struct Principal {
  std::string tenant_id;
  std::string principal_id;
  std::string name;
  Role role = Role::kViewer;

  // "name (principal_id)", as recorded in the audit trail.
  std::string AuditName() const { return name + " (" + principal_id + ")"; }
};

// Resolves token hashes to principals. Implementations are thread-safe.
class PrincipalStore {
 public:
  virtual ~PrincipalStore() = default;
  // The active principal holding the token with this hash, or nullopt. UNAVAILABLE (or other
  // database errors) when the lookup itself fails.
  virtual absl::StatusOr<std::optional<Principal>> FindByTokenHash(
      const std::string& token_hash) = 0;
};

}  // namespace airr::auth
