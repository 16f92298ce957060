#include "libs/api/filter_comparison.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/api/enum_names.h"
#include "libs/api/filter_literals.h"
#include "libs/api/quote.h"
#include "libs/api/validation.h"
#include "libs/common/status_macros.h"

namespace airr::api::filter_internal {
namespace {

constexpr char kLabelKeyRule[] =
    "must be lowercase letters, digits, '_' and '-', starting with a letter";

absl::string_view OpText(Op op) {
  for (const OpToken& token : kOpTokens) {
    if (token.op == op) {
      return token.text;
    }
  }
  return "?";
}

// The SQL operator for "=" (and ":" used as equality), "!=" and the orderings. "!=" is IS
// DISTINCT FROM so that it is the exact complement of "=" when the column is NULL.
absl::string_view SqlOperator(Op op) {
  switch (op) {
    case Op::kEq:
    case Op::kHas:
      return "=";
    case Op::kNe:
      return "IS DISTINCT FROM";
    case Op::kLt:
      return "<";
    case Op::kLe:
      return "<=";
    case Op::kGt:
      return ">";
    case Op::kGe:
      return ">=";
  }
  return "=";
}

std::string Compare(absl::string_view lhs, Op op, absl::string_view rhs) {
  return absl::StrCat("(", lhs, " ", SqlOperator(op), " ", rhs, ")");
}

bool IsOrdering(Op op) { return op == Op::kLt || op == Op::kLe || op == Op::kGt || op == Op::kGe; }

// The operators `kind` accepts, as listed in error messages; `keyed` is labels.<key> vs labels.
absl::string_view AllowedOps(FieldKind kind, bool keyed) {
  switch (kind) {
    case FieldKind::kString:
      return "=, !=, <, <=, >, >=, :";
    case FieldKind::kInt:
    case FieldKind::kTimestamp:
      return "=, !=, <, <=, >, >=";
    case FieldKind::kEnum:
      return "=, !=, :";
    case FieldKind::kBool:
      return "=, !=";
    case FieldKind::kStringArray:
    case FieldKind::kEnumArray:
      return ":";
    case FieldKind::kLabels:
      return keyed ? "=, !=, :" : ":";
  }
  return "";
}

bool Supports(FieldKind kind, bool keyed, Op op) {
  switch (kind) {
    case FieldKind::kString:
      return true;
    case FieldKind::kInt:
    case FieldKind::kTimestamp:
      return op != Op::kHas;
    case FieldKind::kEnum:
      return !IsOrdering(op);
    case FieldKind::kBool:
      return op == Op::kEq || op == Op::kNe;
    case FieldKind::kStringArray:
    case FieldKind::kEnumArray:
      return op == Op::kHas;
    case FieldKind::kLabels:
      return keyed ? !IsOrdering(op) : op == Op::kHas;
  }
  return false;
}

struct Resolved {
  const FilterField* field;
  std::string label_key;  // kLabels addressed as <name>.<key>; empty otherwise
};

absl::StatusOr<Resolved> Resolve(const Comparison& c, absl::Span<const FilterField> fields,
                                 const ErrorAt& error_at) {
  for (const FilterField& field : fields) {
    if (field.name == c.field) {
      return Resolved{&field, ""};
    }
  }
  for (const FilterField& field : fields) {
    const size_t prefix = field.name.size() + 1;
    if (field.kind != FieldKind::kLabels || c.field.size() <= prefix ||
        !absl::StartsWith(c.field, field.name) || c.field[prefix - 1] != '.') {
      continue;
    }
    const absl::string_view key = c.field.substr(prefix);
    if (!CheckLabelKey("filter", key).ok()) {
      return error_at(c.field_pos, absl::StrCat("invalid label key ", QuoteForMessage(key), ": ",
                                                kLabelKeyRule));
    }
    return Resolved{&field, std::string(key)};
  }
  std::vector<std::string> allowed;
  for (const FilterField& field : fields) {
    allowed.push_back(field.kind == FieldKind::kLabels ? absl::StrCat(field.name, ".<key>")
                                                       : field.name);
  }
  return error_at(c.field_pos, absl::StrCat("unknown field ", QuoteForMessage(c.field),
                                            "; allowed: ", absl::StrJoin(allowed, ", ")));
}

absl::StatusOr<std::string> EnumLiteral(const Comparison& c, const FilterField& field,
                                        const ErrorAt& error_at) {
  if (field.enum_type == nullptr) {
    return absl::InternalError(absl::StrCat("filter field ", field.name, " has no enum_type"));
  }
  auto value = ParseEnumValue(*field.enum_type, c.value, "filter");
  if (!value.ok()) {
    return error_at(c.value_pos,
                    absl::StrCat("unknown value ", QuoteForMessage(c.value), " for field ", c.field,
                                 "; allowed: ", AllowedEnumNames(*field.enum_type)));
  }
  return (*value)->name();
}

absl::Status BadValue(const Comparison& c, absl::string_view needs, const ErrorAt& error_at) {
  return error_at(c.value_pos, absl::StrCat("field ", c.field, " needs ", needs, ", got ",
                                            QuoteForMessage(c.value)));
}

}  // namespace

std::string ParamList::Bind(std::string value, absl::string_view cast) {
  params_.push_back(std::move(value));
  return absl::StrCat("$", first_param_ + static_cast<int>(params_.size()) - 1, cast);
}

absl::StatusOr<std::string> TranslateComparison(const Comparison& c,
                                                absl::Span<const FilterField> fields,
                                                ParamList& params, const ErrorAt& error_at) {
  AIRR_ASSIGN_OR_RETURN(Resolved resolved, Resolve(c, fields, error_at));
  const FilterField& field = *resolved.field;
  const std::string& key = resolved.label_key;
  const bool keyed = !key.empty();
  const std::string& col = field.column;

  if (!Supports(field.kind, keyed, c.op)) {
    return error_at(c.op_pos,
                    absl::StrCat("operator ", OpText(c.op), " is not supported for field ", c.field,
                                 "; use ", AllowedOps(field.kind, keyed)));
  }
  const bool wildcard = !c.quoted && c.value == "*";
  if (wildcard && !(field.kind == FieldKind::kLabels && keyed && c.op == Op::kHas)) {
    return error_at(c.value_pos,
                    "wildcards are not supported here; quote \"*\" to match a literal star");
  }

  switch (field.kind) {
    case FieldKind::kString:
      return Compare(col, c.op, params.Bind(c.value, ""));
    case FieldKind::kEnum: {
      AIRR_ASSIGN_OR_RETURN(std::string full_name, EnumLiteral(c, field, error_at));
      return Compare(col, c.op, params.Bind(std::move(full_name), ""));
    }
    case FieldKind::kBool: {
      std::optional<std::string> value = ParseBoolLiteral(c.value);
      if (!value) {
        return BadValue(c, "true or false", error_at);
      }
      return Compare(col, c.op, params.Bind(std::move(*value), "::boolean"));
    }
    case FieldKind::kInt: {
      std::optional<std::string> value = ParseInt64Literal(c.value);
      if (!value) {
        return BadValue(c, "a 64-bit integer", error_at);
      }
      return Compare(col, c.op, params.Bind(std::move(*value), "::bigint"));
    }
    case FieldKind::kTimestamp: {
      std::optional<std::string> value = ParseTimestampLiteral(c.value);
      if (!value) {
        return BadValue(c, "an RFC 3339 timestamp like 2024-05-01T12:00:00Z", error_at);
      }
      return Compare(col, c.op, params.Bind(std::move(*value), "::timestamptz"));
    }
    case FieldKind::kStringArray:
      return absl::StrCat("(", params.Bind(c.value, ""), " = ANY(", col, "))");
    case FieldKind::kEnumArray: {
      AIRR_ASSIGN_OR_RETURN(std::string full_name, EnumLiteral(c, field, error_at));
      return absl::StrCat("(", params.Bind(std::move(full_name), ""), " = ANY(", col, "))");
    }
    case FieldKind::kLabels:
      if (!keyed) {
        // labels:<key> tests that the key is present.
        if (!CheckLabelKey("filter", c.value).ok()) {
          return error_at(c.value_pos, absl::StrCat("invalid label key ", QuoteForMessage(c.value),
                                                    ": ", kLabelKeyRule));
        }
        return absl::StrCat("(", col, " ? ", params.Bind(c.value, ""), ")");
      }
      if (wildcard) {
        return absl::StrCat("(", col, " ? ", params.Bind(key, ""), ")");
      }
      {
        // Bind the key first so parameters keep the order they appear in the filter.
        const std::string key_param = params.Bind(key, "");
        return Compare(absl::StrCat("(", col, " ->> ", key_param, ")"), c.op,
                       params.Bind(c.value, ""));
      }
  }
  return absl::InternalError("unhandled filter field kind");
}

}  // namespace airr::api::filter_internal
