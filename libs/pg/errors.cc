#include "libs/pg/errors.h"

#include <cstdio>
#include <pqxx/pqxx>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/common/errors.h"

namespace airr::pg {
namespace {

absl::Status Internal(absl::string_view sqlstate, const char* what) {
  // Details go to the operator's log, never to the caller.
  std::fprintf(stderr,
               "{\"level\":\"error\",\"component\":\"pg\",\"sqlstate\":\"%s\",\"error\":\"%s\"}\n",
               std::string(sqlstate).c_str(), absl::CEscape(what).c_str());
  return absl::InternalError("internal database error");
}

}  // namespace

absl::Status TranslateException(const std::exception& e) {
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return ErrorWithReason(absl::StatusCode::kUnavailable,
                           "the database connection failed during commit; the outcome is unknown, "
                           "retry with the same request_id",
                           "COMMIT_OUTCOME_UNKNOWN");
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) {
    return absl::UnavailableError("the database is unavailable");
  }
  const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e);
  if (sql == nullptr) {
    return Internal("", e.what());
  }
  const std::string& state = sql->sqlstate();
  if (state == "23505") {
    return absl::AlreadyExistsError("a record with the same key already exists");
  }
  if (state == "23503") {
    return absl::FailedPreconditionError("a referenced record does not exist or is still in use");
  }
  if (state == "23514" || state == "23502" || absl::StartsWith(state, "22")) {
    return absl::InvalidArgumentError("a value was rejected by the database constraints");
  }
  if (state == "40001" || state == "40P01") {
    return absl::AbortedError("the transaction conflicted with another one; retry");
  }
  if (state == "57014") {
    return absl::DeadlineExceededError("the database statement ran past the request deadline");
  }
  if (absl::StartsWith(state, "08") || absl::StartsWith(state, "57P")) {
    return absl::UnavailableError("the database is unavailable");
  }
  return Internal(state, e.what());
}

}  // namespace airr::pg
