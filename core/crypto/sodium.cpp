// core/crypto/sodium.cpp — libsodium start-up and the wiping helpers.
#include "core/crypto/sodium.hpp"

#include <sodium.h>

namespace civic::crypto {

Result<bool> crypto_init() {
  // sodium_init() returns 0 the first time, 1 when already done, -1 on failure.
  static const int status = sodium_init();
  if (status < 0) return make_error("crypto.init_failed", "sodium_init() < 0");
  return true;
}

void secure_zero(void* p, size_t n) {
  if (p && n) sodium_memzero(p, n);
}

// Both wipes first grow to capacity (no reallocation) so bytes past size()
// left by earlier, longer contents are overwritten too.
void wipe(std::string& s) {
  s.resize(s.capacity());
  secure_zero(s.data(), s.size());
  s.clear();
  s.shrink_to_fit();
}

void wipe(Bytes& b) {
  b.resize(b.capacity());
  secure_zero(b.data(), b.size());
  b.clear();
  b.shrink_to_fit();
}

bool equal_ct(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace civic::crypto
