// core/app/live_flow.hpp — the resident's delivered tickets kept live: a
// tracking::Follower (core/tracking/follow) over the Civic event stream when
// the shell can hold one (StreamOpen → StreamOpened/StreamBytes/StreamClosed,
// the bytes parsed by core's SSE parser), else batched polling of
// GET requests.json; every change is merged into the ticket's Timeline by
// event seq (applied once, gaps refetched) and announced. Called only from
// update(): no I/O, no clock (State::now_ms).
#pragma once
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

// Starts, restarts (the set of delivered tickets changed) or keeps the follower.
void live_sync(State& s, std::vector<Effect>& fx);
std::vector<Effect> live_on_opened(State& s, const StreamOpened& e);
std::vector<Effect> live_on_bytes(State& s, const StreamBytes& e);
std::vector<Effect> live_on_closed(State& s, const StreamClosed& e);
std::vector<Effect> live_on_reply(State& s, const HttpDone& d);
// A Tick: the follower's wait may be over.
void live_on_tick(State& s, std::vector<Effect>& fx);

}  // namespace civic::app
