// server/rate_limit.hpp — per-client token buckets (429 with Retry-After).
// A limit of N per minute allows a burst of N, refilled at N/60 per second.
// Memory is bounded: at most kMaxClients buckets; when full, buckets that
// have refilled completely (clients gone quiet) are dropped first, then the
// oldest ones.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace civic::server {

class RateLimiter {
 public:
  static constexpr size_t kMaxClients = 50000;
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}
  // 0 when allowed (a token is taken); else the seconds to wait (>= 1).
  int take(const std::string& client, double now_seconds);

 private:
  struct Bucket {
    double tokens;
    double last;
  };
  void prune(double now);
  int per_minute_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace civic::server
