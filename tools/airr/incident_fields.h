// The flags that set fields of an Incident (`--title`, `--harm`, `--detect-time`, `--breach`, ...)
// and the requests `incidents create` and `incidents update` build from them and from
// `--from-file`: the new incident with its defaults, or the changed fields and their update_mask.
#pragma once

#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "airr/incident/v1/incident_service.pb.h"
#include "tools/airr/args.h"

namespace airr::cli {

// The field flags `incidents update` accepts (every descriptive field), in help order.
const std::vector<FlagSpec>& IncidentFieldFlagSpecs();

// The field flags of `incidents create`: IncidentFieldFlagSpecs plus --severity (the reporter's
// first estimate; afterwards only triage changes it).
const std::vector<FlagSpec>& IncidentCreateFieldFlagSpecs();

// Builds a CreateIncidentRequest: the incident of --from-file (if given) with the field flags
// applied over it, --id as the incident id, and the request id of --request-id or a fresh UUID.
// --ai-system may be an id or a name. detect_time defaults to `now` (whole seconds) when neither
// the file nor --detect-time sets it. A breach implies personal data (see ApplyIncidentFieldFlags).
// Returns INVALID_ARGUMENT for a bad flag value, file or request id; NOT_FOUND for an unreadable
// file.
absl::StatusOr<incident::v1::CreateIncidentRequest> BuildCreateIncidentRequest(
    const ParsedArgs& args, absl::Time now);

// Builds an UpdateIncidentRequest for incident `name_arg` (an id or a name): the fields of the
// flags given and of --from-file, with exactly their paths as the update_mask; the file's etag
// unless --etag is given. Fields a file may carry but an update cannot change (state, severity,
// owner and the output-only fields) are left out of the mask and the request. Returns
// INVALID_ARGUMENT for a bad value or when nothing would change; NOT_FOUND for an unreadable file.
absl::StatusOr<incident::v1::UpdateIncidentRequest> BuildUpdateIncidentRequest(
    const ParsedArgs& args, const std::string& name_arg);

// Applies the field flags of IncidentCreateFieldFlagSpecs given in `args` to `incident` and adds
// their paths to `paths`, as ApplyFieldFlags does. Then: --breach with a type implies
// personal_data.breached unless --breached is given, and a breach implies
// personal_data.involved unless --personal-data is given (each implied field joins `paths`);
// --ai-system is turned into a name. Returns INVALID_ARGUMENT naming the flag for a bad value.
absl::Status ApplyIncidentFieldFlags(const ParsedArgs& args, incident::v1::Incident* incident,
                                     std::vector<std::string>* paths);

}  // namespace airr::cli
