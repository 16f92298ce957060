#include "libs/api/quote.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "libs/api/utf8.h"

namespace airr::api {

std::string QuoteForMessage(absl::string_view text, size_t max_chars) {
  std::string out = "\"";
  size_t pos = 0;
  size_t chars = 0;
  while (pos < text.size()) {
    if (chars == max_chars) {
      absl::StrAppend(&out, "...");
      break;
    }
    ++chars;
    const size_t start = pos;
    char32_t cp;
    if (!DecodeUtf8(text, &pos, &cp)) {
      absl::StrAppendFormat(&out, "\\x%02X", static_cast<uint8_t>(text[pos]));
      ++pos;
      continue;
    }
    if (cp == '"' || cp == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(cp));
    } else if (cp == '\n') {
      out.append("\\n");
    } else if (cp == '\t') {
      out.append("\\t");
    } else if (cp == '\r') {
      out.append("\\r");
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
      absl::StrAppendFormat(&out, "\\u%04X", static_cast<uint32_t>(cp));
    } else {
      out.append(text.data() + start, pos - start);
    }
  }
  out.push_back('"');
  return out;
}

}  // namespace airr::api
