// tests/core/api_parse_test.cpp — GeoReport replies as real servers send them.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/api/parse.hpp"
#include "core/api/url.hpp"

using namespace civic;
using namespace civic::api;

namespace {
std::string fixture(const std::string& name) {
  std::ifstream f(std::string(CIVIC_SOURCE_DIR) + "/api/examples/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("services fixture parses, ids as numbers or strings") {
  auto r = parse_services(fixture("services.json"));
  REQUIRE(r.ok());
  REQUIRE(r->size() >= 3);
  CHECK((*r)[0].code == "noise-night");
  CHECK((*r)[0].metadata);
  CHECK((*r)[0].keywords.size() == 3);
  CHECK((*r)[2].code == "42");
  CHECK_FALSE((*r)[2].metadata);
  CHECK((*r)[2].keywords.size() == 2);
}

TEST_CASE("services: malformed replies become typed errors") {
  struct Row { const char* name; const char* body; const char* id; };
  Row rows[] = {
      {"empty body", "", "api.bad_json"},
      {"html error page", "<html>502</html>", "api.bad_json"},
      {"object without list", "{\"x\":1}", "api.bad_shape"},
      {"code of wrong kind", "[{\"service_code\":[1]}]", "api.bad_shape"},
      {"code missing", "[{\"service_name\":\"a\"}]", "api.bad_shape"},
      {"entry not an object", "[1,2]", "api.bad_shape"},
      {"name of wrong kind", "[{\"service_code\":\"a\",\"service_name\":5}]", "api.bad_shape"},
      {"metadata nonsense", "[{\"service_code\":\"a\",\"metadata\":\"maybe\"}]", "api.bad_shape"},
      {"fractional id", "[{\"service_code\":1.5}]", "api.bad_shape"},
  };
  for (const auto& row : rows) {
    SUBCASE(row.name) {
      auto r = parse_services(row.body);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().id == row.id);
    }
  }
}

TEST_CASE("services: tolerated deviations") {
  SUBCASE("wrapped in an object") {
    auto r = parse_services(R"({"services":[{"service_code":"a"}]})");
    REQUIRE(r.ok());
    CHECK((*r)[0].name == "a");
  }
  SUBCASE("id 0 is valid") {
    auto r = parse_services(R"([{"service_code":0,"unknown":{"x":1}}])");
    REQUIRE(r.ok());
    CHECK((*r)[0].code == "0");
  }
  SUBCASE("null fields are absent") {
    auto r = parse_services(R"([{"service_code":"a","description":null,"group":null}])");
    REQUIRE(r.ok());
    CHECK((*r)[0].group.empty());
  }
}

TEST_CASE("service definition: booleans as strings, attributes ordered") {
  auto r = parse_service_definition(R"({"service_code":"x","attributes":[
    {"variable":"true","code":"b","datatype":"singlevaluelist","required":"false","order":2,
     "values":[{"key":1,"name":"One"},{"key":"2","name":"Two"}]},
    {"variable":false,"code":"a","datatype":"text","required":true,"order":"1","description":"Note"}]})");
  REQUIRE(r.ok());
  REQUIRE(r->attributes.size() == 2);
  CHECK(r->attributes[0].code == "a");
  CHECK_FALSE(r->attributes[0].variable);
  CHECK(r->attributes[1].datatype == Datatype::singlevaluelist);
  CHECK(r->attributes[1].values[0].key == "1");
  CHECK_FALSE(r->attributes[1].required);
}

TEST_CASE("service definition: unknown datatype is an error naming the attribute") {
  auto r = parse_service_definition(R"({"service_code":"x","attributes":[{"code":"a","datatype":"blob"}]})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().params.at("field") == "attributes[0].datatype");
}

TEST_CASE("errors: GeoReport error bodies explain a failure") {
  auto e = error_from_reply(400, R"([{"code":400,"description":"service_code not found"}])");
  CHECK(e.id == "api.server_error");
  CHECK(e.params.at("description") == "service_code not found");
  CHECK(error_from_reply(502, "<html>").id == "api.http_status");
}

TEST_CASE("form encoding is strict and round-trips") {
  Params p = {{"attribute[noise_type][]", "机械 施工"}, {"description", "a&b=c+d%"}};
  std::string body = form_encode(p);
  CHECK(body.find("attribute%5Bnoise_type%5D%5B%5D=") == 0);
  CHECK(body.find("+") != std::string::npos);
  bool ok = false;
  CHECK(form_decode(body, &ok) == p);
  CHECK(ok);
  form_decode("a=%zz", &ok);
  CHECK_FALSE(ok);
}

TEST_CASE("urls are built from any endpoint base") {
  CHECK(services_url("http://h/open311/v2", Lang::en) == "http://h/open311/v2/services.json?locale=en");
  CHECK(requests_url("http://h/v2/", {"1", "2"}, Lang::zh_CN) ==
        "http://h/v2/requests.json?service_request_id=1%2C2&locale=zh-CN");
  CHECK(is_http_url("https://x.gov/a"));
  CHECK_FALSE(is_http_url("ftp://x"));
  CHECK_FALSE(is_http_url("http:///x"));
}
