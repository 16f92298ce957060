// The gRPC channels the load generator's clients send on: one channel shared by every client
// thread (one HTTP/2 connection, calls multiplexed), or one channel with its own connection per
// client thread.
#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "tools/airr-bench/load_runner.h"

namespace airr::bench {

enum class ChannelMode {
  kShared,     // One channel, one TCP connection for all clients.
  kPerClient,  // A channel and a TCP connection per client.
};

struct ChannelOptions {
  std::string address = "127.0.0.1:50051";  // Any gRPC target.
  std::string tls_ca_file;                  // PEM root CA; TLS when set, plaintext otherwise.
  ChannelMode mode = ChannelMode::kPerClient;
};

// "shared" or "per-client".
std::string ChannelModeName(ChannelMode mode);

// A ChannelProvider as `options` say. Returns INVALID_ARGUMENT for an empty address and NOT_FOUND
// when the CA file cannot be read.
absl::StatusOr<ChannelProvider> MakeChannelProvider(const ChannelOptions& options);

// Waits up to `timeout` for `channel` to connect; UNAVAILABLE naming `address` when it does not.
absl::Status WaitForConnection(grpc::Channel& channel, const std::string& address,
                               absl::Duration timeout);

}  // namespace airr::bench
