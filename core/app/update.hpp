// core/app/update.hpp — the whole app: update(State&, Event) -> Effects.
// A reader follows any flow by reading the one switch in update.cpp; a test
// replays Events and checks the Effects, without sleeping or a network.
#pragma once
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

// `now_ms` is the shell's Unix time in ms (retry schedules, created_at).
std::vector<Effect> update(State& state, const Event& event, std::int64_t now_ms);
// The same with the last time a shell passed in (tests, flows without time).
std::vector<Effect> update(State& state, const Event& event);

}  // namespace civic::app
