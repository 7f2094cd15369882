// core/text/ascii.hpp — ASCII character classes that do not depend on the C
// locale (<cctype> does: a shell that calls setlocale() would change verdicts,
// and the phone, the kiosk and the server must agree byte for byte).
#pragma once
#include <string>
#include <string_view>

namespace civic::text {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// s with A..Z as a..z; every other byte (UTF-8 included) unchanged.
inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

}  // namespace civic::text
