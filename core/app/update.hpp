// core/app/update.hpp — the whole app: update(State&, Event) -> Effects.
// A reader follows any flow by reading the one switch in update.cpp; a test
// replays Events and checks the Effects, without sleeping or a network.
#pragma once
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

std::vector<Effect> update(State& state, const Event& event);

}  // namespace civic::app
