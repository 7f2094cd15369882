// server/http_parse.cpp — see http_parse.hpp (limits and what is refused).
#include "server/http_parse.hpp"

#include <algorithm>

namespace civic::server::http {

namespace {

bool is_tchar(unsigned char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
      return true;
    default:
      return false;
  }
}

bool is_ctl(unsigned char c) { return c < 0x20 || c == 0x7f; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool iequals(std::string_view a, std::string_view b) { return a.size() == b.size() && lower(a) == lower(b); }

}  // namespace

void RequestParser::reset() {
  state_ = State::need_more;
  phase_ = Phase::head;
  head_.clear();
  scanned_ = trailer_bytes_ = trailer_fields_ = 0;
  remaining_ = 0;
  req_ = Request{};
  error_status_ = 0;
  error_reason_.clear();
}

bool RequestParser::fail(int status, std::string reason) {
  state_ = State::error;
  error_status_ = status;
  error_reason_ = std::move(reason);
  return false;
}

size_t RequestParser::feed(std::string_view data) {
  size_t used = 0;
  while (used < data.size() && state_ == State::need_more) {
    const char c = data[used];
    switch (phase_) {
      case Phase::head: {
        ++used;
        if (head_ == "\r" && c == '\n') {  // an empty line before the request line (RFC 9112 §2.2)
          head_.clear();
          break;
        }
        if (c == '\n' && (head_.empty() || head_.back() != '\r')) return fail(400, "bare LF"), used;
        if (!head_.empty() && head_.back() == '\r' && c != '\n') return fail(400, "bare CR"), used;
        head_.push_back(c);
        if (scanned_ == 0 && c == '\n') scanned_ = head_.size();  // length of the request line
        if (scanned_ == 0 && head_.size() > kMaxRequestLine + 2) return fail(414, "request line too long"), used;
        if (head_.size() > kMaxHeaderBytes) return fail(431, "header section too large"), used;
        if (c == '\n' && head_.size() >= 4 && head_.compare(head_.size() - 4, 4, "\r\n\r\n") == 0) {
          if (!parse_head()) return used;
        }
        break;
      }
      case Phase::body_length: {
        size_t n = static_cast<size_t>(std::min<uint64_t>(remaining_, data.size() - used));
        req_.body.append(data.data() + used, n);
        used += n;
        remaining_ -= n;
        if (remaining_ == 0) phase_ = Phase::finished, state_ = State::done;
        break;
      }
      case Phase::chunk_size:
      case Phase::trailers: {
        ++used;
        if (c == '\n' && (head_.empty() || head_.back() != '\r')) return fail(400, "bare LF"), used;
        if (!head_.empty() && head_.back() == '\r' && c != '\n') return fail(400, "bare CR"), used;
        head_.push_back(c);
        if (phase_ == Phase::chunk_size && head_.size() > kMaxChunkLine) return fail(400, "chunk-size line too long"), used;
        if (phase_ == Phase::trailers && trailer_bytes_ + head_.size() > kMaxHeaderBytes)
          return fail(431, "trailers too large"), used;
        if (c != '\n') break;
        std::string_view line(head_.data(), head_.size() - 2);
        if (phase_ == Phase::chunk_size) {
          if (!parse_chunk_size(line)) return used;
        } else if (line.empty()) {
          phase_ = Phase::finished;
          state_ = State::done;
        } else {
          // Trailer fields are checked like headers, then dropped: nothing
          // may add framing or routing information after the body.
          if (line.front() == ' ' || line.front() == '\t') return fail(400, "obs-fold in trailer"), used;
          size_t colon = line.find(':');
          if (colon == std::string_view::npos || colon == 0) return fail(400, "bad trailer field"), used;
          for (size_t i = 0; i < colon; ++i)
            if (!is_tchar(static_cast<unsigned char>(line[i]))) return fail(400, "bad trailer name"), used;
          for (size_t i = colon + 1; i < line.size(); ++i)
            if (is_ctl(static_cast<unsigned char>(line[i])) && line[i] != '\t')
              return fail(400, "control character in trailer"), used;
          trailer_bytes_ += head_.size();
          if (++trailer_fields_ > kMaxHeaderFields) return fail(431, "too many trailer fields"), used;
        }
        head_.clear();
        break;
      }
      case Phase::chunk_data: {
        size_t n = static_cast<size_t>(std::min<uint64_t>(remaining_, data.size() - used));
        req_.body.append(data.data() + used, n);
        used += n;
        remaining_ -= n;
        if (remaining_ == 0) phase_ = Phase::chunk_crlf, head_.clear();
        break;
      }
      case Phase::chunk_crlf: {
        ++used;
        head_.push_back(c);
        if (head_.size() == 1 && c != '\r') return fail(400, "chunk data longer than its size"), used;
        if (head_.size() == 2) {
          if (c != '\n') return fail(400, "chunk data longer than its size"), used;
          head_.clear();
          phase_ = Phase::chunk_size;
        }
        break;
      }
      case Phase::finished:
        return used;
    }
  }
  return used;
}

bool RequestParser::parse_chunk_size(std::string_view line) {
  size_t i = 0;
  uint64_t size = 0;
  while (i < line.size() && hex_value(line[i]) >= 0) {
    if (i >= 16) return fail(400, "chunk size too long");
    size = size * 16 + static_cast<uint64_t>(hex_value(line[i]));
    ++i;
  }
  if (i == 0) return fail(400, "bad chunk size");
  // Only whitespace before a chunk extension (";name=value"), which is dropped.
  std::string_view rest = line.substr(i);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (!rest.empty() && rest.front() != ';') return fail(400, "bad chunk size");
  for (char ch : rest)
    if (is_ctl(static_cast<unsigned char>(ch)) && ch != '\t') return fail(400, "control character in chunk extension");
  head_.clear();
  if (size == 0) {
    phase_ = Phase::trailers;
    return true;
  }
  if (size > max_body_ || req_.body.size() + size > max_body_) return fail(413, "body too large");
  remaining_ = size;
  phase_ = Phase::chunk_data;
  return true;
}

bool RequestParser::parse_request_line(std::string_view line) {
  size_t sp1 = line.find(' ');
  if (sp1 == std::string_view::npos || sp1 == 0) return fail(400, "bad request line");
  size_t sp2 = line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || sp2 == sp1 + 1) return fail(400, "bad request line");
  std::string_view method = line.substr(0, sp1);
  std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = line.substr(sp2 + 1);
  for (char ch : method)
    if (!is_tchar(static_cast<unsigned char>(ch))) return fail(400, "bad method");
  for (char ch : target)
    if (is_ctl(static_cast<unsigned char>(ch)) || ch == ' ') return fail(400, "bad target");
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' || version[5] < '0' ||
      version[5] > '9' || version[7] < '0' || version[7] > '9')
    return fail(400, "bad version");
  if (version[5] != '1' || (version[7] != '0' && version[7] != '1')) return fail(505, "HTTP version not supported");
  req_.method = std::string(method);
  req_.minor = version[7] - '0';
  if (target == "*") {
    if (method != "OPTIONS") return fail(400, "asterisk target outside OPTIONS");
    req_.target = "*";
  } else if (target.front() == '/') {
    req_.target = std::string(target);
  } else {
    // absolute-form (RFC 9112 §3.2.2): keep the path and query, drop the authority.
    std::string lowered = lower(target.substr(0, std::min<size_t>(target.size(), 8)));
    size_t skip = lowered.rfind("http://", 0) == 0 ? 7 : lowered.rfind("https://", 0) == 0 ? 8 : 0;
    if (skip == 0) return fail(400, "bad target");
    size_t slash = target.find_first_of("/?", skip);
    if (slash == skip) return fail(400, "bad target");
    if (slash == std::string_view::npos) req_.target = "/";
    else if (target[slash] == '?') req_.target = "/" + std::string(target.substr(slash));
    else req_.target = std::string(target.substr(slash));
  }
  return true;
}

