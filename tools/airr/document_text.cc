#include "tools/airr/document_text.h"

#include "absl/strings/str_cat.h"
#include "tools/airr/terminal_text.h"

namespace airr::cli {

std::string CutText(const std::string& text, int width) {
  return TruncateToWidth(SanitizeForTerminal(text), width);
}

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

std::string IndentLines(const std::string& block, const std::string& pad) {
  std::string out;
  size_t start = 0;
  while (start < block.size()) {
    size_t end = block.find('\n', start);
    if (end == std::string::npos) {
      end = block.size();
    }
    absl::StrAppend(&out, pad, block.substr(start, end - start), "\n");
    start = end + 1;
  }
  return out;
}

std::string DocumentSection(const std::string& title, const std::string& body) {
  return absl::StrCat("\n", title, ":\n", body);
}

std::string IndentedTableOrNone(bool empty, const std::string& table) {
  return empty ? "  (none)\n" : IndentLines(table, "  ");
}

void AddRowIfSet(TextRows* rows, const std::string& key, const std::string& value) {
  if (!value.empty()) {
    rows->emplace_back(key, value);
  }
}

}  // namespace airr::cli
