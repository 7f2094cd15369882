// core/app/outbox_flow.hpp — the app's side of the outbox: a submitted
// concern becomes an outbox entry that is stored durably FIRST (OutboxSave →
// OutboxSaved), then delivered step by step with core/outbox/delivery's plan
// (tus uploads, then POST with its Idempotency-Key), every step saved before
// its request goes out and after its reply. Retries wait for a Tick (WakeAt)
// or the network coming back; a 4xx gives the form back with the input
// intact; at start the stored entries are loaded and resume where they were.
// Called only from update(): one event at a time, no I/O, no clock.
#pragma once
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

// The draft is valid and has its idempotency key: store it as an entry.
// `fields` are the POST fields (service_code first).
std::vector<Effect> outbox_submit(State& s, api::Params fields);
std::vector<Effect> outbox_on_saved(State& s, const OutboxSaved& e);
std::vector<Effect> outbox_on_reply(State& s, const Pending& p, const HttpDone& d);
std::vector<Effect> outbox_on_loaded(State& s, const OutboxLoaded& e);
// Every entry that can move does; `now_due` first drops waiting times (the
// resident pressed retry, the network came back).
std::vector<Effect> outbox_pump_all(State& s, bool now_due);

// Follows someone else's concern (nearby_flow.cpp): it joins "my concerns" as
// followed and is kept across restarts as a delivered record under the key
// kFollowKeyPrefix + id (no token: nothing to rate or reopen). Once per id.
inline constexpr const char* kFollowKeyPrefix = "follow-";
std::vector<Effect> outbox_keep_followed(State& s, const api::ServiceRequest& r);

// Asks the shell for a Tick at `at` unless an earlier one is already asked
// for (shells keep one timer; the outbox and the live follower share it).
void request_wake(State& s, std::int64_t at, std::vector<Effect>& fx);

}  // namespace civic::app
