// core/api/signin.cpp — see signin.hpp.
#include "core/api/signin.hpp"

#include "core/api/json_read.hpp"
#include "core/api/parse.hpp"
#include "core/text/normalize.hpp"

namespace civic::api {

namespace {

#define CIVIC_TRY_ASSIGN(dst, expr) \
  do {                              \
    auto _r = (expr);               \
    if (!_r) return _r.error();     \
    dst = std::move(_r).value();    \
  } while (0)

Result<std::string> read_url(const json& o, const char* key, std::string_view where) {
  auto s = read_string(o, key, where, true);
  if (!s) return s.error();
  if (!is_http_url(s.value())) return shape_error(std::string(where) + "." + key);
  return s;
}

bool token_ok(const std::string& t) {
  if (t.size() < 16 || t.size() > 512) return false;
  for (unsigned char c : t)
    if (c < 0x21 || c > 0x7e) return false;
  return true;
}

}  // namespace

Result<SigninEndpoints> signin_endpoints(std::string_view capabilities_json) {
  auto j = parse_json(capabilities_json);
  if (!j) return j.error();
  const json& root = j.value();
  const json* s = nullptr;
  if (root.is_object())
    if (auto ext = root.find("extensions"); ext != root.end() && ext->is_object())
      if (auto it = ext->find("signin"); it != ext->end() && it->is_object()) s = &*it;
  if (!s) return make_error("api.signin_unsupported", "no extensions.signin in the capabilities");
  SigninEndpoints e;
  const char* where = "extensions.signin";
  CIVIC_TRY_ASSIGN(e.request_code, read_url(*s, "request_code", where));
  CIVIC_TRY_ASSIGN(e.verify, read_url(*s, "verify", where));
  CIVIC_TRY_ASSIGN(e.signout, read_url(*s, "signout", where));
  CIVIC_TRY_ASSIGN(e.my_requests, read_url(*s, "my_requests", where));
  CIVIC_TRY_ASSIGN(e.code_length, read_int(*s, "code_length", where, 6));
  if (e.code_length < 4 || e.code_length > 10) return shape_error("extensions.signin.code_length");
  return e;
}

Params signin_code_form(std::string_view phone) { return {{"phone", std::string(phone)}}; }
Params signin_verify_form(std::string_view phone, std::string_view code) {
  return {{"phone", std::string(phone)}, {"code", std::string(code)}};
}
std::string bearer_header(std::string_view token) { return "Bearer " + std::string(token); }

Result<std::string> normalize_signin_code(std::string_view typed, int length) {
  if (typed.size() > 64) return make_error("signin.code_format", "longer than 64 bytes");
  std::string folded = text::fullwidth_to_ascii(typed);
  std::string digits;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '-') continue;
    if (c < '0' || c > '9') return make_error("signin.code_format", "not a digit");
    digits += c;
  }
  if (static_cast<int>(digits.size()) != length) return make_error("signin.code_format", "wrong length");
  return digits;
}

Result<SigninChallenge> parse_signin_challenge(std::string_view body) {
  auto j = parse_json(body);
  if (!j) return j.error();
  const json& o = j.value();
  const char* where = "signin";
  if (!o.is_object()) return shape_error(where);
  SigninChallenge c;
  CIVIC_TRY_ASSIGN(c.phone, read_string(o, "phone", where));
  CIVIC_TRY_ASSIGN(c.code_length, read_int(o, "code_length", where, 6));
  CIVIC_TRY_ASSIGN(c.expires_in, read_int(o, "expires_in", where, 0));
  CIVIC_TRY_ASSIGN(c.resend_after, read_int(o, "resend_after", where, 0));
  CIVIC_TRY_ASSIGN(c.max_attempts, read_int(o, "max_attempts", where, 0));
  CIVIC_TRY_ASSIGN(c.delivery, read_string(o, "delivery", where));
  if (c.code_length < 4 || c.code_length > 10) return shape_error("signin.code_length");
  if (c.expires_in < 0 || c.resend_after < 0 || c.max_attempts < 0) return shape_error("signin.expires_in");
  return c;
}

Result<SigninSession> parse_signin_session(std::string_view body) {
  auto j = parse_json(body);
  if (!j) return j.error();
  const json& o = j.value();
  const char* where = "signin";
  if (!o.is_object()) return shape_error(where);
  SigninSession s;
  CIVIC_TRY_ASSIGN(s.access_token, read_string(o, "access_token", where, true));
  CIVIC_TRY_ASSIGN(s.token_type, read_string(o, "token_type", where));
  CIVIC_TRY_ASSIGN(s.expires_in, read_int(o, "expires_in", where, 0));
  CIVIC_TRY_ASSIGN(s.account_id, read_id(o, "account_id", where));
  CIVIC_TRY_ASSIGN(s.phone, read_string(o, "phone", where));
  if (!token_ok(s.access_token)) return shape_error("signin.access_token");
  if (!s.token_type.empty() && s.token_type != "Bearer" && s.token_type != "bearer")
    return shape_error("signin.token_type");
  if (s.expires_in < 0) return shape_error("signin.expires_in");
  return s;
}

Error signin_error(int status, std::string_view body) {
  auto j = parse_json(body);
  if (j && j.value().is_array() && !j.value().empty() && j.value()[0].is_object()) {
    const json& first = j.value()[0];
    auto id = read_string(first, "message_id", "error");
    if (id && (id.value().rfind("signin.", 0) == 0 || id.value().rfind("forms.", 0) == 0)) {
      std::map<std::string, std::string> params;
      if (auto p = first.find("params"); p != first.end() && p->is_object())
        for (auto it = p->begin(); it != p->end(); ++it)
          if (it.value().is_string() && it.value().get_ref<const std::string&>().size() <= 256)
            params[it.key()] = it.value().get_ref<const std::string&>();
      return make_error(id.value(), "HTTP " + std::to_string(status), params);
    }
  }
  return error_from_reply(status, body);
}

}  // namespace civic::api
