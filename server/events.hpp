// server/events.hpp — the ticket timeline. Every change to a ticket appends
// one row to `events`, in the same transaction as the change; ids only grow
// (SQLite AUTOINCREMENT), so a client that has applied event N resumes from
// N (the SSE stream's Last-Event-ID, servicerequestupdates' update_id).
// Observers (e.g. an event stream) are told after the transaction commits.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "server/db.hpp"

namespace civic::server {

struct EventRow {
  int64_t id = 0;
  std::string request_id;
  std::string type;        // submitted | status | note | assigned | rated | reopened
  std::string status;      // the ticket's detailed status after the event
  std::string department;
  std::string note;        // public note ("" when none)
  int64_t created_at = 0;
};

// Appends e (its id and created_at are filled in) inside the caller's
// transaction; the caller holds db.lock(). Returns the new id, 0 on failure.
int64_t append_event(Db& db, EventRow& e);

// Events with id > after_id, optionally of one ticket, oldest first.
std::vector<EventRow> events_after(Db& db, int64_t after_id, const std::string& request_id = {},
                                   size_t limit = 1000);
// Events created in [from, to] (Unix seconds), oldest first.
std::vector<EventRow> events_between(Db& db, int64_t from, int64_t to, size_t limit = 1000);

// Called (outside the lock) with each event once its transaction committed.
using EventObserver = std::function<void(const EventRow&)>;
void add_event_observer(EventObserver observer);
void notify_event_observers(const std::vector<EventRow>& committed);

}  // namespace civic::server
