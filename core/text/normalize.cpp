// core/text/normalize.cpp — full-width folding and trimming (normalize.hpp).
#include "core/text/normalize.hpp"

#include "core/text/utf8.hpp"

namespace civic::text {

std::string fullwidth_to_ascii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out += s[i++];
      continue;
    }
    Utf8Step st = utf8_decode(s, i);
    if (st.ok && st.cp >= 0xFF01 && st.cp <= 0xFF5E) out += static_cast<char>(st.cp - 0xFF01 + 0x21);
    else if (st.ok && st.cp == 0x3000) out += ' ';
    else out.append(s.substr(i, st.len));
    i += st.len;
  }
  return out;
}

namespace {
bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// Length of a wide space (U+00A0 = C2 A0, U+3000 = E3 80 80) ending at end, or 0.
size_t wide_space_before(std::string_view s, size_t end) {
  if (end >= 2 && s.substr(end - 2, 2) == "\xC2\xA0") return 2;
  if (end >= 3 && s.substr(end - 3, 3) == "\xE3\x80\x80") return 3;
  return 0;
}
size_t wide_space_at(std::string_view s, size_t i) {
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE3\x80\x80") return 3;
  return 0;
}
}  // namespace

std::string_view trim_spaces(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    if (ascii_space(s[b])) ++b;
    else if (size_t w = wide_space_at(s, b)) b += w;
    else break;
  }
  size_t e = s.size();
  while (e > b) {
    if (ascii_space(s[e - 1])) --e;
    else if (size_t w = wide_space_before(s, e); w && e - w >= b) e -= w;
    else break;
  }
  return s.substr(b, e - b);
}

}  // namespace civic::text
