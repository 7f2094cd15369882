// server/json_text.hpp — JSON text written directly, byte for byte as
// nlohmann's dump() (ensure_ascii off) writes it, for the answers the load
// benchmark showed to be hot (ticket_json.hpp). Outside bytes: strings come
// from the database and the catalogue; callers check json_utf8_ok() first and
// take the nlohmann path (with its replacement of bad bytes) when it fails.
#pragma once
#include <string>
#include <string_view>

namespace civic::server {

// Strict UTF-8 as nlohmann's serializer decodes it (no overlongs, no
// surrogates, nothing above U+10FFFF); control characters are allowed.
bool json_utf8_ok(std::string_view s);
// "s" with nlohmann's escapes: \" \\ \b \t \n \f \r, other bytes below 0x20
// as \u00xx; everything else (valid UTF-8) as it is.
void append_json_string(std::string& out, std::string_view s);
// Whitespace outside strings removed: the compact form of pretty JSON text
// (e.g. a receipt from core/crypto). "" when a string is left open.
std::string compact_json(std::string_view text);

}  // namespace civic::server
