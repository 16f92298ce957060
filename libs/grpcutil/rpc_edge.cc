#include "libs/grpcutil/rpc_edge.h"

#include <chrono>
#include <cstdio>

#include "absl/strings/escaping.h"
#include "absl/strings/str_format.h"
#include "libs/common/errors.h"
#include "libs/grpcutil/status.h"

namespace airr::grpcutil {
namespace {

std::string Metadata(grpc::ServerContext* context, absl::string_view key) {
  const auto& md = context->client_metadata();
  auto it = md.find(grpc::string_ref(key.data(), key.size()));
  if (it == md.end()) {
    return "";
  }
  return std::string(it->second.data(), it->second.size());
}

absl::Time Deadline(grpc::ServerContext* context) {
  const auto deadline = context->deadline();
  // gRPC reports "no deadline" as a time point far in the future.
  if (deadline >= std::chrono::system_clock::now() + std::chrono::hours(24 * 365)) {
    return absl::InfiniteFuture();
  }
  return absl::FromChrono(deadline);
}

void LogCall(const Call& call, const absl::Status& status, absl::Duration elapsed) {
  // One line per RPC; never the token, the DSN or request payloads.
  std::fprintf(stderr,
               "{\"ts\":\"%s\",\"method\":\"%s\",\"code\":\"%s\",\"reason\":\"%s\","
               "\"duration_ms\":%.3f,\"tenant\":\"%s\",\"principal\":\"%s\","
               "\"request_id\":\"%s\"}\n",
               absl::FormatTime(absl::RFC3339_full, absl::Now(), absl::UTCTimeZone()).c_str(),
               absl::CEscape(call.scope.method).c_str(),
               absl::StatusCodeToString(status.code()).c_str(),
               absl::CEscape(ErrorReason(status)).c_str(), absl::ToDoubleMilliseconds(elapsed),
               call.principal.tenant_id.c_str(), call.principal.principal_id.c_str(),
               absl::CEscape(call.scope.request_id.substr(0, 64)).c_str());
}

}  // namespace

grpc::Status RpcEdge::Run(grpc::ServerContext* context, absl::string_view method,
                          auth::Permission permission,
                          const std::function<absl::Status(const Call&)>& handler) {
  const absl::Time start = clock_.Now();
  Call call;
  call.scope.method = std::string(method);
  call.scope.request_id = Metadata(context, "x-request-id");
  call.scope.deadline = Deadline(context);
  absl::Status status = [&]() -> absl::Status {
    auto principal = authenticator_.Authenticate(Metadata(context, "authorization"));
    if (!principal.ok()) {
      return principal.status();
    }
    call.principal = *std::move(principal);
    call.scope.tenant_id = call.principal.tenant_id;
    call.scope.actor = call.principal.AuditName();
    if (absl::Status allowed = auth::Authenticator::Authorize(call.principal, permission);
        !allowed.ok()) {
      return allowed;
    }
    return handler(call);
  }();
  LogCall(call, status, clock_.Now() - start);
  return ToGrpcStatus(status);
}

}  // namespace airr::grpcutil
