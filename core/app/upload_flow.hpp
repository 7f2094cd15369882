// core/app/upload_flow.hpp — how far a queued concern's attachments have
// gone up, for the resident ("上传附件 43%"): the bytes the server has of all
// of the concern's media plus what the shell says has gone out of the tus
// PATCH in flight (UploadProgress), over the bytes of all of them
// (core/outbox/progress.hpp). Live state only: nothing here is stored; after
// a restart the count starts from the offsets the outbox record holds.
//
// Within one attempt the percent shown never goes backwards (a PATCH that
// the server took only in part, a HEAD that reports less): an attempt ends
// when a reply leaves the entry waiting (a retry later), refused, or with
// fewer bytes on the server than before (an expired upload starts again);
// then the next attempt counts from what the server really has.
// Called only from update() and outbox_flow.cpp: no I/O, no clock.
#pragma once
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

// The percent to show for the slot's concern (-1: no media, or delivered),
// raising the attempt's high-water mark.
int upload_shown_percent(OutboxSlot& slot);

// A reply to the slot's request was applied; `confirmed_before` is what the
// server held before it (outbox::upload_tally(entry).sent).
void upload_after_reply(OutboxSlot& slot, std::uint64_t confirmed_before);

// Applies UploadProgress; true when a percent on screen changed (then, and
// only then, the shell draws a frame).
bool upload_on_progress(State& s, const UploadProgress& e);

}  // namespace civic::app
