// Formats --help pages: aligned, word-wrapped two-column lists (flags with their help, commands
// with their summaries), so every level of the CLI explains itself the same way.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tools/airr/args.h"

namespace airr::cli {

// The width --help text is wrapped to.
inline constexpr int kHelpWidth = 100;

// Word-wraps `text` to kHelpWidth columns; every line after the first is indented by `indent`
// spaces (the first line is expected to start at column `indent`). Existing newlines are kept.
std::string WrapText(const std::string& text, int indent);

// Formats `rows` (term, description) as an indented two-column list with wrapped descriptions.
std::string FormatTwoColumns(const std::vector<std::pair<std::string, std::string>>& rows);

// Formats the flags as a two-column list: `-o, --output FORMAT   help`. Repeatable flags say so.
std::string FormatFlagHelp(const std::vector<FlagSpec>& specs);

}  // namespace airr::cli
