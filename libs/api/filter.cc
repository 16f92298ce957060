#include "libs/api/filter.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "libs/api/enum_names.h"
#include "libs/api/quote.h"
#include "libs/api/utf8.h"
#include "libs/api/validation.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"

namespace airr::api {
namespace {

constexpr char kField[] = "filter";

enum class Op { kEq, kNe, kLt, kLe, kGt, kGe, kHas };

struct OpInfo {
  absl::string_view text;
  Op op;
};

// Longest first, so "<=" wins over "<".
constexpr OpInfo kOps[] = {{"<=", Op::kLe}, {">=", Op::kGe}, {"!=", Op::kNe}, {"=", Op::kEq},
                           {"<", Op::kLt},  {">", Op::kGt},  {":", Op::kHas}};

absl::string_view OpText(Op op) {
  for (const OpInfo& info : kOps) {
    if (info.op == op) {
      return info.text;
    }
  }
  return "?";
}

// The SQL comparison for an ordering or equality operator. "!=" is IS DISTINCT FROM so that it is
// the exact complement of "=" when the column is NULL.
absl::string_view SqlComparison(Op op) {
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

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsFieldStart(char c) { return absl::ascii_isalpha(c) || c == '_'; }

bool IsFieldChar(char c) {
  return absl::ascii_isalnum(c) || c == '_' || c == '.' || c == '-';
}

// Characters that end a bare (unquoted) value.
bool EndsBareValue(char c) {
  return IsBlank(c) || c == '(' || c == ')' || c == '"' || c == '=' || c == '<' || c == '>' ||
         c == '!';
}

// A literal as written: its text (unescaped when quoted) and where it started.
struct Value {
  std::string text;
  bool quoted = false;
  size_t pos = 0;
};

// Parses and translates in one recursive-descent pass. Parameters are numbered in the order their
// literals appear in the filter.
class Translator {
 public:
  Translator(absl::string_view text, absl::Span<const FilterField> fields, int first_param)
      : text_(text), fields_(fields), first_param_(first_param) {}

  absl::StatusOr<SqlClause> Run() {
    SkipBlanks();
    if (AtEnd()) {
      return SqlClause{"TRUE", {}};
    }
    AIRR_ASSIGN_OR_RETURN(std::string sql, ParseExpression());
    SkipBlanks();
    if (!AtEnd()) {
      if (Peek() == ')') {
        return Error(pos_, "unbalanced parentheses: ')' without a matching '('");
      }
      return Error(pos_, "syntax error: expected AND, OR or the end of the filter");
    }
    return SqlClause{std::move(sql), std::move(params_)};
  }

 private:
  // --- Scanning -------------------------------------------------------------------------------

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }

  void SkipBlanks() {
    while (!AtEnd() && IsBlank(Peek())) {
      ++pos_;
    }
  }

  // True (and consumes it) when `keyword` is next as a whole word.
  bool ConsumeKeyword(absl::string_view keyword) {
    if (!absl::StartsWith(text_.substr(pos_), keyword)) {
      return false;
    }
    const size_t end = pos_ + keyword.size();
    if (end < text_.size() && IsFieldChar(text_[end])) {
      return false;
    }
    pos_ = end;
    return true;
  }

  bool AtKeyword(absl::string_view keyword) {
    const size_t saved = pos_;
    const bool found = ConsumeKeyword(keyword);
    pos_ = saved;
    return found;
  }

  // 1-based column of byte offset `pos`, counted in code points (the text is valid UTF-8).
  size_t Column(size_t pos) const {
    size_t column = 1;
    size_t i = 0;
    char32_t cp;
    while (i < pos && DecodeUtf8(text_, &i, &cp)) {
      ++column;
    }
    return column;
  }

  absl::Status Error(size_t pos, absl::string_view rule) const {
    return InvalidField(kField, absl::StrCat(rule, " (at column ", Column(pos), ")"));
  }

  // --- Grammar --------------------------------------------------------------------------------

  // expression := sequence { "AND" sequence }, sequence := factor { factor }: both mean AND, so
  // their factors are collected into one flat conjunction.
  absl::StatusOr<std::string> ParseExpression() {
    std::vector<std::string> conjuncts;
    while (true) {
      SkipBlanks();
      AIRR_ASSIGN_OR_RETURN(std::string factor, ParseFactor());
      conjuncts.push_back(std::move(factor));
      SkipBlanks();
      if (AtEnd() || Peek() == ')') {
        break;
      }
      if (ConsumeKeyword("AND")) {
        SkipBlanks();
        if (AtEnd() || Peek() == ')') {
          return Error(pos_, "syntax error: expected a comparison after AND");
        }
      }
    }
    return Join(conjuncts, " AND ");
  }

  // factor := term { "OR" term }
  absl::StatusOr<std::string> ParseFactor() {
    std::vector<std::string> disjuncts;
    AIRR_ASSIGN_OR_RETURN(std::string first, ParseTerm());
    disjuncts.push_back(std::move(first));
    while (true) {
      const size_t saved = pos_;
      SkipBlanks();
      if (!ConsumeKeyword("OR")) {
        pos_ = saved;
        break;
      }
      SkipBlanks();
      if (AtEnd() || Peek() == ')') {
        return Error(pos_, "syntax error: expected a comparison after OR");
      }
      AIRR_ASSIGN_OR_RETURN(std::string next, ParseTerm());
      disjuncts.push_back(std::move(next));
    }
    return Join(disjuncts, " OR ");
  }

  // term := { "NOT" | "-" } simple. A negation counts as one level of nesting.
  absl::StatusOr<std::string> ParseTerm() {
    int negations = 0;
    while (true) {
      SkipBlanks();
      const size_t start = pos_;
      if (ConsumeKeyword("NOT")) {
        if (!AtEnd() && !IsBlank(Peek()) && Peek() != '(') {
          return Error(start, "syntax error: NOT must be followed by a blank or '('");
        }
      } else if (!AtEnd() && Peek() == '-') {
        ++pos_;
      } else {
        break;
      }
      ++negations;
      AIRR_RETURN_IF_ERROR(Enter(start));
    }
    SkipBlanks();
    AIRR_ASSIGN_OR_RETURN(std::string sql, ParseSimple());
    for (int i = 0; i < negations; ++i) {
      // COALESCE keeps NOT the exact complement when the comparison is NULL.
      sql = absl::StrCat("(NOT COALESCE(", sql, ", FALSE))");
      --depth_;
    }
    return sql;
  }

  // simple := "(" expression ")" | restriction
  absl::StatusOr<std::string> ParseSimple() {
    if (AtEnd()) {
      return Error(pos_, "syntax error: unexpected end of filter, expected a comparison");
    }
    if (Peek() != '(') {
      return ParseRestriction();
    }
    const size_t open = pos_;
    AIRR_RETURN_IF_ERROR(Enter(open));
    ++pos_;
    SkipBlanks();
    if (!AtEnd() && Peek() == ')') {
      return Error(pos_, "syntax error: empty parentheses");
    }
    AIRR_ASSIGN_OR_RETURN(std::string sql, ParseExpression());
    SkipBlanks();
    if (AtEnd() || Peek() != ')') {
      return Error(open, "unbalanced parentheses: '(' is never closed");
    }
    ++pos_;
    --depth_;
    return sql;
  }

  absl::Status Enter(size_t pos) {
    if (++depth_ > kMaxFilterDepth) {
      return Error(pos, absl::StrCat("must not nest parentheses and negations more than ",
                                     kMaxFilterDepth, " deep"));
    }
    return absl::OkStatus();
  }

  // restriction := field op value
  absl::StatusOr<std::string> ParseRestriction() {
    const size_t field_pos = pos_;
    if (Peek() == ')') {
      return Error(pos_, "unbalanced parentheses: ')' without a matching '('");
    }
    if (!IsFieldStart(Peek())) {
      return Error(pos_, "syntax error: expected a field name, '(' or NOT; write comparisons as "
                         "field = value");
    }
    while (!AtEnd() && IsFieldChar(Peek())) {
      ++pos_;
    }
    const absl::string_view name = text_.substr(field_pos, pos_ - field_pos);
    if (name == "AND" || name == "OR") {
      return Error(field_pos, absl::StrCat("syntax error: unexpected ", name));
    }
    if (++comparisons_ > kMaxFilterComparisons) {
      return Error(field_pos,
                   absl::StrCat("must not have more than ", kMaxFilterComparisons, " comparisons"));
    }

    SkipBlanks();
    const size_t op_pos = pos_;
    std::optional<Op> op;
    for (const OpInfo& info : kOps) {
      if (absl::StartsWith(text_.substr(pos_), info.text)) {
        op = info.op;
        pos_ += info.text.size();
        break;
      }
    }
    if (!op) {
      return Error(pos_, absl::StrCat("syntax error: expected an operator (=, !=, <, <=, >, >=, :) "
                                      "after field ",
                                      name));
    }

    SkipBlanks();
    AIRR_ASSIGN_OR_RETURN(Value value, ParseValue());
    return Translate(name, field_pos, *op, op_pos, value);
  }

  // value := quoted string | bare word
  absl::StatusOr<Value> ParseValue() {
    Value value;
    value.pos = pos_;
    if (AtEnd()) {
      return Error(pos_, "syntax error: expected a value");
    }
    if (Peek() != '"') {
      while (!AtEnd() && !EndsBareValue(Peek())) {
        ++pos_;
      }
      value.text = std::string(text_.substr(value.pos, pos_ - value.pos));
      if (value.text.empty() || value.text == "AND" || value.text == "OR" ||
          value.text == "NOT") {
        return Error(value.pos, "syntax error: expected a value");
      }
      return value;
    }
    value.quoted = true;
    ++pos_;
    while (true) {
      if (AtEnd()) {
        return Error(value.pos, "syntax error: unterminated string");
      }
      const char c = Peek();
      ++pos_;
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        if (AtEnd() || (Peek() != '"' && Peek() != '\\')) {
          return Error(pos_ - 1, "syntax error: unknown escape in string; only \\\" and \\\\ "
                                 "are allowed");
        }
        value.text.push_back(Peek());
        ++pos_;
      } else {
        value.text.push_back(c);
      }
    }
    return value;
  }

