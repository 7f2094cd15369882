// core/api/url.hpp — building GeoReport v2 URLs and form bodies.
// Strict in what we send: every key and value is percent-encoded per
// application/x-www-form-urlencoded (WHATWG URL §5), attributes are written
// `attribute[CODE]` and `attribute[CODE][]` for lists (GeoReport v2 §POST).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n/lang.hpp"

namespace civic::api {

using Params = std::vector<std::pair<std::string, std::string>>;

std::string percent_encode(std::string_view s);        // form-urlencoded (space -> '+')
std::string percent_decode(std::string_view s, bool* ok = nullptr);
std::string form_encode(const Params& params);
// Parses a form body or query string; ok=false on bad %-escapes.
Params form_decode(std::string_view body, bool* ok = nullptr);

// The endpoint base always ends in '/': "http://h/open311/v2" -> "http://h/open311/v2/".
std::string normalize_base(std::string_view base);
// "http://host:port" of an endpoint base: a server's keys are pinned by
// origin, so every front end on a machine agrees about one server.
std::string origin_of(std::string_view base);
// True for http:// or https:// URLs with a host.
bool is_http_url(std::string_view url);

// base + path + "?" + query (query omitted when empty).
std::string endpoint_url(std::string_view base, std::string_view path, const Params& query = {});

std::string services_url(std::string_view base, Lang lang);
std::string service_definition_url(std::string_view base, std::string_view code, Lang lang);
std::string requests_url(std::string_view base, const std::vector<std::string>& ids, Lang lang);
std::string request_url(std::string_view base, std::string_view id, Lang lang);

}  // namespace civic::api
