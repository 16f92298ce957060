#include "libs/grpcutil/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/resource_quota.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "grpc/health/v1/health.pb.h"

namespace airr::grpcutil {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read ", path));
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(const ServerOptions& o) {
  if (o.tls_cert_file.empty() && o.tls_key_file.empty()) {
    if (!o.tls_client_ca_file.empty()) {
      return absl::InvalidArgumentError("AIRR_TLS_CLIENT_CA needs AIRR_TLS_CERT and AIRR_TLS_KEY");
    }
    return grpc::InsecureServerCredentials();
  }
  if (o.tls_cert_file.empty() || o.tls_key_file.empty()) {
    return absl::InvalidArgumentError("TLS needs both AIRR_TLS_CERT and AIRR_TLS_KEY");
  }
  auto cert = ReadFile(o.tls_cert_file);
  auto key = ReadFile(o.tls_key_file);
  if (!cert.ok()) return cert.status();
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({*key, *cert});
  if (!o.tls_client_ca_file.empty()) {
    auto ca = ReadFile(o.tls_client_ca_file);
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
    ssl.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Server>> Server::Start(const ServerOptions& options,
                                                      const std::vector<HostedService>& services) {
  auto credentials = Credentials(options);
  if (!credentials.ok()) {
    return credentials.status();
  }
  // Both must be called before the builder exists. Touching the health descriptor links the
  // protobuf health code, so reflection can describe grpc.health.v1.Health.
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  (void)grpc::health::v1::HealthCheckRequest::descriptor();

  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, *credentials, &port);
  grpc::ResourceQuota quota("airr");
  quota.SetMaxThreads(options.max_threads);
  builder.SetResourceQuota(quota);
  std::vector<std::string> names;
  for (const auto& hosted : services) {
    builder.RegisterService(hosted.service);
    names.push_back(hosted.full_name);
  }
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.listen));
  }
  auto* health = server->GetHealthCheckService();
  health->SetServingStatus(true);
  for (const auto& name : names) {
    health->SetServingStatus(name, true);
  }
  return std::unique_ptr<Server>(new Server(std::move(server), port, std::move(names)));
}

Server::~Server() { Shutdown(absl::ZeroDuration()); }

void Server::Shutdown(absl::Duration drain) {
  if (shut_down_) {
    return;
  }
  shut_down_ = true;
  server_->GetHealthCheckService()->Shutdown();  // every service reports NOT_SERVING
  server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(drain));
  server_->Wait();
}

void BlockShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int WaitForShutdownSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  int sig = 0;
  sigwait(&set, &sig);
  return sig;
}

}  // namespace airr::grpcutil
