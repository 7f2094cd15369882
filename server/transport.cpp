// server/transport.cpp — see transport.hpp: what every answer gets, whatever
// carries it (the socket loop itself is http_server.cpp).
#include "server/transport.hpp"

#include <algorithm>
#include <chrono>

#include "core/i18n/messages.hpp"
#include "server/rate_limit.hpp"
#include "server/static_files.hpp"

namespace civic::server {

namespace {

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool is_write(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool is_api(const std::string& path) { return path.rfind("/open311/", 0) == 0; }

void add_common_headers(const Context& ctx, const HttpRequest& req, HttpResponse& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  bool has_csp = std::any_of(res.headers.begin(), res.headers.end(),
                             [](const auto& h) { return h.first == "Content-Security-Policy"; });
  if (!has_csp) res.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  if (is_api(req.path) && res.file_path.empty()) res.set_header("Cache-Control", "no-store");
  const std::string& allowed = ctx.options.cors;
  std::string origin = req.header("origin");
  if (!allowed.empty() && (allowed == "*" || origin == allowed)) {
    res.set_header("Access-Control-Allow-Origin", allowed == "*" ? "*" : origin);
    res.set_header("Access-Control-Expose-Headers",
                   "Retry-After, Location, Tus-Resumable, Upload-Offset, Upload-Length, Idempotent-Replayed");
    res.set_header("Vary", "Origin");
  }
}

}  // namespace

HttpResponse handle(Context& ctx, const Router& router, const HttpRequest& req) {
  HttpResponse res;
  if (req.method == "OPTIONS") {
    res.status = 204;
    res.content_type.clear();
    if (!ctx.options.cors.empty()) {
      res.set_header("Access-Control-Allow-Methods", "GET, POST, HEAD, PATCH, OPTIONS");
      res.set_header("Access-Control-Allow-Headers",
                     "Content-Type, Accept-Language, Authorization, Idempotency-Key, Last-Event-ID, "
                     "Tus-Resumable, Upload-Length, Upload-Metadata, Upload-Offset, Upload-Checksum, "
                     "X-HTTP-Method-Override");
      res.set_header("Access-Control-Max-Age", "600");
    }
    if (req.path.rfind("/open311/v2/uploads", 0) == 0) {  // tus 1.0.0 discovery
      res.set_header("Tus-Resumable", "1.0.0");
      res.set_header("Tus-Version", "1.0.0");
      res.set_header("Tus-Extension", "creation,checksum");
      res.set_header("Tus-Checksum-Algorithm", "sha256");
      res.set_header("Tus-Max-Size", std::to_string(20u << 20));
    }
  } else if (is_api(req.path)) {
    RateLimiter& limiter = is_write(req.method) ? ctx.write_limit : ctx.read_limit;
    if (int wait = limiter.take(req.remote_addr, monotonic_seconds()); wait > 0) {
      res = error_response(req, 429, "server.rate_limited", {{"seconds", std::to_string(wait)}});
      res.set_header("Retry-After", std::to_string(wait));
    } else {
      bool path_known = false;
      const HttpRequest* routed = &req;
      HttpRequest overridden;
      if (const std::string m = req.header("x-http-method-override"); !m.empty() && req.method == "POST") {
        // tus 1.0: a client behind a proxy that drops PATCH sends POST with
        // X-HTTP-Method-Override. Honoured for uploads only, and only as PATCH,
        // so no other route's method checks can be talked around.
        if (m != "PATCH" || req.path.rfind("/open311/v2/uploads/", 0) != 0) {
          res = error_response(req, 405, "server.method_not_allowed");
          add_common_headers(ctx, req, res);
          return res;
        }
        overridden = req;
        overridden.method = "PATCH";
        routed = &overridden;
      }
      if (!router.dispatch(ctx, *routed, res, path_known)) {
        res = path_known ? error_response(req, 405, "server.method_not_allowed")
                         : error_response(req, 404, "server.not_found", {{"what", req.path}});
      }
    }
  } else if (!serve_static(ctx.options.web, req, res)) {
    res = error_response(req, 404, "server.not_found", {{"what", req.path}});
  }
  add_common_headers(ctx, req, res);
  return res;
}

HttpResponse transport_error(Context& ctx, const HttpRequest& probe, int status) {
  const char* id = status == 413                   ? "server.body_too_large"
                   : status == 408                 ? "server.request_timeout"
                   : status == 414 || status == 431 ? "server.headers_too_large"
                   : status == 501 || status == 505 ? "server.not_implemented"
                                                    : "server.bad_http";
  std::map<std::string, std::string> params;
  if (status == 413) params["limit"] = std::to_string(ctx.options.max_body);
  HttpResponse r = error_response(probe, status, id, params);
  add_common_headers(ctx, probe, r);
  r.set_header("Connection", "close");
  return r;
}

}  // namespace civic::server
