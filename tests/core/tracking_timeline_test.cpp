// tests/core/tracking_timeline_test.cpp — ordered, idempotent application of
// ticket events, gaps, duplicates, the transition table and SLA math.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "core/tracking/event_json.hpp"
#include "core/tracking/iso_time.hpp"
#include "core/tracking/timeline.hpp"

using namespace civic::tracking;

namespace {

constexpr std::int64_t kT0 = 1795000000;  // 2026-11-18, an arbitrary start

TicketEvent ev(std::uint64_t seq, EventKind k, std::int64_t at = kT0) {
  TicketEvent e;
  e.ticket = "2026-000123";
  e.seq = seq;
  e.event_id = 100 + seq;
  e.kind = k;
  e.at = at;
  return e;
}

// A full life: received (24 h SLA) → accepted → assigned → in progress → note → resolved → rated.
std::vector<TicketEvent> life() {
  auto r = ev(1, EventKind::received);
  r.sla_deadline = kT0 + 24 * 3600;
  auto a = ev(2, EventKind::accepted, kT0 + 60);
  auto d = ev(3, EventKind::assigned, kT0 + 120);
  d.department = "福田区城管局";
  auto p = ev(4, EventKind::in_progress, kT0 + 3600);
  auto n = ev(5, EventKind::note, kT0 + 4000);
  n.note = "已到现场";
  auto s = ev(6, EventKind::resolved, kT0 + 7200);
  s.note = "已修复路灯";
  auto t = ev(7, EventKind::rated, kT0 + 8000);
  t.rating = 5;
  return {r, a, d, p, n, s, t};
}

}  // namespace

TEST_CASE("applying a whole life in order") {
  Timeline t;
  for (auto& e : life()) CHECK(apply_event(t, e) == Applied::applied);
  CHECK(t.stage == Stage::rated);
  CHECK(t.department == "福田区城管局");
  CHECK(t.rating == 5);
  CHECK(t.closed_at == kT0 + 7200);
  CHECK(t.applied_seq() == 7);
  CHECK(sla_status(t, kT0 + 999999).state == SlaState::met);
}

TEST_CASE("order, gaps and duplicates") {
  struct Row {
    const char* name;
    std::vector<std::uint64_t> feed;       // seqs of life() in arrival order
    std::vector<Applied> want;
    std::uint64_t applied;
    std::size_t held;
  };
  using A = Applied;
  Row rows[] = {
      {"in order", {1, 2, 3}, {A::applied, A::applied, A::applied}, 3, 0},
      {"a duplicate is ignored", {1, 2, 2, 1}, {A::applied, A::applied, A::duplicate, A::duplicate}, 2, 0},
      {"a gap is held and reported", {1, 3}, {A::applied, A::gap}, 1, 1},
      {"the missing event drains what was held", {1, 3, 4, 2}, {A::applied, A::gap, A::gap, A::applied}, 4, 0},
      {"a held duplicate is held once", {1, 4, 4}, {A::applied, A::gap, A::gap}, 1, 1},
      {"everything backwards", {7, 6, 5, 4, 3, 2, 1}, {A::gap, A::gap, A::gap, A::gap, A::gap, A::gap, A::applied}, 7, 0},
  };
  const auto all = life();
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Timeline t;
      std::vector<Applied> got;
      for (auto s : r.feed) got.push_back(apply_event(t, all[s - 1]));
      CHECK(got == r.want);
      CHECK(t.applied_seq() == r.applied);
      CHECK(t.held.size() == r.held);
    }
  }
}

TEST_CASE("any arrival order with repeats gives the same timeline") {
  const auto all = life();
  Timeline want;
  for (auto& e : all) apply_event(want, e);
  std::mt19937 rng(12345);  // fixed seed: deterministic
  for (int round = 0; round < 200; ++round) {
    std::vector<TicketEvent> feed = all;
    for (int i = 0; i < 5; ++i) feed.push_back(all[rng() % all.size()]);
    std::shuffle(feed.begin(), feed.end(), rng);
    Timeline t;
    for (auto& e : feed) apply_event(t, e);
    CAPTURE(round);
    CHECK(t.events == want.events);
    CHECK(t.stage == want.stage);
    CHECK(t.held.empty());
  }
}

TEST_CASE("invalid events are dropped") {
  struct Row { const char* name; TicketEvent e; };
  auto other = ev(1, EventKind::received);
  other.ticket = "someone-else";
  auto noseq = ev(0, EventKind::note);
  auto noticket = ev(1, EventKind::received);
  noticket.ticket.clear();
  Row rows[] = {{"another ticket's event", other}, {"seq 0", noseq}, {"no ticket", noticket}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Timeline t;
      t.ticket = "2026-000123";
      CHECK(apply_event(t, r.e) == Applied::invalid);
      CHECK(t.events.empty());
    }
  }
}

