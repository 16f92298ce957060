#include "tools/airr-bench/health_check_scenario.h"

#include "grpc/health/v1/health.grpc.pb.h"

namespace airr::bench {
namespace {

namespace health = ::grpc::health::v1;

class HealthCheckWorker final : public Worker {
 public:
  HealthCheckWorker(const CallSettings& call, const std::shared_ptr<grpc::Channel>& channel)
      : call_(call), stub_(health::Health::NewStub(channel)) {}

  CallOutcome Call() override {
    grpc::ClientContext context;
    call_.Apply(context);
    health::HealthCheckResponse response;
    const grpc::Status status = stub_->Check(&context, request_, &response);
    CallOutcome outcome;
    if (!status.ok()) {
      outcome.code = StatusCodeName(status.error_code());
    } else if (response.status() != health::HealthCheckResponse::SERVING) {
      outcome.code = "NOT_SERVING";
    }
    return outcome;
  }

 private:
  const CallSettings& call_;
  std::unique_ptr<health::Health::Stub> stub_;
  const health::HealthCheckRequest request_;  // The empty service name: the whole server.
};

}  // namespace

std::unique_ptr<Worker> HealthCheckScenario::NewWorker(std::shared_ptr<grpc::Channel> channel,
                                                       int /*client_index*/) {
  return std::make_unique<HealthCheckWorker>(call_, channel);
}

}  // namespace airr::bench
