// core/media/hash.hpp — content hash of a compressed photo: BLAKE2b-256
// (libsodium crypto_generichash, no key), for deduplication and as the
// upload checksum. Same bytes, same hash, on every platform.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace civic::media {

std::array<uint8_t, 32> content_hash(std::span<const uint8_t> bytes);

// The same as 64 lowercase hex digits.
std::string content_hash_hex(std::span<const uint8_t> bytes);

}  // namespace civic::media
