// server/transport.cpp — see transport.hpp.
#include "server/transport.hpp"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

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
                     "Tus-Resumable, Upload-Length, Upload-Metadata, Upload-Offset, Upload-Checksum");
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
      if (!router.dispatch(ctx, req, res, path_known)) {
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

namespace {

HttpRequest convert(const httplib::Request& in, std::string body) {
  HttpRequest out;
  out.method = in.method;
  out.path = in.path;
  for (const auto& [k, v] : in.params) out.query.emplace_back(k, v);
  for (const auto& [k, v] : in.headers) {
    std::string name = k;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    out.headers[name] = v;
  }
  out.body = std::move(body);
  out.remote_addr = in.remote_addr;
  return out;
}

void send(const HttpResponse& r, const httplib::Request& in, httplib::Response& out) {
  out.status = r.status;
  // cpp-httplib (built with brotli and zlib) compresses text answers itself
  // when the client accepts it; a precompressed file must not be compressed
  // twice, so hide Accept-Encoding from it. The Request object is httplib's
  // own mutable per-request value, handed to handlers as const.
  for (const auto& h : r.headers)
    if (h.first == "Content-Encoding") const_cast<httplib::Request&>(in).headers.erase("Accept-Encoding");
  for (const auto& [k, v] : r.headers) out.set_header(k, v);
  if (!r.file_path.empty()) {
    std::ifstream f(r.file_path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    out.set_content(ss.str(), r.content_type);
  } else if (!r.content_type.empty()) {
    out.set_content(r.body, r.content_type);
  }
}

}  // namespace

int run_http(Context& ctx, const Router& router, const std::function<void(int)>& on_listening) {
  // Signals are taken by one thread with sigwait(), never by a handler, so
  // stopping the server is an ordinary call.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);

  httplib::Server svr;
  const int threads = ctx.options.threads;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  svr.set_payload_max_length(ctx.options.max_body);
  svr.set_keep_alive_max_count(1000);
  svr.set_keep_alive_timeout(5);
  svr.set_read_timeout(10, 0);
  svr.set_write_timeout(10, 0);
  svr.set_tcp_nodelay(true);

  auto plain = [&](const httplib::Request& in, httplib::Response& out) {
    send(handle(ctx, router, convert(in, in.body)), in, out);
  };
  // Bodies are read here, not by cpp-httplib, so that a form body is not
  // capped at its built-in 8 KiB and so that every cap answers in GeoReport form.
  auto with_body = [&](const httplib::Request& in, httplib::Response& out, const httplib::ContentReader& reader) {
    HttpRequest probe = convert(in, {});
    if (in.is_multipart_form_data()) {
      out.set_header("Connection", "close");
      send(handle(ctx, router, probe), in, out);  // routes reject multipart bodies by Content-Type
      return;
    }
    std::string body;
    bool too_large = false;
    bool ok = reader([&](const char* data, size_t len) {
      if (body.size() + len > ctx.options.max_body) {
        too_large = true;
        return false;
      }
      body.append(data, len);
      return true;
    });
    if (too_large || out.status == 413) {
      HttpResponse r = error_response(probe, 413, "server.body_too_large",
                                      {{"limit", std::to_string(ctx.options.max_body)}});
      add_common_headers(ctx, probe, r);
      r.set_header("Connection", "close");
      send(r, in, out);
      return;
    }
    if (!ok) {
      HttpResponse r = error_response(probe, 400, "server.bad_form");
      add_common_headers(ctx, probe, r);
      r.set_header("Connection", "close");
      send(r, in, out);
      return;
    }
    send(handle(ctx, router, convert(in, std::move(body))), in, out);
  };
  svr.Get(".*", plain);
  svr.Options(".*", plain);
  svr.Delete(".*", plain);
  svr.Post(".*", with_body);
  svr.Put(".*", with_body);
  svr.Patch(".*", with_body);
  // Answers cpp-httplib makes itself (bad request line, 413 on Content-Length,
  // 404 for unknown methods) get a GeoReport body too.
  svr.set_error_handler([&](const httplib::Request& in, httplib::Response& out) {
    if (!out.body.empty()) return;
    HttpRequest probe = convert(in, {});
    const char* id = out.status == 413 ? "server.body_too_large"
                     : out.status == 404 ? "server.not_found"
                     : out.status == 405 ? "server.method_not_allowed"
                     : out.status >= 500 ? "server.internal"
                                         : "server.bad_form";
    HttpResponse r = error_response(probe, out.status, id,
                                    {{"limit", std::to_string(ctx.options.max_body)}, {"what", in.path}});
    out.set_content(r.body, r.content_type);
  });
  svr.set_exception_handler([&](const httplib::Request& in, httplib::Response& out, std::exception_ptr) {
    HttpRequest probe = convert(in, {});
    HttpResponse r = error_response(probe, 500, "server.internal");
    out.status = 500;
    out.set_content(r.body, r.content_type);
  });

  int port = ctx.options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(ctx.options.host);
    if (port < 0) return 1;
  } else if (!svr.bind_to_port(ctx.options.host, port)) {
    return 1;
  }
  ctx.options.port = port;

  std::atomic<bool> finished{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&set, &sig);
    if (!finished) svr.stop();
  });
  if (on_listening) on_listening(port);
  bool ok = svr.listen_after_bind();
  finished = true;
  pthread_kill(waiter.native_handle(), SIGTERM);  // wake the waiter if no signal came
  waiter.join();
  return ok ? 0 : 1;
}

}  // namespace civic::server
