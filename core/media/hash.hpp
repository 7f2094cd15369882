// core/media/hash.hpp — content hash of a compressed photo: BLAKE2b-256
// (libsodium crypto_generichash, no key), for deduplication and as the
// upload checksum. Same bytes, same hash, on every platform.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace civic::media {

std::array<uint8_t, 32> content_hash(std::span<const uint8_t> bytes);

// The same as 64 lowercase hex digits.
std::string content_hash_hex(std::span<const uint8_t> bytes);

// True for a 256-bit digest written as content_hash_hex writes one (64
// lowercase hex digits): how a digest a shell reports is checked before it
// is trusted as an upload checksum.
inline bool is_digest_hex(std::string_view s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace civic::media
