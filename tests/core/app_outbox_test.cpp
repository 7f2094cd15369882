// tests/core/app_outbox_test.cpp — the app files every concern through the
// outbox: stored first, then delivered; replayed with a scripted shell (an
// in-memory "disk" that can be killed between any two steps, and a server
// that honours Idempotency-Key) so a kill anywhere, a 4xx, a 5xx or 429 with
// Retry-After, and a restart with a half-finished upload are each checked
// event by event, without a clock, a disk or a network.
#include <doctest/doctest.h>

#include <deque>
#include <map>
#include <set>

#include "core/app/update.hpp"

using namespace civic;
using namespace civic::app;

namespace {

constexpr std::int64_t kT0 = 1795760284000;   // Unix ms
const char* kServices = R"([{"service_code":"n1","service_name":"夜间噪音","group":"噪音"}])";

std::string header(const HttpRequest& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return {};
}

// A GeoReport server with the Civic extensions, as far as the outbox sees it.
struct Server {
  std::map<std::string, std::string> by_key;   // Idempotency-Key → ticket id
  int created = 0;
  std::vector<int> script;                     // statuses to answer POSTs with first (then 201)
  std::string retry_after;                     // sent with a 429 / 503
  std::map<std::string, std::uint64_t> uploads;   // tus upload URL → offset
  std::uint64_t patched_bytes = 0;

  HttpDone answer(const HttpRequest& r) {
    HttpDone d;
    d.request_id = r.request_id;
    if (r.url.find("services.json") != std::string::npos) {
      d.status = 200;
      d.body = kServices;
      return d;
    }
    if (r.method == "HEAD") {
      d.status = 200;
      d.headers = {{"Upload-Offset", std::to_string(uploads[r.url])}};
      return d;
    }
    if (r.method == "PATCH") {
      CHECK(std::to_string(r.body_offset) == header(r, "Upload-Offset"));
      CHECK(r.body_offset == uploads[r.url]);
      uploads[r.url] += r.body_length;
      patched_bytes += r.body_length;
      d.status = 204;
      d.headers = {{"Upload-Offset", std::to_string(uploads[r.url])}};
      return d;
    }
    if (r.method == "POST" && r.url.find("requests.json") != std::string::npos) {
      if (!script.empty()) {
        d.status = script.front();
        script.erase(script.begin());
        if (!retry_after.empty()) d.headers = {{"Retry-After", retry_after}};
        d.body = R"([{"code":)" + std::to_string(d.status) + R"(,"description":"description too short"}])";
        return d;
      }
      std::string key = header(r, "Idempotency-Key");
      REQUIRE(!key.empty());
      if (!by_key.count(key)) by_key[key] = "2026-" + std::to_string(++created);
      d.status = 201;
      d.body = R"([{"service_request_id":")" + by_key[key] + R"(","token":"tok"}])";
      return d;
    }
    d.status = 404;
    return d;
  }
};

// The shell: one queue of things to do, each one a step that can be the last
// before a kill. The disk and the server outlive the shell.
struct Shell {
  State s;
  std::map<std::string, std::string>& disk;
  Server& server;
  std::int64_t now = kT0;
  std::int64_t wake = 0;
  bool network = true;
  bool disk_full = false;
  struct Step {
    enum { event, request } kind;
    Event e;
    HttpRequest r;
  };
  std::deque<Step> todo;
  int steps = 0;

  Shell(std::map<std::string, std::string>& d, Server& srv) : disk(d), server(srv) {}

