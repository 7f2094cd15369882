// tests/core/outbox_delivery_test.cpp — the outbox's request plan, retry
// schedule (network, 5xx, 429 + Retry-After, 4xx stops with input intact),
// resumable uploads and recovery after a kill at every step.
#include <doctest/doctest.h>

#include "core/outbox/delivery.hpp"
#include "core/outbox/outbox_entry.hpp"

using namespace civic::outbox;
using K = OutboxAction::Kind;

namespace {

constexpr std::int64_t kNowMs = 1795760284000;

DeliveryConfig cfg(bool tus = false) {
  DeliveryConfig c;
  c.base = "http://127.0.0.1:9/open311/v2";
  c.api_key = "k1";
  c.tus = tus;
  c.chunk_bytes = 4;
  return c;
}

OutboxEntry entry() {
  OutboxEntry e = make_entry("noise", "夜间施工噪音",
                             {{"service_code", "noise"}, {"description", "凌晨两点仍在施工"}, {"lat", "22.54"}},
                             kNowMs / 1000);
  return e;
}

Reply reply(int status, std::string body = {}, civic::api::Params headers = {}) {
  Reply r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

std::string header(const OutboxAction& a, const char* name) { return header_value(a.headers, name); }

}  // namespace

TEST_CASE("idempotency keys are fresh UUIDs, safe as file names and headers") {
  std::string a = new_idempotency_key(), b = new_idempotency_key();
  CHECK(a.size() == 36);
  CHECK(a != b);
  CHECK(is_valid_key(a));
}

TEST_CASE("the submit request carries the key, api_key and the form") {
  OutboxEntry e = entry();
  OutboxAction a = next_action(e, cfg(), kNowMs);
  REQUIRE(a.kind == K::submit);
  CHECK(a.method == "POST");
  CHECK(a.url == "http://127.0.0.1:9/open311/v2/requests.json");
  CHECK(header(a, "idempotency-key") == e.key);
  CHECK(a.body.find("service_code=noise") == 0);
  CHECK(a.body.find("&api_key=k1") != std::string::npos);
}

TEST_CASE("replies to a submit") {
  struct Row {
    const char* name;
    Reply r;
    EntryState state;
    std::int64_t next_ms;      // next_attempt_ms - kNowMs
    const char* error_id;      // "" = none
    const char* ticket;
  };
  Row rows[] = {
      {"201 with an id delivers", reply(201, R"([{"service_request_id":"2026-000123"}])"), EntryState::delivered, -kNowMs, "", "2026-000123"},
      {"200 with a numeric id 0 delivers", reply(200, R"([{"service_request_id":0}])"), EntryState::delivered, -kNowMs, "", "0"},
      {"a token alone delivers", reply(200, R"([{"token":"abc"}])"), EntryState::delivered, -kNowMs, "", ""},
      {"no reply: retry after backoff", reply(0), EntryState::queued, 1000, "api.network", ""},
      {"503: retry", reply(503), EntryState::queued, 1000, "api.http_status", ""},
      {"503 Retry-After 120 wins over backoff", reply(503, "", {{"retry-after", "120"}}), EntryState::queued, 120000, "api.http_status", ""},
      {"429 Retry-After 1 loses to backoff", reply(429, "", {{"Retry-After", "1"}}), EntryState::queued, 1000, "api.rate_limited", ""},
      {"408: retry", reply(408), EntryState::queued, 1000, "api.http_status", ""},
      {"2xx that cannot be read: replay later", reply(200, "<html>ok</html>"), EntryState::queued, 1000, "api.bad_json", ""},
      {"2xx without id or token: replay later", reply(201, "[{}]"), EntryState::queued, 1000, "api.bad_shape", ""},
      {"400 with a reason stops for input", reply(400, R"([{"code":400,"description":"description required"}])"), EntryState::failed_needs_input, -kNowMs, "api.server_error", ""},
      {"403 stops", reply(403), EntryState::failed_needs_input, -kNowMs, "api.http_status", ""},
      {"413 stops", reply(413), EntryState::failed_needs_input, -kNowMs, "api.http_status", ""},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      OutboxEntry e = entry();
      const auto form = e.form;
      OutboxAction a = next_action(e, cfg(), kNowMs);
      begin_action(e, a);
      CHECK(e.state == EntryState::sending);
      on_reply(e, a, r.r, cfg(), kNowMs, 0);
      CHECK(e.state == r.state);
      CHECK(e.next_attempt_ms - kNowMs == r.next_ms);
      CHECK(e.last_error.has_value() == (r.error_id[0] != 0));
      if (e.last_error) CHECK(e.last_error->id == r.error_id);
      CHECK(e.service_request_id == r.ticket);
      CHECK(e.form == form);  // the resident's input is never touched
    }
  }
}

