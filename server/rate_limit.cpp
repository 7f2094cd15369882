// server/rate_limit.cpp — see rate_limit.hpp.
#include "server/rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace civic::server {

int RateLimiter::take(const std::string& client, double now) {
  if (per_minute_ <= 0) return 0;
  const double cap = per_minute_;
  const double rate = per_minute_ / 60.0;
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= kMaxClients) prune(now);
    it = buckets_.emplace(client, Bucket{cap, now}).first;
  }
  Bucket& b = it->second;
  b.tokens = std::min(cap, b.tokens + (now - b.last) * rate);
  b.last = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rate)));
}

void RateLimiter::prune(double now) {
  const double cap = per_minute_;
  const double rate = per_minute_ / 60.0;
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    if (it->second.tokens + (now - it->second.last) * rate >= cap) it = buckets_.erase(it);
    else ++it;
  }
  while (buckets_.size() >= kMaxClients) {
    auto oldest = std::min_element(buckets_.begin(), buckets_.end(),
                                   [](const auto& a, const auto& b) { return a.second.last < b.second.last; });
    buckets_.erase(oldest);
  }
}

}  // namespace civic::server
