// server/keys.hpp — the server's long-term keys, made on first start with
// core/crypto (libsodium):
//  - Ed25519 signs ticket receipts (core/crypto/receipt.hpp), so a resident
//    can prove offline that the city received a concern;
//  - X25519 is the recipient key of sealed personal fields
//    (core/crypto/sealed.hpp): only this server can open them. Its public
//    half is certified by the signing key, so a client that pinned one key
//    can trust the other.
// Both live beside the database in keys/ (folder 0700, files 0600); the
// public halves are published in the capabilities document.
#pragma once
#include <array>
#include <string>

#include "core/crypto/keys.hpp"

namespace civic::server {

struct ServerKeys {
  crypto::SigningKeyPair sign;
  crypto::SealingKeyPair seal;
  std::string sign_key_id, seal_key_id;
  std::array<uint8_t, 64> seal_certificate{};
};

// Loads dir/receipt_ed25519.key and dir/sealing_x25519.key, creating them
// (and dir) when missing. Empty string on success, else why not.
std::string load_or_create_keys(const std::string& dir, ServerKeys& out);

}  // namespace civic::server
