// native/common/http.hpp — native HTTP for app::HttpRequest effects (libcurl).
//  [x] GET/POST/PUT/PATCH/DELETE/HEAD with headers and a body
//  [x] connect and total timeouts; body cap (api::kMaxResponseBytes + 1, so
//      core's parsers report api.too_large instead of us truncating silently)
//  [x] response headers (the last response's) in HttpDone::headers
//  [x] a worker pool: completions are queued and handed to the UI thread
//  [x] upload progress (CURLOPT_XFERINFOFUNCTION) of a media body (a tus
//      PATCH): app::UploadProgress at most every kProgressMs, only when the
//      bytes sent moved, queued for the UI thread like completions
//  [ ] HTTP/2 multiplexing, proxies beyond libcurl's environment defaults
// Status 0 in HttpDone means no reply; `error` then carries libcurl's words.
#pragma once
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"

namespace civic::native {

struct HttpOptions {
  long connect_timeout_ms = 5000;
  long timeout_ms = 30000;
};

inline constexpr long kProgressMs = 200;   // at most 5 progress reports a second

// Bytes of the request body sent so far, of its total.
using UploadReport = std::function<void(std::uint64_t sent, std::uint64_t total)>;

// Blocking: performs one request on the calling thread. `cancel`, when given,
// aborts the transfer as soon as it turns true. `on_upload`, when given, hears
// how much of the body has gone out (throttled to one call per kProgressMs,
// only when it moved; the last count always comes before the return).
app::HttpDone http_perform(const app::HttpRequest& req, const HttpOptions& opt = {},
                           const std::atomic<bool>* cancel = nullptr, const UploadReport& on_upload = {});

// Runs requests on a few worker threads. submit() and poll() are called from
// the UI thread; `on_done` (optional) runs on a worker right after a reply is
// queued — the kiosk uses it to wake its event loop (glfwPostEmptyEvent).
class HttpExecutor {
 public:
  explicit HttpExecutor(HttpOptions opt = {}, int workers = 4, std::function<void()> on_done = {});
  ~HttpExecutor();   // cancels what is in flight and joins the workers
  HttpExecutor(const HttpExecutor&) = delete;
  HttpExecutor& operator=(const HttpExecutor&) = delete;

  void submit(app::HttpRequest req);
  std::vector<app::HttpDone> poll();           // everything finished since the last call
  // Upload progress of media bodies since the last call (apply before poll()'s
  // replies: a report for a request already answered is dropped by core).
  std::vector<app::UploadProgress> poll_progress();
  bool wait(int timeout_ms);                   // until something finished (or timeout)
  size_t in_flight() const;

 private:
  void run();
  HttpOptions opt_;
  std::function<void()> on_done_;
  mutable std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<app::HttpRequest> queue_;
  std::vector<app::HttpDone> done_;
  std::vector<app::UploadProgress> progress_;
  size_t busy_ = 0;
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

}  // namespace civic::native
