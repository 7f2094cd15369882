// server/form_fields.hpp — reading the small form bodies of the Civic and
// staff endpoints (rating, reopen, staff update). Limits: the body is capped
// by the transport; keys must be in the allowed set, each at most once, with
// strict UTF-8 values no longer than the given cap.
#pragma once
#include <map>
#include <string>

#include "server/context.hpp"

namespace civic::server {

struct SimpleForm {
  std::map<std::string, std::string> values;
  std::optional<HttpResponse> error;   // set when the body is refused
  std::string get(const std::string& k) const {
    auto it = values.find(k);
    return it == values.end() ? std::string() : it->second;
  }
};

// allowed: key -> maximum characters (code points).
SimpleForm read_simple_form(const HttpRequest& req, const std::map<std::string, size_t>& allowed);

}  // namespace civic::server
