// core/text/utf8.hpp — strict UTF-8 reading for text a resident (or a client
// pretending to be one) sends us.
//
// Limits (RFC 3629 §4, the only form accepted):
//  - rejects overlong encodings (C0/C1 leads, E0 80..9F, F0 80..8F),
//    UTF-16 surrogates (ED A0..BF = U+D800..DFFF), code points above U+10FFFF
//    (F4 90.. and F5..FF leads), stray continuation bytes and sequences cut
//    short at the end of the input;
//  - any length: one linear pass, no allocation; NUL bytes are valid UTF-8
//    (rejecting control characters is core/text/unsafe_chars.hpp's job).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace civic::text {

struct Utf8Step {
  char32_t cp = 0;    // the code point (U+FFFD when !ok)
  size_t len = 1;     // bytes consumed: 1..4, and 1 for a bad byte so a caller can resync
  bool ok = false;
};

// Decodes the sequence starting at s[i] (i < s.size()).
Utf8Step utf8_decode(std::string_view s, size_t i);

// True when every byte of s belongs to a well-formed sequence.
bool utf8_valid(std::string_view s);

// Appends cp (which must be a scalar value: not a surrogate, <= U+10FFFF).
void utf8_append(std::string& out, char32_t cp);

}  // namespace civic::text