TEST_CASE("retry schedule: doubling with jitter up to five minutes, then steady") {
  OutboxEntry e = entry();
  std::int64_t now = kNowMs;
  std::vector<std::int64_t> gaps;
  for (int i = 0; i < 12; ++i) {
    OutboxAction a = next_action(e, cfg(), now);
    REQUIRE(a.kind == K::submit);
    begin_action(e, a);
    on_reply(e, a, reply(0), cfg(), now, 0);
    gaps.push_back(e.next_attempt_ms - now);
    CHECK(next_action(e, cfg(), e.next_attempt_ms - 1).kind == K::wait);  // not before it is due
    now = e.next_attempt_ms;
  }
  CHECK(gaps == std::vector<std::int64_t>{1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 150000, 150000,
                                          150000, 150000});
  CHECK(e.attempts == 12);
  OutboxEntry idle = e;
  on_reply(idle, next_action(e, cfg(), now), reply(201, R"([{"service_request_id":"1"}])"), cfg(), now, 0);
  CHECK(idle == e);  // a reply for a request that is not in flight (stale) changes nothing
}

TEST_CASE("a failed entry waits for the resident, then goes again") {
  OutboxEntry e = entry();
  OutboxAction a = next_action(e, cfg(), kNowMs);
  begin_action(e, a);
  on_reply(e, a, reply(400, R"([{"code":400,"description":"bad"}])"), cfg(), kNowMs, 0);
  CHECK(next_action(e, cfg(), kNowMs + 999999).kind == K::none);
  auto form = e.form;
  form.emplace_back("address_string", "深南大道 1 号");
  resubmit(e, form);
  OutboxAction again = next_action(e, cfg(), kNowMs);
  CHECK(again.kind == K::submit);
  CHECK(header(again, "Idempotency-Key") == e.key);
}

TEST_CASE("resumable uploads: create, chunks, resume after a restart, expiry") {
  OutboxEntry e = entry();
  e.media.push_back({"a.jpg", "image/jpeg", 10, "ab", "", 0, true, false});
  DeliveryConfig c = cfg(true);
  auto step = [&](Reply r) {
    OutboxAction a = next_action(e, c, kNowMs);
    begin_action(e, a);
    on_reply(e, a, r, c, kNowMs, 0);
    return a;
  };
  OutboxAction a = step(reply(201, "", {{"Location", "/uploads/u1"}}));
  CHECK(a.kind == K::create_upload);
  CHECK(header(a, "Upload-Length") == "10");
  CHECK(e.media[0].upload_url == "http://127.0.0.1:9/uploads/u1");
  a = step(reply(204, "", {{"Upload-Offset", "4"}}));
  CHECK(a.kind == K::upload_chunk);
  CHECK(a.offset == 0);
  CHECK(a.length == 4);
  CHECK(e.media[0].offset == 4);

  recover_after_restart(e);  // killed here: the server may have more than we know
  a = step(reply(200, "", {{"Upload-Offset", "8"}}));
  CHECK(a.kind == K::query_upload);
  CHECK(a.method == "HEAD");
  CHECK(e.media[0].offset == 8);
  a = step(reply(409));  // offset mismatch → ask again
  CHECK(a.kind == K::upload_chunk);
  CHECK(a.length == 2);
  a = step(reply(404));  // expired upload → create again
  CHECK(a.kind == K::query_upload);
  CHECK(e.media[0].upload_url.empty());
  step(reply(201, "", {{"Location", "http://127.0.0.1:9/uploads/u2"}}));
  step(reply(204, "", {{"Upload-Offset", "4"}}));
  step(reply(204, "", {{"Upload-Offset", "8"}}));
  step(reply(204, "", {{"Upload-Offset", "10"}}));
  CHECK(e.media[0].done);
  a = next_action(e, c, kNowMs);
  CHECK(a.kind == K::submit);
  CHECK(a.body.find("media_url=http%3A%2F%2F127.0.0.1%3A9%2Fuploads%2Fu2") != std::string::npos);
}

