// core/outbox/delivery.cpp — the outbox's request plan and retry schedule.
#include "core/outbox/delivery.hpp"

#include <sodium.h>

#include <algorithm>

#include "core/api/parse.hpp"
#include "core/tracking/follow.hpp"

namespace civic::outbox {

namespace {

constexpr const char* kTus = "1.0.0";

bool transient(int status) {
  return status == 0 || status == 408 || status == 425 || status == 429 || status >= 500;
}

std::string b64(std::string_view s) {
  std::string out(sodium_base64_ENCODED_LEN(s.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// tus checksum extension: digests travel as base64 of the raw bytes; the
// entry keeps them as hex. Not 64 hex digits: not announced (empty).
std::string hex_to_b64(std::string_view hex) {
  if (hex.size() != 64) return {};
  unsigned char raw[32];
  std::size_t n = 0;
  if (sodium_hex2bin(raw, sizeof raw, hex.data(), hex.size(), nullptr, &n, nullptr) != 0 || n != 32) return {};
  return b64(std::string_view(reinterpret_cast<const char*>(raw), n));
}

std::optional<std::uint64_t> parse_u64(std::string_view s) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

// A tus Location may be absolute, host-relative or relative to the base.
std::string resolve(std::string_view base, std::string_view loc) {
  if (api::is_http_url(loc)) return std::string(loc);
  std::string b = api::normalize_base(base);
  if (!loc.empty() && loc.front() == '/') {
    std::size_t scheme = b.find("://");
    std::size_t path = scheme == std::string::npos ? std::string::npos : b.find('/', scheme + 3);
    return (path == std::string::npos ? b : b.substr(0, path)) + std::string(loc);
  }
  return b + std::string(loc);
}

void retry_later(OutboxEntry& e, const Reply& r, const DeliveryConfig& c, std::int64_t now_ms,
                 std::uint64_t random_bits, Error why) {
  e.state = EntryState::queued;
  e.attempts = std::min<std::uint32_t>(e.attempts + 1, 1000000);
  std::uint64_t delay = tracking::backoff_delay_ms(c.retry, e.attempts, random_bits);
  if (auto ra = tracking::parse_retry_after(header_value(r.headers, "Retry-After"), now_ms / 1000))
    delay = std::max<std::uint64_t>(delay, *ra);
  e.next_attempt_ms = now_ms + static_cast<std::int64_t>(delay);
  if (r.status == 429)
    why = make_error("api.rate_limited", "HTTP 429", {{"seconds", std::to_string((delay + 999) / 1000)}});
  e.last_error = std::move(why);
}

Error reply_error(const Reply& r) {
  if (r.status == 0) return make_error("api.network", r.error);
  return api::error_from_reply(r.status, r.body);
}

void fail(OutboxEntry& e, const Reply& r) {
  e.state = EntryState::failed_needs_input;
  e.last_error = reply_error(r);
}

void progressed(OutboxEntry& e) {
  e.state = EntryState::queued;
  e.attempts = 0;
  e.next_attempt_ms = 0;
  e.last_error.reset();
}

void restart_upload(MediaItem& m) {
  m.upload_url.clear();
  m.offset = 0;
  m.offset_known = true;
}

}  // namespace

std::string chunk_checksum(std::string_view chunk) {
  unsigned char d[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(chunk.data()), chunk.size());
  return "sha256 " + b64(std::string_view(reinterpret_cast<const char*>(d), sizeof d));
}

std::string header_value(const api::Params& headers, std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (k.size() != name.size()) continue;
    bool same = std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) {
      auto low = [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; };
      return low(a) == low(b);
    });
    if (same) return v;
  }
  return {};
}

OutboxAction next_action(const OutboxEntry& e, const DeliveryConfig& c, std::int64_t now_ms) {
  OutboxAction a;
  if (e.state != EntryState::queued) return a;
  if (now_ms < e.next_attempt_ms) {
    a.kind = OutboxAction::Kind::wait;
    a.wake_at_ms = e.next_attempt_ms;
    return a;
  }
  if (c.tus) {
    for (std::size_t i = 0; i < e.media.size(); ++i) {
      const MediaItem& m = e.media[i];
      if (m.done) continue;
      a.media_index = i;
      a.headers = {{"Tus-Resumable", kTus}};
      if (m.upload_url.empty()) {
        a.kind = OutboxAction::Kind::create_upload;
        a.method = "POST";
        a.url = api::endpoint_url(c.base, "uploads");
        a.headers.emplace_back("Upload-Length", std::to_string(m.size));
        std::string sha = hex_to_b64(m.sha256);
        a.headers.emplace_back("Upload-Metadata", "filetype " + b64(m.content_type) +
                                                      (sha.empty() ? "" : ",sha256 " + sha) +
                                                      ",outbox " + b64(e.key));
      } else if (!m.offset_known) {
        a.kind = OutboxAction::Kind::query_upload;
        a.method = "HEAD";
        a.url = m.upload_url;
      } else {
        a.kind = OutboxAction::Kind::upload_chunk;
        a.method = c.patch_as_post ? "POST" : "PATCH";
        if (c.patch_as_post) a.headers.emplace_back("X-HTTP-Method-Override", "PATCH");
        a.url = m.upload_url;
        a.offset = m.offset;
        a.length = std::min<std::uint64_t>(std::max<std::uint64_t>(c.chunk_bytes, 1), m.size - m.offset);
        a.headers.emplace_back("Upload-Offset", std::to_string(m.offset));
        a.headers.emplace_back("Content-Type", "application/offset+octet-stream");
      }
      return a;
    }
  }
  a.kind = OutboxAction::Kind::submit;
  a.method = "POST";
  a.url = api::endpoint_url(c.base, "requests.json");
  a.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
               {"Accept", "application/json"},
               {"Accept-Language", std::string(lang_tag(c.lang))},
               {"Idempotency-Key", e.key}};
  if (!c.authorization.empty()) a.headers.emplace_back("Authorization", c.authorization);
  api::Params form = e.form;
  if (!c.api_key.empty()) form.emplace_back("api_key", c.api_key);
  for (const auto& m : e.media)
    if (m.done && !m.upload_url.empty()) form.emplace_back("media_url", m.upload_url);
  a.body = api::form_encode(form);
  return a;
}

