// server/events_stream.hpp — the Civic event stream: Server-Sent Events of
// ticket changes, fanned out to thousands of followers by one epoll thread.
//  [x] GET /open311/v2/civic/events?service_request_id=a,b,c (≤ 200 ids),
//      `Last-Event-ID` resume: each ticket's missed events are replayed
//      (numbered by per-ticket seq), then live ones as staff commit them
//  [x] one thread, non-blocking sockets, level-triggered epoll; events are
//      formatted once per language and written to every follower
//  [x] slow followers are dropped at 1 MiB of unsent bytes (they reconnect
//      and resume); heartbeats every 15 s keep proxies from timing out
//  [x] the main HTTP port answers the same path with 307 to this listener
//      (EventSource and libcurl follow it; CORS allows the same host)
//  [ ] TLS (run behind a terminating proxy), HTTP/2
// cpp-httplib's thread per connection cannot hold 2,000 idle streams; this
// listener holds one socket and ~2 KiB per follower.
#pragma once

#include "server/context.hpp"
#include "server/router.hpp"

namespace civic::server {

// Binds the stream listener on options.host, port $CIVIC_EVENTS_PORT (0 or
// unset: any free port), starts its thread, subscribes to committed events
// and adds the redirect route to router. Returns the bound port, or -1.
int start_event_stream(Context& ctx, Router& router);

}  // namespace civic::server
