// tests/core/outbox_entry_test.cpp — the stored record: round trips, and
// damaged bytes (torn writes, bit flips, hostile edits) are refused, never guessed.
#include <doctest/doctest.h>

#include "core/outbox/outbox_entry.hpp"

using namespace civic::outbox;

namespace {

OutboxEntry full() {
  OutboxEntry e = make_entry("streetlight", "路灯不亮",
                             {{"service_code", "streetlight"}, {"description", "第三根路灯不亮\n已两晚"},
                              {"attribute[pole]", "A-17"}, {"attribute[when][]", "night"}},
                             1795760284);
  e.media.push_back({"m/0.jpg", "image/jpeg", 123456, "ff00", "http://h/uploads/1", 65536, false, false});
  e.state = EntryState::failed_needs_input;
  e.attempts = 3;
  e.next_attempt_ms = 1795760290000;
  e.last_error = civic::make_error("api.server_error", "HTTP 400", {{"description", "需要地址"}});
  return e;
}

}  // namespace

TEST_CASE("outbox records round-trip") {
  struct Row { const char* name; OutboxEntry e; };
  OutboxEntry delivered = full();
  delivered.state = EntryState::delivered;
  delivered.service_request_id = "2026-000123";
  delivered.last_error.reset();
  Row rows[] = {{"a fresh entry", make_entry("noise", "", {}, 0)}, {"everything set", full()}, {"delivered", delivered}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto back = deserialize_entry(serialize_entry(r.e));
      REQUIRE(back.ok());
      CHECK(back.value() == r.e);
    }
  }
}

TEST_CASE("damaged records are refused") {
  const std::string good = serialize_entry(full());
  struct Row { const char* name; std::string bytes; const char* detail; };
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x20;
  Row rows[] = {
      {"empty file", "", "header"},
      {"torn after the header", good.substr(0, 80), "checksum"},
      {"torn in the middle", good.substr(0, good.size() / 2), "checksum"},
      {"one flipped bit", flipped, "checksum"},
      {"wrong magic", "civic-outbox 9" + good.substr(14), "header"},
      {"checksum of something else", "civic-outbox 1 " + std::string(64, '0') + "\n{}", "checksum"},
      {"sealed but not JSON", seal_record("{"), "json"},
      {"sealed but not an object", seal_record("[]"), "json"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto back = deserialize_entry(r.bytes);
      REQUIRE_FALSE(back.ok());
      CHECK(back.error().id == "outbox.corrupt");
      CHECK(back.error().detail == r.detail);
    }
  }
}

TEST_CASE("well-sealed but ill-formed records are refused by field") {
  struct Row { const char* name; std::string from; std::string to; const char* detail; };
  Row rows[] = {
      {"unknown state", "\"state\":\"queued\"", "\"state\":\"lost\"", "state"},
      {"bad key", "\"key\":\"", "\"key\":\"../", "key"},
      {"form not pairs", "\"form\":[]", "\"form\":[[1,2]]", "form"},
      {"negative attempts", "\"attempts\":0", "\"attempts\":-1", "attempts"},
      {"version 2", "\"v\":1", "\"v\":2", "version"},
      {"wrong kind", "\"title\":\"\"", "\"title\":7", "title"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      OutboxEntry e = make_entry("x", "", {}, 0);
      std::string s = serialize_entry(e);
      std::string json = s.substr(s.find('\n') + 1);
      auto at = json.find(r.from);
      REQUIRE(at != std::string::npos);
      json.replace(at, r.from.size(), r.to);
      auto back = deserialize_entry(seal_record(json));
      REQUIRE_FALSE(back.ok());
      CHECK(back.error().detail == r.detail);
    }
  }
}

TEST_CASE("recovery puts in-flight entries back in the queue") {
  struct Row { const char* name; EntryState before; EntryState after; };
  Row rows[] = {{"uploading", EntryState::uploading, EntryState::queued},
                {"sending", EntryState::sending, EntryState::queued},
                {"queued stays", EntryState::queued, EntryState::queued},
                {"delivered stays", EntryState::delivered, EntryState::delivered},
                {"failed stays", EntryState::failed_needs_input, EntryState::failed_needs_input}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      OutboxEntry e = full();
      e.state = r.before;
      recover_after_restart(e);
      CHECK(e.state == r.after);
      CHECK_FALSE(e.media[0].offset_known);
    }
  }
}
