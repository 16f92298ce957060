// How the CLI reports failure: its exit codes, usage errors (with a hint where to find help), and
// RPC errors, printed as "airr: CODE: message" followed by the google.rpc.Status details the
// servers attach (BadRequest field violations, ErrorInfo reason, PreconditionFailure).
#pragma once

#include <ostream>
#include <string>

#include "grpcpp/support/status.h"

namespace airr::cli {

// The exit codes of `airr`.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // The server returned an error or could not be reached.
inline constexpr int kExitUsage = 2;    // Bad command line or local input; nothing was sent.

// Prints "airr: <message>" and "Run 'airr <help_path> --help' for usage." (just 'airr --help' when
// `help_path` is empty) to `err`. Returns kExitUsage.
int ReportUsageError(const std::string& message, const std::string& help_path, std::ostream& err);

// The lines describing a failed call: "airr: UNAVAILABLE: message", then one indented line per
// BadRequest field violation ("  field: description"), PreconditionFailure violation and ErrorInfo
// reason ("  reason: ETAG_MISMATCH"), from the google.rpc.Status in error_details(). Text from the
// server is sanitized for the terminal. Ends with a newline.
std::string FormatRpcError(const grpc::Status& status);

// Prints FormatRpcError(status) to `err` and returns kExitFailure.
int ReportRpcError(const grpc::Status& status, std::ostream& err);

}  // namespace airr::cli
