// server/tickets.cpp — see tickets.hpp.
#include "server/tickets.hpp"

#include <cstdio>

#include "server/security_vault.hpp"
#include "server/statuses.hpp"
#include "server/util.hpp"

namespace civic::server {

namespace {

constexpr const char* kColumns =
    "SELECT id, token, service_code, status, department, description, address, address_id, zipcode, media_url, "
    "email, phone, first_name, last_name, device_id, account_id, attributes_json, locale, status_note, "
    "rating_comment, lat, lon, requested_at, updated_at, sla_deadline, closed_at, rating, reopen_count "
    "FROM requests ";

Ticket read_ticket(const Stmt& s, bool with_personal = true) {
  Ticket t;
  std::string* text[] = {&t.id,        &t.token,     &t.service_code, &t.status,     &t.department,
                         &t.description, &t.address, &t.address_id,   &t.zipcode,    &t.media_url,
                         &t.email,     &t.phone,     &t.first_name,   &t.last_name,  &t.device_id,
                         &t.account_id, &t.attributes_json, &t.locale, &t.status_note, &t.rating_comment};
  int col = 0;
  for (std::string* p : text) *p = s.text(col++);
  if (!s.is_null(20)) t.lat = s.real(20);
  if (!s.is_null(21)) t.lon = s.real(21);
  t.requested_at = s.integer(22);
  t.updated_at = s.integer(23);
  t.sla_deadline = s.integer(24);
  if (!s.is_null(25)) t.closed_at = s.integer(25);
  if (!s.is_null(26)) t.rating = static_cast<int>(s.integer(26));
  t.reopen_count = static_cast<int>(s.integer(27));
  if (with_personal) {
    open_personal_columns(t);  // security: stored encrypted (security_vault.hpp)
  } else {
    for (std::string* p : {&t.first_name, &t.last_name, &t.phone, &t.email}) p->clear();
  }
  return t;
}

std::optional<Ticket> get_locked(Db& db, const std::string& id) {
  Stmt s(db.handle(), std::string(kColumns) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_ticket(s);
}

// Next readable ticket number for the year: 2026-000123.
std::string next_ticket_id(Db& db, int year) {
  Stmt up(db.handle(),
          "INSERT INTO ticket_sequences (year, last) VALUES (?1, 1) "
          "ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last");
  up.bind(1, static_cast<int64_t>(year));
  if (!up.step()) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%06lld", year, static_cast<long long>(up.integer(0)));
  return buf;
}

UpdateOutcome fail(int status, std::string id, std::map<std::string, std::string> params = {}) {
  UpdateOutcome o;
  o.http_status = status;
  o.message_id = std::move(id);
  o.params = std::move(params);
  return o;
}

}  // namespace

CreateOutcome create_ticket(Db& db, const CatalogueService& service, Ticket t, const std::string& key,
                            const std::string& body_hash) {
  CreateOutcome out;
  EventRow e;
  // Group commit (db.hpp: run_grouped): this runs in a transaction shared
  // with the submissions arriving at the same moment, and returns only once
  // it is committed. A key written by an earlier submission of the same
  // batch is seen here, so a concurrent replay still gets the same ticket.
  bool committed = db.run_grouped([&]() -> bool {
    out = CreateOutcome{};
    if (!key.empty()) {
      Stmt q(db.handle(), "SELECT body_hash, request_id FROM idempotency_keys WHERE key = ?");
      q.bind(1, key);
      if (q.step()) {
        if (q.text(0) != body_hash) {
          out.kind = CreateOutcome::conflict;
          return true;
        }
        auto existing = get_locked(db, q.text(1));
        if (!existing) {
          out.error = "idempotency key points to a missing ticket";
          return false;
        }
        out.kind = CreateOutcome::replayed;
        out.ticket = *existing;
        return true;
      }
    }
    int64_t now = now_seconds();
    t.id = next_ticket_id(db, utc_year(now));
    t.token = random_token(16);
    t.service_code = service.code;
    t.status = "submitted";
    t.department = service.department;
    t.requested_at = t.updated_at = now;
    t.sla_deadline = now + static_cast<int64_t>(service.sla_hours) * 3600;
    if (t.id.empty()) {
      out.error = db.last_error();
      return false;
    }
    Stmt s(db.handle(),
           "INSERT INTO requests (id, token, service_code, status, department, description, lat, lon, address, "
           "address_id, zipcode, email, phone, first_name, last_name, device_id, account_id, media_url, "
           "attributes_json, locale, requested_at, updated_at, sla_deadline) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
           "?21, ?21, ?22)");
    s.bind(1, t.id).bind(2, t.token).bind(3, t.service_code).bind(4, t.status).bind(5, t.department);
    s.bind(6, t.description).bind_opt(7, t.lat).bind_opt(8, t.lon).bind(9, t.address).bind(10, t.address_id);
    // Personal columns are stored encrypted, bound to this row (security_vault.hpp).
    s.bind(11, t.zipcode).bind(12, seal_personal_column(t.id, "email", t.email));
    s.bind(13, seal_personal_column(t.id, "phone", t.phone)).bind(14, seal_personal_column(t.id, "first_name", t.first_name));
    s.bind(15, seal_personal_column(t.id, "last_name", t.last_name));
    s.bind(16, t.device_id).bind(17, t.account_id).bind(18, t.media_url).bind(19, t.attributes_json);
    s.bind(20, t.locale).bind(21, now).bind(22, t.sla_deadline);
    s.step();
    if (!s.done_ok()) {
      out.error = s.error();
      return false;
    }
    if (!key.empty()) {
      Stmt k(db.handle(), "INSERT INTO idempotency_keys (key, body_hash, request_id, created_at) VALUES (?, ?, ?, ?)");
      k.bind(1, key).bind(2, body_hash).bind(3, t.id).bind(4, now);
      k.step();
      if (!k.done_ok()) {
        out.error = k.error();
        return false;
      }
    }
    e = EventRow{0, t.id, "submitted", t.status, t.department, "", now};
    if (!append_event(db, e)) {
      out.error = db.last_error();
      return false;
    }
    out.kind = CreateOutcome::created;
    return true;
  });
  if (!committed) {
    if (out.kind != CreateOutcome::conflict) out.kind = CreateOutcome::failed;
    if (out.error.empty()) out.error = db.last_error();
    return out;
  }
  if (out.kind == CreateOutcome::created) {
    notify_event_observers({e});
    out.ticket = std::move(t);
  }
  return out;
}

std::optional<Ticket> get_ticket(Db& db, const std::string& id, bool with_personal) {
  ReadLease reader(db);
  Stmt s(reader.handle(), std::string(kColumns) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_ticket(s, with_personal);
}

std::optional<std::string> ticket_id_for_token(Db& db, const std::string& token) {
  ReadLease reader(db);
  Stmt s(reader.handle(), "SELECT id FROM requests WHERE token = ?");
  s.bind(1, token);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::vector<Ticket> list_tickets(Db& db, const TicketFilter& f) {
  std::string sql = kColumns;
  std::vector<std::string> where;
  std::vector<std::string> texts;
  auto in_list = [&](const char* column, const std::vector<std::string>& values) {
    std::string clause = std::string(column) + " IN (";
    for (size_t i = 0; i < values.size(); ++i) {
      clause += i ? ", ?" : "?";
      texts.push_back(values[i]);
    }
    where.push_back(clause + ")");
  };
  if (!f.ids.empty()) in_list("id", f.ids);
  if (!f.service_codes.empty()) in_list("service_code", f.service_codes);
  if (!f.department.empty() && f.department != "*") {
    where.push_back("department = ?");
    texts.push_back(f.department);
  }
  if (!f.account_id.empty()) {
    where.push_back("account_id = ?");
    texts.push_back(f.account_id);
  }
  if (f.closed) {
    where.push_back(*f.closed ? "status IN ('resolved', 'duplicate', 'not_responsible', 'rejected')"
                              : "status NOT IN ('resolved', 'duplicate', 'not_responsible', 'rejected')");
  }
  if (f.from) where.push_back("requested_at >= " + std::to_string(*f.from));
  if (f.to) where.push_back("requested_at <= " + std::to_string(*f.to));
  if (f.box) where.push_back("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?");
  for (size_t i = 0; i < where.size(); ++i) sql += (i ? " AND " : "WHERE ") + where[i];
  sql += " ORDER BY seq DESC LIMIT " + std::to_string(f.limit);
  ReadLease reader(db);
  Stmt s(reader.handle(), sql);
  for (size_t i = 0; i < texts.size(); ++i) s.bind(static_cast<int>(i + 1), texts[i]);
  if (f.box) {
    int n = static_cast<int>(texts.size());
    s.bind(n + 1, f.box->lat_min).bind(n + 2, f.box->lat_max).bind(n + 3, f.box->lon_min).bind(n + 4, f.box->lon_max);
  }
  std::vector<Ticket> out;
  while (s.step()) out.push_back(read_ticket(s, f.with_personal));
  return out;
}

namespace {
// Writes the changed ticket and its event in one transaction.
bool write_change(Db& db, const Ticket& t, EventRow& e) {
  Stmt s(db.handle(),
         "UPDATE requests SET status = ?2, department = ?3, status_note = ?4, updated_at = ?5, closed_at = ?6, "
         "rating = ?7, rating_comment = ?8, reopen_count = ?9, sla_deadline = ?10 WHERE id = ?1");
  s.bind(1, t.id).bind(2, t.status).bind(3, t.department).bind(4, t.status_note).bind(5, t.updated_at);
  if (t.closed_at) s.bind(6, *t.closed_at);
  else s.bind_null(6);
  if (t.rating) s.bind(7, static_cast<int64_t>(*t.rating));
  else s.bind_null(7);
  s.bind(8, t.rating_comment).bind(9, static_cast<int64_t>(t.reopen_count)).bind(10, t.sla_deadline);
  s.step();
  return s.done_ok() && append_event(db, e) != 0;
}

template <class Change>
UpdateOutcome change_ticket(Db& db, const std::string& id, Change&& change) {
  UpdateOutcome out;
  EventRow e;
  {
    auto guard = db.lock();
    Transaction tx(db);
    auto t = get_locked(db, id);
    if (!t) return fail(404, "server.not_found", {{"what", id}});
    int64_t now = now_seconds();
    out = change(*t, e, now);
    if (!out.message_id.empty()) return out;
    t->updated_at = now;
    e.request_id = t->id;
    e.status = t->status;
    e.department = t->department;
    e.created_at = now;
    if (!write_change(db, *t, e) || !tx.commit()) return fail(500, "server.internal");
    out.ok = true;
    out.ticket = *t;
  }
  notify_event_observers({e});
  return out;
}
}  // namespace

UpdateOutcome staff_update(Db& db, const Catalogue& catalogue, const std::string& id, const std::string& status,
                           const std::string& note, const std::string& department,
                           const std::string& staff_department) {
  if (!is_status(status)) return fail(400, "server.bad_status", {{"status", status}});
  if (!department.empty() && !catalogue.department(department))
    return fail(400, "server.unknown_department", {{"department", department}});
  return change_ticket(db, id, [&](Ticket& t, EventRow& e, int64_t now) -> UpdateOutcome {
    if (staff_department != "*" && staff_department != t.department)
      return fail(403, "server.staff_forbidden", {{"department", t.department}});
    if (!staff_may_move(t.status, status))
      return fail(409, "server.bad_transition", {{"from", t.status}, {"to", status}});
    bool moved = t.status != status;
    bool reassigned = !department.empty() && department != t.department;
    if (!moved && !reassigned && note.empty()) return fail(400, "server.note_required");
    e.type = moved ? "status" : reassigned ? "assigned" : "note";
    e.note = note;
    t.status = status;
    if (reassigned) t.department = department;
    if (!note.empty()) t.status_note = note;
    if (is_closed(status)) t.closed_at = now;
    return {};
  });
}

UpdateOutcome rate_ticket(Db& db, const std::string& id, int rating, const std::string& comment) {
  if (rating < 1 || rating > 5) return fail(400, "server.bad_rating");
  return change_ticket(db, id, [&](Ticket& t, EventRow& e, int64_t) -> UpdateOutcome {
    if (!is_closed(t.status)) return fail(409, "server.not_closed");
    if (t.rating) return fail(409, "server.already_rated");
    t.rating = rating;
    t.rating_comment = comment;
    e.type = "rated";
    e.note = std::to_string(rating);
    return {};
  });
}

UpdateOutcome reopen_ticket(Db& db, const std::string& id, const std::string& reason, int window_days) {
  return change_ticket(db, id, [&](Ticket& t, EventRow& e, int64_t now) -> UpdateOutcome {
    if (!is_closed(t.status) || !t.closed_at) return fail(409, "server.not_closed");
    if (now - *t.closed_at > static_cast<int64_t>(window_days) * 86400)
      return fail(409, "server.reopen_window", {{"days", std::to_string(window_days)}});
    t.status = "reopened";
    t.sla_deadline = now + (t.sla_deadline - t.requested_at);  // a fresh SLA period
    t.closed_at.reset();
    t.rating.reset();
    t.rating_comment.clear();
    t.reopen_count += 1;
    e.type = "reopened";
    e.note = reason;
    return {};
  });
}

}  // namespace civic::server
