// native/common/outbox_deliver.hpp — carrying out core/outbox's delivery plan
// with libcurl, persisting the entry around every request.
//  [x] POST /requests.json with Idempotency-Key; tus create/HEAD/PATCH with
//      the bytes read from MediaItem::path
//  [x] the entry is saved (fsync'd) before each request and after each reply,
//      so a kill at any moment resumes without loss or duplication
//  [x] response headers (Retry-After, Location, Upload-Offset) reach core
//  [ ] parallel delivery of several entries (one at a time is enough for a CLI)
#pragma once
#include <functional>

#include "core/outbox/delivery.hpp"
#include "native/common/outbox_store.hpp"

namespace civic::native {

// Performs one outbox request (blocking; 5 s to connect, 30 s in all).
outbox::Reply perform_outbox_action(const outbox::OutboxAction& a, const outbox::OutboxEntry& e);

struct DeliverOutcome {
  outbox::EntryState state = outbox::EntryState::queued;
  std::optional<Error> storage_error;   // the entry could not be saved: nothing was sent after that
};

// Drives one entry until it is delivered, refused, or has to wait after a
// failed attempt (one attempt per call: the schedule decides the next).
// `now_due` ignores the entry's next_attempt_ms (an explicit flush).
// Delivered entries are remembered as tickets and removed from the outbox.
DeliverOutcome deliver_entry(OutboxStore& store, outbox::OutboxEntry& e, const outbox::DeliveryConfig& c,
                             bool now_due);

std::int64_t unix_ms_now();

}  // namespace civic::native
