// server/security_audit.cpp — see security_audit.hpp.
#include "server/security_audit.hpp"

#include <iostream>

#include "core/crypto/encoding.hpp"
#include "core/crypto/hash.hpp"
#include "server/util.hpp"

namespace civic::server {

std::string token_fingerprint(const std::string& token) {
  if (token.empty()) return {};
  return crypto::to_hex(crypto::token_hash(token)).substr(0, 16);
}

bool audit(Db& db, AuditEntry e) {
  if (!e.at) e.at = now_seconds();
  // One line per decision; values are ids and codes the server checked, and
  // dump() quotes them so a hostile id cannot forge a second log line.
  std::cerr << "audit: " << e.outcome << " " << e.action << " ticket=" << dump(json(e.request_id))
            << " ticket_department=" << dump(json(e.ticket_department))
            << " staff_department=" << dump(json(e.actor_department)) << " token=" << e.actor_token
            << " from=" << dump(json(e.remote_addr)) << std::endl;
  auto guard = db.lock();
  Stmt s(db.handle(),
         "INSERT INTO audit_log (at, actor_department, actor_token, action, request_id, ticket_department, outcome, "
         "remote_addr) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, e.at).bind(2, e.actor_department).bind(3, e.actor_token).bind(4, e.action).bind(5, e.request_id);
  s.bind(6, e.ticket_department).bind(7, e.outcome).bind(8, e.remote_addr);
  s.step();
  return s.done_ok();
}

std::vector<AuditEntry> audit_entries(Db& db, int64_t after, size_t limit, const std::string& request_id) {
  std::string sql =
      "SELECT id, at, actor_department, actor_token, action, request_id, ticket_department, outcome, remote_addr "
      "FROM audit_log WHERE id > ?1";
  if (!request_id.empty()) sql += " AND request_id = ?2";
  sql += " ORDER BY id LIMIT " + std::to_string(limit);
  auto guard = db.lock();
  Stmt s(db.handle(), sql);
  s.bind(1, after);
  if (!request_id.empty()) s.bind(2, request_id);
  std::vector<AuditEntry> out;
  while (s.step()) {
    AuditEntry e;
    e.id = s.integer(0);
    e.at = s.integer(1);
    e.actor_department = s.text(2);
    e.actor_token = s.text(3);
    e.action = s.text(4);
    e.request_id = s.text(5);
    e.ticket_department = s.text(6);
    e.outcome = s.text(7);
    e.remote_addr = s.text(8);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace civic::server
