// core/crypto/at_rest.hpp — encryption at rest.
//
// Kiosk sessions: everything a resident typed is written to disk only as a
// sealed session file (crypto_secretbox: XSalsa20-Poly1305) under a random
// key that lives in memory only. Ending the session discards the key —
// Secret<> wipes it with sodium_memzero — so whatever is left on disk, even
// after a crash, is unreadable noise.
//   session file: "CVS1" || 24-byte nonce || secretbox(plaintext)
//
// Server: personal fields are stored as AEAD ciphertexts
// (XChaCha20-Poly1305-IETF) bound to their row by associated data (the
// ticket id), under a data key kept in a file outside the database, so a
// copied database, or a ciphertext moved to another ticket, reveals nothing.
//   stored field: "CVF1" || 24-byte nonce || ciphertext+tag
//
// Limits: plaintexts up to 64 MiB; anything shorter than its header and tag,
// with another magic, or failing authentication is refused
// (crypto.at_rest_not_opened) and nothing is returned.
#pragma once
#include <string>
#include <string_view>

#include "core/crypto/sodium.hpp"

namespace civic::crypto {

inline constexpr size_t kMaxAtRestBytes = 64u << 20;

using DataKey = Secret<32>;

DataKey make_data_key();

Result<Bytes> seal_session(const DataKey& key, ByteView plaintext);
Result<Bytes> open_session(const DataKey& key, ByteView file);

Result<Bytes> encrypt_field(const DataKey& key, ByteView plaintext, std::string_view bound_to);
Result<Bytes> decrypt_field(const DataKey& key, ByteView stored, std::string_view bound_to);

// Data key files: {"civic_key":1,"kind":"data","secret":B64(32)} (wipe the text after writing).
std::string encode_data_key_file(const DataKey& key);
Result<DataKey> parse_data_key_file(std::string_view text);

}  // namespace civic::crypto
