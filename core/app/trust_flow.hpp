// core/app/trust_flow.hpp — personal fields leave the device sealed, or not
// at all. The app learns from the server's capabilities document whether it
// offers a sealing key (a plain GeoReport v2 server does not: TLS only, as
// Open311), pins the server's signing key on first use, and seals name,
// phone, email and ID number with crypto::seal_form_for_server — the same
// call the CLI makes — before a concern is stored in the outbox; an entry
// stored before the server was known is sealed just before it is sent.
//
// Refusals (a changed key, an unsigned sealing key, a server that stops
// offering sealing after its key was pinned, an unreadable pin store) are
// errors on the review page with the form intact; nothing personal is sent.
// Called only from update() and outbox_flow: no I/O, no clock.
#pragma once
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

// Back-off between failed fetches of the capabilities document.
inline constexpr std::int64_t kTrustRetryFirstMs = 2'000;
inline constexpr std::int64_t kTrustRetryMaxMs = 60'000;

// Adopts what the shell kept (Started::pins_json, capabilities_json) and
// asks for the capabilities document.
std::vector<Effect> trust_start(State& s, const Started& e);
// The capabilities document's reply.
std::vector<Effect> trust_on_reply(State& s, const HttpDone& d);
// A fetch when none is out and the back-off allows (an entry waits on it).
void trust_refresh(State& s, std::vector<Effect>& fx);

// The form has a personal field with a value, not sealed yet.
bool has_clear_personal(const api::Params& form);

// Seals `form` for the server if it offers sealing (the form is unchanged
// otherwise, and on error). Pins a first-seen key (a TrustSave joins fx).
// Precondition: s.trust.known.
Result<bool> trust_seal(State& s, api::Params& form, std::vector<Effect>& fx);

}  // namespace civic::app
