// core/crypto/sodium.hpp — the ground every crypto module stands on:
// libsodium started once, byte buffers, and secrets that wipe themselves.
//
// Habits (libsodium's own): plain buffers in, a status out, names that say
// the whole contract. Secret key material lives only in Secret<N>, which is
// move-only and overwritten with sodium_memzero when it is discarded, so a
// kiosk session key or a server key never lingers in freed memory.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace civic::crypto {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

// Starts libsodium (idempotent, thread-safe inside libsodium). Every public
// function in core/crypto calls it; callers may call it early to learn about
// a broken random source at start-up: crypto.init_failed.
Result<bool> crypto_init();

inline ByteView as_bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}
inline std::string_view as_text(ByteView b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// Overwrites memory the optimizer may not skip (sodium_memzero), then clears.
void wipe(std::string& s);
void wipe(Bytes& b);

// Constant-time comparison of equal-length buffers; false on length mismatch.
bool equal_ct(ByteView a, ByteView b);

// N bytes of secret key material. Move-only; wiped on destruction and when
// moved from. Read it through view(); never copy it into a plain container
// that outlives the operation.
template <size_t N>
class Secret {
 public:
  Secret() { bytes_.fill(0); }
  ~Secret() { zero(); }
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  Secret(Secret&& o) noexcept : bytes_(o.bytes_) { o.zero(); }
  Secret& operator=(Secret&& o) noexcept {
    if (this != &o) {
      bytes_ = o.bytes_;
      o.zero();
    }
    return *this;
  }
  uint8_t* data() { return bytes_.data(); }
  const uint8_t* data() const { return bytes_.data(); }
  static constexpr size_t size() { return N; }
  ByteView view() const { return {bytes_.data(), N}; }

 private:
  void zero();
  std::array<uint8_t, N> bytes_;
};

// Defined out of line so sodium.h stays out of every includer.
void secure_zero(void* p, size_t n);
template <size_t N>
void Secret<N>::zero() {
  secure_zero(bytes_.data(), N);
}

}  // namespace civic::crypto
