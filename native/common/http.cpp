// native/common/http.cpp — libcurl behind app::HttpRequest / app::HttpDone.
#include "native/common/http.hpp"

#include <curl/curl.h>

#include <chrono>

#include "core/api/json_read.hpp"

namespace civic::native {

namespace {

struct Sink {
  std::string body;
  bool overflow = false;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  size_t len = size * n;
  // Keep one byte past core's limit so its parsers can say "too large".
  if (sink->body.size() + len > api::kMaxResponseBytes + 1) {
    sink->overflow = true;
    return 0;   // aborts the transfer
  }
  sink->body.append(data, len);
  return len;
}

// Response headers: the last response's only (a redirect or 100 starts over).
size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* h = static_cast<api::Params*>(user);
  std::string line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) h->clear();
  size_t colon = line.find(':');
  if (colon != std::string::npos && h->size() < 200) {
    std::string v = line.substr(colon + 1);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(0, 1);
    while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.pop_back();
    h->emplace_back(line.substr(0, colon), v);
  }
  return size * n;
}

// libcurl calls this often (also while idle, about once a second): stop
// when cancelled, and pass on upload bytes when they moved and the last
// report is kProgressMs old.
struct Progress {
  const std::atomic<bool>* cancel = nullptr;
  const UploadReport* report = nullptr;
  std::uint64_t told = 0;
  std::chrono::steady_clock::time_point told_at{};
  void tell(std::uint64_t sent, std::uint64_t total, bool force) {
    if (!report || !*report || sent == told) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - told_at < std::chrono::milliseconds(kProgressMs)) return;
    told = sent;
    told_at = now;
    (*report)(sent, total);
  }
};

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t ultotal, curl_off_t ulnow) {
  auto* p = static_cast<Progress*>(user);
  if (p->cancel && p->cancel->load()) return 1;
  if (ulnow > 0) p->tell(static_cast<std::uint64_t>(ulnow), static_cast<std::uint64_t>(ultotal), false);
  return 0;
}

void global_init() {
  static const bool once = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
  (void)once;
}

}  // namespace

app::HttpDone http_perform(const app::HttpRequest& req, const HttpOptions& opt, const std::atomic<bool>* cancel,
                           const UploadReport& on_upload) {
  global_init();
  app::HttpDone done;
  done.request_id = req.request_id;
  CURL* c = curl_easy_init();
  if (!c) {
    done.error = "curl_easy_init failed";
    return done;
  }
  Sink sink;
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_slist* headers = nullptr;
  for (const auto& [k, v] : req.headers) headers = curl_slist_append(headers, (k + ": " + v).c_str());
  // libcurl adds "Expect: 100-continue" to larger POSTs; servers like
  // cpp-httplib answer it, but it costs a round trip — turn it off.
  headers = curl_slist_append(headers, "Expect:");
  curl_easy_setopt(c, CURLOPT_URL, req.url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, opt.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, opt.timeout_ms);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &done.headers);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");   // whatever libcurl can decode
  Progress progress{cancel, on_upload ? &on_upload : nullptr};
  if (cancel || on_upload) {
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &progress);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  }
  if (req.method == "GET") {
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  } else if (req.method == "HEAD") {
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req.method.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, req.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
  }
  CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) {
    curl_off_t up = 0;
    if (curl_easy_getinfo(c, CURLINFO_SIZE_UPLOAD_T, &up) == CURLE_OK && up > 0)   // the last count, before the reply
      progress.tell(static_cast<std::uint64_t>(up), req.body.size(), true);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    done.status = static_cast<int>(status);
    done.body = std::move(sink.body);
  } else if (sink.overflow) {
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    done.status = static_cast<int>(status);
    done.body = std::move(sink.body);   // > kMaxResponseBytes: core reports api.too_large
  } else {
    done.error = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    done.headers.clear();
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(c);
  return done;
}

HttpExecutor::HttpExecutor(HttpOptions opt, int workers, std::function<void()> on_done)
    : opt_(opt), on_done_(std::move(on_done)) {
  global_init();
  for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { run(); });
}

HttpExecutor::~HttpExecutor() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void HttpExecutor::submit(app::HttpRequest req) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(req));
  }
  work_cv_.notify_one();
}

std::vector<app::UploadProgress> HttpExecutor::poll_progress() {
  std::lock_guard lock(mu_);
  std::vector<app::UploadProgress> out;
  out.swap(progress_);
  return out;
}

std::vector<app::HttpDone> HttpExecutor::poll() {
  std::lock_guard lock(mu_);
  std::vector<app::HttpDone> out;
  out.swap(done_);
  return out;
}

bool HttpExecutor::wait(int timeout_ms) {
  std::unique_lock lock(mu_);
  return done_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] { return !done_.empty(); });
}

size_t HttpExecutor::in_flight() const {
  std::lock_guard lock(mu_);
  return queue_.size() + busy_;
}

void HttpExecutor::run() {
  for (;;) {
    app::HttpRequest req;
    {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      req = std::move(queue_.front());
      queue_.pop_front();
      busy_++;
    }
    UploadReport report;
    if (!req.body_media.empty())   // a media body (tus PATCH): the resident sees it go up
      report = [this, id = req.request_id](std::uint64_t sent, std::uint64_t total) {
        {
          std::lock_guard lock(mu_);
          progress_.push_back(app::UploadProgress{id, sent, total});
        }
        if (on_done_) on_done_();
      };
    app::HttpDone d = http_perform(req, opt_, &stop_, report);
    {
      std::lock_guard lock(mu_);
      busy_--;
      if (stop_) return;
      done_.push_back(std::move(d));
    }
    done_cv_.notify_all();
    if (on_done_) on_done_();
  }
}

}  // namespace civic::native
