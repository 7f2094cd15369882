// tests/core/api_signin_test.cpp — core/api/signin: endpoints from the
// capabilities, the server's answers read strictly (types) and liberally
// (unknown fields), refusals as typed errors in the client's own words, and
// the code as a resident types it. Fixtures: api/examples (the contract).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/api/signin.hpp"

using namespace civic;

namespace {
std::string example(const std::string& name) {
  std::ifstream f(std::string(CIVIC_SOURCE_DIR) + "/api/examples/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("signin endpoints come from the capabilities document") {
  auto ep = api::signin_endpoints(example("capabilities.json"));
  REQUIRE(ep);
  CHECK(ep->request_code.ends_with("/civic/signin/code.json"));
  CHECK(ep->verify.ends_with("/civic/signin/verify.json"));
  CHECK(ep->signout.ends_with("/civic/signout.json"));
  CHECK(ep->my_requests.ends_with("/civic/me/requests.json"));
  CHECK(ep->code_length == 6);

  struct Row { const char* name; const char* doc; const char* error; };
  const Row rows[] = {
      {"a server without the extension", R"({"extensions":{"rating":{}}})", "api.signin_unsupported"},
      {"no extensions at all", R"({"version":1})", "api.signin_unsupported"},
      {"a URL that is not http(s)", R"j({"extensions":{"signin":{"request_code":"javascript:alert(1)","verify":"http://h/v","signout":"http://h/s","my_requests":"http://h/m"}}})j", "api.bad_shape"},
      {"a URL of the wrong kind", R"({"extensions":{"signin":{"request_code":5,"verify":"http://h/v","signout":"http://h/s","my_requests":"http://h/m"}}})", "api.bad_shape"},
      {"an absurd code length", R"({"extensions":{"signin":{"request_code":"http://h/c","verify":"http://h/v","signout":"http://h/s","my_requests":"http://h/m","code_length":1000}}})", "api.bad_shape"},
      {"not JSON", "<html>", "api.bad_json"},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      auto e = api::signin_endpoints(r.doc);
      REQUIRE(!e);
      CHECK(e.error().id == r.error);
    }
  }
}

TEST_CASE("signin answers are read strictly and tolerate unknown fields") {
  auto c = api::parse_signin_challenge(example("signin_code.json"));
  REQUIRE(c);
  CHECK(c->phone == "138****8000");
  CHECK(c->expires_in == 300);
  CHECK(c->code_length == 6);
  auto s = api::parse_signin_session(example("signin_token.json"));
  REQUIRE(s);
  CHECK(s->access_token.starts_with("crt_"));
  CHECK(s->expires_in == 1800);
  CHECK(s->account_id.starts_with("acct_"));
  CHECK(api::parse_signin_session(R"({"access_token":"crt_0123456789abcdef","expires_in":60,"future":{"x":[1]}})"));

  struct Row { const char* name; const char* body; };
  const Row bad[] = {
      {"token missing", R"({"expires_in":60})"},
      {"token of the wrong kind", R"({"access_token":12345678901234567,"expires_in":60})"},
      {"token with a header-splitting newline", "{\"access_token\":\"crt_0123456789abcdef\\r\\nX: y\",\"expires_in\":60}"},
      {"token too short", R"({"access_token":"abc","expires_in":60})"},
      {"another token type", R"({"access_token":"crt_0123456789abcdef","token_type":"MAC"})"},
      {"negative lifetime", R"({"access_token":"crt_0123456789abcdef","expires_in":-5})"},
      {"expires_in as text", R"({"access_token":"crt_0123456789abcdef","expires_in":"soon"})"},
      {"an array", R"([1,2])"},
  };
  for (const Row& r : bad) {
    SUBCASE(r.name) { CHECK(!api::parse_signin_session(r.body)); }
  }
}

TEST_CASE("signin refusals keep the server's message id so the client says it in its own words") {
  struct Row { const char* name; int status; const char* body; const char* id; const char* param; const char* value; };
  const Row rows[] = {
      {"wrong code with attempts left", 401,
       R"([{"code":401,"description":"…","message_id":"signin.code_wrong","params":{"attempts_left":"3"}}])",
       "signin.code_wrong", "attempts_left", "3"},
      {"invalid phone (forms verdict)", 400, R"([{"code":400,"description":"…","message_id":"forms.phone_invalid"}])",
       "forms.phone_invalid", "", ""},
      {"an unknown id falls back to the server's description", 500,
       R"([{"code":500,"description":"boom","message_id":"server.internal"}])", "api.server_error", "", ""},
      {"no body falls back to the status", 502, "", "api.http_status", "status", "502"},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      Error e = api::signin_error(r.status, r.body);
      CHECK(e.id == r.id);
      if (*r.param) CHECK(e.params[r.param] == r.value);
    }
  }
}

TEST_CASE("the code as a resident types it") {
  struct Row { const char* name; const char* typed; const char* want; };
  const Row rows[] = {
      {"six digits", "123456", "123456"},
      {"spaces and a dash", " 123 - 456 ", "123456"},
      {"full-width digits from a Chinese keyboard", "１２３４５６", "123456"},
      {"five digits", "12345", ""},
      {"seven digits", "1234567", ""},
      {"a letter", "12345a", ""},
      {"empty", "", ""},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      auto c = api::normalize_signin_code(r.typed);
      if (*r.want) {
        REQUIRE(c);
        CHECK(c.value() == r.want);
      } else {
        REQUIRE(!c);
        CHECK(c.error().id == "signin.code_format");
      }
    }
  }
}
