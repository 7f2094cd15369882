// core/tracking/backoff.cpp — exponential backoff with equal jitter.
#include "core/tracking/backoff.hpp"

#include <algorithm>

#include "core/crypto/random.hpp"

namespace civic::tracking {

std::uint32_t backoff_delay_ms(const BackoffPolicy& p, std::uint32_t failures, std::uint64_t random_bits) {
  std::uint64_t ceiling = std::max<std::uint32_t>(p.base_ms, 1);
  for (std::uint32_t i = 1; i < failures && ceiling < p.cap_ms; ++i) ceiling *= 2;
  ceiling = std::min<std::uint64_t>(ceiling, std::max(p.cap_ms, p.base_ms));
  std::uint64_t half = ceiling / 2;
  std::uint64_t d = (ceiling - half) + (half == 0 ? 0 : random_bits % (half + 1));
  return static_cast<std::uint32_t>(std::max<std::uint64_t>(d, p.floor_ms));
}

std::uint64_t random_u64() {
  std::uint64_t v = 0;
  crypto::random_fill(reinterpret_cast<std::uint8_t*>(&v), sizeof v);
  return v;
}

}  // namespace civic::tracking
