#include "tools/airr-bench/channels.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "grpc/grpc.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace airr::bench {

std::string ChannelModeName(ChannelMode mode) {
  return mode == ChannelMode::kShared ? "shared" : "per-client";
}

absl::StatusOr<ChannelProvider> MakeChannelProvider(const ChannelOptions& options) {
  if (options.address.empty()) {
    return absl::InvalidArgumentError("--addr must not be empty");
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (!options.tls_ca_file.empty()) {
    std::ifstream in(options.tls_ca_file, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(absl::StrCat("--tls-ca: cannot read ", options.tls_ca_file));
    }
    std::ostringstream pem;
    pem << in.rdbuf();
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = pem.str();
    credentials = grpc::SslCredentials(ssl);
  }
  if (options.mode == ChannelMode::kShared) {
    std::shared_ptr<grpc::Channel> channel = grpc::CreateChannel(options.address, credentials);
    return ChannelProvider([channel](int) { return channel; });
  }
  const std::string address = options.address;
  return ChannelProvider([address, credentials](int client_index) {
    // Channels with equal arguments share their connection through gRPC's global subchannel
    // pool; a local pool (and a distinct argument, for clarity in channelz) gives each its own.
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetInt("airr_bench.client", client_index);
    return grpc::CreateCustomChannel(address, credentials, args);
  });
}

absl::Status WaitForConnection(grpc::Channel& channel, const std::string& address,
                               absl::Duration timeout) {
  if (channel.WaitForConnected(absl::ToChronoTime(absl::Now() + timeout))) {
    return absl::OkStatus();
  }
  return absl::UnavailableError(
      absl::StrCat("could not connect to ", address, " within ", absl::FormatDuration(timeout)));
}

}  // namespace airr::bench
