// tests/core/app_upload_test.cpp — "上传附件 43%": the app turns the shell's
// UploadProgress reports into the percent a queued concern shows, over every
// attachment's bytes, across chunks, resumptions and failed attempts. A
// scripted shell answers saves at once and hands each HTTP request to the
// test, which plays a tus server and reports the PATCH body going out.
#include <doctest/doctest.h>

#include <deque>
#include <map>

#include "core/app/update.hpp"

using namespace civic;
using namespace civic::app;

namespace {

constexpr std::int64_t kT0 = 1795760284000;   // Unix ms
constexpr std::uint64_t kMiB = 1u << 20;
const char* kBase = "http://h/open311/v2/";

std::string header(const HttpRequest& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return {};
}

// The shell and a tus server: saves are durable at once; outbox requests
// wait in `out` for the test to answer; anything else gets a 404.
struct Rig {
  State s;
  std::int64_t now = kT0;
  std::map<std::string, std::string> disk;
  std::deque<HttpRequest> out;
  std::map<std::string, std::uint64_t> uploads;   // tus URL → offset the server holds
  std::deque<Event> events;

  void carry(std::vector<Effect> fx) {
    for (auto& f : fx) {
      if (auto* save = std::get_if<OutboxSave>(&f)) {
        disk[save->key] = save->bytes;
        events.push_back(OutboxSaved{save->save_id, true, ""});
      } else if (std::holds_alternative<OutboxLoad>(f)) {
        OutboxLoaded loaded;
        for (const auto& [k, v] : disk) loaded.records.push_back(v);
        events.push_back(loaded);
      } else if (auto* r = std::get_if<HttpRequest>(&f)) {
        if (s.pending.count(r->request_id) && s.pending.at(r->request_id).purpose == Purpose::outbox)
          out.push_back(*r);
        else
          events.push_back(HttpDone{r->request_id, 404, "", "", {}});
      }
    }
  }
  void apply(const Event& e) {
    carry(update(s, e, now));
    while (!events.empty()) {
      Event next = std::move(events.front());
      events.pop_front();
      carry(update(s, next, now));
    }
  }
  void start() { apply(Started{kBase, Lang::zh_CN, {}}); }

  HttpRequest take() {
    REQUIRE_FALSE(out.empty());
    HttpRequest r = out.front();
    out.pop_front();
    return r;
  }
  // Answers a request the way civic-server's tus endpoint does.
  void answer(const HttpRequest& r, std::uint64_t accept = ~std::uint64_t(0)) {
    HttpDone d{r.request_id, 0, "", "", {}};
    if (r.method == "POST" && r.url.find("uploads") != std::string::npos) {
      std::string url = std::string(kBase) + "uploads/u" + std::to_string(uploads.size() + 1);
      uploads[url] = 0;
      d.status = 201;
      d.headers = {{"Location", url}};
    } else if (r.method == "HEAD") {
      d.status = 200;
      d.headers = {{"Upload-Offset", std::to_string(uploads[r.url])}};
    } else if (r.method == "PATCH") {
      REQUIRE(r.body_offset == uploads[r.url]);
      uploads[r.url] += std::min(accept, r.body_length);
      d.status = 204;
      d.headers = {{"Upload-Offset", std::to_string(uploads[r.url])}};
    } else {
      d.status = 201;
      d.body = R"([{"service_request_id":"2026-000001","token":"tok"}])";
    }
    apply(d);
  }
  // The shell reports `sent` bytes of the PATCH body gone out.
  bool report(const HttpRequest& r, std::uint64_t sent) {
    std::uint64_t before = s.revision;
    apply(UploadProgress{r.request_id, sent, r.body_length});
    return s.revision != before;
  }
  const Ticket& ticket() {
    REQUIRE(s.tickets.size() == 1);
    return s.tickets.front();
  }
  int percent() { return ticket().upload_percent; }
};

// A concern with photos of these sizes, stored by an earlier run (as the
// outbox keeps it), so the run under test starts by loading it.
outbox::OutboxEntry stored_entry(std::vector<std::uint64_t> sizes) {
  outbox::OutboxEntry e = outbox::make_entry("n1", "路灯不亮", {{"service_code", "n1"}, {"description", "路灯不亮"}},
                                             kT0 / 1000);
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    outbox::MediaItem m;
    m.path = "jpg-" + std::to_string(i);
    m.content_type = "image/jpeg";
    m.size = sizes[i];
    e.media.push_back(m);
  }
  return e;
}

}  // namespace

