// core/crypto/server_keys.hpp — the client's side of sealed personal fields:
// which key to seal to, and the form that carries the sealed value.
//
// A Civic server publishes in its capabilities document
//   extensions.receipts.public_key          Ed25519 signing key (base64)
//   extensions.sealed_personal.public_key   X25519 sealing key (base64)
//   extensions.sealed_personal.certificate  Ed25519 signature of the signing
//                                           key over "civic-sealing-key-v1" || sealing key
// A client seals only to a sealing key certified by the signing key, and,
// once it has pinned the signing key (pin_store.hpp), only when the published
// signing key is the pinned one — so a TLS-terminating proxy that rewrites the
// document cannot make residents seal to its own key.
//
// Limits: documents up to 256 KiB (crypto.sealing_key_unsigned beyond, like
// any document that lacks the fields or holds them in the wrong form).
#pragma once
#include <string_view>

#include "core/api/url.hpp"
#include "core/crypto/keys.hpp"

namespace civic::crypto {

inline constexpr size_t kMaxCapabilitiesBytes = 256u << 10;

struct ServerPublicKeys {
  PublicKey32 signing{};
  PublicKey32 sealing{};
};

// Reads and checks the two keys. pinned_signing: the pinned key for this
// server, or nullptr before first use (then the caller pins `signing`).
// Errors: crypto.sealing_key_unsigned (absent, malformed or not certified),
// crypto.key_changed {pinned, offered}.
Result<ServerPublicKeys> server_keys_from_capabilities(std::string_view capabilities_json,
                                                       const PublicKey32* pinned_signing);

// Moves GeoReport v2's personal fields (first_name, last_name, phone, email)
// and Civic's id_number out of a POST /requests.json form into one
// `sealed_personal` field sealed to server_sealing_key. A form without
// personal fields is left as it is. first_name and last_name travel together
// as the name ("first last", as GeoReport orders them).
Result<bool> seal_personal_params(api::Params& form, const PublicKey32& server_sealing_key);

}  // namespace civic::crypto
