// An in-process airr server hosting the inventory service on port 0 over the test database, with
// a generated stub and helpers to call it as a given principal.
#pragma once

#include <memory>
#include <string>

#include "airr/inventory/v1/inventory_service.grpc.pb.h"
#include "tests/testing/server_env.h"

namespace airr::testing {

class InventoryEnv {
 public:
  // Starts the server (aborts the test binary when it cannot).
  InventoryEnv();

  int port() const { return server_.port(); }
  inventory::v1::InventoryService::Stub& stub() { return *stub_; }
  std::shared_ptr<grpc::Channel> channel() { return server_.channel(); }

  // A client context carrying `token` (none when empty) and a 30 s deadline.
  static std::unique_ptr<grpc::ClientContext> Context(const std::string& token) {
    return ServerEnv::Context(token);
  }

  // A valid AiSystem to create, with the given display name.
  static inventory::v1::AiSystem ValidSystem(const std::string& display_name);

 private:
  ServerEnv server_;
  std::unique_ptr<inventory::v1::InventoryService::Stub> stub_;
};

}  // namespace airr::testing
