// tests/fuzz/sse_stream_fuzz.cpp — any bytes a server might stream, split at
// fuzzer-chosen points, through the SSE parser, the ticket-event reader and
// the follower: no crash, no abort, bounded memory, and the split never
// changes the events.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/tracking/follow.hpp"
#include "core/tracking/sse_parser.hpp"

using namespace civic::tracking;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t step = data[0] % 17 + 1;

  SseParser whole, pieces;
  std::vector<SseEvent> a, b;
  bool ok_whole = whole.feed(bytes, a);
  bool ok_pieces = true;
  for (std::size_t i = 0; i < bytes.size() && ok_pieces; i += step) ok_pieces = pieces.feed(bytes.substr(i, step), b);
  if (ok_whole != ok_pieces || a != b || whole.last_event_id() != pieces.last_event_id()) std::abort();

  FollowConfig cfg;
  cfg.base = "http://127.0.0.1:1/";
  cfg.stream = true;
  Follower f = make_follower(cfg, {"1", "2", "2026-000123"}, [] { return std::uint64_t{7}; });
  follow_start(f);
  on_stream_opened(f, 200);
  for (std::size_t i = 0; i < bytes.size(); i += step) {
    FollowStep s = on_stream_bytes(f, bytes.substr(i, step));
    for (const auto& act : s.actions)
      if (act.kind == FollowAction::Kind::get) on_get_done(f, act, 200, bytes, "", 0);
  }
  on_stream_closed(f);
  return 0;
}
