// core/outbox/outbox_entry.hpp — one concern waiting to be delivered, and its
// bytes on disk.
//
// The entry is written to durable storage (native: temp file + fsync +
// rename; web: IndexedDB) BEFORE the first byte goes to the server, and again
// before each step that the server could commit (so a kill at any point
// leaves either the old or the new record, both of which resume correctly).
// The idempotency key makes the server turn a replayed POST into the same
// ticket: delivery is at-least-once on the wire and exactly-once in effect.
//
// Serialised form (serialize_entry / deserialize_entry), read back from
// storage that a crash, a full disk or another program may have damaged:
//   "civic-outbox 1 " + 64 hex digits (BLAKE2b-256 of the JSON) + "\n" + JSON
// Limits: at most kMaxEntryBytes (16 MiB — a 10 MB description must survive)
// in all; 2,000 form fields; 32 media items; strings as core/api's reader
// (key ≤ 128 bytes). A wrong header, checksum, version or field kind is an
// outbox.corrupt error: the caller keeps the file aside, never guesses.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/url.hpp"
#include "core/result.hpp"

namespace civic::outbox {

inline constexpr std::size_t kMaxEntryBytes = 16u << 20;
inline constexpr std::size_t kMaxFormFields = 2000;
inline constexpr std::size_t kMaxMedia = 32;

enum class EntryState {
  queued,              // waiting for its next attempt (next_attempt_ms)
  uploading,           // a media upload request is in flight
  sending,             // the POST is in flight
  delivered,           // the server gave a ticket number (or token)
  failed_needs_input,  // the server refused the content (4xx): the resident must change it
};
std::string_view state_name(EntryState s);
std::string_view state_message_id(EntryState s);   // "outbox.state.queued"

struct MediaItem {
  std::string path;             // where the shell keeps the bytes (a file name, an IndexedDB key)
  std::string content_type;     // image/jpeg …
  std::uint64_t size = 0;
  std::string sha256;           // hex; sent as the tus Upload-Checksum of each chunk's source
  std::string upload_url;       // tus: the upload's URL once created
  std::uint64_t offset = 0;     // bytes the server has confirmed
  bool offset_known = true;     // false after a restart: ask the server (HEAD) first
  bool done = false;
  bool operator==(const MediaItem&) const = default;
};

struct OutboxEntry {
  std::string key;              // Idempotency-Key, also the entry's file name
  std::int64_t created_at = 0;  // Unix seconds
  std::string service_code;
  std::string title;            // a short line for `civic outbox list` and the UI
  api::Params form;             // POST /requests.json fields, without api_key and media_url
  std::vector<MediaItem> media;
  EntryState state = EntryState::queued;
  std::uint32_t attempts = 0;   // failed attempts in a row
  std::int64_t next_attempt_ms = 0;   // Unix ms; 0 = as soon as possible
  std::string service_request_id;
  std::string token;
  std::optional<Error> last_error;
  bool operator==(const OutboxEntry&) const;
};

// A random UUID v4 from core/crypto (libsodium's CSPRNG), as the IETF
// Idempotency-Key draft advises: 36 characters.
std::string new_idempotency_key();
// A new entry: fresh key, queued, due now.
OutboxEntry make_entry(std::string service_code, std::string title, api::Params form, std::int64_t now);

// A media item for bytes the shell has stored at `path`: size and SHA-256.
MediaItem make_media_item(std::string path, std::string content_type, std::string_view bytes);

std::string serialize_entry(const OutboxEntry& e);
// The record framing alone: header + checksum around a JSON body.
std::string seal_record(std::string_view json_body);
Result<OutboxEntry> deserialize_entry(std::string_view bytes);

// After a restart: what was in flight is queued again (the POST may or may
// not have reached the server — the idempotency key settles that), and every
// upload asks the server how far it got.
void recover_after_restart(OutboxEntry& e);

// A key is safe as a file name and an HTTP header value.
bool is_valid_key(std::string_view key);

}  // namespace civic::outbox
