// core/api/parse.hpp — reading GeoReport v2 JSON replies.
//
// Limits (what these parsers accept and reject):
//  - bodies up to 8 MiB (api.too_large beyond), strings up to 64 KiB,
//    arrays up to 10,000 entries; anything larger is a bad_shape error.
//  - ids as strings or integers; booleans as true/false or "true"/"false".
//  - unknown fields are ignored; a known field of the wrong kind is an error
//    naming it ("services[2].service_code").
//  - a top-level object where an array is expected is accepted when it wraps
//    the array under the expected key ({"services": [...]}) — seen in the wild.
// Nothing here throws or aborts on hostile input.
#pragma once
#include <string_view>
#include <vector>

#include "core/api/models.hpp"
#include "core/result.hpp"

namespace civic::api {

Result<std::vector<Service>> parse_services(std::string_view body);
Result<ServiceDefinition> parse_service_definition(std::string_view body);
Result<std::vector<ServiceRequest>> parse_requests(std::string_view body);
Result<std::vector<SubmitReceipt>> parse_submit(std::string_view body);
Result<Discovery> parse_discovery(std::string_view body);

// GeoReport error bodies: [{code, description}]. An empty vector when the body
// is not one (so callers can fall back to the HTTP status).
std::vector<ServerError> parse_errors(std::string_view body);

// Turns a non-2xx reply into the Error the resident sees: the server's own
// description when it gave one, else a message for the status.
Error error_from_reply(int status, std::string_view body);

Result<Datatype> parse_datatype(std::string_view name);

}  // namespace civic::api
