// core/tracking/sse_parser.hpp — Server-Sent Events framing (WHATWG HTML
// §9.2.6 "Interpreting an event stream"), fed in chunks of any size.
//
// Accepts:
//  - lines ending in CRLF, LF or CR, in any mix; a CR at the end of one chunk
//    and the LF starting the next are one line ending;
//  - one UTF-8 byte order mark at the very start of the stream (dropped);
//  - fields `id`, `event`, `data` (repeated lines join with LF), `retry`
//    (ASCII digits only, else ignored); `:`-comments (counted, for
//    heartbeats); unknown fields are ignored; one space after the colon is
//    removed, as the spec says.
//  - an `id` value containing NUL is ignored (spec); an empty `id` resets the
//    last event id.
// Rejects (the parser stops, error() is set, the caller reconnects):
//  - a line longer than kSseMaxLineBytes (64 KiB);
//  - an event whose data exceeds kSseMaxEventBytes (1 MiB);
//  - a `retry` above kSseMaxRetryMs (1 h) is clamped, never rejected.
// Bytes are passed through undecoded: event payloads are JSON, whose parser
// rejects invalid UTF-8, and ids are only echoed back as Last-Event-ID.
// Memory: at most one line plus one event's fields, whatever the input.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace civic::tracking {

inline constexpr std::size_t kSseMaxLineBytes = 64u << 10;
inline constexpr std::size_t kSseMaxEventBytes = 1u << 20;
inline constexpr std::uint32_t kSseMaxRetryMs = 3600u * 1000u;

struct SseEvent {
  std::string id;      // the last event id in force when it was dispatched (may be empty)
  std::string type;    // `event` field, "message" when absent
  std::string data;    // `data` lines joined with LF, without the final LF
  bool operator==(const SseEvent&) const = default;
};

class SseParser {
 public:
  // Parses bytes; appends every event completed by them to out. Returns false
  // (and appends nothing more) once a limit has been exceeded.
  bool feed(std::string_view bytes, std::vector<SseEvent>& out);

  // Last-Event-ID to send when reconnecting (WHATWG: "last event ID string").
  const std::string& last_event_id() const { return last_event_id_; }
  // The server's latest `retry:` advice, if any.
  std::optional<std::uint32_t> retry_ms() const { return retry_ms_; }
  // Comment lines seen (servers send them as keep-alive heartbeats).
  std::uint64_t comments() const { return comments_; }
  const std::optional<Error>& error() const { return error_; }

  // A fresh connection: framing state is reset, last_event_id and retry kept
  // (WHATWG keeps them across reconnects).
  void reconnect();

 private:
  void line(std::string_view l, std::vector<SseEvent>& out);
  void field(std::string_view name, std::string_view value);
  void dispatch(std::vector<SseEvent>& out);
  void fail(const char* what);

  std::string buf_;            // current, unterminated line
  std::string data_;
  std::string type_;
  std::string id_buffer_;
  std::string last_event_id_;
  std::optional<std::uint32_t> retry_ms_;
  std::uint64_t comments_ = 0;
  std::optional<Error> error_;
  bool bom_checked_ = false;
  bool after_cr_ = false;      // the previous byte was CR: a leading LF is part of that line ending
  std::size_t bom_seen_ = 0;   // bytes of a BOM matched so far (a BOM may be split too)
  bool has_data_ = false;
};

}  // namespace civic::tracking
