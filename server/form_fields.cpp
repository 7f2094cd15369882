// server/form_fields.cpp — see form_fields.hpp.
#include "server/form_fields.hpp"

#include "core/api/url.hpp"
#include "server/util.hpp"

namespace civic::server {

SimpleForm read_simple_form(const HttpRequest& req, const std::map<std::string, size_t>& allowed) {
  SimpleForm out;
  if (req.header("content-type").rfind("application/x-www-form-urlencoded", 0) != 0) {
    out.error = error_response(req, 400, "server.bad_content_type");
    return out;
  }
  bool ok = true;
  api::Params fields = api::form_decode(req.body, &ok);
  if (!ok) {
    out.error = error_response(req, 400, "server.bad_form");
    return out;
  }
  for (const auto& [k, v] : fields) {
    auto cap = allowed.find(k);
    if (cap == allowed.end()) {
      out.error = error_response(req, 400, "server.unknown_field", {{"field", valid_text(k) ? k : "?"}});
      return out;
    }
    if (!valid_text(v)) {
      out.error = error_response(req, 400, "server.bad_utf8", {{"field", k}});
      return out;
    }
    if (utf8_length(v) > cap->second) {
      out.error = error_response(req, 400, "server.field_too_long", {{"field", k}, {"max", std::to_string(cap->second)}});
      return out;
    }
    if (!out.values.emplace(k, v).second) {
      out.error = error_response(req, 400, "server.duplicate_field", {{"field", k}});
      return out;
    }
  }
  return out;
}

}  // namespace civic::server
