// core/crypto/seal_form.hpp — the one call every front end makes before a
// concern's form is queued: "seal the personal fields if this server can
// open them". The CLI (native/cli/seal.cpp) calls it today; core/app's
// submission is meant to call the same function with its own pin store.
//
// Policy, from the server's capabilities document (server_keys.hpp):
//  - no `extensions.sealed_personal` (a plain GeoReport v2 server, or no
//    document at all): the form is left as it is (TLS only, as Open311);
//  - a sealing key that the signing key does not certify: refused
//    (crypto.sealing_key_unsigned), the form untouched — a server that
//    offers sealing but cannot prove its key is not sent personal fields;
//  - the signing key is checked against `pins` for `server` (trust on first
//    use: pinned now, outcome.first_use); another key than the pinned one is
//    refused (crypto.key_changed {pinned} {offered}), the form untouched;
//  - otherwise first_name, last_name, phone, email and id_number travel
//    only inside `sealed_personal` (seal_personal_params).
#pragma once
#include <string>
#include <string_view>

#include "core/api/url.hpp"
#include "core/crypto/pin_store.hpp"

namespace civic::crypto {

struct SealOutcome {
  bool offered = false;     // the server publishes a sealing key
  bool sealed = false;      // personal fields were present and are now sealed
  bool first_use = false;   // the signing key was pinned by this call (pins changed)
  std::string key_id;       // the signing key's id, when offered
};

// capabilities_json: "" when the server has none. now: ISO 8601, for a new pin.
Result<SealOutcome> seal_form_for_server(api::Params& form, std::string_view capabilities_json, PinStore& pins,
                                         std::string_view server, std::string_view now);

}  // namespace civic::crypto
