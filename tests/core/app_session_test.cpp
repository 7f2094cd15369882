// tests/core/app_session_test.cpp — kiosk sessions replayed with the time
// passed in: the countdown, the clean start after Finish or inactivity, the
// hall's location, and concerns that outlive their resident's session.
#include <doctest/doctest.h>

#include "core/app/update.hpp"

using namespace civic;
using namespace civic::app;

namespace {

const char* kCatalogZh = R"([{"service_code":"n1","service_name":"夜间噪音","group":"噪音"}])";
const char* kCatalogEn = R"([{"service_code":"n1","service_name":"Night noise","group":"Noise"}])";

const HttpRequest& only_request(const std::vector<Effect>& fx) {
  REQUIRE(fx.size() == 1);
  REQUIRE(std::holds_alternative<HttpRequest>(fx[0]));
  return std::get<HttpRequest>(fx[0]);
}

// A kiosk started in zh-CN with a 60 s session (20 s warning) at the hall.
State kiosk(HallLocation hall = {}) {
  State s;
  Started st;
  st.server_base = "http://h/";
  st.settings = Settings{true, false};
  st.session = {60000, 20000};
  st.hall = hall;
  std::uint64_t id = 0, caps = 0;
  for (const auto& f : update(s, st))   // the catalogue, the capabilities, OutboxLoad
    if (auto* r = std::get_if<HttpRequest>(&f)) (r->url.find("services.json") != std::string::npos ? id : caps) = r->request_id;
  update(s, HttpDone{id, 200, kCatalogZh, ""});
  update(s, HttpDone{caps, 404, "", ""});   // a plain GeoReport v2 server (sealing: app_trust_test)
  return s;
}

// The resident opens n1 and types a description and a phone number.
void fill(State& s, std::int64_t at_ms) {
  update(s, SessionTick{at_ms, true});
  update(s, ServiceChosen{"n1"});
  forms::FieldValue v;
  v.text = "工地每晚打桩到凌晨两点";
  update(s, FieldEdited{"description", v});
  v.text = "13800138000";
  update(s, FieldEdited{"phone", v});
  v = {};
  v.location.address = "科技园路 1 号";
  update(s, FieldEdited{"location", v});
}

bool clean_start(const State& s) {
  return s.screen == Screen::home && s.lang == Lang::zh_CN && s.draft.service.code.empty() &&
         s.draft.form.fields.empty() && s.tickets.empty() && s.open_ticket.empty() && s.announcement.empty() &&
         !s.session.active && s.settings == Settings{true, false};
}

}  // namespace

TEST_CASE("session phases and the seconds shown") {
  struct Row {
    const char* name;
    bool active;
    std::int64_t idle_ms, warn_ms, last, now;
    SessionPhase phase;
    int left;
  };
  const Row rows[] = {
      {"nobody has touched the screen", false, 60000, 20000, 0, 999999, SessionPhase::idle, 0},
      {"just touched", true, 60000, 20000, 1000, 1000, SessionPhase::active, 60},
      {"one ms before the prompt", true, 60000, 20000, 0, 39999, SessionPhase::active, 21},
      {"the prompt starts warn_ms before the end", true, 60000, 20000, 0, 40000, SessionPhase::warning, 20},
      {"seconds round up, never show 0 while counting", true, 60000, 20000, 0, 59001, SessionPhase::warning, 1},
      {"idle_ms without a touch ends it", true, 60000, 20000, 0, 60000, SessionPhase::expired, 0},
      {"long after the end", true, 60000, 20000, 0, 10000000, SessionPhase::expired, 0},
      {"idle 0 turns the automatic end off", true, 0, 20000, 0, 10000000, SessionPhase::active, 0},
      {"a warning longer than the session warns at once", true, 3000, 20000, 0, 1, SessionPhase::warning, 3},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Session s;
      s.config = {r.idle_ms, r.warn_ms};
      s.active = r.active;
      s.last_touch_ms = r.last;
      CHECK(session_phase(s, r.now) == r.phase);
      CHECK(session_seconds_left(s, r.now) == r.left);
    }
  }
}

