// server/http.cpp — see http.hpp.
#include "server/http.hpp"

namespace civic::server {

std::string HttpRequest::header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? std::string() : it->second;
}

bool HttpRequest::has_query(std::string_view key) const {
  for (const auto& [k, v] : query)
    if (k == key) return true;
  return false;
}

std::string HttpRequest::query_value(std::string_view key) const {
  for (const auto& [k, v] : query)
    if (k == key) return v;
  return {};
}

Lang HttpRequest::lang() const {
  std::string locale = query_value("locale");
  if (!locale.empty()) return parse_lang(locale);
  return parse_lang(header("accept-language"));
}

}  // namespace civic::server
