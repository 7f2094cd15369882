// native/common/outbox_deliver.cpp — see outbox_deliver.hpp.
#include "native/common/outbox_deliver.hpp"

#include <curl/curl.h>

#include <chrono>
#include <fstream>
#include <mutex>

#include "core/tracking/backoff.hpp"
#include "native/common/http.hpp"

namespace civic::native {

namespace {

constexpr std::size_t kMaxReplyBytes = 1u << 20;

std::size_t on_body(char* p, std::size_t size, std::size_t n, void* user) {
  auto* s = static_cast<std::string*>(user);
  if (s->size() + size * n > kMaxReplyBytes) return 0;  // abort: a reply this big is not ours
  s->append(p, size * n);
  return size * n;
}

std::size_t on_header(char* p, std::size_t size, std::size_t n, void* user) {
  auto* h = static_cast<api::Params*>(user);
  std::string line(p, size * n);
  if (line.rfind("HTTP/", 0) == 0) h->clear();  // a new response (after a redirect or 100)
  std::size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string v = line.substr(colon + 1);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(0, 1);
    while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.pop_back();
    h->emplace_back(line.substr(0, colon), v);
  }
  return size * n;
}

// CURLOPT_XFERINFOFUNCTION: the PATCH body's bytes gone out, as the entry's
// tally, when they moved and the last report is kProgressMs old.
struct UploadWatch {
  const outbox::OutboxAction* action;
  const outbox::OutboxEntry* entry;
  const DeliverProgress* report;
  curl_off_t told = 0;
  std::chrono::steady_clock::time_point told_at{};
};
int on_xfer(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t ulnow) {
  auto* w = static_cast<UploadWatch*>(user);
  auto now = std::chrono::steady_clock::now();
  if (ulnow <= w->told || now - w->told_at < std::chrono::milliseconds(kProgressMs)) return 0;
  w->told = ulnow;
  w->told_at = now;
  (*w->report)(outbox::upload_tally(*w->entry, *w->action, static_cast<std::uint64_t>(ulnow)));
  return 0;
}

std::string read_range(const std::string& path, std::uint64_t offset, std::uint64_t length, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  std::string s(length, '\0');
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(s.data(), static_cast<std::streamsize>(length));
  *ok = in.gcount() == static_cast<std::streamsize>(length);
  return s;
}

}  // namespace

std::int64_t unix_ms_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

outbox::Reply perform_outbox_action(const outbox::OutboxAction& a, const outbox::OutboxEntry& e,
                                    const DeliverProgress& on_progress) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  outbox::Reply r;
  std::string body = a.body;
  if (a.kind == outbox::OutboxAction::Kind::upload_chunk) {
    bool ok = false;
    body = read_range(e.media[a.media_index].path, a.offset, a.length, &ok);
    if (!ok) {
      r.error = "cannot read " + e.media[a.media_index].path;
      return r;
    }
  }
  CURL* h = curl_easy_init();
  if (!h) {
    r.error = "curl_easy_init failed";
    return r;
  }
  curl_slist* headers = nullptr;
  for (const auto& [k, v] : a.headers) headers = curl_slist_append(headers, (k + ": " + v).c_str());
  if (a.kind == outbox::OutboxAction::Kind::upload_chunk)   // tus checksum: the server verifies each chunk
    headers = curl_slist_append(headers, ("Upload-Checksum: " + outbox::chunk_checksum(body)).c_str());
  headers = curl_slist_append(headers, "Expect:");
  curl_easy_setopt(h, CURLOPT_URL, a.url.c_str());
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, a.method.c_str());
  if (a.method == "HEAD") curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  if (a.method == "POST" || a.method == "PATCH" || !body.empty()) {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &r.headers);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  UploadWatch watch{&a, &e, &on_progress};
  if (on_progress && a.kind == outbox::OutboxAction::Kind::upload_chunk) {
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_xfer);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &watch);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  }
  CURLcode rc = curl_easy_perform(h);
  if (rc == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    r.status = static_cast<int>(status);
  } else {
    r.status = 0;
    r.error = curl_easy_strerror(rc);
    r.body.clear();
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(h);
  return r;
}

DeliverOutcome deliver_entry(OutboxStore& store, outbox::OutboxEntry& e, const outbox::DeliveryConfig& config,
                             bool now_due, const DeliverProgress& on_progress) {
  using K = outbox::OutboxAction::Kind;
  DeliverOutcome out;
  outbox::DeliveryConfig c = config;
  if (!e.media.empty()) c.tus = true;   // media go by tus, never dropped from a bare POST
  if (now_due && e.state == outbox::EntryState::queued) e.next_attempt_ms = 0;
  if (e.state == outbox::EntryState::delivered) {  // killed between remembering and removing
    if (auto t = store.remember_ticket(e); !t) out.storage_error = t.error();
    else store.remove(e.key);
    out.state = e.state;
    return out;
  }
  for (int steps = 0; steps < 100000; ++steps) {
    outbox::OutboxAction a = outbox::next_action(e, c, unix_ms_now());
    if (a.kind == K::none || a.kind == K::wait) break;
    const std::uint32_t attempts = e.attempts;
    outbox::begin_action(e, a);
    if (auto saved = store.save(e); !saved) {
      out.storage_error = saved.error();
      break;
    }
    outbox::Reply r = perform_outbox_action(a, e, on_progress);
    outbox::on_reply(e, a, r, c, unix_ms_now(), tracking::random_u64());
    if (on_progress && !e.media.empty()) on_progress(outbox::upload_tally(e));   // what the server confirmed
    if (e.state == outbox::EntryState::delivered) {
      if (auto t = store.remember_ticket(e); !t) out.storage_error = t.error();
      else store.remove(e.key);
      break;
    }
    if (auto saved = store.save(e); !saved) {
      out.storage_error = saved.error();
      break;
    }
    if (e.attempts > attempts || e.state == outbox::EntryState::failed_needs_input) break;
  }
  out.state = e.state;
  return out;
}

}  // namespace civic::native