  // --- Translation ----------------------------------------------------------------------------

  // The allow-listed field `name` refers to, and for kLabels the key after "labels.".
  absl::StatusOr<std::pair<const FilterField*, std::string>> Resolve(absl::string_view name,
                                                                     size_t pos) const {
    for (const FilterField& field : fields_) {
      if (field.name == name) {
        return std::make_pair(&field, std::string());
      }
    }
    for (const FilterField& field : fields_) {
      if (field.kind != FieldKind::kLabels || !absl::StartsWith(name, field.name) ||
          name.size() <= field.name.size() + 1 || name[field.name.size()] != '.') {
        continue;
      }
      std::string key(name.substr(field.name.size() + 1));
      if (!CheckLabelKey(kField, key).ok()) {
        return Error(pos, absl::StrCat("invalid label key ", QuoteForMessage(key),
                                       ": must be lowercase letters, digits, '_' and '-', "
                                       "starting with a letter"));
      }
      return std::make_pair(&field, std::move(key));
    }
    std::vector<std::string> allowed;
    for (const FilterField& field : fields_) {
      allowed.push_back(field.kind == FieldKind::kLabels ? absl::StrCat(field.name, ".<key>")
                                                         : field.name);
    }
    return Error(pos, absl::StrCat("unknown field ", QuoteForMessage(name), "; allowed: ",
                                   absl::StrJoin(allowed, ", ")));
  }