TEST_CASE("a session ends cleanly") {
  struct Row {
    const char* name;
    bool by_timeout;
    bool switch_language;
  };
  const Row rows[] = {
      {"Finish pressed mid-form", false, false},
      {"inactivity mid-form", true, false},
      {"inactivity after switching to English returns to the hall's language", true, true},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      State s = kiosk();
      fill(s, 1000);
      std::vector<Effect> lang_fx;
      if (r.switch_language) {
        lang_fx = update(s, LanguageChosen{Lang::en});
        update(s, SessionTick{2000, true});
      }
      REQUIRE(s.draft.form.fields.size() > 0);
      std::uint64_t ended = s.session.ended;
      std::vector<Effect> fx;
      if (r.by_timeout) {
        std::int64_t last = r.switch_language ? 2000 : 1000;
        CHECK(update(s, SessionTick{last + 59999, false}).empty());
        CHECK(s.session.active);   // still counting: the prompt shows
        CHECK(session_phase(s.session, last + 59999) == SessionPhase::warning);
        fx = update(s, SessionTick{last + 60000, false});
      } else {
        fx = update(s, SessionEnded{});
      }
      CHECK(s.session.ended == ended + 1);
      CHECK(clean_start(s));
      if (r.switch_language) {
        // The catalogue on hand was English: fetch the hall's language again,
        // and a late English reply is not mistaken for it.
        auto req = only_request(fx);
        CHECK(req.url.find("locale=zh-CN") != std::string::npos);
        for (const auto& f : lang_fx) update(s, HttpDone{std::get<HttpRequest>(f).request_id, 200, kCatalogEn, ""});
        CHECK(s.catalog.phase == Phase::loading);
        update(s, HttpDone{req.request_id, 200, kCatalogZh, ""});
        CHECK(s.catalog.services.at(0).name == "夜间噪音");
      } else {
        CHECK(fx.empty());   // the catalogue in zh-CN is kept
        CHECK(s.catalog.phase == Phase::ready);
      }
      // The next resident's form starts empty.
      update(s, ServiceChosen{"n1"});
      for (const auto& f : s.draft.form.fields) {
        CHECK(f.value.text.empty());
        CHECK(f.value.location.address.empty());
      }
    }
  }
}

TEST_CASE("a tick without a touch never starts a session, a touch keeps it going") {
  State s = kiosk();
  CHECK(update(s, SessionTick{500000, false}).empty());
  CHECK_FALSE(s.session.active);
  update(s, SessionTick{600000, true});
  update(s, SessionTick{650000, true});          // any touch continues
  update(s, SessionTick{709999, false});
  CHECK(s.session.active);
  update(s, SessionTick{710000, false});
  CHECK_FALSE(s.session.active);
  CHECK(s.session.ended == 1);
}

namespace {
// Carries out the outbox's saves (each confirmed at once) until requests go
// out; returns those requests, and the keys the app asked to forget.
std::vector<HttpRequest> settle(State& s, std::vector<Effect> fx, std::vector<std::string>* deleted = nullptr) {
  std::vector<HttpRequest> out;
  for (size_t i = 0; i < fx.size() && i < 100; ++i) {
    if (auto* save = std::get_if<OutboxSave>(&fx[i]))
      for (auto& f : update(s, OutboxSaved{save->save_id, true, ""})) fx.push_back(std::move(f));
    else if (auto* r = std::get_if<HttpRequest>(&fx[i]))
      out.push_back(*r);
    else if (auto* d = std::get_if<OutboxDelete>(&fx[i]); d && deleted)
      deleted->push_back(d->key);
  }
  return out;
}

const HttpRequest& the_post(const std::vector<HttpRequest>& rs) {
  for (const auto& r : rs)
    if (r.method == "POST") return r;
  FAIL("no POST");
  return rs.front();
}
}  // namespace

TEST_CASE("the receipt's ticket is not shown to the next resident, nor kept on disk") {
  State s = kiosk();
  fill(s, 0);
  update(s, ReviewPressed{});
  auto post = the_post(settle(s, update(s, SubmitPressed{})));
  settle(s, update(s, HttpDone{post.request_id, 201,
                               R"([{"service_request_id":"2026-000001","token":"tok","receipt":{"civic_receipt":1}}])",
                               ""}));
  REQUIRE(s.screen == Screen::receipt);
  REQUIRE(s.tickets.size() == 1);
  CHECK(s.tickets[0].id == "2026-000001");
  CHECK(s.tickets[0].signed_receipt == R"({"civic_receipt":1})");   // for the kiosk's check
  std::vector<std::string> deleted;
  settle(s, update(s, SessionEnded{}), &deleted);
  CHECK(clean_start(s));
  CHECK(s.outbox.empty());
  CHECK(deleted.size() == 1);   // the delivered record is forgotten on disk too
}

TEST_CASE("a concern queued offline outlives its resident's session and is delivered once") {
  State s = kiosk();
  fill(s, 0);
  update(s, ReviewPressed{});
  auto post = the_post(settle(s, update(s, SubmitPressed{})));
  settle(s, update(s, HttpDone{post.request_id, 0, "", "connection refused"}));
  REQUIRE(s.tickets.size() == 1);
  REQUIRE(s.tickets[0].queued);
  std::vector<std::string> deleted;
  settle(s, update(s, SessionTick{60000, false}), &deleted);   // the resident walked away
  CHECK(clean_start(s));
  CHECK(deleted.empty());
  REQUIRE(s.outbox.size() == 1);   // still on its way, under the same key
  std::string key;
  for (const auto& [k, v] : post.headers)
    if (k == "Idempotency-Key") key = v;
  CHECK(s.outbox.begin()->first == key);

  // Delivered after its resident has gone: the next resident is told nothing
  // and sees no ticket, and the record is forgotten at the next session's end.
  auto again = the_post(settle(s, update(s, NetworkOnline{})));
  settle(s, update(s, HttpDone{again.request_id, 201, R"([{"service_request_id":"2026-000002","token":"t2"}])", ""}));
  CHECK(s.outbox.begin()->second.entry.state == outbox::EntryState::delivered);
  CHECK(s.tickets.empty());
  CHECK(s.announcement.empty());
  deleted.clear();
  settle(s, update(s, SessionEnded{}), &deleted);
  CHECK(deleted == std::vector<std::string>{key});
}