TEST_CASE("a chunk goes as PATCH, or as POST with X-HTTP-Method-Override behind proxies that drop PATCH") {
  struct Row { const char* name; bool as_post; const char* method; const char* override_header; };
  const Row rows[] = {{"plain tus", false, "PATCH", ""}, {"patch_as_post", true, "POST", "PATCH"}};
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      OutboxEntry e = entry();
      e.media.push_back({"a.jpg", "image/jpeg", 10, "", "http://h/u", 4, true, false});
      DeliveryConfig c = cfg(true);
      c.patch_as_post = r.as_post;
      OutboxAction a = next_action(e, c, kNowMs);
      REQUIRE(a.kind == K::upload_chunk);
      CHECK(a.method == r.method);
      CHECK(header(a, "X-HTTP-Method-Override") == r.override_header);
      CHECK(header(a, "Upload-Offset") == "4");
      begin_action(e, a);
      on_reply(e, a, reply(204, "", {{"Upload-Offset", "10"}}), c, kNowMs, 0);
      CHECK(e.media[0].done);
      CHECK(next_action(e, c, kNowMs).kind == K::submit);
    }
  }
}

TEST_CASE("a bad Upload-Offset is not believed") {
  struct Row { const char* name; const char* offset; };
  Row rows[] = {{"beyond the size", "11"}, {"not a number", "4x"}, {"missing", ""}, {"backwards", "0"}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      OutboxEntry e = entry();
      e.media.push_back({"a.jpg", "image/jpeg", 10, "", "http://h/u", 4, true, false});
      OutboxAction a = next_action(e, cfg(true), kNowMs);
      REQUIRE(a.kind == K::upload_chunk);
      begin_action(e, a);
      civic::api::Params h;
      if (*r.offset) h.emplace_back("Upload-Offset", r.offset);
      on_reply(e, a, reply(204, "", h), cfg(true), kNowMs, 0);
      CHECK(e.media[0].offset == 4);
      CHECK_FALSE(e.media[0].offset_known);
      CHECK(e.state == EntryState::queued);
    }
  }
}

TEST_CASE("killed at any step, the stored record resumes to exactly one delivery") {
  // Walk the happy path; after every persisted step, "kill" (deserialize the
  // last stored bytes, recover) and check the next action is sensible and the
  // key never changes.
  OutboxEntry e = entry();
  e.media.push_back({"a.jpg", "image/jpeg", 6, "", "", 0, true, false});
  DeliveryConfig c = cfg(true);
  std::vector<std::string> stored{serialize_entry(e)};
  const std::string key = e.key;
  Reply replies[] = {reply(201, "", {{"Location", "/uploads/u"}}), reply(204, "", {{"Upload-Offset", "4"}}),
                     reply(204, "", {{"Upload-Offset", "6"}}), reply(201, R"([{"service_request_id":"9"}])")};
  for (const Reply& r : replies) {
    OutboxAction a = next_action(e, c, kNowMs);
    begin_action(e, a);
    stored.push_back(serialize_entry(e));
    on_reply(e, a, r, c, kNowMs, 0);
    stored.push_back(serialize_entry(e));
  }
  CHECK(e.state == EntryState::delivered);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    CAPTURE(i);
    auto back = deserialize_entry(stored[i]);
    REQUIRE(back.ok());
    OutboxEntry r = back.value();
    recover_after_restart(r);
    CHECK(r.key == key);
    CHECK(r.state != EntryState::sending);
    CHECK(r.state != EntryState::uploading);
    OutboxAction a = next_action(r, c, kNowMs);
    if (r.state == EntryState::delivered) CHECK(a.kind == K::none);
    else CHECK(a.kind != K::none);
  }
}

TEST_CASE("tus checksums travel as base64 of the raw SHA-256 (the checksum extension)") {
  // SHA-256("abc") = ba7816bf…15ad; base64 of its 32 raw bytes:
  const std::string abc_b64 = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";
  struct Row {
    const char* name;
    std::string bytes;
  };
  const Row rows[] = {{"three bytes", "abc"}};
  for (const auto& row : rows) {
    SUBCASE(row.name) {
      MediaItem m = make_media_item("/x/0.jpg", "image/jpeg", row.bytes);
      CHECK(m.size == 3);
      CHECK(m.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      CHECK(chunk_checksum(row.bytes) == "sha256 " + abc_b64);
      OutboxEntry e = entry();
      e.media.push_back(m);
      OutboxAction a = next_action(e, cfg(true), kNowMs);
      REQUIRE(a.kind == K::create_upload);
      CHECK(header(a, "Upload-Metadata").find(",sha256 " + abc_b64 + ",") != std::string::npos);
    }
  }
  SUBCASE("a digest that is not 64 hex digits is not announced") {
    OutboxEntry e = entry();
    e.media.push_back({"a.jpg", "image/jpeg", 10, "ab", "", 0, true, false});
    OutboxAction a = next_action(e, cfg(true), kNowMs);
    CHECK(header(a, "Upload-Metadata").find("sha256") == std::string::npos);
  }
}
