// server/tickets.hpp — tickets (GeoReport service requests) in SQLite.
// Every write takes db.lock() and runs in one transaction together with its
// timeline event, so a ticket and its history never disagree; observers are
// notified after COMMIT.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/catalogue.hpp"
#include "server/db.hpp"
#include "server/events.hpp"

namespace civic::server {

struct Ticket {
  std::string id, token, service_code, status, department;
  std::string description, address, address_id, zipcode, media_url;
  std::string email, phone, first_name, last_name, device_id, account_id;
  std::string attributes_json = "{}", locale = "zh-CN", status_note, rating_comment;
  std::optional<double> lat, lon;
  int64_t requested_at = 0, updated_at = 0, sla_deadline = 0;
  std::optional<int64_t> closed_at;
  std::optional<int> rating;
  int reopen_count = 0;
};

// Creates a ticket (status submitted) with its first event. With an
// idempotency key: the same key and the same body hash return the ticket
// made the first time (replayed = true, nothing written); the same key with
// another body is a conflict.
struct CreateOutcome {
  enum Kind { created, replayed, conflict, failed } kind = failed;
  Ticket ticket;
  std::string error;
};
CreateOutcome create_ticket(Db& db, const CatalogueService& service, Ticket draft,
                            const std::string& idempotency_key, const std::string& body_hash);

// Reads run on a read connection of their own (db.hpp: ReadLease).
// with_personal = false leaves name, phone and e-mail empty without opening
// them (public answers never show them).
std::optional<Ticket> get_ticket(Db& db, const std::string& id, bool with_personal = true);
std::optional<std::string> ticket_id_for_token(Db& db, const std::string& token);

struct TicketFilter {
  std::vector<std::string> ids;     // empty: any
  std::vector<std::string> service_codes;
  std::string department;           // "" or "*": any
  std::string account_id;           // "": any; else a signed-in resident's own (server/signin.hpp)
  std::optional<bool> closed;       // status=open|closed
  std::optional<int64_t> from, to;  // requested_at range
  struct Box { double lat_min, lat_max, lon_min, lon_max; };
  std::optional<Box> box;           // only tickets with a point inside (server/nearby.hpp)
  size_t limit = 1000;
  bool with_personal = true;        // false: personal fields left empty, never opened
};
std::vector<Ticket> list_tickets(Db& db, const TicketFilter& f);

// A staff move. Fails with a message id (server.bad_transition, ...).
struct UpdateOutcome {
  bool ok = false;
  int http_status = 200;
  std::string message_id;
  std::map<std::string, std::string> params;
  Ticket ticket;
};
UpdateOutcome staff_update(Db& db, const Catalogue& catalogue, const std::string& id, const std::string& status,
                           const std::string& note, const std::string& department,
                           const std::string& staff_department);
// The resident rates a closed ticket (1..5) or reopens it with a reason.
UpdateOutcome rate_ticket(Db& db, const std::string& id, int rating, const std::string& comment);
UpdateOutcome reopen_ticket(Db& db, const std::string& id, const std::string& reason, int window_days);

}  // namespace civic::server
