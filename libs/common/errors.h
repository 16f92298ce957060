// Constructors for the errors airr returns. Each builds an absl::Status that carries
// google.rpc detail messages (ErrorInfo, BadRequest, PreconditionFailure) as payloads, so the
// gRPC edge can turn it into a rich grpc::Status without knowing where it came from.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/rpc/error_details.pb.h"

namespace airr {

// The ErrorInfo domain of every airr error.
inline constexpr char kErrorDomain[] = "airr.dev";

// One offending field of a request: its path (e.g. "ai_system.display_name") and the rule broken.
struct FieldViolation {
  std::string field;
  std::string description;
};

// INVALID_ARGUMENT for one field, with a BadRequest detail and ErrorInfo reason FIELD_INVALID.
// The message reads "<field>: <rule>".
absl::Status InvalidField(absl::string_view field, absl::string_view rule);

// INVALID_ARGUMENT for several fields at once (must not be empty).
absl::Status InvalidFields(std::vector<FieldViolation> violations);

// An error with a code, a message and an ErrorInfo reason (UPPER_SNAKE) plus metadata, e.g.
// ErrorWithReason(kFailedPrecondition, "incident is RESOLVED", "INVALID_STATE",
//                 {{"current_state", "RESOLVED"}}).
absl::Status ErrorWithReason(absl::StatusCode code, absl::string_view message,
                             absl::string_view reason,
                             std::vector<std::pair<std::string, std::string>> metadata = {});

// NOT_FOUND with ErrorInfo reason RESOURCE_NOT_FOUND and metadata resource_type, reading
// "<what> <name> does not exist", e.g. ResourceNotFound("Incident", "incidents/x",
// "airr.incident.v1.Incident").
absl::Status ResourceNotFound(absl::string_view what, absl::string_view name,
                              absl::string_view resource_type);

// FAILED_PRECONDITION with reason INVALID_STATE: `action` (e.g. "start_mitigation", worded `verb`
// in the message) is not allowed on `what` (e.g. "an incident") in state `current`, only from
// `allowed`. States are full enum value names ("STATE_RESOLVED"); the message shows them without
// `enum_prefix` ("cannot start mitigation of an incident in state RESOLVED; allowed from
// TRIAGED"). Metadata: current_state, action, allowed_states (comma-separated full names).
absl::Status InvalidStateError(absl::string_view what, absl::string_view verb,
                               absl::string_view action, absl::string_view current,
                               const std::vector<std::string>& allowed,
                               absl::string_view enum_prefix);

// Reads the ErrorInfo reason attached to `status`, or "" when there is none.
std::string ErrorReason(const absl::Status& status);

// Reads the BadRequest field violations attached to `status` (empty when there are none).
std::vector<FieldViolation> FieldViolations(const absl::Status& status);

// The payload type URLs under which the details are attached to an absl::Status.
inline constexpr char kErrorInfoTypeUrl[] = "type.googleapis.com/google.rpc.ErrorInfo";
inline constexpr char kBadRequestTypeUrl[] = "type.googleapis.com/google.rpc.BadRequest";

}  // namespace airr
