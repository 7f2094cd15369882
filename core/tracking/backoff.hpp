// core/tracking/backoff.hpp — how long to wait before trying again.
// Shared by stream reconnects, polling and outbox delivery, so every retry in
// the product follows one rule: exponential growth, a cap, and "equal jitter"
// (half the delay fixed, half random) so that thousands of clients that lost
// the same server do not return in lockstep, and a delay is never zero — no
// retry path can turn into a busy loop.
// Randomness is injected (a function returning 64 random bits) so tests are
// deterministic; shells pass random_u64() below.
#pragma once
#include <cstdint>
#include <functional>

namespace civic::tracking {

using RandomSource = std::function<std::uint64_t()>;

struct BackoffPolicy {
  std::uint32_t base_ms = 1000;    // the delay after the first failure (before jitter)
  std::uint32_t cap_ms = 60000;    // never wait longer than this (before jitter)
  std::uint32_t floor_ms = 250;    // never wait less than this, whatever the inputs
};

// Delay after `failures` consecutive failures (1 = the first). The ceiling
// min(cap, base * 2^(failures-1)) is halved; the result lies in
// [ceiling/2, ceiling], and at least floor_ms.
std::uint32_t backoff_delay_ms(const BackoffPolicy& policy, std::uint32_t failures, std::uint64_t random_bits);

// 64 bits from core/crypto's random_fill (libsodium's CSPRNG; in the browser
// crypto.getRandomValues).
std::uint64_t random_u64();

}  // namespace civic::tracking
