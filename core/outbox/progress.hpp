// core/outbox/progress.hpp — how much of an outbox entry's media the server
// has, in bytes over all of its attachments (not files: a 40 KB voice memo
// and a 500 KB photo are not two halves).
//
// What counts as sent: a finished item all of it; an unfinished one the
// offset the server last confirmed (MediaItem::offset — after a restart this
// is the saved offset, which the server holds at least: a resumed upload
// starts from there, so those bytes are already sent); plus, while a tus
// PATCH is in flight, the bytes of its body the shell reports as gone out.
// Pure functions over plain values; the live high-water mark that keeps a
// screen's percent from going backwards within one attempt is the app's
// (core/app/upload_flow.hpp).
#pragma once
#include <cstdint>

#include "core/outbox/delivery.hpp"
#include "core/outbox/outbox_entry.hpp"

namespace civic::outbox {

struct UploadTally {
  std::uint64_t sent = 0;    // bytes the server has (or that have gone out in the PATCH in flight)
  std::uint64_t total = 0;   // bytes of every media item
  bool operator==(const UploadTally&) const = default;
};

// The confirmed bytes of `e`'s media.
UploadTally upload_tally(const OutboxEntry& e);
// The same plus `body_sent` bytes of the PATCH `in_flight` (an upload_chunk
// action of this entry; clamped to its length; other actions add nothing).
UploadTally upload_tally(const OutboxEntry& e, const OutboxAction& in_flight, std::uint64_t body_sent);

// 0..100, rounded down, so 100 means every byte is sent; -1 when there is
// nothing to send (no media, or only empty ones).
int upload_percent(const UploadTally& t);

}  // namespace civic::outbox
