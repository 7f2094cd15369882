// tests/core/tracking_follow_test.cpp — the stream/poll policy replayed as
// events and checked as actions: reconnects with Last-Event-ID, backoff with
// jitter, gaps → refetch, fallback to batched polling, Retry-After, and that
// every path back to the network goes through a wait.
#include <doctest/doctest.h>

#include "core/tracking/backoff.hpp"
#include "core/tracking/event_json.hpp"
#include "core/tracking/follow.hpp"

using namespace civic::tracking;
using Kind = FollowAction::Kind;

namespace {

constexpr std::int64_t kNow = 1795760284;
const char* kBase = "http://127.0.0.1:9/open311/v2/";

RandomSource fixed(std::uint64_t v) {
  return [v] { return v; };
}

FollowConfig stream_cfg() {
  FollowConfig c;
  c.base = kBase;
  c.stream = true;
  return c;
}

std::string sse_ticket(std::uint64_t event_id, const char* ticket, std::uint64_t seq, const char* kind) {
  TicketEvent e;
  e.ticket = ticket;
  e.seq = seq;
  e.event_id = event_id;
  e.kind = *parse_kind(kind);
  e.at = kNow;
  return "id: " + std::to_string(event_id) + "\nevent: ticket\ndata: " + ticket_event_json(e) + "\n\n";
}

std::string header(const FollowAction& a, const char* name) {
  for (const auto& [k, v] : a.headers)
    if (k == name) return v;
  return {};
}

}  // namespace

TEST_CASE("backoff: exponential, capped, jittered, never below the floor") {
  BackoffPolicy p{1000, 8000, 250};
  struct Row { const char* name; std::uint32_t failures; std::uint64_t random; std::uint32_t want; };
  Row rows[] = {
      {"first failure, no jitter", 1, 0, 500},
      {"first failure, full jitter", 1, 500, 1000},
      {"jitter wraps modulo", 1, 501, 500},
      {"second failure doubles", 2, 0, 1000},
      {"fourth failure hits the cap", 4, 0, 4000},
      {"the cap holds", 30, 4000, 8000},
      {"zero failures acts as one", 0, 0, 500},
      {"huge counts do not overflow", 4000000000u, 0, 4000},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(backoff_delay_ms(p, r.failures, r.random) == r.want); }
  }
  CHECK(backoff_delay_ms({0, 0, 250}, 1, 0) == 250);  // a zero policy still waits
}

TEST_CASE("stream: connect, events, disconnect, reconnect with Last-Event-ID") {
  Follower f = make_follower(stream_cfg(), {"A", "B", "A"}, fixed(0));
  CHECK(f.tickets == std::vector<std::string>{"A", "B"});
  FollowStep s = follow_start(f);
  REQUIRE(s.actions.size() == 1);
  CHECK(s.actions[0].kind == Kind::open_stream);
  CHECK(s.actions[0].url == "http://127.0.0.1:9/open311/v2/civic/events?service_request_id=A%2CB");
  CHECK(header(s.actions[0], "Last-Event-ID").empty());

  CHECK(on_stream_opened(f, 200).actions.empty());
  s = on_stream_bytes(f, sse_ticket(10, "A", 1, "received") + ": keep-alive\n" + sse_ticket(11, "B", 1, "received"));
  CHECK(s.changed == std::vector<std::string>{"A", "B"});
  CHECK(s.actions.empty());
  s = on_stream_bytes(f, sse_ticket(11, "B", 1, "received"));  // a repeat changes nothing
  CHECK(s.changed.empty());

  s = on_stream_closed(f);
  REQUIRE(s.actions.size() == 1);
  CHECK(s.actions[0].kind == Kind::wait);
  CHECK(s.actions[0].delay_ms == 500);
  s = on_timer(f);
  REQUIRE(s.actions.size() == 1);
  CHECK(s.actions[0].kind == Kind::open_stream);
  CHECK(header(s.actions[0], "Last-Event-ID") == "11");
  CHECK(stream_url("http://127.0.0.1:7/stream", {"A"}) == "http://127.0.0.1:7/stream?service_request_id=A");
}

TEST_CASE("stream: consecutive failures back off; the server's retry is a floor") {
  Follower f = make_follower(stream_cfg(), {"A"}, fixed(0));
  follow_start(f);
  std::vector<std::uint32_t> waits;
  for (int i = 0; i < 8; ++i) {
    FollowStep s = on_stream_opened(f, i % 2 ? 503 : 0);
    REQUIRE(s.actions.size() == 1);
    REQUIRE(s.actions[0].kind == Kind::wait);
    waits.push_back(s.actions[0].delay_ms);
    on_timer(f);
  }
  CHECK(waits == std::vector<std::uint32_t>{500, 1000, 2000, 4000, 8000, 16000, 30000, 30000});
  // retry: 45000 from the server raises the floor
  on_stream_opened(f, 200);
  on_stream_bytes(f, "retry: 45000\n\n");
  FollowStep s = on_stream_closed(f);
  CHECK(s.actions[0].delay_ms == 45000);
}

