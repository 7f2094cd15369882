// core/app/effect.hpp — the work core asks a shell to do. Core never does I/O:
// it returns Effects from update(), the shell (web/, native/, the CLI) carries
// them out with its own platform calls and reports back with an Event.
// Effects are plain data: no callbacks, no clocks, no handles.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/api/url.hpp"
#include "core/media/edit.hpp"

namespace civic::app {

// Perform an HTTP request; answer with HttpDone{request_id, ...}.
// When body_media is set, the body is bytes [body_offset, body_offset +
// body_length) of that stored media item (a tus PATCH), read by the shell.
struct HttpRequest {
  std::uint64_t request_id = 0;
  std::string method = "GET";
  std::string url;
  api::Params headers;
  std::string body;
  std::string body_media;
  std::uint64_t body_offset = 0;
  std::uint64_t body_length = 0;
};

// Durably store an outbox record under `key` (native: temp + fsync + rename;
// web: an IndexedDB transaction that has completed). Answer OutboxSaved with
// the same save_id once the bytes would survive a kill — and only then: core
// sends nothing for the entry before that answer.
struct OutboxSave {
  std::uint64_t save_id = 0;
  std::string key;
  std::string bytes;   // outbox::serialize_entry
};

// Forget an outbox record (and its media). No answer.
struct OutboxDelete {
  std::string key;
};

// Read every stored outbox record; answer OutboxLoaded.
struct OutboxLoad {};

// Dispatch Tick at (or soon after) this Unix time in ms. A later WakeAt
// replaces an earlier one; shells keep one timer.
struct WakeAt {
  std::int64_t at_ms = 0;
};

// Open a long-lived GET (the Civic event stream, text/event-stream) and
// report StreamOpened{status}, then StreamBytes as they arrive (raw, core
// parses the SSE framing), then StreamClosed. A browser EventSource may
// stand in: it reports each event re-framed as SSE bytes, and since it
// cannot send headers, a missing Last-Event-ID only costs a replay that
// core's timeline drops as duplicates.
struct StreamOpen {
  std::uint64_t stream_id = 0;
  std::string url;
  api::Params headers;
};
// Close that stream; no StreamClosed follows.
struct StreamClose {
  std::uint64_t stream_id = 0;
};

// Make the photo stored under `source` small, off the UI thread (web: the
// civic-media worker; native: a worker thread), as core/media::compress with
// this edit and budget; keep the JPEG durably (it is what the outbox
// uploads) and answer PhotoProgress… then PhotoCompressed{job_id}.
// A source above max_source_bytes is refused unread (media.too_big_file).
struct PhotoCompress {
  std::uint64_t job_id = 0;
  std::string source;                  // media id of the raw bytes
  media::PhotoEdit edit;
  int max_edge = 2048;
  std::uint64_t max_bytes = 512u << 10;
  std::uint64_t max_source_bytes = 40u << 20;
};

// Drop stored media (raw ids or the `stored` of a PhotoCompressed). No answer.
struct MediaForget {
  std::vector<std::string> ids;
};

// Keep what the device trusts about its server for the next start
// (Started::pins_json / capabilities_json): the pinned signing keys and the
// last capabilities document. No answer. A shell that shares its pin file
// with other writers (the kiosk's receipt check) merges with
// crypto::merge_pins, which never replaces a pinned key.
struct TrustSave {
  std::string pins_json;            // "": leave the stored pins as they are (they were unreadable)
  std::string capabilities_json;
};

// Keep the draft being written (draft_store.hpp): replace what is stored
// with these bytes, or forget it when they are empty. No answer; a shell
// that cannot store drafts ignores it (then it never answers DraftLoad).
struct DraftSave {
  std::string bytes;
};
// Hand back the stored draft, once at start: DraftLoaded (empty: none).
struct DraftLoad {};

// Find the device's position once; answer Located{locate_id} — with the
// failure (denied, unavailable, timeout) when there is none. The web shell
// asks navigator.geolocation; the kiosk answers with its hall's place; a
// shell without either answers unavailable.
struct LocateRequest {
  std::uint64_t locate_id = 0;
};

// Record a voice memo from the microphone (web: getUserMedia + MediaRecorder,
// the microphone asked for inside the resident's tap). Answer RecordStarted
// once it runs, RecordProgress a few times a second, and after RecordStop
// (or on its own at max_ms or max_bytes, a backstop: core stops it first)
// RecordStopped with the bytes stored durably under a new media id — or
// RecordFailed. The microphone is released at the end, whatever happened.
struct RecordStart {
  std::uint64_t record_id = 0;
  std::int64_t max_ms = 120'000;
  std::uint64_t max_bytes = 3u << 20;
  int bits_per_second = 32'000;
};
// Stop that recording; discard: keep nothing (the draft is gone) — the
// answer may then be a RecordStopped without a media id.
struct RecordStop {
  std::uint64_t record_id = 0;
  bool discard = false;
};

// Play the voice memo stored under media_id (web: its bytes from IndexedDB
// as a Blob URL in an <audio> element, started within the resident's tap so
// mobile autoplay rules allow it). Answer PlaybackStarted once it is heard,
// PlaybackProgress a few times a second while the position moves, then
// PlaybackEnded or PlaybackFailed (missing: the bytes are gone). Release the
// element and its URL at the end. Core sends StopPlayback first when
// another memo starts: one sound at a time.
struct PlayMemo {
  std::uint64_t play_id = 0;
  std::string media_id;
  std::string content_type;   // audio/webm, audio/ogg, audio/mp4
};
// Stop that playback and release it. No answer (a late one is dropped).
struct StopPlayback {
  std::uint64_t play_id = 0;
};

using Effect = std::variant<HttpRequest, OutboxSave, OutboxDelete, OutboxLoad, WakeAt, StreamOpen, StreamClose,
                            PhotoCompress, MediaForget, TrustSave, DraftSave, DraftLoad, LocateRequest, RecordStart, RecordStop,
                            PlayMemo, StopPlayback>;

}  // namespace civic::app
