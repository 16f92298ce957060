#include "tools/airr-bench/scenario.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace airr::bench {

// grpc::StatusCode and absl::StatusCode share their numbers (both follow google.rpc.Code).
std::string StatusCodeName(grpc::StatusCode code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

void CallSettings::Apply(grpc::ClientContext& context) const {
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  if (!token.empty()) {
    context.AddMetadata("authorization", absl::StrCat("Bearer ", token));
  }
}

}  // namespace airr::bench
