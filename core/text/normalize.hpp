// core/text/normalize.hpp — undoing what Chinese input methods do to digits
// and ASCII, and trimming what a resident cannot see.
//
// Limits: any length, linear; bytes that are not well-formed UTF-8 are copied
// unchanged (validation is a separate step and must run first).
#pragma once
#include <string>
#include <string_view>

namespace civic::text {

// Full-width forms U+FF01..FF5E ("１３８", "＋", "＠", "－", "（）") become
// their ASCII twins U+0021..007E; the ideographic space U+3000 becomes ' '.
// Everything else is copied as is. Idempotent.
std::string fullwidth_to_ascii(std::string_view s);

// s without leading and trailing spaces: ASCII whitespace, U+00A0 and U+3000.
std::string_view trim_spaces(std::string_view s);

}  // namespace civic::text
