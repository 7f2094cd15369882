// tests/fuzz/http_request_fuzz.cpp — any bytes a client might send, through
// the transport's HTTP/1.1 request parser (server/http_parse.hpp), fed whole
// and in fuzzer-chosen pieces: no crash, bounded memory, and the split never
// changes the verdict, the requests found or the bytes each one used.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "server/http_parse.hpp"

using namespace civic::server::http;

namespace {

struct Seen {
  std::vector<std::string> lines;  // method, target, body of each request, then the verdict
  bool operator==(const Seen& o) const { return lines == o.lines; }
};

// Parses a pipeline of requests from bytes, handed over `step` bytes at a time.
Seen run(std::string_view bytes, size_t step) {
  Seen seen;
  RequestParser p(4096);
  std::string pending;
  size_t pos = 0;
  while (true) {
    if (pending.empty() && pos < bytes.size()) {
      size_t n = std::min(step, bytes.size() - pos);
      pending.assign(bytes.substr(pos, n));
      pos += n;
    }
    size_t used = p.feed(pending);
    if (used > pending.size()) std::abort();
    pending.erase(0, used);
    if (p.state() == State::done) {
      const Request& r = p.request();
      if (r.body.size() > 4096) std::abort();
      seen.lines.push_back(r.method + " " + r.target + " " + r.body + (r.keep_alive ? " ka" : " close"));
      p.reset();
      continue;
    }
    if (p.state() == State::error) {
      int s = p.error_status();
      if (s != 400 && s != 413 && s != 414 && s != 431 && s != 501 && s != 505) std::abort();
      seen.lines.push_back("error " + std::to_string(s));
      break;
    }
    if (pending.empty() && pos >= bytes.size()) {
      seen.lines.push_back("need more");
      break;
    }
  }
  return seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const size_t step = data[0] % 23 + 1;
  Seen whole = run(bytes, bytes.size() + 1);
  Seen pieces = run(bytes, step);
  if (!(whole == pieces)) std::abort();
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  split_target(bytes, path, query);
  if (path.size() > bytes.size()) std::abort();
  return 0;
}
