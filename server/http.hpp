// server/http.hpp — the transport-neutral request and response that every
// route handler sees. Handlers never touch sockets: the epoll transport
// (http_server.cpp, http_parse.cpp) fills these in and writes them out, so
// it replaced cpp-httplib's thread per connection without changing a route.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n/lang.hpp"

namespace civic::server {

struct HttpRequest {
  std::string method;                                   // GET, POST, ...
  std::string path;                                     // percent-decoded path, no query
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::map<std::string, std::string> headers;           // names lower-cased
  std::string body;
  std::string remote_addr;

  std::string header(std::string_view name) const;      // "" when absent; name lower-case
  bool has_query(std::string_view key) const;
  std::string query_value(std::string_view key) const;  // first value, "" when absent
  // The resident's language: `locale` query parameter, else Accept-Language, else zh-CN.
  Lang lang() const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file_path;   // static files: the transport streams this file instead of body

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

}  // namespace civic::server
