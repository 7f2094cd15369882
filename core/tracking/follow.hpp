// core/tracking/follow.hpp — keeping a set of tickets live, as data.
//
// A Follower decides; the shell (CLI, kiosk, browser) acts. Each step returns
// FollowActions — open the event stream, GET a URL, wait N ms — and the shell
// reports back through the on_* functions. Nothing here sleeps or does I/O,
// so the whole reconnect/poll policy is tested deterministically.
//
// Two modes:
//  - stream (the server advertises the Civic event stream):
//      GET {base}civic/events?service_request_id=a,b,c  (Accept: text/event-stream,
//      Last-Event-ID: the last id seen). With no Last-Event-ID the server
//      replays each ticket's history first, so no separate initial fetch is
//      needed. Event type `ticket`, data as in event_json.hpp.
//      A gap in a ticket's seq → GET {base}civic/requests/{id}/events.json?after=0
//      (the whole timeline; what is known already is skipped as duplicates).
//      Disconnects → wait max(server retry, backoff) then reconnect with
//      Last-Event-ID. A 4xx answer to the stream (no such endpoint) → polling.
//  - polling (any GeoReport v2 server):
//      GET {base}requests.json?service_request_id=a,b,c in batches of
//      `batch` ids; every reply is filtered again on the client (some servers
//      ignore the filter). The interval starts at poll_ms, doubles after
//      every poll that changed nothing up to idle_cap_ms, and goes back to
//      poll_ms on any change; failures (network, 5xx) back off with jitter,
//      429/503 honour Retry-After.
// Every path to the next request passes through a wait of at least the
// backoff floor: no busy loop, whatever the server does.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/api/url.hpp"
#include "core/i18n/lang.hpp"
#include "core/tracking/backoff.hpp"
#include "core/tracking/sse_parser.hpp"
#include "core/tracking/timeline.hpp"

namespace civic::tracking {

struct FollowConfig {
  std::string base;                    // GeoReport v2 endpoint base
  std::string stream_url;              // the event stream's URL when the server names one, else {base}civic/events
  bool stream = false;                 // the server offers the Civic event stream
  Lang lang = Lang::zh_CN;
  std::uint32_t poll_ms = 15000;
  std::uint32_t idle_cap_ms = 300000;
  std::size_t batch = 50;
  BackoffPolicy failure{1000, 60000, 250};
};

enum class FollowPurpose { stream, poll, refetch };

struct FollowAction {
  // close_stream: drop the open stream now (its bytes were rejected); a wait follows.
  enum class Kind { open_stream, close_stream, get, wait } kind = Kind::wait;
  FollowPurpose purpose = FollowPurpose::poll;
  std::string url;
  api::Params headers;
  std::string ticket;                  // refetch: which ticket
  std::uint32_t delay_ms = 0;          // wait: then call on_timer
};

struct FollowStep {
  std::vector<FollowAction> actions;
  std::vector<std::string> changed;    // tickets whose timeline changed
  bool operator==(const FollowStep&) const = default;
};

struct Follower {
  FollowConfig cfg;
  std::vector<std::string> tickets;
  std::map<std::string, Timeline> timelines;
  RandomSource random;
  SseParser parser;
  enum class Link { idle, connecting, open, waiting, polling } link = Link::idle;
  std::uint32_t failures = 0;          // consecutive failed connects/polls
  std::uint32_t quiet_polls = 0;       // consecutive polls that changed nothing
  std::size_t polls_outstanding = 0;
  bool poll_changed = false;
  bool poll_failed = false;
  std::uint32_t retry_after_ms = 0;    // the largest Retry-After in the current round
  std::set<std::string> refetching;
};

bool operator==(const FollowAction& a, const FollowAction& b);

Follower make_follower(FollowConfig cfg, std::vector<std::string> tickets, RandomSource random);
FollowStep follow_start(Follower& f);
// The stream's HTTP status is known (0: could not connect).
FollowStep on_stream_opened(Follower& f, int status);
FollowStep on_stream_bytes(Follower& f, std::string_view bytes);
// The stream ended (server closed, network error, or bytes were rejected).
FollowStep on_stream_closed(Follower& f);
// A GET issued by a poll or refetch action finished. retry_after: the raw
// Retry-After header, if any.
FollowStep on_get_done(Follower& f, const FollowAction& action, int status, std::string_view body,
                       std::string_view retry_after, std::int64_t now);
// A wait elapsed.
FollowStep on_timer(Follower& f);

// base ending in '/': {base}civic/events?service_request_id=…; else base is
// the stream's own URL and the ids are appended to it.
std::string stream_url(std::string_view base_or_stream, const std::vector<std::string>& tickets);
// The ticket's whole timeline (after=0): events are numbered by position.
std::string events_url(std::string_view base, std::string_view ticket);
// Retry-After (delta-seconds or IMF-fixdate) in ms from now; capped at 1 h.
std::optional<std::uint32_t> parse_retry_after(std::string_view value, std::int64_t now);

}  // namespace civic::tracking