  absl::StatusOr<std::string> Translate(absl::string_view name, size_t field_pos, Op op,
                                        size_t op_pos, const Value& value) {
    AIRR_ASSIGN_OR_RETURN(auto resolved, Resolve(name, field_pos));
    const FilterField& field = *resolved.first;
    const std::string& key = resolved.second;
    const std::string& col = field.column;

    // Operators each kind accepts, for "unsupported operator" messages.
    absl::string_view allowed_ops;
    switch (field.kind) {
      case FieldKind::kString:
      case FieldKind::kInt:
      case FieldKind::kTimestamp:
        allowed_ops = field.kind == FieldKind::kString ? "=, !=, <, <=, >, >=, :"
                                                       : "=, !=, <, <=, >, >=";
        break;
      case FieldKind::kEnum:
        allowed_ops = "=, !=, :";
        break;
      case FieldKind::kBool:
        allowed_ops = "=, !=";
        break;
      case FieldKind::kStringArray:
      case FieldKind::kEnumArray:
        allowed_ops = ":";
        break;
      case FieldKind::kLabels:
        allowed_ops = key.empty() ? ":" : "=, !=, :";
        break;
    }
    const bool ordering = op == Op::kLt || op == Op::kLe || op == Op::kGt || op == Op::kGe;
    const bool supported =
        (field.kind == FieldKind::kString) ||
        ((field.kind == FieldKind::kInt || field.kind == FieldKind::kTimestamp) &&
         op != Op::kHas) ||
        (field.kind == FieldKind::kEnum && !ordering) ||
        (field.kind == FieldKind::kBool && (op == Op::kEq || op == Op::kNe)) ||
        ((field.kind == FieldKind::kStringArray || field.kind == FieldKind::kEnumArray) &&
         op == Op::kHas) ||
        (field.kind == FieldKind::kLabels && (key.empty() ? op == Op::kHas : !ordering));
    if (!supported) {
      return Error(op_pos, absl::StrCat("operator ", OpText(op), " is not supported for field ",
                                        name, "; use ", allowed_ops));
    }
    if (!value.quoted && value.text == "*" &&
        !(field.kind == FieldKind::kLabels && !key.empty() && op == Op::kHas)) {
      return Error(value.pos, "wildcards are not supported here; quote \"*\" to match a literal "
                              "star");
    }

    switch (field.kind) {
      case FieldKind::kString:
        return Compare(col, op, Bind(value.text, ""));
      case FieldKind::kEnum: {
        AIRR_ASSIGN_OR_RETURN(std::string full, EnumLiteral(field, name, value));
        return Compare(col, op, Bind(full, ""));
      }
      case FieldKind::kBool: {
        const std::string lower = absl::AsciiStrToLower(value.text);
        if (lower != "true" && lower != "false") {
          return Error(value.pos,
                       absl::StrCat("field ", name, " needs true or false, got ",
                                    QuoteForMessage(value.text)));
        }
        return Compare(col, op, Bind(lower, "::boolean"));
      }
      case FieldKind::kInt: {
        AIRR_ASSIGN_OR_RETURN(std::string number, IntLiteral(name, value));
        return Compare(col, op, Bind(number, "::bigint"));
      }
      case FieldKind::kTimestamp: {
        AIRR_ASSIGN_OR_RETURN(std::string time, TimestampLiteral(name, value));
        return Compare(col, op, Bind(time, "::timestamptz"));
      }
      case FieldKind::kStringArray:
        return absl::StrCat("(", Bind(value.text, ""), " = ANY(", col, "))");
      case FieldKind::kEnumArray: {
        AIRR_ASSIGN_OR_RETURN(std::string full, EnumLiteral(field, name, value));
        return absl::StrCat("(", Bind(full, ""), " = ANY(", col, "))");
      }
      case FieldKind::kLabels:
        if (key.empty()) {
          // labels:<key> tests that the key is present.
          if (!CheckLabelKey(kField, value.text).ok()) {
            return Error(value.pos, absl::StrCat("invalid label key ", QuoteForMessage(value.text),
                                                 ": must be lowercase letters, digits, '_' and "
                                                 "'-', starting with a letter"));
          }
          return absl::StrCat("(", col, " ? ", Bind(value.text, ""), ")");
        }
        if (op == Op::kHas && !value.quoted && value.text == "*") {
          return absl::StrCat("(", col, " ? ", Bind(key, ""), ")");
        }
        const std::string key_param = Bind(key, "");
        return Compare(absl::StrCat("(", col, " ->> ", key_param, ")"), op, Bind(value.text, ""));
    }
    return absl::InternalError("unhandled filter field kind");
  }