TEST_CASE("a refetched list fills a gap") {
  const auto all = life();
  Timeline t;
  apply_event(t, all[0]);
  CHECK(apply_event(t, all[4]) == Applied::gap);
  CHECK(apply_events(t, {all[3], all[1], all[2], all[0]}) == Applied::applied);
  CHECK(t.applied_seq() == 5);
  CHECK(t.held.empty());
  CHECK(apply_events(t, {all[0], all[1]}) == Applied::duplicate);
  CHECK(apply_events(t, {all[6]}) == Applied::gap);
}

TEST_CASE("reopen clears the closing time; a new deadline applies") {
  auto all = life();
  all.resize(6);  // up to resolved
  Timeline t;
  apply_events(t, all);
  auto re = ev(7, EventKind::reopened, kT0 + 9000);
  re.sla_deadline = kT0 + 9000 + 48 * 3600;
  apply_event(t, re);
  CHECK(t.stage == Stage::reopened);
  CHECK_FALSE(t.closed_at.has_value());
  CHECK(t.sla_deadline == kT0 + 9000 + 48 * 3600);
  CHECK(sla_status(t, kT0 + 10000).state == SlaState::on_time);
}

TEST_CASE("SLA math") {
  struct Row {
    const char* name;
    std::optional<std::int64_t> deadline;
    std::optional<std::int64_t> closed_after;   // seconds after kT0 the ticket was resolved
    std::int64_t now_after;
    SlaState want;
    std::int64_t left;
  };
  const std::int64_t day = 24 * 3600;
  Row rows[] = {
      {"no deadline", std::nullopt, std::nullopt, 10, SlaState::none, 0},
      {"open, plenty of time", kT0 + day, std::nullopt, 3600, SlaState::on_time, day - 3600},
      {"open, under a quarter left", kT0 + day, std::nullopt, day - 5 * 3600, SlaState::due_soon, 5 * 3600},
      {"open, exactly a quarter left is on time", kT0 + day, std::nullopt, day - 6 * 3600, SlaState::on_time, 6 * 3600},
      {"open, at the deadline is still due soon", kT0 + day, std::nullopt, day, SlaState::due_soon, 0},
      {"open, one second late", kT0 + day, std::nullopt, day + 1, SlaState::overdue, -1},
      {"closed before the deadline", kT0 + day, 3600, day * 9, SlaState::met, day - 3600},
      {"closed exactly at the deadline", kT0 + day, day, day * 9, SlaState::met, 0},
      {"closed late", kT0 + day, day + 60, day * 9, SlaState::missed, -60},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Timeline t;
      auto rec = ev(1, EventKind::received);
      rec.sla_deadline = r.deadline;
      apply_event(t, rec);
      if (r.closed_after) apply_event(t, ev(2, EventKind::resolved, kT0 + *r.closed_after));
      SlaStatus s = sla_status(t, kT0 + r.now_after);
      CHECK(s.state == r.want);
      CHECK(s.seconds_left == r.left);
    }
  }
  CHECK(sla_deadline_after(kT0, 120) == kT0 + 120 * 3600);
}

TEST_CASE("the transition table") {
  struct Row { const char* name; Stage from; EventKind k; bool want; };
  using S = Stage;
  using K = EventKind;
  Row rows[] = {
      {"received can be accepted", S::received, K::accepted, true},
      {"received can be rejected", S::received, K::rejected, true},
      {"received cannot be resolved unseen", S::received, K::resolved, false},
      {"accepted can be assigned", S::accepted, K::assigned, true},
      {"accepted twice is refused", S::accepted, K::accepted, false},
      {"assigned can be reassigned", S::assigned, K::assigned, true},
      {"in progress can be scheduled", S::in_progress, K::scheduled, true},
      {"scheduled can be resolved", S::scheduled, K::resolved, true},
      {"resolved can be rated", S::resolved, K::rated, true},
      {"resolved can be reopened", S::resolved, K::reopened, true},
      {"not ours can be reopened", S::not_ours, K::reopened, true},
      {"resolved cannot go back to in progress", S::resolved, K::in_progress, false},
      {"open tickets cannot be rated", S::in_progress, K::rated, false},
      {"rated is final", S::rated, K::reopened, false},
      {"notes are fine while open", S::scheduled, K::note, true},
      {"no notes after rating", S::rated, K::note, false},
      {"received is never recorded by hand", S::accepted, K::received, false},
      {"reopened can be assigned again", S::reopened, K::assigned, true},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(transition_allowed(r.from, r.k) == r.want); }
  }
}

