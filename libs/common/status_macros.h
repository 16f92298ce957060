// Status propagation macros for absl::Status / absl::StatusOr code paths. Abseil 20220623 ships
// none, so airr defines the two it uses everywhere.
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define AIRR_STATUS_CONCAT_INNER_(a, b) a##b
#define AIRR_STATUS_CONCAT_(a, b) AIRR_STATUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function when `expr` (an absl::Status) is not OK. The local is named
// after the line, so the macro may be nested (a lambda inside `expr` using it again).
#define AIRR_RETURN_IF_ERROR(expr) \
  AIRR_RETURN_IF_ERROR_IMPL_(AIRR_STATUS_CONCAT_(airr_status_, __LINE__), expr)

#define AIRR_RETURN_IF_ERROR_IMPL_(status, expr) \
  do {                                           \
    ::absl::Status status = (expr);              \
    if (!status.ok()) {                          \
      return status;                             \
    }                                            \
  } while (false)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status, else moves the value into
// `lhs`, which may be a declaration such as `auto x`.
#define AIRR_ASSIGN_OR_RETURN(lhs, rexpr) \
  AIRR_ASSIGN_OR_RETURN_IMPL_(AIRR_STATUS_CONCAT_(airr_statusor_, __LINE__), lhs, rexpr)

#define AIRR_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                \
  if (!statusor.ok()) {                                   \
    return std::move(statusor).status();                  \
  }                                                       \
  lhs = std::move(statusor).value()
