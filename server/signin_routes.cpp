// server/signin_routes.cpp — the sign-in endpoints (see signin.hpp).
// Limits (outside bytes): form bodies through read_simple_form (phone <= 64
// characters, code <= 16); the phone must pass core/forms' normalize_phone
// and be a mobile number (SMS cannot reach a landline); the code must be
// exactly 6 ASCII digits. Per client (remote address): Options::signin_rate
// code requests + verifications a minute; per phone: the policy in
// signin_store.hpp. Every refusal is a GeoReport error body; 429s carry
// Retry-After. Answers never say whether a phone has signed in before.
#include <chrono>
#include <iostream>

#include "core/forms/validators.hpp"
#include "core/i18n/messages.hpp"
#include "server/form_fields.hpp"
#include "server/signin.hpp"
#include "server/signin_delivery.hpp"
#include "server/signin_store.hpp"
#include "server/ticket_json.hpp"
#include "server/tickets.hpp"
#include "server/util.hpp"

namespace civic::server {

namespace {

constexpr size_t kMaxMine = 1000;

SigninPolicy policy_of(const Options& o) {
  SigninPolicy p;
  p.code_ttl = o.otp_ttl;
  p.token_ttl = o.token_ttl;
  p.resend_after = o.otp_resend;
  return p;
}

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// One bucket per client for both endpoints; sized from the options once.
std::optional<HttpResponse> client_limited(Context& ctx, const HttpRequest& req) {
  static RateLimiter limiter(ctx.options.signin_rate);
  if (int wait = limiter.take(req.remote_addr, monotonic_seconds()); wait > 0) {
    HttpResponse r = error_response(req, 429, "signin.too_many", {{"seconds", std::to_string(wait)}});
    r.set_header("Retry-After", std::to_string(wait));
    return r;
  }
  return std::nullopt;
}

// 138****8000, +852****89: enough for the resident to recognise the number.
std::string masked(const std::string& phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  size_t head = phone[0] == '+' ? 4 : 3, tail = phone[0] == '+' ? 2 : 4;
  return phone.substr(0, head) + std::string(phone.size() - head - tail, '*') + phone.substr(phone.size() - tail);
}

// The canonical mobile number, or the answer refusing it.
std::optional<HttpResponse> read_phone(const HttpRequest& req, const std::string& raw, std::string& phone) {
  auto n = forms::normalize_phone(raw);
  if (!n) {
    auto params = n.error().params;
    params.emplace("field", "phone");
    return error_response(req, 400, n.error().id, params);
  }
  phone = n.value();
  // Landlines ("0755-12345678") and extensions cannot receive an SMS.
  if (phone.find('-') != std::string::npos || phone.find(' ') != std::string::npos)
    return error_response(req, 400, "signin.phone_not_mobile");
  return std::nullopt;
}

HttpResponse request_code(Context& ctx, const HttpRequest& req, const Captures&) {
  if (auto limited = client_limited(ctx, req)) return *limited;
  SimpleForm f = read_simple_form(req, {{"phone", 64}});
  if (f.error) return *f.error;
  std::string phone;
  if (auto bad = read_phone(req, f.get("phone"), phone)) return *bad;
  const SigninPolicy p = policy_of(ctx.options);
  const bool dev = ctx.options.sms_command.empty();
  IssuedCode c = issue_code(*ctx.db, phone_key(ctx.keys, phone), p, now_seconds(), req.remote_addr, dev);
  if (c.kind == IssuedCode::too_soon) {
    HttpResponse r = error_response(req, 429, "signin.too_soon", {{"seconds", std::to_string(c.retry_after)}});
    r.set_header("Retry-After", std::to_string(c.retry_after));
    return r;
  }
  if (c.kind != IssuedCode::issued) return error_response(req, 500, "server.internal");
  if (dev) {
    // Development delivery: the operator reads the code here or with
    // `civic-server signin-code PHONE`.
    std::cerr << "civic-server: sign-in code for " << masked(phone) << ": " << c.code
              << " (development delivery; --sms-command sends it by SMS)" << std::endl;
  } else if (std::string why = run_sms_command(ctx.options.sms_command, phone, c.code, p.code_ttl,
                                               std::string(lang_tag(req.lang())));
             !why.empty()) {
    withdraw_code(*ctx.db, c.code_id);
    std::cerr << "civic-server: sign-in code for " << masked(phone) << " not sent: " << why << std::endl;
    return error_response(req, 502, "signin.not_sent");
  }
  crypto::wipe(c.code);
  return json_response({{"phone", masked(phone)},
                        {"code_length", kCodeDigits},
                        {"expires_in", p.code_ttl},
                        {"resend_after", p.resend_after},
                        {"max_attempts", p.max_attempts},
                        {"delivery", dev ? "development" : "sms"}},
                       202);
}

bool six_digits(const std::string& s) {
  if (s.size() != static_cast<size_t>(kCodeDigits)) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

HttpResponse verify(Context& ctx, const HttpRequest& req, const Captures&) {
  if (auto limited = client_limited(ctx, req)) return *limited;
  SimpleForm f = read_simple_form(req, {{"phone", 64}, {"code", 16}});
  if (f.error) return *f.error;
  std::string phone;
  if (auto bad = read_phone(req, f.get("phone"), phone)) return *bad;
  if (!six_digits(f.get("code"))) return error_response(req, 400, "signin.code_format");
  // One clock reading: the token's lifetime is counted from it, so expires_in
  // is exactly the policy's TTL even when the commit crosses a second.
  const int64_t now = now_seconds();
  Verified v = verify_code(*ctx.db, phone_key(ctx.keys, phone), f.get("code"), policy_of(ctx.options), now);
  switch (v.kind) {
    case Verified::ok:
      return json_response({{"access_token", v.token},
                            {"token_type", "Bearer"},
                            {"expires_in", v.expires_at - now},
                            {"expires_at", iso8601(v.expires_at)},
                            {"account_id", v.account_id},
                            {"phone", masked(phone)}});
    case Verified::wrong:
      return error_response(req, 401, "signin.code_wrong", {{"attempts_left", std::to_string(v.attempts_left)}});
    case Verified::expired: return error_response(req, 401, "signin.code_expired");
    case Verified::no_code: return error_response(req, 401, "signin.no_code");
    case Verified::locked: return error_response(req, 403, "signin.code_locked");
    case Verified::failed: break;
  }
  return error_response(req, 500, "server.internal");
}

HttpResponse unauthorized(const HttpRequest& req, std::string_view id) {
  HttpResponse r = error_response(req, 401, id);
  r.set_header("WWW-Authenticate", "Bearer realm=\"civic-resident\", error=\"invalid_token\"");
  return r;
}

// The bearer token of the request ("" when there is none).
std::string bearer(const HttpRequest& req) {
  std::string auth = req.header("authorization");
  return auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : std::string();
}

// A valid resident for the request, or the 401 to send.
std::optional<HttpResponse> resident_of(Context& ctx, const HttpRequest& req, Resident& out) {
  std::string token = bearer(req);
  if (token.empty()) return unauthorized(req, "signin.token_missing");
  out = resident_for_token(*ctx.db, token, now_seconds());
  switch (out.state) {
    case Resident::valid: return std::nullopt;
    case Resident::expired: return unauthorized(req, "signin.token_expired");
    case Resident::revoked: return unauthorized(req, "signin.token_revoked");
    case Resident::unknown: break;
  }
  return unauthorized(req, "signin.token_invalid");
}

HttpResponse signout(Context& ctx, const HttpRequest& req, const Captures&) {
  Resident r;
  if (auto refused = resident_of(ctx, req, r)) return *refused;
  if (!revoke_token(*ctx.db, bearer(req), now_seconds())) return unauthorized(req, "signin.token_revoked");
  HttpResponse out;
  out.status = 204;
  out.content_type.clear();
  return out;
}

HttpResponse mine(Context& ctx, const HttpRequest& req, const Captures&) {
  Resident r;
  if (auto refused = resident_of(ctx, req, r)) return *refused;
  TicketFilter f;
  f.account_id = r.account_id;
  f.limit = kMaxMine;
  int64_t now = now_seconds();
  Lang lang = req.lang();
  json out = json::array();
  for (const Ticket& t : list_tickets(*ctx.db, f)) {
    json j = ticket_json(t, ctx.catalogue, lang, now);
    j["token"] = t.token;  // the ticket's own token: rate or reopen it from this device too
    out.push_back(std::move(j));
  }
  return json_response(out);
}

}  // namespace

FilingAccount filing_account(Context& ctx, const HttpRequest& req) {
  FilingAccount out;
  if (!req.headers.count("authorization")) return out;
  Resident r;
  if (auto refused = resident_of(ctx, req, r)) out.refused = std::move(refused);
  else out.account_id = r.account_id;
  return out;
}

void add_signin_routes(Router& r) {
  r.add("POST", "/open311/v2/civic/signin/code.json", request_code);
  r.add("POST", "/open311/v2/civic/signin/verify.json", verify);
  r.add("POST", "/open311/v2/civic/signout.json", signout);
  r.add("GET", "/open311/v2/civic/me/requests.json", mine);
}

}  // namespace civic::server
