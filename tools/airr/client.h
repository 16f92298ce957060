// The connection to an airr server: one gRPC channel (plaintext, TLS with a given root CA, or mTLS
// with a client certificate) and, for every call, a ClientContext with a deadline and the bearer
// token as `authorization` metadata.
#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"

namespace airr::cli {

// Where and how to connect. The token is a secret: nothing here ever prints it.
struct ConnectionOptions {
  std::string address = "127.0.0.1:50051";  // Any gRPC target, e.g. "host:port" or "unix:/path".
  std::string token;                        // Bearer token; empty sends no authorization.
  absl::Duration timeout = absl::Seconds(10);
  std::string tls_ca_file;      // PEM root CA; TLS is used when this or tls_cert_file is set.
  std::string tls_cert_file;    // PEM client certificate chain for mTLS (needs tls_key_file).
  std::string tls_key_file;     // PEM private key of tls_cert_file.
  std::string tls_server_name;  // Overrides the name checked in the server certificate.
};

// Holds the channel. Thread-safe: the channel is, and NewContext only reads the options.
class Client {
 public:
  // Reads the TLS files and creates the channel (which connects lazily, on the first call).
  // Returns INVALID_ARGUMENT for a token that cannot be sent as a header or a key without a
  // certificate (or the reverse), NOT_FOUND when a TLS file cannot be read.
  static absl::StatusOr<std::unique_ptr<Client>> Create(const ConnectionOptions& options);

  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }

  // A context for one call: deadline now + timeout, and `authorization: Bearer <token>` when a
  // token is set.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

  // A context for one call that carries `units` (at least 1) units of work, each allowed the
  // timeout, e.g. the batches of one client stream: deadline now + units * timeout.
  std::unique_ptr<grpc::ClientContext> NewContextFor(int units) const;

  // A context without a deadline, for a stream that runs until the user stops it (a watch).
  // A server that cannot be reached still fails the call at once (no wait for ready).
  std::unique_ptr<grpc::ClientContext> NewOpenEndedContext() const;

 private:
  Client(ConnectionOptions options, std::shared_ptr<grpc::Channel> channel)
      : options_(std::move(options)), channel_(std::move(channel)) {}

  const ConnectionOptions options_;
  const std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace airr::cli
