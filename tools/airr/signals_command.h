// `airr signals send`: reads monitor signals as JSON Lines from standard input and streams them in
// batches over IngestSignals, where each batch is committed in one transaction and deduplicated by
// fingerprint into incidents; prints the acknowledgements.
#pragma once

#include <string>
#include <vector>

#include "airr/incident/v1/incident_service.pb.h"
#include "tools/airr/command.h"

namespace airr::cli {

// The `signals` commands.
std::vector<Command> SignalsCommands();

// The acknowledgements as a table (BATCH, ACCEPTED, CREATED, UPDATED, one row per batch, with
// " (replayed)" after a batch committed before) and a total line: signals accepted, batches, and
// the distinct incidents opened and updated.
std::string FormatAcks(const incident::v1::IngestSignalsResponse& response);

}  // namespace airr::cli
