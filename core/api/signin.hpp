// core/api/signin.hpp — the client's side of verified sign-in (the Civic
// `signin` extension, api/openapi.yaml /civic/signin/*): where to go, what to
// send, and what the answers mean. Shared by the CLI, the kiosk and the web
// app; no I/O here.
//
// Limits (outside bytes): every body through parse_json (8 MiB, JSON without
// exceptions); strings at most 64 KiB (json_read.hpp); an access token must
// be 16-512 visible ASCII characters without spaces (it goes into an
// Authorization header); URLs must be http(s). Unknown fields are ignored, a
// known field of the wrong kind is api.bad_shape naming it.
#pragma once
#include <string>
#include <string_view>

#include "core/api/url.hpp"
#include "core/result.hpp"

namespace civic::api {

// extensions.signin of the capabilities document.
struct SigninEndpoints {
  std::string request_code;   // POST phone=P
  std::string verify;         // POST phone=P code=NNNNNN
  std::string signout;        // POST, Authorization: Bearer
  std::string my_requests;    // GET,  Authorization: Bearer
  int code_length = 6;
};

// POST request_code → 202.
struct SigninChallenge {
  std::string phone;          // masked by the server: 138****8000
  int code_length = 6;
  int expires_in = 0;         // seconds
  int resend_after = 0;
  int max_attempts = 0;
  std::string delivery;       // "sms" | "development"
};

// POST verify → 200.
struct SigninSession {
  std::string access_token;
  std::string token_type;     // "Bearer"
  int expires_in = 0;         // seconds from now
  std::string account_id;
  std::string phone;          // masked
};

// api.signin_unsupported when the server does not offer sign-in (a plain
// GeoReport v2 server, or no `signin` entry): filing stays anonymous.
Result<SigninEndpoints> signin_endpoints(std::string_view capabilities_json);

Params signin_code_form(std::string_view phone);
Params signin_verify_form(std::string_view phone, std::string_view code);
// "Bearer <token>".
std::string bearer_header(std::string_view access_token);

// The code as typed: full-width digits and spaces folded, then exactly
// `length` ASCII digits, else signin.code_format.
Result<std::string> normalize_signin_code(std::string_view typed, int length = 6);

Result<SigninChallenge> parse_signin_challenge(std::string_view body);
Result<SigninSession> parse_signin_session(std::string_view body);

// A refusal from a sign-in endpoint (or from a request made with the token)
// as the resident should see it: the server's own message id when it is one
// the client knows (signin.*, forms.*) with its params, so the text is in
// the client's language; else error_from_reply's generic one.
Error signin_error(int status, std::string_view body);

}  // namespace civic::api
