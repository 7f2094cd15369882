// core/tracking/iso_time.hpp — ISO 8601 / RFC 3339 timestamps and HTTP dates
// as Unix seconds, without the C library's time zone state (core runs in the
// browser too, where TZ is whatever the page says).
//
// Accepts (outside bytes, so limits matter):
//  - "YYYY-MM-DDTHH:MM:SS" with an optional ".fraction" (dropped) and a zone
//    "Z", "+HH:MM", "-HH:MM", "+HHMM" or "+HH"; a space instead of 'T'.
//    GeoReport v2 says "w3 format", e.g. 2010-04-14T06:37:38-08:00.
//    Without a zone the time is taken as UTC (seen in the wild).
//  - years 1970..9999; strings longer than 64 bytes are rejected.
//  - HTTP dates (RFC 9110 §5.6.7) in IMF-fixdate form only:
//    "Sun, 06 Nov 1994 08:49:37 GMT" (the obsolete forms are rejected).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace civic::tracking {

std::optional<std::int64_t> parse_iso8601(std::string_view text);
// "2026-11-27T06:18:04Z"
std::string format_iso8601_utc(std::int64_t unix_seconds);
std::optional<std::int64_t> parse_http_date(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);

}  // namespace civic::tracking
