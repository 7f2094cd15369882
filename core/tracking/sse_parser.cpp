// core/tracking/sse_parser.cpp — WHATWG event-stream interpretation, chunked.
// See sse_parser.hpp for what is accepted and the limits.
#include "core/tracking/sse_parser.hpp"

#include <algorithm>

namespace civic::tracking {

namespace {
constexpr char kBom[] = "\xEF\xBB\xBF";

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

void SseParser::reconnect() {
  buf_.clear();
  data_.clear();
  type_.clear();
  id_buffer_ = last_event_id_;
  error_.reset();
  bom_checked_ = false;
  bom_seen_ = 0;
  after_cr_ = false;
  has_data_ = false;
}

void SseParser::fail(const char* what) {
  error_ = make_error("tracking.stream_broken", what);
  buf_.clear();
  data_.clear();
  has_data_ = false;
}

bool SseParser::feed(std::string_view bytes, std::vector<SseEvent>& out) {
  if (error_) return false;
  // A byte order mark may itself arrive split over chunks.
  while (!bom_checked_ && !bytes.empty()) {
    if (bytes.front() == kBom[bom_seen_]) {
      bytes.remove_prefix(1);
      if (++bom_seen_ == 3) bom_checked_ = true;
      continue;
    }
    bom_checked_ = true;
    if (bom_seen_ > 0) {  // a partial BOM was ordinary bytes after all
      std::string replay(kBom, bom_seen_);
      bom_seen_ = 0;
      if (!feed(replay, out)) return false;
    }
  }
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (after_cr_) {
      after_cr_ = false;
      if (bytes[i] == '\n') {
        ++i;
        continue;
      }
    }
    std::size_t end = bytes.find_first_of("\r\n", i);
    std::string_view piece = bytes.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (buf_.size() + piece.size() > kSseMaxLineBytes) {
      fail("line too long");
      return false;
    }
    if (end == std::string_view::npos) {
      buf_.append(piece);
      break;
    }
    after_cr_ = bytes[end] == '\r';
    if (buf_.empty()) {
      line(piece, out);
    } else {
      buf_.append(piece);
      std::string whole = std::move(buf_);
      buf_.clear();
      line(whole, out);
    }
    if (error_) return false;
    i = end + 1;
  }
  return true;
}

void SseParser::line(std::string_view l, std::vector<SseEvent>& out) {
  if (l.empty()) return dispatch(out);
  if (l.front() == ':') {
    ++comments_;
    return;
  }
  std::size_t colon = l.find(':');
  if (colon == std::string_view::npos) return field(l, {});
  std::string_view value = l.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  field(l.substr(0, colon), value);
}

void SseParser::field(std::string_view name, std::string_view value) {
  if (name == "data") {
    if (data_.size() + value.size() + 1 > kSseMaxEventBytes) return fail("event too large");
    if (has_data_) data_.push_back('\n');
    data_.append(value);
    has_data_ = true;
  } else if (name == "event") {
    type_.assign(value);
  } else if (name == "id") {
    if (value.find('\0') == std::string_view::npos) id_buffer_.assign(value);
  } else if (name == "retry") {
    if (!all_digits(value)) return;
    std::uint64_t ms = 0;
    for (char c : value) {
      ms = ms * 10 + static_cast<std::uint64_t>(c - '0');
      if (ms > kSseMaxRetryMs) {
        ms = kSseMaxRetryMs;
        break;
      }
    }
    retry_ms_ = static_cast<std::uint32_t>(ms);
  }
}

void SseParser::dispatch(std::vector<SseEvent>& out) {
  last_event_id_ = id_buffer_;
  if (!has_data_) {
    type_.clear();
    return;
  }
  SseEvent e;
  e.id = last_event_id_;
  e.type = type_.empty() ? std::string("message") : std::move(type_);
  e.data = std::move(data_);
  out.push_back(std::move(e));
  data_.clear();
  type_.clear();
  has_data_ = false;
}

}  // namespace civic::tracking
