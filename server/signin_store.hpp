// server/signin_store.hpp — verified sign-in with one-time codes, in SQLite
// (migrations/004_signin.sql). Pure storage and policy: no HTTP here.
//
// A code is 6 random digits (libsodium), bound to the phone by hashing
// "phone_key:code" (core/crypto token_hash); only the digest is stored. The
// latest code of a phone is the only one that counts (a new code supersedes
// older ones); it dies when it expires, when it is used once, or after
// max_attempts wrong guesses (locked). A verified code yields a bearer token
// ("crt_" + 64 hex) stored only as its digest, good for token_ttl seconds
// unless revoked by sign-out.
// Limits: tokens and codes longer than 200 bytes are unknown without a
// database lookup; at most codes_per_hour codes per phone per hour and one
// per resend_after seconds (too_soon, with the seconds to wait).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "server/db.hpp"
#include "server/keys.hpp"

namespace civic::server {

struct SigninPolicy {
  int code_ttl = 300;        // seconds a code is good for
  int token_ttl = 1800;      // seconds a bearer token is good for
  int resend_after = 60;     // seconds between two codes for one phone
  int codes_per_hour = 5;    // codes per phone per rolling hour
  int max_attempts = 5;      // wrong guesses before the code is locked
};

inline constexpr int kCodeDigits = 6;

// Keyed BLAKE2b of a canonical phone number, in hex: the only form in which
// a phone is stored. The key is derived from the server's signing key, so
// the digests of the ~10^10 mobile numbers cannot be precomputed.
std::string phone_key(const ServerKeys& keys, const std::string& canonical_phone);
// The account a phone signs in to: "acct_" + 24 hex digits of phone_key.
std::string account_for(const std::string& phone_key);

struct IssuedCode {
  enum Kind { issued, too_soon, failed } kind = failed;
  std::string code;          // issued: the 6 digits (for delivery only)
  int64_t code_id = 0;
  int retry_after = 0;       // too_soon: seconds to wait
};
IssuedCode issue_code(Db& db, const std::string& phone_key, const SigninPolicy& p, int64_t now,
                      const std::string& client, bool keep_dev_code);
// Delivery failed: the code is withdrawn (superseded) so it can never be used.
void withdraw_code(Db& db, int64_t code_id);

struct Verified {
  enum Kind { ok, wrong, expired, locked, no_code, failed } kind = failed;
  int attempts_left = 0;     // wrong
  std::string token;         // ok: shown once
  std::string account_id;    // ok
  int64_t expires_at = 0;    // ok
};
Verified verify_code(Db& db, const std::string& phone_key, const std::string& code, const SigninPolicy& p,
                     int64_t now);

struct Resident {
  enum State { valid, unknown, expired, revoked } state = unknown;
  std::string account_id;
  int64_t expires_at = 0;
};
Resident resident_for_token(Db& db, const std::string& token, int64_t now);
// Revokes a valid token; false when it is unknown, expired or already revoked.
bool revoke_token(Db& db, const std::string& token, int64_t now);

// Development delivery: the latest pending, unexpired code kept in clear
// (only when no SMS command is configured), or nullopt.
std::optional<std::string> pending_dev_code(Db& db, const std::string& phone_key, int64_t now);

}  // namespace civic::server
