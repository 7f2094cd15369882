// server/http_parse.hpp — an incremental HTTP/1.1 request parser (RFC 9112)
// for civic-server's event-loop transport. Plain C++ over bytes: no sockets,
// no SQLite, no server state, so the libFuzzer target and the doctest rows
// drive it exactly as the transport does.
//
// Limits (outside bytes; every limit answers with a status, never a crash):
//   request line          <= 8 KiB                        else 414
//   request line+headers  <= 16 KiB, <= 100 fields        else 431
//   body (Content-Length or the sum of chunks) <= max_body else 413
//   chunk-size line       <= 1 KiB, size <= 16 hex digits else 400
//   trailers              count against the 16 KiB / 100-field header limits
// Accepted: HTTP/1.0 and HTTP/1.1; CRLF line ends only; origin-form targets
// ("/path?q"), "*" for OPTIONS and absolute-form ("http://host/path", reduced
// to its path). Content-Length (digits only) or Transfer-Encoding: chunked
// (chunk extensions and trailers are read and dropped).
// Rejected (400) because each is a request-smuggling vector: both
// Content-Length and Transfer-Encoding; two Content-Length fields (even equal
// ones) or a list value ("5, 5"); two Transfer-Encoding fields; any coding
// other than a single "chunked" (501); chunked on HTTP/1.0; obs-fold
// continuation lines; whitespace before the colon; bare CR or LF; control
// characters in names, values or the target; a missing or repeated Host on
// HTTP/1.1. Any other version is 505.
// Pipelining: feed() stops at the end of one request and says how many bytes
// it used; the caller keeps the rest for the next request.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace civic::server::http {

constexpr size_t kMaxRequestLine = 8 * 1024;
constexpr size_t kMaxHeaderBytes = 16 * 1024;
constexpr size_t kMaxHeaderFields = 100;
constexpr size_t kMaxChunkLine = 1024;

struct Request {
  std::string method;   // as sent (case-sensitive token)
  std::string target;   // origin-form: path and query, still percent-encoded
  int minor = 1;        // HTTP/1.<minor>
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, values trimmed
  std::string body;     // de-chunked
  bool keep_alive = true;
  bool expect_continue = false;
  bool chunked = false;
  uint64_t content_length = 0;
};

enum class State { need_more, done, error };

class RequestParser {
 public:
  explicit RequestParser(size_t max_body) : max_body_(max_body) {}

  // Consumes bytes of one request from data; returns how many it used (it
  // stops at the request's end, so pipelined bytes stay with the caller).
  // After done or error, feed() uses nothing until reset().
  size_t feed(std::string_view data);
  State state() const { return state_; }
  bool started() const { return phase_ != Phase::head || !head_.empty(); }
  // The request line and headers are complete (the body may still be due):
  // the moment to answer "Expect: 100-continue".
  bool headers_complete() const { return phase_ != Phase::head; }
  // 400, 413, 414, 431, 501 or 505 when state() == error; reason is a short
  // English phrase for logs and tests.
  int error_status() const { return error_status_; }
  const std::string& error_reason() const { return error_reason_; }
  // The request so far (complete when done; partial headers after an error).
  const Request& request() const { return req_; }
  Request& request() { return req_; }
  // Ready for the next request on the same connection.
  void reset();

 private:
  enum class Phase { head, body_length, chunk_size, chunk_data, chunk_crlf, trailers, finished };
  bool fail(int status, std::string reason);
  bool parse_head();
  bool parse_request_line(std::string_view line);
  bool parse_header_line(std::string_view line);
  bool decide_framing();
  bool parse_chunk_size(std::string_view line);

  size_t max_body_;
  State state_ = State::need_more;
  Phase phase_ = Phase::head;
  std::string head_;       // bytes of the head (or the current chunk/trailer line)
  size_t scanned_ = 0;     // head_ already searched for the terminator
  size_t trailer_bytes_ = 0;
  size_t trailer_fields_ = 0;
  uint64_t remaining_ = 0; // body or chunk bytes still due
  Request req_;
  int error_status_ = 0;
  std::string error_reason_;
};

// "%41" -> "A"; an invalid escape is kept as written (as cpp-httplib did).
std::string percent_decode_lenient(std::string_view s, bool plus_is_space);
// Splits an origin-form target into its decoded path and its query pairs
// (decoded, '+' as space, in order).
void split_target(std::string_view target, std::string& path,
                  std::vector<std::pair<std::string, std::string>>& query);

}  // namespace civic::server::http
