// core/outbox/progress.cpp — see progress.hpp.
#include "core/outbox/progress.hpp"

#include <algorithm>

namespace civic::outbox {

UploadTally upload_tally(const OutboxEntry& e) {
  UploadTally t;
  for (const auto& m : e.media) {
    t.total += m.size;
    t.sent += m.done ? m.size : std::min(m.offset, m.size);
  }
  return t;
}

UploadTally upload_tally(const OutboxEntry& e, const OutboxAction& in_flight, std::uint64_t body_sent) {
  UploadTally t = upload_tally(e);
  if (in_flight.kind != OutboxAction::Kind::upload_chunk || in_flight.media_index >= e.media.size()) return t;
  const MediaItem& m = e.media[in_flight.media_index];
  if (m.done || in_flight.offset != std::min(m.offset, m.size)) return t;   // a stale action: its bytes are counted
  // Never past the item's end, whatever the shell reports.
  std::uint64_t room = m.size - std::min(m.offset, m.size);
  t.sent += std::min({body_sent, in_flight.length, room});
  return t;
}

int upload_percent(const UploadTally& t) {
  if (t.total == 0) return -1;
  std::uint64_t sent = std::min(t.sent, t.total);
  // sent * 100 cannot overflow: kMaxMedia items of at most a few GiB each.
  return static_cast<int>(sent * 100 / t.total);
}

}  // namespace civic::outbox
