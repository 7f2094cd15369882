// core/crypto/random.cpp — see random.hpp.
#include "core/crypto/random.hpp"

#include <sodium.h>

#include "core/crypto/encoding.hpp"

namespace civic::crypto {

namespace {
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

void random_fill(uint8_t* out, size_t len) {
  (void)crypto_init();
  randombytes_buf(out, len);
}

std::string random_ticket_id(int groups) {
  (void)crypto_init();
  if (groups < 1) groups = 1;
  if (groups > 8) groups = 8;
  std::string id;
  for (int g = 0; g < groups; ++g) {
    if (g) id += '-';
    // randombytes_uniform has no modulo bias.
    for (int i = 0; i < 4; ++i) id += kCrockford[randombytes_uniform(32)];
  }
  return id;
}

bool is_ticket_id(std::string_view text) {
  if (text.empty() || text.size() > 8 * 5 - 1 || (text.size() + 1) % 5 != 0) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((i + 1) % 5 == 0) {
      if (c != '-') return false;
      continue;
    }
    bool found = false;
    for (const char* p = kCrockford; *p; ++p) found |= (*p == c);
    if (!found) return false;
  }
  return true;
}

std::string random_token(size_t bytes) {
  if (bytes < 16) bytes = 16;
  Bytes b(bytes);
  random_fill(b.data(), b.size());
  return to_base64(b, B64::url_nopad);
}

std::string random_idempotency_key() {
  uint8_t b[16];
  random_fill(b, sizeof b);
  b[6] = static_cast<uint8_t>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<uint8_t>((b[8] & 0x3f) | 0x80);  // variant 10xx
  std::string hex = to_hex(ByteView(b, sizeof b));
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
         hex.substr(20);
}

}  // namespace civic::crypto
