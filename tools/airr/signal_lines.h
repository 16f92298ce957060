// Monitor signals as `airr signals send` reads them: JSON Lines, one Signal in protobuf JSON per
// line, checked all before anything is sent, then cut into batches with fresh batch ids. Short
// forms are accepted where the CLI accepts them elsewhere: "abuse" for SIGNAL_KIND_ABUSE,
// "sev2" for a severity hint, "support-bot" for aiSystems/support-bot.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "airr/incident/v1/incident_service.pb.h"

namespace airr::cli {

// Parses one line as a Signal; a signal without a source gets `default_source`. Returns
// INVALID_ARGUMENT (without position; see ParseSignalLines) for anything but a JSON object, an
// unknown field, a bad value or an unknown enum name.
absl::StatusOr<incident::v1::Signal> ParseSignalLine(const std::string& line,
                                                     const std::string& default_source);

// Reads `in` to its end and parses every line that is not blank. Returns INVALID_ARGUMENT
// "<input_name> line N: ..." for the first bad line.
absl::StatusOr<std::vector<incident::v1::Signal>> ParseSignalLines(
    std::istream& in, const std::string& default_source, const std::string& input_name);

// Cuts `signals` into batches of at most `batch_size` (at least 1) signals in order, each with a
// fresh random UUID as its batch id.
std::vector<incident::v1::SignalBatch> MakeSignalBatches(std::vector<incident::v1::Signal> signals,
                                                         int batch_size);

}  // namespace airr::cli