TEST_CASE("concerns a restarted kiosk finds on disk are delivered but never listed") {
  // A record as the outbox stores it: a concern queued while offline.
  std::string record;
  {
    State s = kiosk();
    fill(s, 0);
    update(s, ReviewPressed{});
    for (const auto& f : update(s, SubmitPressed{}))
      if (auto* save = std::get_if<OutboxSave>(&f)) record = save->bytes;
  }
  REQUIRE_FALSE(record.empty());
  struct Row { const char* name; bool shared; size_t listed; };
  const Row rows[] = {{"kiosk (shared device): an earlier resident's", true, 0},
                      {"phone: the owner's own concern", false, 1}};
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      State s;
      Started st;
      st.server_base = "http://h/";
      st.shared_device = r.shared;
      for (const auto& f : update(s, st))   // a plain GeoReport v2 server: no sealing key
        if (auto* q = std::get_if<HttpRequest>(&f); q && q->url.find("civic/capabilities.json") != std::string::npos)
          update(s, HttpDone{q->request_id, 404, "", ""});
      auto post = the_post(settle(s, update(s, OutboxLoaded{{record}})));
      CHECK(s.tickets.size() == r.listed);
      settle(s, update(s, HttpDone{post.request_id, 201, R"([{"service_request_id":"2026-000003","token":"t"}])", ""}));
      CHECK(s.tickets.size() == r.listed);
      CHECK(s.announcement.empty() == r.shared);
      CHECK(s.outbox.begin()->second.entry.state == outbox::EntryState::delivered);
    }
  }
}

TEST_CASE("the hall's location is offered in every form") {
  HallLocation hall{"22.543000", "114.057000", "南山区政务服务中心"};
  State s = kiosk(hall);
  update(s, SessionTick{0, true});
  update(s, ServiceChosen{"n1"});
  int i = forms::field_index(s.draft.schema, "location");
  REQUIRE(i >= 0);
  const auto& loc = s.draft.form.fields[static_cast<size_t>(i)];
  CHECK(loc.value.location.lat == "22.543000");
  CHECK(loc.value.location.lon == "114.057000");
  CHECK(loc.value.location.address == "南山区政务服务中心");
  CHECK_FALSE(loc.verdict.has_value());
  SUBCASE("another address typed drops the hall's coordinates") {
    forms::FieldValue v = loc.value;
    v.location.address = "科技园路 1 号";
    update(s, FieldEdited{"location", v});
    const auto& after = s.draft.form.fields[static_cast<size_t>(i)].value.location;
    CHECK(after.lat.empty());
    CHECK(after.lon.empty());
    CHECK(after.address == "科技园路 1 号");
  }
  SUBCASE("kept when the resident leaves it as it is") {
    update(s, FieldEdited{"location", loc.value});
    CHECK(s.draft.form.fields[static_cast<size_t>(i)].value.location.lat == "22.543000");
  }
  SUBCASE("offered again after the session ends") {
    update(s, SessionEnded{});
    update(s, ServiceChosen{"n1"});
    CHECK(s.draft.form.fields[static_cast<size_t>(i)].value.location.address == "南山区政务服务中心");
  }
}

TEST_CASE("a session tick is a change only when the screen shows it") {
  State s = kiosk();
  update(s, SessionTick{600000, true});   // the Finish button appears
  struct Row {
    const char* name;
    SessionTick tick;
    bool changed;
  };
  // 60 s session, 20 s warning, last touch at 600 s.
  const Row rows[] = {
      {"an untouched tick while active (nothing shown counts)", {610000, false}, false},
      {"another one later", {639000, false}, false},
      {"the prompt appears", {640000, false}, true},
      {"the same second of the countdown", {640200, false}, false},
      {"the next second", {641000, false}, true},
      {"a touch hides the prompt", {641500, true}, true},
      {"a touch while active and no prompt", {642000, true}, false},
  };
  for (const auto& r : rows) {
    std::uint64_t before = s.revision;
    update(s, r.tick);
    CHECK_MESSAGE((s.revision != before) == r.changed, r.name);
  }
}
