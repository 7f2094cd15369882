// core/media/hash.cpp — BLAKE2b-256 through libsodium.
#include "core/media/hash.hpp"

#include <sodium.h>

namespace civic::media {

std::array<uint8_t, 32> content_hash(std::span<const uint8_t> bytes) {
  static const bool ready = sodium_init() >= 0;  // picks the fastest BLAKE2b; idempotent
  (void)ready;
  std::array<uint8_t, 32> out{};
  crypto_generichash(out.data(), out.size(), bytes.data(), bytes.size(), nullptr, 0);
  return out;
}

std::string content_hash_hex(std::span<const uint8_t> bytes) {
  const auto h = content_hash(bytes);
  static const char kHex[] = "0123456789abcdef";
  std::string s(64, '0');
  for (size_t i = 0; i < h.size(); ++i) {
    s[2 * i] = kHex[h[i] >> 4];
    s[2 * i + 1] = kHex[h[i] & 15];
  }
  return s;
}

}  // namespace civic::media
