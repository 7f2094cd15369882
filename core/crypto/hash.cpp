// core/crypto/hash.cpp — see hash.hpp.
#include "core/crypto/hash.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace civic::crypto {

static_assert(sizeof(HashStream::state) >= sizeof(crypto_generichash_blake2b_state));

namespace {
// libsodium's personalization is exactly 16 bytes; shorter names are zero-padded.
std::array<uint8_t, crypto_generichash_blake2b_PERSONALBYTES> personal(std::string_view purpose) {
  std::array<uint8_t, crypto_generichash_blake2b_PERSONALBYTES> p{};
  std::memcpy(p.data(), purpose.data(), std::min(purpose.size(), p.size()));
  return p;
}
crypto_generichash_blake2b_state* st(HashStream& s) {
  return reinterpret_cast<crypto_generichash_blake2b_state*>(s.state);
}
void put_u64(HashStream& s, uint64_t v) {
  uint8_t b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<uint8_t>(v >> (8 * i));
  hash_update(s, ByteView(b, 8));
}
}  // namespace

Hash32 blake2b_256(ByteView bytes) {
  (void)crypto_init();
  Hash32 h;
  crypto_generichash(h.data(), h.size(), bytes.data(), bytes.size(), nullptr, 0);
  return h;
}

Hash32 blake2b_256_for(std::string_view purpose, ByteView bytes) {
  HashStream s;
  hash_begin(s, purpose);
  hash_update(s, bytes);
  return hash_end(s);
}

void hash_begin(HashStream& s, std::string_view purpose) {
  (void)crypto_init();
  auto p = personal(purpose);
  crypto_generichash_blake2b_init_salt_personal(st(s), nullptr, 0, 32, nullptr, p.data());
}

void hash_update(HashStream& s, ByteView bytes) {
  crypto_generichash_blake2b_update(st(s), bytes.data(), bytes.size());
}

Hash32 hash_end(HashStream& s) {
  Hash32 h;
  crypto_generichash_blake2b_final(st(s), h.data(), h.size());
  return h;
}

Hash32 concern_hash(std::string_view service_code, std::string_view description,
                    std::span<const Hash32> media_hashes) {
  HashStream s;
  hash_begin(s, kHashConcern);
  put_u64(s, service_code.size());
  hash_update(s, as_bytes(service_code));
  put_u64(s, description.size());
  hash_update(s, as_bytes(description));
  put_u64(s, media_hashes.size());
  for (const Hash32& m : media_hashes) hash_update(s, ByteView(m.data(), m.size()));
  return hash_end(s);
}

Hash32 media_hash(ByteView file_bytes) { return blake2b_256_for(kHashMedia, file_bytes); }

Hash32 token_hash(std::string_view token) { return blake2b_256_for(kHashToken, as_bytes(token)); }

}  // namespace civic::crypto
