// core/text/utf8.cpp — the RFC 3629 decoder. See utf8.hpp for what it rejects.
#include "core/text/utf8.hpp"

namespace civic::text {

namespace {
bool cont(unsigned char b) { return (b & 0xC0) == 0x80; }
}  // namespace

Utf8Step utf8_decode(std::string_view s, size_t i) {
  Utf8Step bad{U'\uFFFD', 1, false};
  const size_t n = s.size() - i;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  if (b0 < 0xC2) return bad;  // stray continuation byte, or C0/C1 (always overlong)
  if (b0 < 0xE0) {
    if (n < 2 || !cont(static_cast<unsigned char>(s[i + 1]))) return bad;
    return {static_cast<char32_t>(((b0 & 0x1F) << 6) | (s[i + 1] & 0x3F)), 2, true};
  }
  if (b0 < 0xF0) {
    if (n < 3) return bad;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (!cont(b1) || !cont(b2)) return bad;
    if (b0 == 0xE0 && b1 < 0xA0) return bad;   // overlong
    if (b0 == 0xED && b1 >= 0xA0) return bad;  // surrogate
    return {static_cast<char32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)), 3, true};
  }
  if (b0 < 0xF5) {
    if (n < 4) return bad;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    const auto b3 = static_cast<unsigned char>(s[i + 3]);
    if (!cont(b1) || !cont(b2) || !cont(b3)) return bad;
    if (b0 == 0xF0 && b1 < 0x90) return bad;   // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return bad;  // above U+10FFFF
    return {static_cast<char32_t>(((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) |
                                  (b3 & 0x3F)),
            4, true};
  }
  return bad;
}

bool utf8_valid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    Utf8Step st = utf8_decode(s, i);
    if (!st.ok) return false;
    i += st.len;
  }
  return true;
}

void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace civic::text
