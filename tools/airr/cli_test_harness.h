// For tests of the whole CLI: a real gRPC server on 127.0.0.1 port 0 hosting fake services (which
// may record their requests with RequestRecorder), an environment pointing the CLI at it with a
// token, and RunCli in-process with captured output (and, where a command reads it, standard
// input).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "google/protobuf/message.h"
#include "grpcpp/server.h"
#include "grpcpp/support/status.h"
#include "tools/airr/global_options.h"

namespace airr::cli {

// The token the harness puts in AIRR_TOKEN; nothing the CLI prints may contain it.
inline constexpr char kHarnessToken[] = "s3cr3t-token";

// What one run of the CLI returned and printed.
struct CliResult {
  int code;
  std::string out;
  std::string err;
};

// For fake services: records every request received and answers it with a canned response, or
// with `error`. A fake derives from its generated Service and from this. Answer is thread-safe;
// read `received` and Last only while no call is in flight.
class RequestRecorder {
 public:
  // The last request of type T received; null when none was.
  template <typename T>
  const T* Last() const {
    for (auto it = received.rbegin(); it != received.rend(); ++it) {
      if (const auto* request = dynamic_cast<const T*>(it->get())) {
        return request;
      }
    }
    return nullptr;
  }

  grpc::Status error;  // What every call returns; OK by default.
  std::vector<std::unique_ptr<google::protobuf::Message>> received;

 protected:
  // Records `request`, copies `canned` into `response` and returns `error`.
  template <typename Request, typename Response>
  grpc::Status Answer(const Request& request, const Response& canned, Response* response) {
    std::lock_guard<std::mutex> lock(mu_);
    received.push_back(std::make_unique<Request>(request));
    *response = canned;
    return error;
  }

 private:
  std::mutex mu_;
};

// Owns the server. Not thread-safe; one per test.
class CliHarness {
 public:
  CliHarness() = default;
  CliHarness(const CliHarness&) = delete;
  CliHarness& operator=(const CliHarness&) = delete;
  ~CliHarness();

  // Starts the server with `services` (which must outlive it) and sets AIRR_ADDR and AIRR_TOKEN
  // in env. Returns false when the server could not start.
  bool Start(const std::vector<grpc::Service*>& services);

  // Runs `airr args...` with env and an empty standard input; fails the test if the token shows
  // up in the output.
  CliResult Run(const std::vector<std::string>& args);

  // Runs `airr args...` with `input` as standard input.
  CliResult RunWithInput(const std::string& input, const std::vector<std::string>& args);

  // The environment the CLI sees.
  Environment env;

 private:
  std::unique_ptr<grpc::Server> server_;
};

}  // namespace airr::cli
