// core/text/unsafe_chars.hpp — characters a form never accepts because they
// are invisible, or change how other text is shown ("Trojan Source",
// CVE-2021-42574): a ticket must read the same to the resident, the operator
// and the department.
//
// Rejected:
//  - C0 controls U+0000..001F (a multi-line field allows TAB, LF and CR),
//    DEL U+007F and C1 controls U+0080..009F;
//  - in single-line fields, U+2028/U+2029 (line and paragraph separators);
//  - bidi embeddings and overrides U+202A..202E (LRE RLE PDF LRO RLO) and
//    isolates U+2066..2069 (LRI RLI FSI PDI). Plain marks (LRM U+200E,
//    RLM U+200F) are harmless and allowed;
//  - noncharacters U+FFFE and U+FFFF.
// Limits: any length, linear, no allocation. Input must be valid UTF-8
// (check utf8_valid first); invalid bytes are skipped here.
#pragma once
#include <string_view>

namespace civic::text {

enum class Unsafe { none, control, bidi };

struct UnsafeFind {
  Unsafe kind = Unsafe::none;
  size_t offset = 0;     // byte offset of the first offending character
  char32_t cp = 0;
};

UnsafeFind find_unsafe(std::string_view s, bool multiline);

}  // namespace civic::text
