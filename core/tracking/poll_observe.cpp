// core/tracking/poll_observe.cpp — GeoReport snapshots turned into timeline events.
#include "core/tracking/poll_observe.hpp"

#include "core/tracking/iso_time.hpp"

namespace civic::tracking {

namespace {
// The latest public note the timeline shows, so a poll repeating it adds nothing.
std::string_view last_note(const Timeline& t) {
  for (auto it = t.events.rbegin(); it != t.events.rend(); ++it)
    if (!it->note.empty()) return it->note;
  return {};
}

TicketEvent next(const Timeline& t, EventKind k, std::int64_t at) {
  TicketEvent e;
  e.ticket = t.ticket;
  e.seq = t.applied_seq() + 1;
  e.kind = k;
  e.at = at;
  return e;
}
}  // namespace

bool observe_request(Timeline& t, const api::ServiceRequest& r, std::int64_t now) {
  if (r.id.empty() || (!t.ticket.empty() && r.id != t.ticket)) return false;
  if (t.ticket.empty()) t.ticket = r.id;
  const std::int64_t updated = parse_iso8601(r.updated_datetime).value_or(now);
  const std::optional<std::int64_t> expected = parse_iso8601(r.expected_datetime);
  bool changed = false;
  auto add = [&](TicketEvent e) { changed = apply_event(t, std::move(e)) == Applied::applied || changed; };

  if (t.events.empty()) {
    TicketEvent e = next(t, EventKind::received, parse_iso8601(r.requested_datetime).value_or(updated));
    e.sla_deadline = expected;
    add(std::move(e));
  }
  if (!r.agency_responsible.empty() && r.agency_responsible != t.department) {
    TicketEvent e = next(t, EventKind::assigned, updated);
    e.department = r.agency_responsible;
    add(std::move(e));
  }
  const bool closed = r.status == "closed";
  if (closed && !is_closed(t.stage)) {
    TicketEvent e = next(t, EventKind::resolved, updated);
    e.note = r.status_notes;
    add(std::move(e));
  } else if (!closed && is_closed(t.stage)) {
    TicketEvent e = next(t, EventKind::reopened, updated);
    e.note = r.status_notes;
    add(std::move(e));
  } else if (!r.status_notes.empty() && last_note(t) != r.status_notes) {
    TicketEvent e = next(t, EventKind::note, updated);
    e.note = r.status_notes;
    add(std::move(e));
  }
  if (expected && expected != t.sla_deadline) {
    TicketEvent e = next(t, EventKind::sla, updated);
    e.sla_deadline = expected;
    add(std::move(e));
  }
  return changed;
}

}  // namespace civic::tracking
