// core/text/line_break.cpp — see line_break.hpp.
#include "core/text/line_break.hpp"

#include "core/text/utf8.hpp"

namespace civic::text {

bool no_line_start(char32_t cp) {
  switch (cp) {
    case U'、': case U'，': case U'。': case U'．': case U'！': case U'？': case U'；': case U'：':
    case U'）': case U'」': case U'』': case U'】': case U'》': case U'〉': case U'〕': case U'］':
    case U'｝': case U'”': case U'’': case U'…': case U'‥': case U'・': case U'～': case U'〜':
    case U'ー': case U'々': case U'ぁ': case U'ぃ': case U'ぅ': case U'ぇ': case U'ぉ': case U'っ':
    case U'ゃ': case U'ゅ': case U'ょ': case U'ッ': case U'ャ': case U'ュ': case U'ョ':
      return true;
    default:
      return false;
  }
}

bool no_line_end(char32_t cp) {
  switch (cp) {
    case U'（': case U'「': case U'『': case U'【': case U'《': case U'〈': case U'〔': case U'［':
    case U'｛': case U'“': case U'‘':
      return true;
    default:
      return false;
  }
}

namespace {

// The start of the character before byte offset i (i > 0), or npos when the
// bytes there are not UTF-8.
size_t prev_char(std::string_view s, size_t i) {
  size_t j = i - 1;
  int back = 0;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && back < 3) {
    --j;
    ++back;
  }
  Utf8Step st = utf8_decode(s, j);
  return st.ok && j + st.len == i ? j : std::string_view::npos;
}

bool allowed(std::string_view s, size_t at) {
  if (at >= s.size()) return true;
  Utf8Step next = utf8_decode(s, at);
  if (!next.ok) return true;
  if (next.cp == U' ' || next.cp == U'\n') return true;   // a Latin space is the renderer's business
  size_t p = prev_char(s, at);
  if (p == std::string_view::npos) return true;
  char32_t before = utf8_decode(s, p).cp;
  return !no_line_start(next.cp) && !no_line_end(before);
}

}  // namespace

size_t adjust_line_break(std::string_view text, size_t line_start, size_t proposed) {
  if (proposed <= line_start || proposed > text.size()) return proposed;
  size_t at = proposed;
  for (int pulled = 0; pulled <= kMaxPullBack; ++pulled) {
    if (allowed(text, at)) return at;
    size_t p = prev_char(text, at);
    if (p == std::string_view::npos || p <= line_start) break;
    at = p;
  }
  return proposed;
}

}  // namespace civic::text
