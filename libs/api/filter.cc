#include "libs/api/filter.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/api/filter_comparison.h"
#include "libs/api/utf8.h"
#include "libs/api/validation.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"

namespace airr::api {
namespace {

using filter_internal::Comparison;
using filter_internal::kOpTokens;
using filter_internal::OpToken;
using filter_internal::ParamList;

constexpr char kField[] = "filter";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsFieldStart(char c) { return absl::ascii_isalpha(c) || c == '_'; }

bool IsFieldChar(char c) { return absl::ascii_isalnum(c) || c == '_' || c == '.' || c == '-'; }

// Characters that end a bare (unquoted) value.
bool EndsBareValue(char c) {
  return IsBlank(c) || c == '(' || c == ')' || c == '"' || c == '=' || c == '<' || c == '>' ||
         c == '!';
}

// Parses and translates in one recursive-descent pass. Parameters are numbered in the order their
// literals appear in the filter.
class Translator {
 public:
  Translator(absl::string_view text, absl::Span<const FilterField> fields, int first_param)
      : text_(text), fields_(fields), params_(first_param) {}

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
    return SqlClause{std::move(sql), params_.Take()};
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
      return Error(pos_,
                   "syntax error: expected a field name, '(' or NOT; write comparisons as "
                   "field = value");
    }
    while (!AtEnd() && IsFieldChar(Peek())) {
      ++pos_;
    }
    Comparison comparison;
    comparison.field = text_.substr(field_pos, pos_ - field_pos);
    comparison.field_pos = field_pos;
    if (comparison.field == "AND" || comparison.field == "OR") {
      return Error(field_pos, absl::StrCat("syntax error: unexpected ", comparison.field));
    }
    if (++comparisons_ > kMaxFilterComparisons) {
      return Error(field_pos,
                   absl::StrCat("must not have more than ", kMaxFilterComparisons, " comparisons"));
    }

    SkipBlanks();
    comparison.op_pos = pos_;
    const OpToken* op = nullptr;
    for (const OpToken& token : kOpTokens) {
      if (absl::StartsWith(text_.substr(pos_), token.text)) {
        op = &token;
        break;
      }
    }
    if (op == nullptr) {
      return Error(pos_, absl::StrCat("syntax error: expected an operator (=, !=, <, <=, >, >=, :) "
                                      "after field ",
                                      comparison.field));
    }
    comparison.op = op->op;
    pos_ += op->text.size();

    SkipBlanks();
    AIRR_RETURN_IF_ERROR(ParseValue(comparison));
    return filter_internal::TranslateComparison(
        comparison, fields_, params_,
        [this](size_t pos, absl::string_view rule) { return Error(pos, rule); });
  }

  // value := quoted string | bare word
  absl::Status ParseValue(Comparison& value) {
    value.value_pos = pos_;
    if (AtEnd()) {
      return Error(pos_, "syntax error: expected a value");
    }
    if (Peek() != '"') {
      while (!AtEnd() && !EndsBareValue(Peek())) {
        ++pos_;
      }
      value.value = std::string(text_.substr(value.value_pos, pos_ - value.value_pos));
      if (value.value.empty() || value.value == "AND" || value.value == "OR" ||
          value.value == "NOT") {
        return Error(value.value_pos, "syntax error: expected a value");
      }
      return absl::OkStatus();
    }
    value.quoted = true;
    ++pos_;
    while (true) {
      if (AtEnd()) {
        return Error(value.value_pos, "syntax error: unterminated string");
      }
      const char c = Peek();
      ++pos_;
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        if (AtEnd() || (Peek() != '"' && Peek() != '\\')) {
          return Error(pos_ - 1,
                       "syntax error: unknown escape in string; only \\\" and \\\\ "
                       "are allowed");
        }
        value.value.push_back(Peek());
        ++pos_;
      } else {
        value.value.push_back(c);
      }
    }
    return absl::OkStatus();
  }

  static std::string Join(const std::vector<std::string>& parts, absl::string_view op) {
    if (parts.size() == 1) {
      return parts[0];
    }
    return absl::StrCat("(", absl::StrJoin(parts, op), ")");
  }

  const absl::string_view text_;
  const absl::Span<const FilterField> fields_;
  ParamList params_;
  size_t pos_ = 0;
  int depth_ = 0;
  int comparisons_ = 0;
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
