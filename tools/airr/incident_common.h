// What the `incidents` commands share: their group, the stub of airr.incident.v1.IncidentService,
// and printing the incident a call returns (the key/value view, or protobuf JSON).
#pragma once

#include <memory>
#include <string>

#include "airr/incident/v1/incident_service.grpc.pb.h"
#include "tools/airr/command.h"

namespace airr::cli {

// A command of the `incidents` group with the given verb; the caller fills in the rest.
Command IncidentCommand(std::string verb);

// A stub on the context's channel.
std::unique_ptr<incident::v1::IncidentService::Stub> NewIncidentStub(const CommandContext& context);

// Prints the incident the server returned (FormatIncident, or JSON with -o json), or the error it
// returned. Returns the exit code.
int PrintIncidentResult(const grpc::Status& status, const incident::v1::Incident& incident,
                        const CommandContext& context);

}  // namespace airr::cli
