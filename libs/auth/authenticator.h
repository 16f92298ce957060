// Turns the `authorization` metadata of a call into a Principal, and checks permissions.
// Successful lookups are cached for a short time so a hot path costs no database round trip;
// a revoked token therefore stops working within `cache_ttl`.
#pragma once

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "libs/auth/principal.h"
#include "libs/common/clock.h"

namespace airr::auth {

// Thread-safe.
class Authenticator {
 public:
  Authenticator(PrincipalStore& store, const Clock& clock, absl::Duration cache_ttl)
      : store_(store), clock_(clock), cache_ttl_(cache_ttl) {}

  // Resolves "Bearer <token>". UNAUTHENTICATED when the header is missing, malformed or names
  // no active token; the database's status when the lookup fails.
  absl::StatusOr<Principal> Authenticate(absl::string_view authorization);

  // OK when the principal's role grants the permission, else PERMISSION_DENIED naming both.
  static absl::Status Authorize(const Principal& principal, Permission permission);

 private:
  struct CacheEntry {
    Principal principal;
    absl::Time expiry;
  };

  PrincipalStore& store_;
  const Clock& clock_;
  const absl::Duration cache_ttl_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, CacheEntry> cache_ ABSL_GUARDED_BY(mu_);
};

}  // namespace airr::auth
