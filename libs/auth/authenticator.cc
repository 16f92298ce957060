#include "libs/auth/authenticator.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/auth/token.h"
#include "libs/common/errors.h"

namespace airr::auth {
namespace {

// Bounds the cache so a flood of distinct valid tokens cannot grow it without limit.
constexpr size_t kMaxCacheEntries = 10000;

absl::Status Unauthenticated(absl::string_view why) {
  return ErrorWithReason(absl::StatusCode::kUnauthenticated, why, "UNAUTHENTICATED");
}

}  // namespace

absl::StatusOr<Principal> Authenticator::Authenticate(absl::string_view authorization) {
  constexpr absl::string_view kScheme = "Bearer ";
  if (authorization.empty()) {
    return Unauthenticated("missing authorization metadata: send 'authorization: Bearer <token>'");
  }
  // The scheme is case-insensitive (RFC 7235); the token is not.
  if (!absl::StartsWithIgnoreCase(authorization, kScheme) ||
      authorization.size() == kScheme.size() || authorization.size() > 512) {
    return Unauthenticated("malformed authorization metadata: expected 'Bearer <token>'");
  }
  const std::string hash = HashToken(authorization.substr(kScheme.size()));
  const absl::Time now = clock_.Now();
  {
    absl::MutexLock lock(&mu_);
    auto it = cache_.find(hash);
    if (it != cache_.end() && it->second.expiry > now) {
      return it->second.principal;
    }
  }
  auto found = store_.FindByTokenHash(hash);
  if (!found.ok()) {
    return found.status();
  }
  if (!found->has_value()) {
    return Unauthenticated("unknown or revoked token");
  }
  absl::MutexLock lock(&mu_);
  if (cache_.size() >= kMaxCacheEntries) {
    cache_.clear();
  }
  cache_[hash] = CacheEntry{**found, now + cache_ttl_};
  return **found;
}

absl::Status Authenticator::Authorize(const Principal& principal, Permission permission) {
  if (Allows(principal.role, permission)) {
    return absl::OkStatus();
  }
  return ErrorWithReason(
      absl::StatusCode::kPermissionDenied,
      absl::StrCat("role ", RoleName(principal.role), " lacks permission ",
                   PermissionName(permission)),
      "PERMISSION_DENIED",
      {{"role", RoleName(principal.role)}, {"permission", PermissionName(permission)}});
}

}  // namespace airr::auth
