// Text for a terminal: strings from the server are made safe to print (no control characters, so
// no escape sequences, and no bidirectional overrides) and are measured in display columns, where
// East Asian wide characters (Japanese display names, say) take two columns.
#pragma once

#include <string>

namespace airr::cli {

// Returns `text` with every control character (C0, DEL, C1) and bidirectional override replaced by
// a space and every invalid UTF-8 byte by U+FFFD. With `keep_newlines`, '\n' is kept.
std::string SanitizeForTerminal(const std::string& text, bool keep_newlines = false);

// The number of terminal columns valid UTF-8 `text` takes: wide characters count two, combining
// marks zero.
int DisplayWidth(const std::string& text);

// Cuts valid UTF-8 `text` to at most `max_columns` display columns, ending it with "…" when cut.
std::string TruncateToWidth(const std::string& text, int max_columns);

}  // namespace airr::cli
