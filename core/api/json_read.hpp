// core/api/json_read.hpp — checked, non-throwing reads of server JSON.
// Be liberal in what we accept (DESIGN.md): ids may be numbers or strings,
// booleans may be true/false or "true"/"false", unknown fields are ignored;
// but a field of the wrong kind is an error that names the field, never an
// abort inside nlohmann/json (which is built with JSON_NOEXCEPTION).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace civic::api {

using json = nlohmann::json;

// Limits for anything a server sends us.
inline constexpr size_t kMaxResponseBytes = 8u << 20;   // 8 MiB per response body
inline constexpr size_t kMaxStringBytes = 64u << 10;    // 64 KiB per string field
inline constexpr size_t kMaxListItems = 10000;          // entries in any array

// Parses text as JSON without exceptions; bad or oversized text -> api.bad_json / api.too_large.
Result<json> parse_json(std::string_view text);

// A "bad shape" error naming where the reply went wrong (e.g. "services[3].service_code").
Error shape_error(std::string field);

// Field readers. `where` names the enclosing value for error messages.
// Absent or null fields give the fallback; present ones must have the right kind.
Result<std::string> read_string(const json& obj, std::string_view key, std::string_view where,
                                bool required = false);
// An id: a string, or an integer written without exponent (0 is a valid id).
Result<std::string> read_id(const json& obj, std::string_view key, std::string_view where,
                            bool required = false);
Result<bool> read_bool(const json& obj, std::string_view key, std::string_view where, bool fallback);
Result<std::optional<double>> read_number(const json& obj, std::string_view key, std::string_view where);
Result<int> read_int(const json& obj, std::string_view key, std::string_view where, int fallback);

}  // namespace civic::api
