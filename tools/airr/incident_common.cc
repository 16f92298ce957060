#include "tools/airr/incident_common.h"

#include <utility>

#include "tools/airr/command_util.h"
#include "tools/airr/errors.h"
#include "tools/airr/incident_output.h"

namespace airr::cli {

Command IncidentCommand(std::string verb) { return NewCommand("incidents", std::move(verb)); }

std::unique_ptr<incident::v1::IncidentService::Stub> NewIncidentStub(
    const CommandContext& context) {
  return incident::v1::IncidentService::NewStub(context.client.channel());
}

int PrintIncidentResult(const grpc::Status& status, const incident::v1::Incident& incident,
                        const CommandContext& context) {
  if (!status.ok()) {
    return ReportRpcError(status, context.err);
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(incident, context);
  }
  context.out << FormatIncident(incident);
  return kExitOk;
}

}  // namespace airr::cli
