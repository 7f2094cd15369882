// server/transport.hpp — HTTP for civic-server: one epoll thread for every
// socket and a small worker pool for the route handlers (http_server.cpp),
// requests read by server/http_parse.hpp. Implemented:
//  [x] every request converted to HttpRequest and answered from HttpResponse
//  [x] keep-alive, pipelining, chunked request bodies, Expect: 100-continue
//  [x] slowloris timeouts (408), strict framing (no request smuggling)
//  [x] request body cap (413), per-client rate limits (429 + Retry-After)
//  [x] security headers on every answer; CSP on the page
//  [x] CORS for one configured origin (off by default), preflight
//  [x] clean stop on SIGINT/SIGTERM: in-flight requests finish, then return
//  [x] static files streamed (sendfile), .br/.gz siblings, caching headers
//  [ ] SSE on this loop: the event stream keeps its own listener (307 here)
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

// The answer when the transport itself refuses a request (the parser's 400,
// 413, 414, 431, 501, 505, or 408 for a client too slow): a GeoReport error
// body in the request's language, the common headers, Connection: close.
HttpResponse transport_error(Context& ctx, const HttpRequest& probe, int status);

}  // namespace civic::server
