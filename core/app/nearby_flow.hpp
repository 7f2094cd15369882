// core/app/nearby_flow.hpp — "already reported nearby": when the resident
// asks for the review page with a point on the map and the server offers the
// Civic nearby extension (core/api/nearby.hpp), open concerns of the same
// service within its default radius are shown first (Screen::nearby). The
// resident follows one (it joins "my concerns" as followed: not theirs, no
// rating or reopen; the draft is kept) or files anyway. Servers without the
// extension, a failed check, or no point: straight to the review page,
// silently. Each place is asked about once per draft. Called only from update().
#pragma once
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

// The form is valid: to the review page, or first ask about concerns nearby.
std::vector<Effect> nearby_before_review(State& s);
std::vector<Effect> nearby_on_reply(State& s, const Pending& p, const HttpDone& d);
std::vector<Effect> follow_nearby(State& s, const FollowNearbyPressed& e);

}  // namespace civic::app
