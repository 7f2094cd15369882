// server/signin.hpp — verified sign-in for residents (the Civic "identity"
// extension), routes in signin_routes.cpp, storage in signin_store.cpp:
//   POST /open311/v2/civic/signin/code.json    phone=P            → 202 a code is on its way
//   POST /open311/v2/civic/signin/verify.json  phone=P code=NNNNNN → 200 {access_token, expires_in, account_id}
//   POST /open311/v2/civic/signout.json        Authorization: Bearer T → 204, T revoked
//   GET  /open311/v2/civic/me/requests.json    Authorization: Bearer T → the account's own concerns
// POST /requests.json with a resident's bearer token files the concern under
// the account (anonymous filing, without a token, stays available).
#pragma once
#include <optional>
#include <string>

#include "server/router.hpp"

namespace civic::server {

void add_signin_routes(Router& r);

// For POST /requests.json: no Authorization header → "" (anonymous filing);
// a valid resident token → its account id; any other Authorization → the
// 401 answer to send.
struct FilingAccount {
  std::string account_id;
  std::optional<HttpResponse> refused;
};
FilingAccount filing_account(Context& ctx, const HttpRequest& req);

}  // namespace civic::server
