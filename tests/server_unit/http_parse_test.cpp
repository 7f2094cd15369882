// tests/server_unit/http_parse_test.cpp — the transport's HTTP/1.1 request
// parser: every row is fed whole and split at every byte boundary (the split
// must never change the verdict), then the limits, the smuggling vectors and
// pipelining.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "server/http_parse.hpp"

using namespace civic::server::http;

namespace {

struct Outcome {
  State state = State::need_more;
  int status = 0;
  size_t used = 0;
  Request req;
};

Outcome feed_all(std::string_view bytes, size_t max_body) {
  RequestParser p(max_body);
  Outcome o;
  o.used = p.feed(bytes);
  o.state = p.state();
  o.status = p.error_status();
  o.req = p.request();
  return o;
}

// The same bytes in two pieces split at `cut`.
Outcome feed_split(std::string_view bytes, size_t cut, size_t max_body) {
  RequestParser p(max_body);
  Outcome o;
  o.used = p.feed(bytes.substr(0, cut));
  if (p.state() == State::need_more) o.used += p.feed(bytes.substr(cut));
  o.state = p.state();
  o.status = p.error_status();
  o.req = p.request();
  return o;
}

struct Row {
  const char* name;
  std::string bytes;
  State state;
  int status;            // when error
  std::string body;      // when done
  bool keep_alive = true;
};

}  // namespace

