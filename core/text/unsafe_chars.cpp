// core/text/unsafe_chars.cpp — the scan described in unsafe_chars.hpp.
#include "core/text/unsafe_chars.hpp"

#include "core/text/utf8.hpp"

namespace civic::text {

UnsafeFind find_unsafe(std::string_view s, bool multiline) {
  for (size_t i = 0; i < s.size();) {
    Utf8Step st = utf8_decode(s, i);
    const char32_t c = st.cp;
    if (st.ok) {
      bool line_break = c == '\t' || c == '\n' || c == '\r';
      if ((c < 0x20 && !(multiline && line_break)) || (c >= 0x7F && c < 0xA0) || c == 0xFFFE ||
          c == 0xFFFF || (!multiline && (c == 0x2028 || c == 0x2029)))
        return {Unsafe::control, i, c};
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return {Unsafe::bidi, i, c};
    }
    i += st.len;
  }
  return {};
}

}  // namespace civic::text
