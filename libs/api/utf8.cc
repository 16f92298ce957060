#include "libs/api/utf8.h"

#include <cstdint>

namespace airr::api {
namespace {

bool IsContinuation(uint8_t byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

bool DecodeUtf8(absl::string_view text, size_t* pos, char32_t* code_point) {
  const size_t start = *pos;
  const size_t remaining = text.size() - start;
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[start + i]); };
  const uint8_t lead = byte(0);

  size_t length;
  char32_t value;
  char32_t min_value;
  if (lead < 0x80) {
    *code_point = lead;
    *pos = start + 1;
    return true;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    // 0xC0 and 0xC1 could only start overlong two-byte forms.
    length = 2;
    value = lead & 0x1F;
    min_value = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
    min_value = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
    min_value = 0x10000;
  } else {
    return false;
  }
  if (remaining < length) {
    return false;
  }
  for (size_t i = 1; i < length; ++i) {
    if (!IsContinuation(byte(i))) {
      return false;
    }
    value = (value << 6) | (byte(i) & 0x3F);
  }
  if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return false;
  }
  *code_point = value;
  *pos = start + length;
  return true;
}

bool IsValidUtf8(absl::string_view text) {
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    if (!DecodeUtf8(text, &pos, &code_point)) {
      return false;
    }
  }
  return true;
}

}  // namespace airr::api
