// tests/core/outbox_progress_test.cpp — core/outbox/progress: the bytes of a
// concern's attachments the server has, over all of them, one row per rule.
#include <doctest/doctest.h>

#include <optional>
#include <vector>

#include "core/outbox/progress.hpp"

using namespace civic::outbox;

namespace {

MediaItem item(std::uint64_t size, std::uint64_t offset, bool done = false, bool offset_known = true) {
  MediaItem m;
  m.path = "m" + std::to_string(size);
  m.size = size;
  m.offset = offset;
  m.done = done;
  m.offset_known = offset_known;
  m.upload_url = "http://h/uploads/" + m.path;
  return m;
}

OutboxAction chunk(std::size_t index, std::uint64_t offset, std::uint64_t length) {
  OutboxAction a;
  a.kind = OutboxAction::Kind::upload_chunk;
  a.media_index = index;
  a.offset = offset;
  a.length = length;
  return a;
}

}  // namespace

TEST_CASE("upload progress counts bytes over every attachment") {
  struct Row {
    const char* name;
    std::vector<MediaItem> media;
    std::optional<OutboxAction> in_flight;
    std::uint64_t body_sent;
    UploadTally tally;
    int percent;
  };
  const Row rows[] = {
      {"no media: nothing to show", {}, std::nullopt, 0, {0, 0}, -1},
      {"only empty media: nothing to show", {item(0, 0, true)}, std::nullopt, 0, {0, 0}, -1},
      {"one photo, nothing sent yet", {item(1000, 0)}, std::nullopt, 0, {0, 1000}, 0},
      {"bytes, not files: a done 100 B memo and a 300 B photo not started is 25 %",
       {item(100, 100, true), item(300, 0)}, std::nullopt, 0, {100, 400}, 25},
      {"a resumed upload counts the confirmed offset N as already sent",
       {item(1000, 400, false, /*offset_known=*/false)}, std::nullopt, 0, {400, 1000}, 40},
      {"the PATCH in flight adds what has gone out of its body",
       {item(1000, 200)}, chunk(0, 200, 500), 300, {500, 1000}, 50},
      {"a report past the chunk's length counts the chunk only",
       {item(1000, 200)}, chunk(0, 200, 500), 9999, {700, 1000}, 70},
      {"a stale action (the offset moved since) adds nothing",
       {item(1000, 700)}, chunk(0, 200, 500), 500, {700, 1000}, 70},
      {"the in-flight bytes of the second item on top of the first, done",
       {item(600, 600, true), item(400, 0)}, chunk(1, 0, 400), 200, {800, 1000}, 80},
      {"rounded down: one byte short is 99 %, never 100", {item(1000, 999)}, std::nullopt, 0, {999, 1000}, 99},
      {"every item finished is 100 %", {item(300, 300, true), item(700, 700, true)}, std::nullopt, 0, {1000, 1000}, 100},
      {"an offset past the size (a damaged record) counts the size", {item(100, 250)}, std::nullopt, 0, {100, 100}, 100},
  };
  for (const auto& row : rows) {
    SUBCASE(row.name) {
      OutboxEntry e;
      e.media = row.media;
      UploadTally t = row.in_flight ? upload_tally(e, *row.in_flight, row.body_sent) : upload_tally(e);
      CHECK(t.sent == row.tally.sent);
      CHECK(t.total == row.tally.total);
      CHECK(upload_percent(t) == row.percent);
    }
  }
}

TEST_CASE("actions that carry no media body add nothing") {
  OutboxEntry e;
  e.media = {item(1000, 100)};
  for (auto kind : {OutboxAction::Kind::create_upload, OutboxAction::Kind::query_upload, OutboxAction::Kind::submit}) {
    OutboxAction a = chunk(0, 100, 500);
    a.kind = kind;
    CHECK(upload_tally(e, a, 400) == UploadTally{100, 1000});
  }
  CHECK(upload_tally(e, chunk(5, 100, 500), 400) == UploadTally{100, 1000});   // no such item
}
