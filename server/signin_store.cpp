// server/signin_store.cpp — see signin_store.hpp.
#include "server/signin_store.hpp"

#include <sodium.h>

#include <cstdio>

#include "core/crypto/encoding.hpp"
#include "core/crypto/hash.hpp"
#include "server/util.hpp"

namespace civic::server {

namespace {

constexpr size_t kMaxSecretText = 200;

std::string digest(const std::string& text) { return crypto::to_hex(crypto::token_hash(text)); }
std::string code_digest(const std::string& phone_key, const std::string& code) {
  return digest(phone_key + ":" + code);
}

std::string random_code() {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%06u", static_cast<unsigned>(randombytes_uniform(1000000)));
  return buf;
}

}  // namespace

std::string phone_key(const ServerKeys& keys, const std::string& phone) {
  // key = BLAKE2b-256(personal "civic-phone-v1", Ed25519 seed): one-way, so
  // the signing key cannot be recovered from it, and stable across restarts.
  crypto::Hash32 k = crypto::blake2b_256_for("civic-phone-v1", crypto::ByteView(keys.sign.secret_key.data(), 32));
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(phone.data()), phone.size(), k.data(),
                     k.size());
  sodium_memzero(k.data(), k.size());
  return to_hex(out, sizeof out);
}

std::string account_for(const std::string& phone_key) { return "acct_" + phone_key.substr(0, 24); }

IssuedCode issue_code(Db& db, const std::string& pk, const SigninPolicy& p, int64_t now, const std::string& client,
                      bool keep_dev_code) {
  IssuedCode out;
  auto guard = db.lock();
  Transaction tx(db);
  {
    // One code per resend_after, codes_per_hour per rolling hour.
    Stmt s(db.handle(),
           "SELECT MAX(created_at), MIN(created_at), COUNT(*) FROM signin_codes "
           "WHERE phone_key = ? AND created_at > ?");
    s.bind(1, pk).bind(2, now - 3600);
    if (s.step() && s.integer(2) > 0) {
      int64_t latest = s.integer(0), oldest = s.integer(1), count = s.integer(2);
      int64_t wait = 0;
      if (p.resend_after > 0 && latest + p.resend_after > now) wait = latest + p.resend_after - now;
      if (count >= p.codes_per_hour) wait = std::max(wait, oldest + 3600 - now);
      if (wait > 0) {
        out.kind = IssuedCode::too_soon;
        out.retry_after = static_cast<int>(wait);
        return out;
      }
    }
  }
  Stmt old(db.handle(), "UPDATE signin_codes SET state = 'superseded', dev_code = NULL WHERE phone_key = ? AND state = 'pending'");
  old.bind(1, pk);
  old.step();
  if (!old.done_ok()) return out;
  std::string code = random_code();
  Stmt ins(db.handle(),
           "INSERT INTO signin_codes (phone_key, code_hash, created_at, expires_at, client, dev_code) "
           "VALUES (?, ?, ?, ?, ?, ?)");
  ins.bind(1, pk).bind(2, code_digest(pk, code)).bind(3, now).bind(4, now + p.code_ttl).bind(5, client.substr(0, 64));
  if (keep_dev_code) ins.bind(6, code);
  else ins.bind_null(6);
  ins.step();
  if (!ins.done_ok() || !tx.commit()) return out;
  out.kind = IssuedCode::issued;
  out.code = code;
  out.code_id = sqlite3_last_insert_rowid(db.handle());
  return out;
}

void withdraw_code(Db& db, int64_t code_id) {
  auto guard = db.lock();
  Stmt s(db.handle(), "UPDATE signin_codes SET state = 'superseded', dev_code = NULL WHERE id = ?");
  s.bind(1, code_id);
  s.step();
}

