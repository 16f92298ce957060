#include "tools/airr/health_command.h"

#include "grpc/health/v1/health.grpc.pb.h"
#include "tools/airr/errors.h"

namespace airr::cli {
namespace {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

int RunHealth(const ParsedArgs& args, const CommandContext& context) {
  HealthCheckRequest request;
  request.set_service(args.Get("service").value_or(""));
  HealthCheckResponse response;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  const grpc::Status status =
      Health::NewStub(context.client.channel())->Check(call.get(), request, &response);
  if (!status.ok()) {
    return ReportRpcError(status, context.err);
  }
  if (context.output == OutputFormat::kJson) {
    if (absl::Status printed = PrintResource(context.output, response, context.out);
        !printed.ok()) {
      context.err << "airr: " << printed.message() << "\n";
      return kExitFailure;
    }
  } else {
    context.out << HealthCheckResponse::ServingStatus_Name(response.status()) << "\n";
  }
  return response.status() == HealthCheckResponse::SERVING ? kExitOk : kExitFailure;
}

}  // namespace

Command HealthCommand() {
  Command command;
  command.group = "health";
  command.summary = "Checks that the server is serving; exit 0 only when it is.";
  command.description =
      "Asks the server's grpc.health.v1 Health service whether it is serving, and prints\n"
      "SERVING, NOT_SERVING, UNKNOWN or SERVICE_UNKNOWN. Exits 0 only for SERVING, 1 otherwise\n"
      "(also when the server cannot be reached), so it fits readiness checks:\n"
      "\n"
      "  until airr health --timeout 1 >/dev/null; do sleep 1; done";
  command.flags = {
      {"service", '\0', FlagSpec::Kind::kValue, false, "NAME",
       "Ask about one service, e.g. airr.inventory.v1.InventoryService. Default: the whole "
       "server."},
  };
  command.run = RunHealth;
  return command;
}

}  // namespace airr::cli
