// tests/core/app_live_test.cpp — delivered tickets kept live by the app:
// over the Civic event stream when the shell can hold one (bytes parsed by
// core, split anywhere, applied once by seq), by polling otherwise; replayed
// event by event, no clock, no network.
#include <doctest/doctest.h>

#include "core/app/update.hpp"

using namespace civic;
using namespace civic::app;

namespace {

constexpr std::int64_t kT0 = 1795760284000;

// A state with one delivered ticket, loaded from the outbox at start.
std::vector<Effect> start_with_ticket(State& s, bool can_stream) {
  update(s, Started{"http://h/open311/v2/", Lang::en, {}, can_stream}, kT0);
  outbox::OutboxEntry e = outbox::make_entry("n1", "t", {{"service_code", "n1"}}, kT0 / 1000);
  e.state = outbox::EntryState::delivered;
  e.service_request_id = "2026-000007";
  e.token = "tok";
  return update(s, OutboxLoaded{{outbox::serialize_entry(e)}}, kT0);
}

template <class T>
const T* find_effect(const std::vector<Effect>& fx) {
  for (const auto& f : fx)
    if (const T* t = std::get_if<T>(&f)) return t;
  return nullptr;
}

std::string frame(int event_id, int seq, const char* kind, const char* extra = "") {
  return "id: " + std::to_string(event_id) + "\nevent: ticket\ndata: {\"event_id\":" + std::to_string(event_id) +
         ",\"service_request_id\":\"2026-000007\",\"seq\":" + std::to_string(seq) + ",\"kind\":\"" + kind +
         "\",\"at\":\"2026-11-27T06:18:04Z\"" + extra + "}\n\n";
}

}  // namespace

TEST_CASE("a delivered ticket is followed on the event stream") {
  State s;
  auto fx = start_with_ticket(s, true);
  const StreamOpen* open = find_effect<StreamOpen>(fx);
  REQUIRE(open);
  CHECK(open->url == "http://h/open311/v2/civic/events?service_request_id=2026-000007");
  update(s, StreamOpened{open->stream_id, 200}, kT0);
  const std::string bytes = frame(1, 1, "received") + ": keep-alive\n\n" + frame(2, 2, "accepted") +
                            frame(3, 3, "assigned", ",\"department\":\"Nanshan roads\"");
  struct Row {
    const char* name;
    std::size_t split;
  };
  const Row rows[] = {{"in one piece", bytes.size()}, {"split inside a field name", 5},
                      {"split at a frame boundary", frame(1, 1, "received").size()},
                      {"split before the last newline", bytes.size() - 1}};
  for (const auto& row : rows) {
    SUBCASE(row.name) {
      update(s, StreamBytes{open->stream_id, bytes.substr(0, row.split)}, kT0);
      update(s, StreamBytes{open->stream_id, bytes.substr(row.split)}, kT0);
      REQUIRE(s.tickets.size() == 1);
      REQUIRE(s.tickets[0].timeline);
      CHECK(s.tickets[0].timeline->events.size() == 3);
      CHECK(s.tickets[0].timeline->stage == tracking::Stage::assigned);
      CHECK(s.announcement == "Concern 2026-000007 is now assigned to Nanshan roads");
      // The same events again (a reconnect's replay) change nothing.
      std::uint64_t before = s.tickets[0].timeline->applied_seq();
      update(s, StreamBytes{open->stream_id, frame(2, 2, "accepted")}, kT0);
      CHECK(s.tickets[0].timeline->applied_seq() == before);
    }
  }
}

TEST_CASE("a dropped stream reconnects after a wait, with Last-Event-ID") {
  State s;
  auto fx = start_with_ticket(s, true);
  const StreamOpen* open = find_effect<StreamOpen>(fx);
  REQUIRE(open);
  const std::uint64_t first = open->stream_id;
  update(s, StreamOpened{first, 200}, kT0);
  update(s, StreamBytes{first, frame(5, 1, "received")}, kT0);
  auto closed = update(s, StreamClosed{first}, kT0);
  CHECK_FALSE(find_effect<StreamOpen>(closed));   // never at once: no busy loop
  const WakeAt* wake = find_effect<WakeAt>(closed);
  REQUIRE(wake);
  CHECK(wake->at_ms > kT0);
  auto again = update(s, Tick{}, wake->at_ms);
  const StreamOpen* reopen = find_effect<StreamOpen>(again);
  REQUIRE(reopen);
  CHECK(reopen->stream_id != first);
  bool resumes = false;
  for (const auto& [k, v] : reopen->headers) resumes |= k == "Last-Event-ID" && v == "5";
  CHECK(resumes);
  // A late byte from the old stream is not applied.
  update(s, StreamBytes{first, frame(6, 2, "accepted")}, kT0);
  CHECK(s.tickets[0].timeline->events.size() == 1);
}

TEST_CASE("without a stream (kiosk, plain Open311 server) the ticket is polled") {
  State s;
  auto fx = start_with_ticket(s, false);
  CHECK_FALSE(find_effect<StreamOpen>(fx));
  const HttpRequest* poll = find_effect<HttpRequest>(fx);
  REQUIRE(poll);
  CHECK(poll->url.find("requests.json?service_request_id=2026-000007") != std::string::npos);
  auto next = update(s, HttpDone{poll->request_id, 200,
                                 R"([{"service_request_id":"2026-000007","status":"open","status_notes":"ok"}])", ""},
                     kT0);
  const WakeAt* wake = find_effect<WakeAt>(next);
  REQUIRE(wake);
  CHECK(wake->at_ms >= kT0 + 1000);   // the next poll waits
  auto second = update(s, Tick{}, wake->at_ms);
  CHECK(find_effect<HttpRequest>(second));
}
