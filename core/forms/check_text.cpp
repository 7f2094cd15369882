// core/forms/check_text.cpp — free text: clean UTF-8 and length in
// user-perceived characters (validators.hpp).
#include <cstdio>

#include "core/forms/validators.hpp"
#include "core/text/graphemes.hpp"
#include "core/text/normalize.hpp"
#include "core/text/unsafe_chars.hpp"
#include "core/text/utf8.hpp"

namespace civic::forms {

std::optional<Error> check_clean_text(std::string_view s, bool multiline) {
  if (!text::utf8_valid(s)) return make_error("forms.bad_utf8");
  if (s.size() > kMaxTextBytes)
    return make_error("forms.too_long_bytes", std::to_string(s.size()) + " bytes");
  text::UnsafeFind u = text::find_unsafe(s, multiline);
  char hex[16];
  if (u.kind != text::Unsafe::none) {
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(u.cp));
    return make_error(u.kind == text::Unsafe::bidi ? "forms.bidi_override" : "forms.control_char",
                      std::string(hex) + " at byte " + std::to_string(u.offset));
  }
  return std::nullopt;
}

std::optional<Error> check_length(std::string_view s, size_t min_chars, size_t max_chars) {
  size_t n = text::count_graphemes(text::trim_spaces(s));
  if (min_chars && n < min_chars)
    return make_error("forms.too_short", {}, {{"min", std::to_string(min_chars)}, {"count", std::to_string(n)}});
  if (max_chars && n > max_chars)
    return make_error("forms.too_long", {}, {{"max", std::to_string(max_chars)}, {"count", std::to_string(n)}});
  return std::nullopt;
}

}  // namespace civic::forms
