// server/context.cpp — see context.hpp.
#include "server/context.hpp"

#include "core/i18n/messages.hpp"

namespace civic::server {

HttpResponse error_response(const HttpRequest& req, int status, std::string_view message_id,
                            const std::map<std::string, std::string>& params) {
  json body = json::array();
  body.push_back({{"code", status},
                  {"description", format(req.lang(), message_id, params)},
                  {"message_id", std::string(message_id)}});
  if (!params.empty()) body[0]["params"] = params;
  return json_response(body, status);
}

HttpResponse json_response(const json& body, int status) {
  HttpResponse r;
  r.status = status;
  r.body = dump(body);
  return r;
}

std::string origin_of(const HttpRequest& req, const Options& options) {
  std::string host = req.header("host");
  bool sane = !host.empty() && host.size() < 256;
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'))
      sane = false;
  if (!sane) host = options.host + ":" + std::to_string(options.port);
  return "http://" + host;
}

std::string endpoint_base(const HttpRequest& req, const Options& options) {
  return origin_of(req, options) + "/open311/v2/";
}

}  // namespace civic::server
