// core/crypto/hash.hpp — BLAKE2b (libsodium's crypto_generichash) helpers:
// content hashes of concerns and media, key ids, stored-token hashes.
//
// Every hash that means something is domain-separated by a 16-byte BLAKE2b
// "personalization" naming its purpose, so a media hash can never be replayed
// as a key id or a token hash.
#pragma once
#include <array>
#include <string_view>

#include "core/crypto/sodium.hpp"

namespace civic::crypto {

using Hash32 = std::array<uint8_t, 32>;

// Purposes (each at most 16 bytes, zero-padded by libsodium rules here).
inline constexpr std::string_view kHashMedia = "civic-media-v1";
inline constexpr std::string_view kHashConcern = "civic-concern-v1";
inline constexpr std::string_view kHashKeyId = "civic-keyid-v1";
inline constexpr std::string_view kHashToken = "civic-token-v1";
inline constexpr std::string_view kHashField = "civic-field-v1";

// Plain BLAKE2b-256 of bytes (no key, no personalization).
Hash32 blake2b_256(ByteView bytes);

// BLAKE2b-256 personalized for `purpose` (<= 16 bytes).
Hash32 blake2b_256_for(std::string_view purpose, ByteView bytes);

// Incremental BLAKE2b-256 for media streamed in chunks.
struct HashStream {
  alignas(64) unsigned char state[384];  // crypto_generichash_blake2b_state
};
void hash_begin(HashStream& s, std::string_view purpose);
void hash_update(HashStream& s, ByteView bytes);
Hash32 hash_end(HashStream& s);

// The content hash a receipt signs: the concern's text as submitted
// (description) and the hashes of its media in upload order, encoded
// unambiguously (lengths first), under kHashConcern.
Hash32 concern_hash(std::string_view service_code, std::string_view description,
                    std::span<const Hash32> media_hashes);

// A media file's hash (kHashMedia) — what concern_hash takes per file.
Hash32 media_hash(ByteView file_bytes);

// How servers store bearer tokens: only this hash (kHashToken), never the token.
Hash32 token_hash(std::string_view token);

}  // namespace civic::crypto
