// Building blocks of the readable documents the CLI prints (the incident report, the run report):
// titled sections, indented tables that say "(none)" when empty, key/value rows that leave out
// unset values, and table cells cut to a width.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace airr::cli {

// Key/value rows, as FormatRows (output.h) prints them.
using TextRows = std::vector<std::pair<std::string, std::string>>;

// `text` made safe for the terminal and cut to at most `width` display columns ("…" when cut).
std::string CutText(const std::string& text, int width);

// `text`, or "-" when it is empty.
std::string OrDash(const std::string& text);

// Every line of `block` with `pad` in front.
std::string IndentLines(const std::string& block, const std::string& pad);

// "\n<title>:\n<body>".
std::string DocumentSection(const std::string& title, const std::string& body);

// "  (none)\n" when `empty`, else `table` indented by two spaces.
std::string IndentedTableOrNone(bool empty, const std::string& table);

// Appends (key, value) to `rows` unless `value` is empty.
void AddRowIfSet(TextRows* rows, const std::string& key, const std::string& value);

}  // namespace airr::cli
