// native/common/outbox_deliver.hpp — carrying out core/outbox's delivery plan
// with libcurl, persisting the entry around every request.
//  [x] POST /requests.json with Idempotency-Key; tus create/HEAD/PATCH with
//      the bytes read from MediaItem::path
//  [x] the entry is saved (fsync'd) before each request and after each reply,
//      so a kill at any moment resumes without loss or duplication
//  [x] response headers (Retry-After, Location, Upload-Offset) reach core
//  [x] upload progress over all of an entry's media (core/outbox/progress),
//      for a caller that shows it (`civic file` on a terminal)
//  [ ] parallel delivery of several entries (one at a time is enough for a CLI)
#pragma once
#include <functional>

#include "core/outbox/delivery.hpp"
#include "core/outbox/progress.hpp"
#include "native/common/outbox_store.hpp"

namespace civic::native {

// Bytes of the entry's media the server has or that have gone out, of all
// of them: called at most every kProgressMs while a body goes up.
using DeliverProgress = std::function<void(const outbox::UploadTally&)>;

// Performs one outbox request (blocking; 5 s to connect, 30 s in all).
outbox::Reply perform_outbox_action(const outbox::OutboxAction& a, const outbox::OutboxEntry& e,
                                    const DeliverProgress& on_progress = {});

struct DeliverOutcome {
  outbox::EntryState state = outbox::EntryState::queued;
  std::optional<Error> storage_error;   // the entry could not be saved: nothing was sent after that
};

// Drives one entry until it is delivered, refused, or has to wait after a
// failed attempt (one attempt per call: the schedule decides the next).
// `now_due` ignores the entry's next_attempt_ms (an explicit flush).
// Delivered entries are remembered as tickets and removed from the outbox.
DeliverOutcome deliver_entry(OutboxStore& store, outbox::OutboxEntry& e, const outbox::DeliveryConfig& c,
                             bool now_due, const DeliverProgress& on_progress = {});

std::int64_t unix_ms_now();

}  // namespace civic::native