  void carry(std::vector<Effect> fx) {
    for (auto& f : fx) {
      if (auto* save = std::get_if<OutboxSave>(&f)) {
        if (!disk_full) disk[save->key] = save->bytes;   // durable before the answer
        todo.push_back({Step::event, OutboxSaved{save->save_id, !disk_full, disk_full ? "disk full" : ""}, {}});
      } else if (auto* del = std::get_if<OutboxDelete>(&f)) {
        disk.erase(del->key);
      } else if (std::holds_alternative<OutboxLoad>(f)) {
        OutboxLoaded loaded;
        for (const auto& [k, v] : disk) loaded.records.push_back(v);
        todo.push_back({Step::event, loaded, {}});
      } else if (auto* w = std::get_if<WakeAt>(&f)) {
        wake = w->at_ms;
      } else if (auto* r = std::get_if<HttpRequest>(&f)) {
        todo.push_back({Step::request, {}, *r});
      }
    }
  }
  void apply(const Event& e) { carry(update(s, e, now)); }
  // One step; false when there is nothing left to do.
  bool step() {
    if (todo.empty()) return false;
    Step st = std::move(todo.front());
    todo.pop_front();
    ++steps;
    if (st.kind == Step::event) {
      apply(st.e);
    } else if (!network) {
      apply(HttpDone{st.r.request_id, 0, "", "connection refused", {}});
    } else {
      apply(server.answer(st.r));   // the server commits here, before the reply is read
    }
    return true;
  }
  void run(int max_steps = 10000) {
    for (int i = 0; i < max_steps && step(); ++i) {}
  }
  // Time passes to the Tick the app asked for.
  void tick() {
    REQUIRE(wake != 0);
    now = std::max(now, wake);
    wake = 0;
    apply(Tick{});
    run();
  }
  void start() {
    apply(Started{"http://h/open311/v2/", Lang::zh_CN, {}});
    run();
  }
  // The form for n1 filled in, on the review page.
  void fill_and_review() {
    apply(ServiceChosen{"n1"});
    forms::FieldValue v;
    v.text = "工地每晚打桩到凌晨两点";
    apply(FieldEdited{"description", v});
    v = {};
    v.location.address = "科技园路 1 号";
    apply(FieldEdited{"location", v});
    v = {};
    v.text = "13800138000";
    apply(FieldEdited{"phone", v});
    apply(ReviewPressed{});
    REQUIRE(s.screen == Screen::review);
  }
};

const Ticket& only_ticket(const State& s) {
  REQUIRE(s.tickets.size() == 1);
  return s.tickets.front();
}

}  // namespace

TEST_CASE("submit stores the concern before the first byte is sent") {
  std::map<std::string, std::string> disk;
  Server server;
  Shell sh(disk, server);
  sh.start();
  sh.fill_and_review();
  auto fx = update(sh.s, SubmitPressed{}, sh.now);
  REQUIRE(fx.size() == 1);
  const auto* save = std::get_if<OutboxSave>(&fx[0]);
  REQUIRE(save);
  auto entry = outbox::deserialize_entry(save->bytes);
  REQUIRE(entry);
  CHECK(entry->key == save->key);
  CHECK(entry->service_code == "n1");
  CHECK(entry->created_at == kT0 / 1000);
  CHECK(sh.s.screen == Screen::review);    // nothing shown as kept until it is
  // Kept: the receipt shows the local reference at once, then the request goes.
  auto next = update(sh.s, OutboxSaved{save->save_id, true, ""}, sh.now);
  CHECK(sh.s.screen == Screen::receipt);
  CHECK(only_ticket(sh.s).local_ref == save->key);
  CHECK(only_ticket(sh.s).queued);
  REQUIRE(next.size() == 1);
  const auto* in_flight = std::get_if<OutboxSave>(&next[0]);   // "sending" is stored before sending
  REQUIRE(in_flight);
  CHECK(outbox::deserialize_entry(in_flight->bytes)->state == outbox::EntryState::sending);
  auto post = update(sh.s, OutboxSaved{in_flight->save_id, true, ""}, sh.now);
  REQUIRE(post.size() == 1);
  const auto* req = std::get_if<HttpRequest>(&post[0]);
  REQUIRE(req);
  CHECK(header(*req, "Idempotency-Key") == save->key);
  CHECK(req->body.find("service_code=n1") != std::string::npos);
  auto saved = update(sh.s, server.answer(*req), sh.now);
  CHECK(only_ticket(sh.s).id == "2026-1");
  CHECK_FALSE(only_ticket(sh.s).queued);
  CHECK(only_ticket(sh.s).delivery == outbox::EntryState::delivered);
  CHECK(sh.s.announcement.find("2026-1") != std::string::npos);
  REQUIRE_FALSE(saved.empty());   // then the delivered ticket is followed live (app_live_test.cpp)
  REQUIRE(std::holds_alternative<OutboxSave>(saved[0]));
  CHECK(outbox::deserialize_entry(std::get<OutboxSave>(saved[0]).bytes)->state == outbox::EntryState::delivered);
}

