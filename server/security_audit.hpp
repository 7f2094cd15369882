// server/security_audit.hpp — the access log for residents' personal details.
// Every staff read of personal fields (allowed or denied) is appended to the
// audit_log table and echoed as one line on stderr ("audit: ..."), so an
// operator's log shipper sees it even if the database is lost.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "server/context.hpp"

namespace civic::server {

struct AuditEntry {
  int64_t id = 0;
  int64_t at = 0;
  std::string actor_department;   // the staff token's department ("*" = all)
  std::string actor_token;        // first 16 hex digits of the token's stored hash
  std::string action;             // personal.read, queue.read, ticket.update, token.create, audit.read
  std::string request_id;
  std::string ticket_department;
  std::string outcome;            // allowed | denied
  std::string remote_addr;
};

// Appends; false when the database refused (the stderr line is written anyway).
bool audit(Db& db, AuditEntry e);

// Entries after id `after`, oldest first, at most `limit`; optionally for one ticket.
std::vector<AuditEntry> audit_entries(Db& db, int64_t after, size_t limit, const std::string& request_id = {});

// The stored-hash prefix for a bearer token (what AuditEntry::actor_token holds).
std::string token_fingerprint(const std::string& token);

}  // namespace civic::server
