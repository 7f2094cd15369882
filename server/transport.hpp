// server/transport.hpp — HTTP over cpp-httplib 0.11 (thread per connection
// from a fixed pool). Implemented:
//  [x] every request converted to HttpRequest and answered from HttpResponse
//  [x] request body cap (413), per-client rate limits (429 + Retry-After)
//  [x] security headers on every answer; CSP on the page
//  [x] CORS for one configured origin (off by default), preflight
//  [x] clean stop on SIGINT/SIGTERM: in-flight requests finish, then return
//  [ ] event-loop transport for many thousands of idle SSE streams
#pragma once
#include <functional>

#include "server/context.hpp"
#include "server/router.hpp"

namespace civic::server {

// Listens until SIGINT/SIGTERM. on_listening(port) runs once the socket is
// bound (port is the real one when options.port was 0). Returns the exit code.
int run_http(Context& ctx, const Router& router, const std::function<void(int port)>& on_listening);

// The full answer for one request (routing, limits, CORS, headers): what the
// transport sends. Exposed for transports and for in-process tests.
HttpResponse handle(Context& ctx, const Router& router, const HttpRequest& req);

}  // namespace civic::server