TEST_CASE("event JSON round-trips and rejects bad shapes") {
  for (const auto& e : life()) {
    auto back = parse_ticket_event(ticket_event_json(e));
    REQUIRE(back.ok());
    CHECK(back.value() == e);
  }
  struct Row { const char* name; const char* json; bool ok; };
  Row rows[] = {
      {"numeric id and seq as string", R"({"service_request_id":0,"seq":"3","kind":"note","at":"2026-11-27T06:00:00+08:00"})", true},
      {"unknown fields ignored", R"({"service_request_id":"a","seq":1,"kind":"received","at":"2026-11-27T06:00:00Z","x":[1]})", true},
      {"missing seq", R"({"service_request_id":"a","kind":"note","at":"2026-11-27T06:00:00Z"})", false},
      {"seq zero", R"({"service_request_id":"a","seq":0,"kind":"note","at":"2026-11-27T06:00:00Z"})", false},
      {"negative seq", R"({"service_request_id":"a","seq":-1,"kind":"note","at":"2026-11-27T06:00:00Z"})", false},
      {"unknown kind", R"({"service_request_id":"a","seq":1,"kind":"teleported","at":"2026-11-27T06:00:00Z"})", false},
      {"bad time", R"({"service_request_id":"a","seq":1,"kind":"note","at":"yesterday"})", false},
      {"rating out of range", R"({"service_request_id":"a","seq":1,"kind":"rated","rating":9,"at":"2026-11-27T06:00:00Z"})", false},
      {"rating on a note", R"({"service_request_id":"a","seq":1,"kind":"note","rating":3,"at":"2026-11-27T06:00:00Z"})", false},
      {"an SSE event needs its seq", R"({"service_request_id":"a","type":"note","updated_datetime":"2026-11-27T06:00:00Z"})", false},
      {"note of the wrong kind", R"({"service_request_id":"a","seq":1,"kind":"note","note":5,"at":"2026-11-27T06:00:00Z"})", false},
      {"not an object", R"([1,2])", false},
      {"not JSON", "{", false},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(parse_ticket_event(r.json).ok() == r.ok); }
  }
  auto list = parse_ticket_events(R"({"events":[{"service_request_id":"a","seq":1,"kind":"received","at":"2026-11-27T06:00:00Z"}]})");
  REQUIRE(list.ok());
  CHECK(list.value().size() == 1);
}

TEST_CASE("the reference server's timeline format, numbered by position") {
  const char* body = R"([
    {"update_id":"5","event_id":5,"service_request_id":"2026-000001","type":"submitted","status_detail":"submitted","updated_datetime":"2026-11-27T06:00:00Z","description":"","department":"cg","agency_responsible":"城管局"},
    {"event_id":9,"service_request_id":"2026-000001","type":"status","status_detail":"not_responsible","updated_datetime":"2026-11-27T07:00:00+08:00","description":"请联系物业","department":"cg"},
    {"event_id":12,"service_request_id":"2026-000001","type":"rated","status_detail":"not_responsible","updated_datetime":"2026-11-27T08:00:00Z","description":""}
  ])";
  auto list = parse_ticket_events(body);
  REQUIRE(list.ok());
  const auto& v = list.value();
  REQUIRE(v.size() == 3);
  struct Row { const char* name; std::size_t i; std::uint64_t seq; EventKind kind; std::uint64_t id; };
  Row rows[] = {{"submitted is received", 0, 1, EventKind::received, 5},
                {"not_responsible is not ours", 1, 2, EventKind::not_ours, 9},
                {"rated without a score", 2, 3, EventKind::rated, 12}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      CHECK(v[r.i].seq == r.seq);
      CHECK(v[r.i].kind == r.kind);
      CHECK(v[r.i].event_id == r.id);
    }
  }
  CHECK(v[0].department == "城管局");
  CHECK(v[1].note == "请联系物业");
  CHECK(v[1].at == parse_iso8601("2026-11-26T23:00:00Z"));
  Timeline t;
  CHECK(apply_events(t, v) == Applied::applied);
  CHECK(t.stage == Stage::rated);
}

TEST_CASE("timestamps") {
  struct Row { const char* name; const char* text; std::optional<std::int64_t> want; };
  Row rows[] = {
      {"UTC with Z", "2026-11-27T06:18:04Z", 1795760284},
      {"offset +08:00", "2026-11-27T14:18:04+08:00", 1795760284},
      {"offset -0800", "2026-11-26T22:18:04-0800", 1795760284},
      {"fraction dropped", "2026-11-27T06:18:04.123456Z", 1795760284},
      {"no zone is UTC", "2026-11-27T06:18:04", 1795760284},
      {"space separator", "2026-11-27 06:18:04Z", 1795760284},
      {"leap day", "2028-02-29T00:00:00Z", 1835395200},
      {"not a leap day", "2026-02-29T00:00:00Z", std::nullopt},
      {"month 13", "2026-13-01T00:00:00Z", std::nullopt},
      {"trailing junk", "2026-11-27T06:18:04Zjunk", std::nullopt},
      {"empty", "", std::nullopt},
      {"epoch", "1970-01-01T00:00:00Z", 0},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(parse_iso8601(r.text) == r.want); }
  }
  CHECK(format_iso8601_utc(1795760284) == "2026-11-27T06:18:04Z");
  CHECK(parse_http_date("Fri, 27 Nov 2026 06:18:04 GMT") == 1795760284);
  CHECK_FALSE(parse_http_date("Friday, 27-Nov-26 06:18:04 GMT").has_value());
}