bool RequestParser::parse_header_line(std::string_view line) {
  if (line.front() == ' ' || line.front() == '\t') return fail(400, "obs-fold");
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return fail(400, "bad header field");
  for (size_t i = 0; i < colon; ++i)
    if (!is_tchar(static_cast<unsigned char>(line[i]))) return fail(400, "bad header name");
  std::string_view value = trim(line.substr(colon + 1));
  for (char ch : value)
    if (is_ctl(static_cast<unsigned char>(ch)) && ch != '\t') return fail(400, "control character in header");
  if (req_.headers.size() >= kMaxHeaderFields) return fail(431, "too many header fields");
  req_.headers.emplace_back(lower(line.substr(0, colon)), std::string(value));
  return true;
}

bool RequestParser::decide_framing() {
  int hosts = 0, lengths = 0, codings = 0;
  std::string_view length, coding;
  for (const auto& [name, value] : req_.headers) {
    if (name == "host") ++hosts;
    else if (name == "content-length") ++lengths, length = value;
    else if (name == "transfer-encoding") ++codings, coding = value;
    else if (name == "expect") req_.expect_continue = iequals(value, "100-continue");
  }
  if (req_.minor == 1 && hosts != 1) return fail(400, hosts ? "several Host fields" : "no Host field");
  if (hosts > 1) return fail(400, "several Host fields");
  if (lengths > 1) return fail(400, "several Content-Length fields");
  if (codings > 1) return fail(400, "several Transfer-Encoding fields");
  if (lengths && codings) return fail(400, "both Content-Length and Transfer-Encoding");
  // "Connection: close" wins over keep-alive, whatever order they came in.
  bool close = false, keep = false;
  for (const auto& [name, value] : req_.headers) {
    if (name != "connection") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string token = lower(trim(rest.substr(0, comma)));
      close = close || token == "close";
      keep = keep || token == "keep-alive";
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  req_.keep_alive = !close && (req_.minor == 1 || keep);
  if (codings) {
    if (req_.minor == 0) return fail(400, "Transfer-Encoding on HTTP/1.0");
    if (!iequals(coding, "chunked")) return fail(501, "transfer coding not supported");
    req_.chunked = true;
    phase_ = Phase::chunk_size;
    return true;
  }
  if (lengths) {
    if (length.empty() || length.size() > 19) return fail(400, "bad Content-Length");
    uint64_t n = 0;
    for (char ch : length) {
      if (ch < '0' || ch > '9') return fail(400, "bad Content-Length");
      n = n * 10 + static_cast<uint64_t>(ch - '0');
    }
    req_.content_length = n;
    if (n > max_body_) return fail(413, "body too large");
    if (n > 0) {
      remaining_ = n;
      req_.body.reserve(static_cast<size_t>(n));
      phase_ = Phase::body_length;
      return true;
    }
  }
  phase_ = Phase::finished;
  state_ = State::done;
  return true;
}

bool RequestParser::parse_head() {
  std::string_view all(head_.data(), head_.size() - 2);  // keep one CRLF after the last line
  size_t pos = 0;
  bool first = true;
  while (pos < all.size()) {
    size_t end = all.find("\r\n", pos);
    std::string_view line = all.substr(pos, end - pos);
    pos = end + 2;
    if (first) {
      if (!parse_request_line(line)) return false;
      first = false;
    } else if (!parse_header_line(line)) {
      return false;
    }
  }
  head_.clear();
  head_.shrink_to_fit();
  phase_ = Phase::body_length;  // decide_framing() sets the real phase
  return decide_framing();
}

std::string percent_decode_lenient(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void split_target(std::string_view target, std::string& path,
                  std::vector<std::pair<std::string, std::string>>& query) {
  size_t q = target.find('?');
  path = percent_decode_lenient(target.substr(0, q), false);
  query.clear();
  if (q == std::string_view::npos) return;
  std::string_view rest = target.substr(q + 1);
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      std::string key = percent_decode_lenient(pair.substr(0, eq), true);
      std::string value = eq == std::string_view::npos ? std::string() : percent_decode_lenient(pair.substr(eq + 1), true);
      query.emplace_back(std::move(key), std::move(value));
    }
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
  }
}

}  // namespace civic::server::http