TEST_CASE("upload progress: bytes over every photo, chunk by chunk, then 100 % and the ticket") {
  Rig rig;
  auto e = stored_entry({kMiB + kMiB / 2, kMiB / 2});   // two photos: 1.5 MiB (two chunks) and 0.5 MiB
  rig.disk[e.key] = outbox::serialize_entry(e);
  rig.start();
  CHECK(rig.ticket().queued);
  CHECK(rig.percent() == 0);
  struct Row {
    const char* name;
    std::uint64_t sent;     // of the current PATCH's body
    int percent;            // of 2 MiB in all
  };
  rig.answer(rig.take());                 // tus creation of the first photo
  HttpRequest patch = rig.take();
  REQUIRE(patch.method == "PATCH");
  REQUIRE(patch.body_length == kMiB);
  const Row first_chunk[] = {
      {"a quarter of the first chunk is an eighth of all bytes", kMiB / 4, 12},
      {"half of it", kMiB / 2, 25},
      {"all of it, before the server answers", kMiB, 50},
  };
  for (const auto& row : first_chunk) {
    CAPTURE(row.name);
    CHECK(rig.report(patch, row.sent));
    CHECK(rig.percent() == row.percent);
  }
  rig.answer(patch);
  CHECK(rig.percent() == 50);                           // the server's offset says the same
  HttpRequest second = rig.take();
  REQUIRE(second.body_offset == kMiB);
  CHECK(rig.report(second, kMiB / 4));
  CHECK(rig.percent() == 62);                           // (1 MiB + 256 KiB) / 2 MiB
  rig.answer(second);
  CHECK(rig.percent() == 75);
  rig.answer(rig.take());                               // creation of the second photo
  HttpRequest last = rig.take();
  CHECK(rig.report(last, kMiB / 2));
  CHECK(rig.percent() == 100);                          // every byte out
  rig.answer(last);
  CHECK(rig.percent() == 100);                          // a finished upload is 100 % while the POST goes
  CHECK(rig.ticket().delivery == outbox::EntryState::sending);
  rig.answer(rig.take());                               // the POST
  CHECK_FALSE(rig.ticket().queued);
  CHECK(rig.percent() == -1);                           // delivered: nothing to show
}

TEST_CASE("upload progress: a resumed upload counts what the server already has") {
  Rig rig;
  auto e = stored_entry({4 * kMiB});
  e.media[0].upload_url = std::string(kBase) + "uploads/u1";
  e.media[0].offset = kMiB;                  // the server confirmed one chunk before the kill
  e.state = outbox::EntryState::uploading;
  rig.disk[e.key] = outbox::serialize_entry(e);
  rig.uploads[e.media[0].upload_url] = 2 * kMiB;   // and took a second one the record never heard of
  rig.start();
  CHECK(rig.percent() == 25);                // from the record, before any request: N counts as sent
  HttpRequest head = rig.take();
  REQUIRE(head.method == "HEAD");
  rig.answer(head);
  CHECK(rig.percent() == 50);                // the server's offset
  HttpRequest patch = rig.take();
  CHECK(patch.body_offset == 2 * kMiB);
  CHECK(rig.report(patch, kMiB / 2));
  CHECK(rig.percent() == 62);
}

TEST_CASE("upload progress never goes backwards within one attempt; a failed attempt starts from the server's bytes") {
  Rig rig;
  auto e = stored_entry({2 * kMiB});
  rig.disk[e.key] = outbox::serialize_entry(e);
  rig.start();
  rig.answer(rig.take());                    // creation
  HttpRequest patch = rig.take();
  CHECK(rig.report(patch, kMiB));
  CHECK(rig.percent() == 50);

  SUBCASE("the server keeps only part of the chunk: the percent holds, then climbs on") {
    rig.answer(patch, kMiB / 4);             // Upload-Offset 256 KiB: the rest is sent again
    CHECK(rig.percent() == 50);
    HttpRequest again = rig.take();
    CHECK(again.body_offset == kMiB / 4);
    CHECK_FALSE(rig.report(again, kMiB / 2));   // 37 % underneath: nothing moves on screen
    CHECK(rig.percent() == 50);
    CHECK(rig.report(again, kMiB));             // 62 %
    CHECK(rig.percent() == 62);
  }
  SUBCASE("a report smaller than an earlier one (reordered) changes nothing") {
    CHECK_FALSE(rig.report(patch, kMiB / 2));
    CHECK(rig.percent() == 50);
  }
  SUBCASE("the network fails mid-chunk: the attempt is over, the next counts from the server's offset") {
    rig.apply(HttpDone{patch.request_id, 0, "", "connection reset", {}});
    CHECK(rig.ticket().delivery == outbox::EntryState::queued);
    CHECK(rig.percent() == 0);               // nothing of that chunk reached the server
    rig.now = rig.s.wake_at_ms;
    rig.apply(Tick{});
    HttpRequest retry = rig.take();
    CHECK(retry.body_offset == 0);
    CHECK(rig.report(retry, kMiB / 2));
    CHECK(rig.percent() == 25);
  }
  SUBCASE("a report that comes after its reply is dropped") {
    rig.answer(patch);
    CHECK(rig.percent() == 50);
    CHECK_FALSE(rig.report(patch, 0));
    CHECK(rig.percent() == 50);
  }
}

TEST_CASE("upload progress: a report that moves no percent draws no frame") {
  Rig rig;
  auto e = stored_entry({10 * kMiB});        // 1 % is 100 KiB
  rig.disk[e.key] = outbox::serialize_entry(e);
  rig.start();
  rig.answer(rig.take());
  HttpRequest patch = rig.take();
  CHECK(rig.report(patch, 120 * 1024));      // 1 %
  CHECK_FALSE(rig.report(patch, 150 * 1024));   // more bytes, still 1 %
  CHECK(rig.percent() == 1);
  std::uint64_t before = rig.s.revision;
  rig.apply(UploadProgress{987654, 5, 10});   // no such request
  CHECK(rig.s.revision == before);
}