  static std::string Compare(absl::string_view lhs, Op op, absl::string_view rhs) {
    return absl::StrCat("(", lhs, " ", SqlComparison(op), " ", rhs, ")");
  }

  // Appends a parameter and returns its placeholder with `cast`.
  std::string Bind(std::string value, absl::string_view cast) {
    params_.push_back(std::move(value));
    return absl::StrCat("$", first_param_ + static_cast<int>(params_.size()) - 1, cast);
  }

  absl::StatusOr<std::string> EnumLiteral(const FilterField& field, absl::string_view name,
                                          const Value& value) const {
    if (field.enum_type == nullptr) {
      return absl::InternalError(absl::StrCat("filter field ", field.name, " has no enum_type"));
    }
    auto parsed = ParseEnumValue(*field.enum_type, value.text, kField);
    if (!parsed.ok()) {
      return Error(value.pos, absl::StrCat("unknown value ", QuoteForMessage(value.text),
                                           " for field ", name, "; allowed: ",
                                           AllowedEnumNames(*field.enum_type)));
    }
    return (*parsed)->name();
  }

  absl::StatusOr<std::string> IntLiteral(absl::string_view name, const Value& value) const {
    absl::string_view digits = value.text;
    if (absl::StartsWith(digits, "-")) {
      digits.remove_prefix(1);
    }
    int64_t number;
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), absl::ascii_isdigit) ||
        !absl::SimpleAtoi(value.text, &number)) {
      return Error(value.pos, absl::StrCat("field ", name, " needs a 64-bit integer, got ",
                                           QuoteForMessage(value.text)));
    }
    return absl::StrCat(number);
  }

  absl::StatusOr<std::string> TimestampLiteral(absl::string_view name, const Value& value) const {
    const absl::string_view text = value.text;
    absl::Time time;
    std::string parse_error;
    // absl::ParseTime also takes "infinite-future" and signed or 5+ digit years; require the
    // plain YYYY-MM-DD start of RFC 3339 and a year PostgreSQL and RFC 3339 both handle.
    const bool shaped = text.size() >= 5 &&
                        std::all_of(text.begin(), text.begin() + 4, absl::ascii_isdigit) &&
                        text[4] == '-';
    if (!shaped || !absl::ParseTime(absl::RFC3339_full, text, &time, &parse_error) ||
        absl::ToCivilSecond(time, absl::UTCTimeZone()).year() < 1) {
      return Error(value.pos, absl::StrCat("field ", name,
                                           " needs an RFC 3339 timestamp like "
                                           "2024-05-01T12:00:00Z, got ",
                                           QuoteForMessage(value.text)));
    }
    return absl::FormatTime("%Y-%m-%dT%H:%M:%E*SZ", time, absl::UTCTimeZone());
  }

  static std::string Join(const std::vector<std::string>& parts, absl::string_view op) {
    if (parts.size() == 1) {
      return parts[0];
    }
    return absl::StrCat("(", absl::StrJoin(parts, op), ")");
  }

  const absl::string_view text_;
  const absl::Span<const FilterField> fields_;
  const int first_param_;
  size_t pos_ = 0;
  int depth_ = 0;
  int comparisons_ = 0;
  std::vector<std::string> params_;
};

}  // namespace

absl::StatusOr<SqlClause> TranslateFilter(absl::string_view filter,
                                          absl::Span<const FilterField> fields, int first_param) {
  if (first_param < 1) {
    return absl::InternalError("TranslateFilter: first_param must be >= 1");
  }
  // Cheap bound before decoding: kMaxFilterChars code points take at most 4 bytes each.
  if (filter.size() > 4 * kMaxFilterChars) {
    return InvalidField(kField, absl::StrCat("must be at most ", kMaxFilterChars, " characters"));
  }
  AIRR_RETURN_IF_ERROR(CheckText(kField, filter, 0, kMaxFilterChars, /*multiline=*/true));
  return Translator(filter, fields, first_param).Run();
}

}  // namespace airr::api
