// core/outbox/delivery.hpp — what to send next for an outbox entry, and what
// a reply means. Pure: the shell performs each OutboxAction and reports the
// reply; the shell persists the entry after every call that changed it
// (begin_action and on_reply), and before sending the action's request.
//
// Order for one entry: each media item (when the server offers tus 1.0
// resumable uploads: create → PATCH chunks, or HEAD first after a restart),
// then POST {base}requests.json with `Idempotency-Key: <key>`, api_key and
// one media_url per uploaded item.
//
// Retry schedule (a concern is never dropped; it waits):
//  - no reply (network), 408, 425, 429, 5xx → queued again, attempts + 1,
//    next attempt after backoff (2 s doubling to 5 min, equal jitter) or
//    Retry-After (seconds or HTTP date; at most 1 h) if that is later;
//  - a 2xx POST reply that cannot be read → retried likewise (the server
//    committed; the same key returns the same ticket);
//  - any other 4xx on the POST → failed_needs_input, with the server's
//    reason, the resident's input intact (only resubmit() re-queues it);
//  - tus: 404/410 (upload expired) → upload again from zero; 409 (offset
//    mismatch) → HEAD to learn the offset; other 4xx on an upload → the
//    entry fails as above.
#pragma once
#include <cstdint>
#include <string>

#include "core/api/url.hpp"
#include "core/i18n/lang.hpp"
#include "core/outbox/outbox_entry.hpp"
#include "core/tracking/backoff.hpp"

namespace civic::outbox {

struct DeliveryConfig {
  std::string base;                          // GeoReport v2 endpoint base
  std::string api_key;                       // sent as api_key (GeoReport v2 §POST) when not empty
  std::string authorization;                 // "Bearer T" of a signed-in resident (Civic signin), or ""
  bool tus = false;                          // the server offers resumable uploads at {base}uploads
  std::uint64_t chunk_bytes = 1u << 20;      // tus PATCH size
  bool patch_as_post = false;                // behind a proxy that drops PATCH: POST + X-HTTP-Method-Override
  tracking::BackoffPolicy retry{2000, 300000, 500};
  Lang lang = Lang::zh_CN;
};

struct OutboxAction {
  enum class Kind {
    none,           // nothing to do: delivered or waiting for the resident
    wait,           // not due yet: try again at wake_at_ms
    create_upload,  // POST {base}uploads (tus creation)
    query_upload,   // HEAD upload_url
    upload_chunk,   // PATCH upload_url: bytes [offset, offset+length) of media[media_index]
    submit,         // POST {base}requests.json
  } kind = Kind::none;
  std::string method;
  std::string url;
  api::Params headers;
  std::string body;                          // submit: form-urlencoded
  std::size_t media_index = 0;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  std::int64_t wake_at_ms = 0;
};

struct Reply {
  int status = 0;                            // 0: no reply at all
  std::string body;
  api::Params headers;                       // names compared case-insensitively
  std::string error;                         // developer detail for status 0
};

OutboxAction next_action(const OutboxEntry& e, const DeliveryConfig& c, std::int64_t now_ms);
// Marks the entry in flight (uploading / sending) for the action. Persist the
// entry after this and before sending.
void begin_action(OutboxEntry& e, const OutboxAction& a);
// Applies the reply to the action. random_bits feeds the jitter.
void on_reply(OutboxEntry& e, const OutboxAction& a, const Reply& r, const DeliveryConfig& c, std::int64_t now_ms,
              std::uint64_t random_bits);
// The resident edited a failed entry: queue it again, due now.
void resubmit(OutboxEntry& e, api::Params form);

// The tus checksum extension's Upload-Checksum value for a PATCH body
// ("sha256 " + base64 of its SHA-256): shells add it when they read a chunk.
std::string chunk_checksum(std::string_view chunk);

// Case-insensitive header lookup.
std::string header_value(const api::Params& headers, std::string_view name);

}  // namespace civic::outbox