TEST_CASE("storage that refuses the record: nothing is sent, the input stays") {
  std::map<std::string, std::string> disk;
  Server server;
  Shell sh(disk, server);
  sh.start();
  sh.fill_and_review();
  sh.disk_full = true;
  sh.apply(SubmitPressed{});
  sh.run();
  CHECK(sh.s.screen == Screen::review);
  CHECK(sh.s.draft.submit_phase == Phase::failed);
  REQUIRE(sh.s.draft.submit_error);
  CHECK(sh.s.draft.submit_error->id == "outbox.storage");
  CHECK(sh.s.draft.form.fields[0].value.text == "工地每晚打桩到凌晨两点");
  CHECK(server.created == 0);
  CHECK(sh.s.tickets.empty());
  sh.disk_full = false;                    // space freed: the same press works
  sh.apply(SubmitPressed{});
  sh.run();
  CHECK(server.created == 1);
  CHECK(only_ticket(sh.s).id == "2026-1");
}

TEST_CASE("replies that mean 'try again' wait, then go with the same key") {
  struct Row {
    const char* name;
    std::vector<int> statuses;
    std::string retry_after;
    std::int64_t min_wait_ms;
  };
  const Row rows[] = {
      {"a 503 waits at least the first backoff (1 s after jitter)", {503}, "", 1000},
      {"a 429 with Retry-After 120 waits two minutes", {429}, "120", 120000},
      {"a 500 then a 502 waits twice, longer the second time", {500, 502}, "", 1000},
  };
  for (const auto& row : rows) {
    SUBCASE(row.name) {
      std::map<std::string, std::string> disk;
      Server server;
      server.script = row.statuses;
      server.retry_after = row.retry_after;
      Shell sh(disk, server);
      sh.start();
      sh.fill_and_review();
      sh.apply(SubmitPressed{});
      sh.run();
      const std::string key = only_ticket(sh.s).local_ref;
      CHECK(only_ticket(sh.s).queued);
      REQUIRE(only_ticket(sh.s).error);
      CHECK(sh.wake - sh.now >= row.min_wait_ms);
      auto stored = outbox::deserialize_entry(disk.at(key));
      REQUIRE(stored);
      CHECK(stored->state == outbox::EntryState::queued);   // the wait is on disk too
      CHECK(stored->next_attempt_ms == sh.wake);
      // A Tick before the due time sends nothing.
      std::int64_t due = sh.wake;
      sh.now = due - 1;
      sh.apply(Tick{});
      CHECK(sh.todo.empty());
      for (std::size_t i = 0; i < row.statuses.size(); ++i) sh.tick();
      CHECK(server.created == 1);
      CHECK(only_ticket(sh.s).id == "2026-1");
      CHECK_FALSE(only_ticket(sh.s).error);
    }
  }
}

TEST_CASE("the network coming back sends what waits at once") {
  std::map<std::string, std::string> disk;
  Server server;
  Shell sh(disk, server);
  sh.start();
  sh.fill_and_review();
  sh.network = false;
  sh.apply(SubmitPressed{});
  sh.run();
  CHECK(sh.s.screen == Screen::receipt);
  CHECK(only_ticket(sh.s).queued);
  CHECK(sh.wake > sh.now);
  sh.network = true;
  sh.apply(NetworkOnline{});
  sh.run();
  CHECK(server.created == 1);
  CHECK(only_ticket(sh.s).id == "2026-1");
}

TEST_CASE("a 4xx stops and gives the form back with the input intact") {
  struct Row {
    const char* name;
    int status;
  };
  const Row rows[] = {{"400 validation error", 400}, {"422 unprocessable", 422}, {"403 forbidden", 403}};
  for (const auto& row : rows) {
    SUBCASE(row.name) {
      std::map<std::string, std::string> disk;
      Server server;
      server.script = {row.status};
      Shell sh(disk, server);
      sh.start();
      sh.fill_and_review();
      sh.apply(SubmitPressed{});
      sh.run();
      CHECK(sh.s.screen == Screen::form);
      CHECK(sh.s.draft.service.code == "n1");
      CHECK(sh.s.draft.form.fields[0].value.text == "工地每晚打桩到凌晨两点");
      REQUIRE(sh.s.draft.submit_error);
      CHECK(sh.s.draft.submit_error->params["description"] == "description too short");
      CHECK(sh.wake == 0);                 // no retry of refused content
      CHECK(sh.s.tickets.empty());
      CHECK(disk.empty());                 // the refused entry is replaced by the form
      // Corrected and sent again: a new concern with a new key, filed once.
      forms::FieldValue v;
      v.text = "工地每晚打桩到凌晨两点，已持续一周";
      sh.apply(FieldEdited{"description", v});
      sh.apply(ReviewPressed{});
      sh.apply(SubmitPressed{});
      sh.run();
      CHECK(server.created == 1);
      CHECK(only_ticket(sh.s).id == "2026-1");
    }
  }
}

