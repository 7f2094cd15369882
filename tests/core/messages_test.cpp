// tests/core/messages_test.cpp — the catalog is complete and formats right.
#include <doctest/doctest.h>

#include <set>

#include "core/i18n/messages.hpp"

using namespace civic;

TEST_CASE("every message id has both translations and is unique") {
  std::set<std::string_view> seen;
  for (const Message& m : message_catalog()) {
    CAPTURE(m.id);
    CHECK_FALSE(m.id.empty());
    CHECK_FALSE(m.zh_CN.empty());
    CHECK_FALSE(m.en.empty());
    CHECK(seen.insert(m.id).second);
  }
}

TEST_CASE("placeholders appear in both languages") {
  for (const Message& m : message_catalog()) {
    CAPTURE(m.id);
    for (size_t i = m.en.find('{'); i != std::string_view::npos; i = m.en.find('{', i + 1)) {
      auto name = m.en.substr(i, m.en.find('}', i) - i + 1);
      CHECK(m.zh_CN.find(name) != std::string_view::npos);
    }
  }
}

TEST_CASE("format fills parameters") {
  struct Row { const char* name; Lang lang; const char* id; std::map<std::string, std::string> p; std::string want; };
  Row rows[] = {
      {"en with a parameter", Lang::en, "api.http_status", {{"status", "503"}}, "The server answered with an error (HTTP 503)."},
      {"zh with a parameter", Lang::zh_CN, "api.http_status", {{"status", "503"}}, "服务器返回错误（HTTP 503）"},
      {"missing parameter stays visible", Lang::en, "api.http_status", {}, "The server answered with an error (HTTP {status})."},
      {"unknown id shows the id", Lang::en, "no.such.id", {}, "no.such.id"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(format(r.lang, r.id, r.p) == r.want); }
  }
}

TEST_CASE("parse_lang reads tags and Accept-Language") {
  struct Row { const char* in; Lang want; };
  Row rows[] = {{"en", Lang::en}, {"en-GB,en;q=0.9", Lang::en}, {"zh-CN", Lang::zh_CN},
                {"zh-Hans-CN", Lang::zh_CN}, {"fr-FR, en;q=0.5", Lang::en}, {"", Lang::zh_CN},
                {"de", Lang::zh_CN}, {"EN_us", Lang::en}, {" zh ;q=1, en", Lang::zh_CN}};
  for (const auto& r : rows) {
    SUBCASE(r.in) { CHECK(parse_lang(r.in) == r.want); }
  }
}
