// server/context.hpp — what every route handler can reach: options, the
// database, the in-memory catalogue and the keys. One per running server.
#pragma once
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "server/catalogue.hpp"
#include "server/db.hpp"
#include "server/http.hpp"
#include "server/keys.hpp"
#include "server/options.hpp"
#include "server/rate_limit.hpp"

namespace civic::server {

struct Context {
  Options options;
  Db* db = nullptr;
  Catalogue catalogue;
  ServerKeys keys;
  RateLimiter write_limit{0};   // POST and friends, per client
  RateLimiter read_limit{0};    // GET on the API, per client
  Context(const Options& o) : options(o), write_limit(o.rate_limit), read_limit(o.read_rate_limit) {}
};

// GeoReport error body [{"code":status,"description":...,"message_id":id}],
// described in the request's language.
HttpResponse error_response(const HttpRequest& req, int status, std::string_view message_id,
                            const std::map<std::string, std::string>& params = {});
HttpResponse json_response(const json& body, int status = 200);

// "http://host:port" as the client reached us (Host header when it is sane).
std::string origin_of(const HttpRequest& req, const Options& options);
// The GeoReport endpoint base: origin + "/open311/v2/".
std::string endpoint_base(const HttpRequest& req, const Options& options);

}  // namespace civic::server