TEST_CASE("stream: a gap triggers one refetch, its reply fills the hole") {
  Follower f = make_follower(stream_cfg(), {"A"}, fixed(0));
  follow_start(f);
  on_stream_opened(f, 200);
  on_stream_bytes(f, sse_ticket(1, "A", 1, "received"));
  FollowStep s = on_stream_bytes(f, sse_ticket(5, "A", 3, "assigned") + sse_ticket(6, "A", 4, "in_progress"));
  REQUIRE(s.actions.size() == 1);
  CHECK(s.actions[0].kind == Kind::get);
  CHECK(s.actions[0].purpose == FollowPurpose::refetch);
  CHECK(s.actions[0].url == "http://127.0.0.1:9/open311/v2/civic/requests/A/events.json?after=0");
  TicketEvent missing;
  missing.ticket = "A";
  missing.seq = 2;
  missing.kind = EventKind::accepted;
  missing.at = kNow;
  FollowStep r = on_get_done(f, s.actions[0], 200, "[" + ticket_event_json(missing) + "]", "", kNow);
  CHECK(r.changed == std::vector<std::string>{"A"});
  CHECK(f.timelines["A"].applied_seq() == 4);
  CHECK(f.timelines["A"].stage == Stage::in_progress);
}

TEST_CASE("stream: a 404 means no stream here, so poll in batches") {
  FollowConfig c = stream_cfg();
  c.batch = 2;
  Follower f = make_follower(c, {"1", "2", "3"}, fixed(0));
  follow_start(f);
  FollowStep s = on_stream_opened(f, 404);
  REQUIRE(s.actions.size() == 2);
  CHECK(s.actions[0].url == "http://127.0.0.1:9/open311/v2/requests.json?service_request_id=1%2C2&locale=zh-CN");
  CHECK(s.actions[1].url == "http://127.0.0.1:9/open311/v2/requests.json?service_request_id=3&locale=zh-CN");
  CHECK_FALSE(f.cfg.stream);
}

TEST_CASE("stream: oversized bytes close the stream and wait") {
  Follower f = make_follower(stream_cfg(), {"A"}, fixed(0));
  follow_start(f);
  on_stream_opened(f, 200);
  FollowStep s = on_stream_bytes(f, "data: " + std::string(kSseMaxLineBytes + 1, 'x'));
  REQUIRE(s.actions.size() == 2);
  CHECK(s.actions[0].kind == Kind::close_stream);
  CHECK(s.actions[1].kind == Kind::wait);
  CHECK(on_stream_closed(f).actions.empty());  // the close it asked for is not a second failure
}

TEST_CASE("polling: quiet rounds stretch the interval, a change resets it, failures back off") {
  FollowConfig c;
  c.base = kBase;
  c.poll_ms = 10000;
  c.idle_cap_ms = 80000;
  Follower f = make_follower(c, {"7"}, fixed(0));
  FollowStep s = follow_start(f);
  REQUIRE(s.actions.size() == 1);
  const FollowAction poll = s.actions[0];
  const std::string open = R"([{"service_request_id":7,"status":"open","requested_datetime":"2026-11-27T06:00:00Z"}])";
  const std::string noted = R"([{"service_request_id":7,"status":"open","status_notes":"crew sent"},{"service_request_id":8,"status":"closed"}])";
  struct Step { const char* name; int status; std::string body; const char* retry_after; std::uint32_t wait; bool changed; };
  Step steps[] = {
      {"first poll shows the ticket", 200, open, "", 5000, true},
      {"nothing new: longer", 200, open, "", 10000, false},
      {"still nothing: longer again", 200, open, "", 20000, false},
      {"a note: back to the base interval", 200, noted, "", 5000, true},
      {"server error: failure backoff", 500, "", "", 500, false},
      {"429 with Retry-After 30", 429, "", "30", 30000, false},
      {"unreadable body counts as failure", 200, "<html>", "", 2000, false},
      {"ok again", 200, noted, "", 10000, false},
  };
  for (const auto& st : steps) {
    CAPTURE(st.name);
    FollowStep r = on_get_done(f, poll, st.status, st.body, st.retry_after, kNow);
    REQUIRE(r.actions.size() == 1);
    CHECK(r.actions[0].kind == Kind::wait);
    CHECK(r.actions[0].delay_ms == st.wait);
    CHECK(r.changed.empty() == !st.changed);
    FollowStep again = on_timer(f);
    REQUIRE(again.actions.size() == 1);
    CHECK(again.actions[0].kind == Kind::get);
  }
  CHECK(f.timelines.count("8") == 0);  // an id the server sent unasked is ignored
  CHECK(f.timelines["7"].events.back().note == "crew sent");
}

TEST_CASE("no busy loop: every reply and close leads to a wait of at least the floor") {
  Follower f = make_follower(stream_cfg(), {"A"}, fixed(0));
  follow_start(f);
  for (int i = 0; i < 50; ++i) {
    on_stream_opened(f, 200);
    FollowStep s = on_stream_closed(f);  // a server that accepts and hangs up at once
    REQUIRE(s.actions.size() == 1);
    CHECK(s.actions[0].kind == Kind::wait);
    CHECK(s.actions[0].delay_ms >= f.cfg.failure.floor_ms);
    CHECK(on_timer(f).actions.size() == 1);
  }
  CHECK(on_timer(f).actions.empty());  // a stray timer while connecting does nothing
}

TEST_CASE("Retry-After forms") {
  struct Row { const char* name; const char* v; std::optional<std::uint32_t> want; };
  Row rows[] = {
      {"seconds", "120", 120000u},
      {"spaces", " 5 ", 5000u},
      {"capped at an hour", "999999", 3600000u},
      {"an HTTP date ahead", "Fri, 27 Nov 2026 06:19:04 GMT", 60000u},
      {"an HTTP date passed", "Fri, 27 Nov 2026 06:00:00 GMT", 0u},
      {"garbage", "soon", std::nullopt},
      {"negative", "-5", std::nullopt},
      {"empty", "", std::nullopt},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(parse_retry_after(r.v, kNow) == r.want); }
  }
}
