// server/util.hpp — small helpers the routes share: time in ISO 8601, JSON
// output that never aborts, UTF-8 checks, random tokens and SHA-256 hex.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace civic::server {

using json = nlohmann::json;

int64_t now_seconds();
// 2026-11-27T06:30:00Z (W3C / ISO 8601, UTC).
std::string iso8601(int64_t unix_seconds);
// Reads ISO 8601 date or date-time (YYYY-MM-DD[THH:MM[:SS][.fff]][Z|±HH:MM]);
// a missing zone means UTC. nullopt when malformed.
std::optional<int64_t> parse_iso8601(std::string_view text);
int utc_year(int64_t unix_seconds);

// JSON text; invalid UTF-8 (which input checks keep out) is replaced, never fatal.
std::string dump(const json& j);

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF) and no
// control characters other than TAB, LF and CR.
bool valid_text(std::string_view s);
// Number of code points of valid UTF-8.
size_t utf8_length(std::string_view s);

// 32 random bytes as 64 lower-case hex characters (libsodium's CSPRNG).
std::string random_token(size_t bytes = 32);
std::string sha256_hex(std::string_view data);
std::string to_hex(const unsigned char* data, size_t len);

}  // namespace civic::server
