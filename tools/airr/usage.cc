#include "tools/airr/usage.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace airr::cli {
namespace {

// Terms longer than this get their description on the next line.
constexpr int kMaxTermWidth = 30;
constexpr int kIndent = 2;
constexpr int kGap = 2;

}  // namespace

std::string WrapText(const std::string& text, int indent) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  std::string out;
  bool first_paragraph = true;
  for (absl::string_view paragraph : absl::StrSplit(text, '\n')) {
    if (!first_paragraph) {
      absl::StrAppend(&out, "\n", pad);
    }
    first_paragraph = false;
    int column = indent;
    bool line_start = true;
    for (absl::string_view word : absl::StrSplit(paragraph, ' ', absl::SkipEmpty())) {
      const int word_width = static_cast<int>(word.size());
      if (!line_start && column + 1 + word_width > kHelpWidth) {
        absl::StrAppend(&out, "\n", pad);
        column = indent;
        line_start = true;
      }
      if (!line_start) {
        out += ' ';
        ++column;
      }
      absl::StrAppend(&out, word);
      column += word_width;
      line_start = false;
    }
  }
  return out;
}

std::string FormatTwoColumns(const std::vector<std::pair<std::string, std::string>>& rows) {
  int term_width = 0;
  for (const auto& [term, unused] : rows) {
    const int width = static_cast<int>(term.size());
    if (width <= kMaxTermWidth) {
      term_width = std::max(term_width, width);
    }
  }
  const int desc_column = kIndent + term_width + kGap;
  std::string out;
  for (const auto& [term, description] : rows) {
    absl::StrAppend(&out, std::string(kIndent, ' '), term);
    const int width = static_cast<int>(term.size());
    if (description.empty()) {
      out += '\n';
      continue;
    }
    if (width > term_width) {
      absl::StrAppend(&out, "\n", std::string(static_cast<size_t>(desc_column), ' '));
    } else {
      out += std::string(static_cast<size_t>(term_width - width + kGap), ' ');
    }
    absl::StrAppend(&out, WrapText(description, desc_column), "\n");
  }
  return out;
}

std::string FormatFlagHelp(const std::vector<FlagSpec>& specs) {
  std::vector<std::pair<std::string, std::string>> rows;
  rows.reserve(specs.size());
  for (const FlagSpec& spec : specs) {
    std::string term = spec.short_name != '\0'
                           ? absl::StrCat("-", std::string(1, spec.short_name), ", --", spec.name)
                           : absl::StrCat("    --", spec.name);
    if (spec.kind == FlagSpec::Kind::kValue) {
      absl::StrAppend(&term, " ", spec.value_name);
    }
    std::string help = spec.help;
    if (spec.required) {
      absl::StrAppend(&help, " Required.");
    }
    if (spec.repeated) {
      absl::StrAppend(&help, " Repeatable.");
    }
    rows.emplace_back(std::move(term), std::move(help));
  }
  return FormatTwoColumns(rows);
}

}  // namespace airr::cli
