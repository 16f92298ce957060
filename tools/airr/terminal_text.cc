#include "tools/airr/terminal_text.h"

#include <cstdint>

namespace airr::cli {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one UTF-8 code point at text[*pos] and advances *pos. Returns kReplacement (advancing
// by one byte) for an invalid, overlong or truncated sequence.
char32_t DecodeOne(const std::string& text, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(*pos);
  int length = 0;
  char32_t cp = 0;
  if (lead < 0x80) {
    ++*pos;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    cp = lead & 0x07;
  } else {
    ++*pos;
    return kReplacement;
  }
  if (*pos + static_cast<size_t>(length) > text.size()) {
    ++*pos;
    return kReplacement;
  }
  for (int i = 1; i < length; ++i) {
    const uint8_t next = byte(*pos + static_cast<size_t>(i));
    if ((next & 0xC0) != 0x80) {
      ++*pos;
      return kReplacement;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  static constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*pos;
    return kReplacement;
  }
  *pos += static_cast<size_t>(length);
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsUnsafe(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||  // C0, DEL, C1 controls
         (cp >= 0x202A && cp <= 0x202E) ||           // bidi embeddings and overrides
         (cp >= 0x2066 && cp <= 0x2069);             // bidi isolates
}

int CodePointWidth(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
      (cp >= 0xFE00 && cp <= 0xFE0F)) {
    return 0;  // combining marks, zero-width spaces and joiners, variation selectors
  }
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
    return 2;  // East Asian wide and fullwidth characters, emoji
  }
  return 1;
}

}  // namespace

std::string SanitizeForTerminal(const std::string& text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = DecodeOne(text, &pos);
    if (keep_newlines && cp == '\n') {
      out += '\n';
    } else if (IsUnsafe(cp)) {
      out += ' ';
    } else {
      AppendUtf8(cp, &out);
    }
  }
  return out;
}

int DisplayWidth(const std::string& text) {
  int width = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    width += CodePointWidth(DecodeOne(text, &pos));
  }
  return width;
}

std::string TruncateToWidth(const std::string& text, int max_columns) {
  if (DisplayWidth(text) <= max_columns) {
    return text;
  }
  std::string out;
  int width = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const int w = CodePointWidth(DecodeOne(text, &pos));
    if (width + w > max_columns - 1) {  // keep one column for the ellipsis
      break;
    }
    out.append(text, start, pos - start);
    width += w;
  }
  return out + "\u2026";
}

}  // namespace airr::cli
