#include "tools/airr/cli_test_harness.h"

#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"
#include "tools/airr/cli.h"

namespace airr::cli {

using ::testing::HasSubstr;
using ::testing::Not;

CliHarness::~CliHarness() {
  if (server_ != nullptr) {
    server_->Shutdown();
  }
}

bool CliHarness::Start(const std::vector<grpc::Service*>& services) {
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  for (grpc::Service* service : services) {
    builder.RegisterService(service);
  }
  server_ = builder.BuildAndStart();
  if (server_ == nullptr) {
    return false;
  }
  env["AIRR_ADDR"] = absl::StrCat("127.0.0.1:", port);
  env["AIRR_TOKEN"] = kHarnessToken;
  return true;
}

CliResult CliHarness::Run(const std::vector<std::string>& args) { return RunWithInput("", args); }

CliResult CliHarness::RunWithInput(const std::string& input, const std::vector<std::string>& args) {
  std::istringstream in(input);
  std::streambuf* const saved = std::cin.rdbuf(in.rdbuf());
  std::ostringstream out;
  std::ostringstream err;
  const int code = RunCli(args, env, out, err);
  std::cin.rdbuf(saved);
  std::cin.clear();
  // The token must never show up in anything the CLI prints.
  EXPECT_THAT(out.str(), Not(HasSubstr(kHarnessToken)));
  EXPECT_THAT(err.str(), Not(HasSubstr(kHarnessToken)));
  return {code, out.str(), err.str()};
}

}  // namespace airr::cli