TEST_CASE("killed at every step, the next start delivers exactly once") {
  // The uninterrupted run, to know how many steps there are.
  int total = 0;
  {
    std::map<std::string, std::string> disk;
    Server server;
    Shell sh(disk, server);
    sh.start();
    sh.fill_and_review();
    sh.apply(SubmitPressed{});
    sh.run();
    total = sh.steps;
    REQUIRE(server.created == 1);
  }
  REQUIRE(total >= 4);
  for (int kill_after = 0; kill_after <= total; ++kill_after) {
    SUBCASE(("killed after step " + std::to_string(kill_after)).c_str()) {
      std::map<std::string, std::string> disk;
      Server server;
      bool receipt_shown = false;
      {
        Shell sh(disk, server);
        sh.start();
        sh.fill_and_review();
        sh.steps = 0;
        sh.apply(SubmitPressed{});
        while (sh.steps < kill_after && sh.step()) {}
        receipt_shown = !sh.s.tickets.empty();
      }   // SIGKILL: the state, the queue and every reply in flight are gone
      Shell again(disk, server);
      again.start();
      if (!receipt_shown && disk.empty()) {
        CHECK(server.created == 0);        // never said "kept", never sent
        continue;
      }
      CHECK(server.created == 1);          // none lost, none duplicated
      REQUIRE(again.s.tickets.size() == 1);
      CHECK(again.s.tickets[0].id == "2026-1");
      again.apply(Started{"http://h/open311/v2/", Lang::zh_CN, {}});   // a third start changes nothing
      again.run();
      CHECK(server.created == 1);
    }
  }
}

TEST_CASE("after a restart a half-finished upload resumes at the server's offset") {
  std::map<std::string, std::string> disk;
  Server server;
  outbox::OutboxEntry e = outbox::make_entry("n1", "路灯不亮", {{"service_code", "n1"}, {"description", "路灯不亮"}},
                                             kT0 / 1000);
  outbox::MediaItem m;
  m.path = "media/photo-1.jpg";
  m.content_type = "image/jpeg";
  m.size = 3u << 20;   // three 1 MiB chunks
  m.upload_url = "http://h/open311/v2/uploads/u1";
  m.offset = 1u << 20;
  e.media.push_back(m);
  e.state = outbox::EntryState::uploading;   // killed during the second PATCH
  disk[e.key] = outbox::serialize_entry(e);
  server.uploads[m.upload_url] = 2u << 20;     // the server got that chunk after all

  Shell sh(disk, server);
  sh.start();
  CHECK(server.patched_bytes == 1u << 20);     // only the last chunk went again
  CHECK(server.created == 1);
  REQUIRE(sh.s.tickets.size() == 1);
  CHECK(sh.s.tickets[0].id == "2026-1");
  CHECK(sh.s.tickets[0].service_name == "夜间噪音");   // named from the catalogue
  auto stored = outbox::deserialize_entry(disk.at(e.key));
  REQUIRE(stored);
  CHECK(stored->media[0].done);
}

TEST_CASE("a damaged record at start is set aside, the others still go") {
  std::map<std::string, std::string> disk;
  Server server;
  outbox::OutboxEntry e = outbox::make_entry("n1", "t", {{"service_code", "n1"}, {"description", "路灯不亮"}}, 1);
  disk[e.key] = outbox::serialize_entry(e);
  std::string bad = outbox::serialize_entry(outbox::make_entry("n1", "t2", {}, 1));
  bad[bad.size() - 3] ^= 1;
  disk["zz-bad"] = bad;
  Shell sh(disk, server);
  sh.start();
  CHECK(sh.s.outbox_set_aside == 1);
  CHECK(server.created == 1);
}