void begin_action(OutboxEntry& e, const OutboxAction& a) {
  switch (a.kind) {
    case OutboxAction::Kind::create_upload:
    case OutboxAction::Kind::query_upload:
    case OutboxAction::Kind::upload_chunk: e.state = EntryState::uploading; break;
    case OutboxAction::Kind::submit: e.state = EntryState::sending; break;
    default: break;
  }
}

void on_reply(OutboxEntry& e, const OutboxAction& a, const Reply& r, const DeliveryConfig& c, std::int64_t now_ms,
              std::uint64_t random_bits) {
  using K = OutboxAction::Kind;
  if (a.kind == K::none || a.kind == K::wait) return;
  if (e.state != EntryState::uploading && e.state != EntryState::sending) return;  // not in flight: a stale reply
  if (transient(r.status)) return retry_later(e, r, c, now_ms, random_bits, reply_error(r));
  const bool ok = r.status >= 200 && r.status < 300;
  if (a.kind == K::submit) {
    if (!ok) return fail(e, r);
    auto receipts = api::parse_submit(r.body);
    if (!receipts || receipts.value().empty() ||
        (receipts.value().front().service_request_id.empty() && receipts.value().front().token.empty())) {
      // The server has (probably) committed; replaying with the same key is safe.
      return retry_later(e, r, c, now_ms, random_bits,
                         receipts ? make_error("api.bad_shape", "no id or token", {{"field", "service_request_id"}})
                                  : receipts.error());
    }
    e.service_request_id = receipts.value().front().service_request_id;
    e.token = receipts.value().front().token;
    e.state = EntryState::delivered;
    e.attempts = 0;
    e.next_attempt_ms = 0;
    e.last_error.reset();
    return;
  }
  if (a.media_index >= e.media.size()) return fail(e, r);
  MediaItem& m = e.media[a.media_index];
  if (r.status == 404 || r.status == 410) {  // the server forgot the upload: start it again
    if (a.kind != K::create_upload) {
      restart_upload(m);
      progressed(e);
      return;
    }
    return fail(e, r);
  }
  if (a.kind == K::upload_chunk && r.status == 409) {  // our offset is wrong: ask
    m.offset_known = false;
    progressed(e);
    return;
  }
  if (!ok) return fail(e, r);
  if (a.kind == K::create_upload) {
    std::string loc = header_value(r.headers, "Location");
    if (loc.empty()) return retry_later(e, r, c, now_ms, random_bits, make_error("outbox.upload_refused", "no Location"));
    m.upload_url = resolve(c.base, loc);
    m.offset = 0;
    m.offset_known = true;
    m.done = m.size == 0;
    progressed(e);
    return;
  }
  auto off = parse_u64(header_value(r.headers, "Upload-Offset"));
  if (!off || *off > m.size || (a.kind == K::upload_chunk && *off < a.offset)) {
    m.offset_known = false;
    return retry_later(e, r, c, now_ms, random_bits, make_error("outbox.upload_refused", "bad Upload-Offset"));
  }
  m.offset = *off;
  m.offset_known = true;
  m.done = m.offset == m.size;
  progressed(e);
}

void resubmit(OutboxEntry& e, api::Params form) {
  e.form = std::move(form);
  e.state = EntryState::queued;
  e.attempts = 0;
  e.next_attempt_ms = 0;
  e.last_error.reset();
}

}  // namespace civic::outbox
