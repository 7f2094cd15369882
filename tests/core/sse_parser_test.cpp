// tests/core/sse_parser_test.cpp — WHATWG event-stream framing, including every
// way a network can split the bytes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/tracking/sse_parser.hpp"

using namespace std::string_literals;
using civic::tracking::SseEvent;
using civic::tracking::SseParser;

namespace {

std::vector<SseEvent> parse_all(std::string_view bytes, SseParser* keep = nullptr) {
  SseParser p;
  std::vector<SseEvent> out;
  p.feed(bytes, out);
  if (keep) *keep = p;
  return out;
}

struct Row {
  const char* name;
  std::string input;
  std::vector<SseEvent> want;
};

std::vector<Row> rows() {
  return {
      {"one event with LF", "data: hi\n\n", {{"", "message", "hi"}}},
      {"CRLF line endings", "id: 7\r\nevent: ticket\r\ndata: {}\r\n\r\n", {{"7", "ticket", "{}"}}},
      {"bare CR line endings", "id: 8\revent: ticket\rdata: x\r\r", {{"8", "ticket", "x"}}},
      {"mixed endings", "data: a\r\ndata: b\rdata: c\n\n", {{"", "message", "a\nb\nc"}}},
      {"multi-line data joins with LF", "data: first\ndata: second\n\n", {{"", "message", "first\nsecond"}}},
      {"only one leading space is removed", "data:  two\n\n", {{"", "message", " two"}}},
      {"no space after colon", "data:x\n\n", {{"", "message", "x"}}},
      {"field without colon is a name with empty value", "data\n\n", {{"", "message", ""}}},
      {"empty data line dispatches an empty event", "data:\n\n", {{"", "message", ""}}},
      {"comments are ignored", ": ping\n\n: another\ndata: y\n\n", {{"", "message", "y"}}},
      {"unknown fields are ignored", "foo: bar\ndata: z\n\n", {{"", "message", "z"}}},
      {"event without data is not dispatched", "event: ticket\n\ndata: d\n\n", {{"", "message", "d"}}},
      {"id persists to later events", "id: 1\ndata: a\n\ndata: b\n\n", {{"1", "message", "a"}, {"1", "message", "b"}}},
      {"empty id resets it", "id: 1\ndata: a\n\nid\ndata: b\n\n", {{"1", "message", "a"}, {"", "message", "b"}}},
      {"id with NUL is ignored", "id: 5\ndata: a\n\nid: 6\0x\ndata: b\n\n"s,
       {{"5", "message", "a"}, {"5", "message", "b"}}},
      {"leading BOM is dropped", "\xEF\xBB\xBF" "data: bom\n\n", {{"", "message", "bom"}}},
      {"a second BOM is data", "\xEF\xBB\xBF\xEF\xBB\xBF" "data: x\n\n", {}},
      {"unterminated event is not dispatched", "data: partial\n", {}},
      {"type resets between events", "event: a\ndata: 1\n\ndata: 2\n\n", {{"", "a", "1"}, {"", "message", "2"}}},
      {"colon in value is kept", "data: a:b: c\n\n", {{"", "message", "a:b: c"}}},
      {"UTF-8 passes through", "data: 噪音扰民\n\n", {{"", "message", "噪音扰民"}}},
  };
}

}  // namespace

TEST_CASE("SSE framing follows the WHATWG rules") {
  for (const auto& r : rows()) {
    SUBCASE(r.name) { CHECK(parse_all(r.input) == r.want); }
  }
}

TEST_CASE("SSE: the same events whatever the split, at every byte boundary") {
  for (const auto& r : rows()) {
    SUBCASE(r.name) {
      // two chunks, split at every position
      for (std::size_t cut = 0; cut <= r.input.size(); ++cut) {
        SseParser p;
        std::vector<SseEvent> got;
        p.feed(std::string_view(r.input).substr(0, cut), got);
        p.feed(std::string_view(r.input).substr(cut), got);
        CAPTURE(cut);
        CHECK(got == r.want);
      }
      // one byte at a time
      SseParser p;
      std::vector<SseEvent> got;
      for (char c : r.input) p.feed(std::string_view(&c, 1), got);
      CHECK(got == r.want);
    }
  }
}

TEST_CASE("SSE: CR at a chunk's end and LF at the next's start are one line ending") {
  SseParser p;
  std::vector<SseEvent> got;
  p.feed("data: a\r", got);
  p.feed("\n\r", got);
  p.feed("\n", got);
  REQUIRE(got.size() == 1);
  CHECK(got[0].data == "a");
}

TEST_CASE("SSE retry and last event id") {
  struct R { const char* name; const char* input; std::optional<std::uint32_t> retry; const char* last_id; };
  R rs[] = {
      {"digits set retry", "retry: 2500\n\n", 2500u, ""},
      {"non-digits are ignored", "retry: 25s\n\n", std::nullopt, ""},
      {"empty retry is ignored", "retry:\n\n", std::nullopt, ""},
      {"huge retry is clamped", "retry: 99999999999999999999\n\n", civic::tracking::kSseMaxRetryMs, ""},
      {"id applies on dispatch even without data", "id: 42\n\n", std::nullopt, "42"},
      {"id without blank line is not yet last", "id: 43\n", std::nullopt, ""},
  };
  for (const auto& r : rs) {
    SUBCASE(r.name) {
      SseParser p;
      parse_all(r.input, &p);
      CHECK(p.retry_ms() == r.retry);
      CHECK(p.last_event_id() == r.last_id);
    }
  }
}

TEST_CASE("SSE limits stop the parser instead of growing") {
  struct R { const char* name; std::string input; };
  R rs[] = {
      {"a line longer than 64 KiB", "data: " + std::string(civic::tracking::kSseMaxLineBytes, 'x')},
      {"an event over 1 MiB in short lines", [] {
         std::string s;
         while (s.size() < civic::tracking::kSseMaxEventBytes * 11 / 10) s += "data: " + std::string(1000, 'y') + "\n";
         return s;
       }()},
  };
  for (const auto& r : rs) {
    SUBCASE(r.name) {
      SseParser p;
      std::vector<SseEvent> got;
      bool ok = true;
      for (std::size_t i = 0; i < r.input.size() && ok; i += 4096)
        ok = p.feed(std::string_view(r.input).substr(i, 4096), got);
      CHECK_FALSE(ok);
      REQUIRE(p.error().has_value());
      CHECK(p.error()->id == "tracking.stream_broken");
      CHECK_FALSE(p.feed("data: more\n\n", got));
      CHECK(got.empty());
    }
  }
}

TEST_CASE("SSE reconnect keeps the last event id and restarts framing") {
  SseParser p;
  std::vector<SseEvent> got;
  p.feed("id: 9\ndata: a\n\ndata: half", got);
  p.reconnect();
  p.feed("\xEF\xBB\xBF" "data: b\n\n", got);
  REQUIRE(got.size() == 2);
  CHECK(got[1] == SseEvent{"9", "message", "b"});
  CHECK(p.last_event_id() == "9");
}