TEST_CASE("http_parse: verdicts, whole and split at every byte") {
  const size_t cap = 64;
  std::vector<Row> rows = {
      {"plain GET", "GET /a?b=1 HTTP/1.1\r\nHost: x\r\n\r\n", State::done, 0, ""},
      {"POST with Content-Length", "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", State::done, 0,
       "hello"},
      {"chunked body with extension and trailer",
       "POST /p HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n",
       State::done, 0, "abcde"},
      {"Transfer-Encoding value is case-insensitive",
       "POST /p HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n", State::done, 0, ""},
      {"leading empty line is skipped", "\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", State::done, 0, ""},
      {"HTTP/1.0 closes by default", "GET / HTTP/1.0\r\n\r\n", State::done, 0, "", false},
      {"Connection: close", "GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n", State::done, 0, "",
       false},
      {"incomplete head waits", "GET / HTTP/1.1\r\nHost: x\r\n", State::need_more, 0, ""},
      {"incomplete body waits", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\nabc", State::need_more, 0, ""},
      {"absolute-form target", "GET http://example.org/a?b HTTP/1.1\r\nHost: example.org\r\n\r\n", State::done, 0, ""},
      // Smuggling vectors.
      {"both Content-Length and Transfer-Encoding",
       "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", State::error,
       400, ""},
      {"duplicate equal Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\na",
       State::error, 400, ""},
      {"Content-Length list", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1, 1\r\n\r\na", State::error, 400, ""},
      {"signed Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\na", State::error, 400, ""},
      {"two Transfer-Encoding fields",
       "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       State::error, 400, ""},
      {"coding other than chunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
       State::error, 501, ""},
      {"chunked on HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", State::error, 400, ""},
      {"space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", State::error, 400, ""},
      {"obs-fold continuation", "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n", State::error, 400, ""},
      {"bare LF line end", "GET / HTTP/1.1\nHost: x\n\n", State::error, 400, ""},
      {"bare CR inside a value", "GET / HTTP/1.1\r\nHost: x\rX: y\r\n\r\n", State::error, 400, ""},
      {"NUL in a value", std::string("GET / HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n", 35), State::error, 400, ""},
      {"missing Host on HTTP/1.1", "GET / HTTP/1.1\r\n\r\n", State::error, 400, ""},
      {"two Host fields", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", State::error, 400, ""},
      {"space in target", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", State::error, 400, ""},
      {"HTTP/2.0 version", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", State::error, 505, ""},
      {"lower-case version", "GET / http/1.1\r\nHost: x\r\n\r\n", State::error, 400, ""},
      // Chunk framing.
      {"chunk size not hex", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", State::error,
       400, ""},
      {"chunk size with junk after it", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3 x\r\nabc\r\n",
       State::error, 400, ""},
      {"chunk longer than its size",
       "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", State::error, 400, ""},
      {"chunk size of 17 hex digits",
       "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n", State::error, 400, ""},
      // Body caps.
      {"Content-Length above the cap", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 65\r\n\r\n", State::error, 413,
       ""},
      {"chunks summing above the cap",
       "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n" + std::string(32, 'a') + "\r\n21\r\n",
       State::error, 413, ""},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      Outcome whole = feed_all(row.bytes, cap);
      CHECK(whole.state == row.state);
      if (row.state == State::error) CHECK(whole.status == row.status);
      if (row.state == State::done) {
        CHECK(whole.req.body == row.body);
        CHECK(whole.req.keep_alive == row.keep_alive);
        CHECK(whole.used == row.bytes.size());
      }
      for (size_t cut = 0; cut <= row.bytes.size(); ++cut) {
        Outcome split = feed_split(row.bytes, cut, cap);
        CHECK_MESSAGE(split.state == whole.state, "split at ", cut);
        CHECK_MESSAGE(split.status == whole.status, "split at ", cut);
        CHECK_MESSAGE(split.req.body == whole.req.body, "split at ", cut);
      }
    }
  }
}

TEST_CASE("http_parse: header limits") {
  SUBCASE("request line above 8 KiB is 414") {
    Outcome o = feed_all("GET /" + std::string(kMaxRequestLine, 'a') + " HTTP/1.1\r\n", 1024);
    CHECK(o.state == State::error);
    CHECK(o.status == 414);
  }
  SUBCASE("header section above 16 KiB is 431, without waiting for its end") {
    std::string head = "GET / HTTP/1.1\r\nHost: x\r\n";
    while (head.size() <= kMaxHeaderBytes) head += "X-Pad: " + std::string(1000, 'p') + "\r\n";
    Outcome o = feed_all(head, 1024);
    CHECK(o.state == State::error);
    CHECK(o.status == 431);
    CHECK(o.used <= kMaxHeaderBytes + 1);
  }
  SUBCASE("more than 100 fields is 431") {
    std::string head = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (size_t i = 0; i < kMaxHeaderFields; ++i) head += "X: 1\r\n";
    Outcome o = feed_all(head + "\r\n", 1024);
    CHECK(o.state == State::error);
    CHECK(o.status == 431);
  }
  SUBCASE("413 is known from the head alone, before any body byte") {
    RequestParser p(10);
    p.feed("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n");
    CHECK(p.state() == State::error);
    CHECK(p.error_status() == 413);
  }
  SUBCASE("Expect: 100-continue is seen once the head is complete") {
    RequestParser p(10);
    p.feed("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n");
    CHECK(p.headers_complete());
    CHECK(p.state() == State::need_more);
    CHECK(p.request().expect_continue);
  }
}

TEST_CASE("http_parse: pipelined requests stay apart") {
  std::string two = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\nHost: x\r\n\r\n";
  SUBCASE("the first feed stops at the end of the first request") {
    RequestParser p(100);
    size_t used = p.feed(two);
    REQUIRE(p.state() == State::done);
    CHECK(p.request().target == "/a");
    CHECK(p.request().body == "abc");
    CHECK(p.feed("more") == 0);  // nothing is used until reset()
    p.reset();
    CHECK(p.feed(std::string_view(two).substr(used)) == two.size() - used);
    CHECK(p.state() == State::done);
    CHECK(p.request().target == "/b");
    CHECK(p.request().method == "GET");
  }
  SUBCASE("a smuggled request inside a chunked body stays body") {
    std::string inner = "GET /admin HTTP/1.1\r\nHost: x\r\n\r\n";
    char size[16];
    std::snprintf(size, sizeof size, "%zx", inner.size());
    std::string req = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + std::string(size) + "\r\n" +
                      inner + "\r\n0\r\n\r\n";
    RequestParser p(1000);
    CHECK(p.feed(req) == req.size());
    CHECK(p.state() == State::done);
    CHECK(p.request().body == inner);
  }
}

TEST_CASE("http_parse: targets") {
  struct T {
    const char* name;
    const char* target;
    const char* path;
    std::vector<std::pair<std::string, std::string>> query;
  };
  std::vector<T> rows = {
      {"plain path", "/open311/v2/requests.json", "/open311/v2/requests.json", {}},
      {"percent-decoded path keeps plus", "/a%20b+c", "/a b+c", {}},
      {"query pairs in order, plus is space", "/r?a=1&b=x+y&a=%E4%B8%AD", "/r", {{"a", "1"}, {"b", "x y"}, {"a", "中"}}},
      {"key without value and empty pairs", "/r?flag&&x=", "/r", {{"flag", ""}, {"x", ""}}},
      {"invalid escape kept as written", "/a%zz?q=%4", "/a%zz", {{"q", "%4"}}},
  };
  for (const T& row : rows) {
    SUBCASE(row.name) {
      std::string path;
      std::vector<std::pair<std::string, std::string>> query;
      split_target(row.target, path, query);
      CHECK(path == row.path);
      CHECK(query == row.query);
    }
  }
}
