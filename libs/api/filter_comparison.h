// One comparison of a filter ("risk_tier = HIGH") translated into SQL: resolves the field in the
// allow-list, checks the operator against the field's kind, checks the literal and binds it as a
// parameter. An implementation detail of filter.cc, which parses the rest of the grammar.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "libs/api/filter.h"

namespace airr::api::filter_internal {

enum class Op { kEq, kNe, kLt, kLe, kGt, kGe, kHas };

struct OpToken {
  absl::string_view text;
  Op op;
};

// Every operator as written, longest first so that "<=" is matched before "<".
inline constexpr OpToken kOpTokens[] = {{"<=", Op::kLe}, {">=", Op::kGe}, {"!=", Op::kNe},
                                        {"=", Op::kEq},  {"<", Op::kLt},  {">", Op::kGt},
                                        {":", Op::kHas}};

// A parsed "field op value". Positions are byte offsets into the filter, for error messages.
struct Comparison {
  absl::string_view field;
  size_t field_pos = 0;
  Op op = Op::kEq;
  size_t op_pos = 0;
  std::string value;  // unescaped when quoted
  bool quoted = false;
  size_t value_pos = 0;
};

// Collects bound parameters and hands out their placeholders, numbered from `first_param`.
// Not thread-safe (one per translation).
class ParamList {
 public:
  explicit ParamList(int first_param) : first_param_(first_param) {}

  // Appends `value` and returns "$n" followed by `cast` (e.g. "::bigint" or "").
  std::string Bind(std::string value, absl::string_view cast);

  std::vector<std::string> Take() { return std::move(params_); }

 private:
  int first_param_;
  std::vector<std::string> params_;
};

// Builds the INVALID_ARGUMENT for a rule broken at a byte offset of the filter.
using ErrorAt = std::function<absl::Status(size_t pos, absl::string_view rule)>;

// Returns the parenthesized SQL for `comparison` (see TranslateFilter for the semantics per kind),
// binding its literals to `params`. Returns error_at(...) (INVALID_ARGUMENT) for an unknown field,
// an operator the kind does not support, or a bad value; INTERNAL for a kEnum/kEnumArray field
// without enum_type. Thread-safe as long as `params` is not shared.
absl::StatusOr<std::string> TranslateComparison(const Comparison& comparison,
                                                absl::Span<const FilterField> fields,
                                                ParamList& params, const ErrorAt& error_at);

}  // namespace airr::api::filter_internal
