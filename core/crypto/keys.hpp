// core/crypto/keys.hpp — the server's two long-lived key pairs and how they
// are written down.
//
//  - signing: Ed25519 (crypto_sign), signs receipts and the sealing key;
//  - sealing: X25519 (crypto_box), residents seal personal fields to it.
// A key id is the first 8 bytes of BLAKE2b(kHashKeyId, public key), written
// as 16 hex digits: short enough to print on a receipt and to read aloud.
//
// Key files are JSON, one pair per file:
//   {"civic_key":1,"kind":"ed25519"|"x25519","public":B64,"secret":B64}
// Limits: key files above 4 KiB, other kinds, and keys of the wrong length
// are refused (crypto.bad_key_file). Core never touches the disk: the server
// reads and writes the bytes (mode 0600) and hands them over.
#pragma once
#include <array>
#include <string>
#include <string_view>

#include "core/crypto/sodium.hpp"

namespace civic::crypto {

using PublicKey32 = std::array<uint8_t, 32>;

struct SigningKeyPair {
  PublicKey32 public_key{};
  Secret<64> secret_key;  // libsodium's Ed25519 secret key (seed || public key)
};

struct SealingKeyPair {
  PublicKey32 public_key{};
  Secret<32> secret_key;
};

SigningKeyPair make_signing_keypair();
SealingKeyPair make_sealing_keypair();

std::string key_id(const PublicKey32& public_key);

// Key files. The encoded text holds the secret: callers wipe() it after writing.
std::string encode_key_file(const SigningKeyPair& kp);
std::string encode_key_file(const SealingKeyPair& kp);
Result<SigningKeyPair> parse_signing_key_file(std::string_view text);
Result<SealingKeyPair> parse_sealing_key_file(std::string_view text);

// The sealing key, certified by the signing key, so that a client which has
// pinned the signing key cannot be handed a proxy's sealing key:
// signature over "civic-sealing-key-v1" || sealing public key.
std::array<uint8_t, 64> certify_sealing_key(const SigningKeyPair& signer, const PublicKey32& sealing_public);
Result<bool> check_sealing_key(const PublicKey32& signing_public, const PublicKey32& sealing_public,
                               ByteView certificate);

// Parses a 32-byte public key written in standard base64 (field names the error).
Result<PublicKey32> parse_public_key(std::string_view b64, std::string_view field);

}  // namespace civic::crypto