Verified verify_code(Db& db, const std::string& pk, const std::string& code, const SigninPolicy& p, int64_t now) {
  Verified out;
  auto guard = db.lock();
  Transaction tx(db);
  Stmt s(db.handle(),
         "SELECT id, code_hash, expires_at, attempts, state FROM signin_codes WHERE phone_key = ? "
         "ORDER BY id DESC LIMIT 1");
  s.bind(1, pk);
  if (!s.step()) {
    out.kind = s.done_ok() ? Verified::no_code : Verified::failed;
    return out;
  }
  const int64_t id = s.integer(0);
  const std::string stored = s.text(1);
  const int64_t expires_at = s.integer(2);
  const int attempts = static_cast<int>(s.integer(3));
  const std::string state = s.text(4);
  if (state == "locked") {
    out.kind = Verified::locked;
    return out;
  }
  if (state != "pending") {
    out.kind = Verified::no_code;
    return out;
  }
  if (now >= expires_at) {
    out.kind = Verified::expired;
    return out;
  }
  const std::string got = code_digest(pk, code);
  const bool match = code.size() <= kMaxSecretText && got.size() == stored.size() &&
                     sodium_memcmp(got.data(), stored.data(), got.size()) == 0;
  if (!match) {
    const int used = attempts + 1;
    const bool lock = used >= p.max_attempts;
    Stmt u(db.handle(), lock ? "UPDATE signin_codes SET attempts = ?, state = 'locked', dev_code = NULL WHERE id = ?"
                             : "UPDATE signin_codes SET attempts = ? WHERE id = ?");
    u.bind(1, int64_t{used}).bind(2, id);
    u.step();
    if (!u.done_ok() || !tx.commit()) return out;
    out.kind = lock ? Verified::locked : Verified::wrong;
    out.attempts_left = lock ? 0 : p.max_attempts - used;
    return out;
  }
  Stmt u(db.handle(), "UPDATE signin_codes SET state = 'used', dev_code = NULL WHERE id = ?");
  u.bind(1, id);
  u.step();
  std::string token = "crt_" + random_token(32);
  Stmt t(db.handle(), "INSERT INTO resident_tokens (hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)");
  t.bind(1, digest(token)).bind(2, account_for(pk)).bind(3, now).bind(4, now + p.token_ttl);
  t.step();
  if (!u.done_ok() || !t.done_ok() || !tx.commit()) return out;
  out.kind = Verified::ok;
  out.token = std::move(token);
  out.account_id = account_for(pk);
  out.expires_at = now + p.token_ttl;
  return out;
}

Resident resident_for_token(Db& db, const std::string& token, int64_t now) {
  Resident r;
  if (token.empty() || token.size() > kMaxSecretText) return r;
  auto guard = db.lock();
  Stmt s(db.handle(), "SELECT account_id, expires_at, revoked_at FROM resident_tokens WHERE hash = ?");
  s.bind(1, digest(token));
  if (!s.step()) return r;
  r.account_id = s.text(0);
  r.expires_at = s.integer(1);
  r.state = !s.is_null(2) ? Resident::revoked : now >= r.expires_at ? Resident::expired : Resident::valid;
  return r;
}

bool revoke_token(Db& db, const std::string& token, int64_t now) {
  if (token.empty() || token.size() > kMaxSecretText) return false;
  auto guard = db.lock();
  Stmt s(db.handle(), "UPDATE resident_tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL AND expires_at > ?");
  s.bind(1, now).bind(2, digest(token)).bind(3, now);
  s.step();
  return s.done_ok() && sqlite3_changes(db.handle()) == 1;
}

std::optional<std::string> pending_dev_code(Db& db, const std::string& pk, int64_t now) {
  auto guard = db.lock();
  Stmt s(db.handle(),
         "SELECT dev_code FROM signin_codes WHERE phone_key = ? AND state = 'pending' AND expires_at > ? "
         "AND dev_code IS NOT NULL ORDER BY id DESC LIMIT 1");
  s.bind(1, pk).bind(2, now);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

}  // namespace civic::server
