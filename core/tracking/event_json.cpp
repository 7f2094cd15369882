// core/tracking/event_json.cpp — reading and writing ticket events.
#include "core/tracking/event_json.hpp"

#include <map>

#include "core/api/json_read.hpp"
#include "core/tracking/iso_time.hpp"

namespace civic::tracking {

namespace {

using api::json;

Result<std::uint64_t> read_u64(const json& o, std::string_view key, std::string_view where, bool required) {
  auto s = api::read_id(o, key, where, required);
  if (!s) return s.error();
  const std::string& v = s.value();
  if (v.empty()) return std::uint64_t{0};
  if (v.size() > 16) return api::shape_error(std::string(where) + "." + std::string(key));
  std::uint64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return api::shape_error(std::string(where) + "." + std::string(key));
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

Result<std::optional<std::int64_t>> read_time(const json& o, std::string_view key, std::string_view where,
                                              bool required) {
  auto s = api::read_string(o, key, where, required);
  if (!s) return s.error();
  if (s.value().empty()) return std::optional<std::int64_t>{};
  auto t = parse_iso8601(s.value());
  if (!t) return api::shape_error(std::string(where) + "." + std::string(key));
  return std::optional<std::int64_t>{*t};
}

}  // namespace

std::optional<EventKind> kind_from_type(std::string_view type, std::string_view detail) {
  if (type == "submitted") return EventKind::received;
  if (type == "note") return EventKind::note;
  if (type == "assigned") return EventKind::assigned;
  if (type == "rated") return EventKind::rated;
  if (type == "reopened") return EventKind::reopened;
  if (type != "status") return std::nullopt;
  if (detail == "submitted") return EventKind::received;
  if (detail == "not_responsible") return EventKind::not_ours;
  return parse_kind(detail);
}

namespace {

// Reads one event. seq_required = false lets a full list number its events
// by position (the server's timeline endpoint has no per-ticket seq).
Result<TicketEvent> from_json(const json& o, const std::string& where, bool seq_required) {
  if (!o.is_object()) return api::shape_error(where);
  TicketEvent e;
  auto ticket = api::read_id(o, "service_request_id", where, true);
  if (!ticket) return ticket.error();
  e.ticket = ticket.value();
  auto seq = read_u64(o, "seq", where, seq_required);
  if (!seq) return seq.error();
  if (seq_required && seq.value() == 0) return api::shape_error(where + ".seq");
  e.seq = seq.value();
  auto id = read_u64(o, "event_id", where, false);
  if (!id) return id.error();
  e.event_id = id.value();
  auto kind_text = api::read_string(o, "kind", where, false);
  if (!kind_text) return kind_text.error();
  std::optional<EventKind> kind;
  if (!kind_text.value().empty()) {
    kind = parse_kind(kind_text.value());
  } else {
    auto type = api::read_string(o, "type", where, true);
    if (!type) return type.error();
    auto detail = api::read_string(o, "status_detail", where, false);
    if (!detail) return detail.error();
    kind = kind_from_type(type.value(), detail.value());
  }
  if (!kind) return api::shape_error(where + ".kind");
  e.kind = *kind;
  auto at = read_time(o, o.contains("at") ? "at" : "updated_datetime", where, true);
  if (!at) return at.error();
  e.at = at.value().value_or(0);
  // A display name beats a department code; a note may be called description.
  for (auto [key, dst] : {std::pair{"department", &e.department}, std::pair{"agency_responsible", &e.department},
                          std::pair{"description", &e.note}, std::pair{"note", &e.note},
                          std::pair{"duplicate_of", &e.duplicate_of}}) {
    auto v = api::read_string(o, key, where, false);
    if (!v) return v.error();
    if (!v.value().empty()) *dst = v.value();
  }
  auto deadline = read_time(o, "sla_deadline", where, false);
  if (!deadline) return deadline.error();
  e.sla_deadline = deadline.value();
  auto scheduled = read_time(o, "scheduled_for", where, false);
  if (!scheduled) return scheduled.error();
  e.scheduled_for = scheduled.value();
  auto rating = api::read_int(o, "rating", where, 0);
  if (!rating) return rating.error();
  e.rating = rating.value();
  // rated without a rating: the server keeps the score private; 0 = not shown.
  if (e.rating < 0 || e.rating > 5 || (e.kind != EventKind::rated && e.rating != 0))
    return api::shape_error(where + ".rating");
  return e;
}

}  // namespace

Result<TicketEvent> parse_ticket_event(std::string_view text) {
  auto j = api::parse_json(text);
  if (!j) return j.error();
  return from_json(j.value(), "event", true);
}

Result<std::vector<TicketEvent>> parse_ticket_events(std::string_view text) {
  auto parsed = api::parse_json(text);
  if (!parsed) return parsed.error();
  const json* list = &parsed.value();
  if (list->is_object()) {
    auto it = list->find("events");
    if (it == list->end()) return api::shape_error("events");
    list = &*it;
  }
  if (!list->is_array()) return api::shape_error("events");
  if (list->size() > api::kMaxListItems) return api::shape_error("events");
  std::vector<TicketEvent> out;
  out.reserve(list->size());
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto e = from_json((*list)[i], "events[" + std::to_string(i) + "]", false);
    if (!e) return e.error();
    out.push_back(std::move(e).value());
  }
  // Without seq, a list is numbered by position per ticket: only right for a
  // ticket's full timeline (after=0), which is what refetches ask for.
  std::map<std::string, std::uint64_t> pos;
  for (auto& e : out) {
    ++pos[e.ticket];
    if (e.seq == 0) e.seq = pos[e.ticket];
  }
  return out;
}

std::string ticket_event_json(const TicketEvent& e) {
  json o = json::object();
  if (e.event_id) o["event_id"] = e.event_id;
  o["service_request_id"] = e.ticket;
  o["seq"] = e.seq;
  o["kind"] = std::string(kind_name(e.kind));
  o["at"] = format_iso8601_utc(e.at);
  if (!e.department.empty()) o["department"] = e.department;
  if (!e.note.empty()) o["note"] = e.note;
  if (e.sla_deadline) o["sla_deadline"] = format_iso8601_utc(*e.sla_deadline);
  if (e.scheduled_for) o["scheduled_for"] = format_iso8601_utc(*e.scheduled_for);
  if (e.rating) o["rating"] = e.rating;
  if (!e.duplicate_of.empty()) o["duplicate_of"] = e.duplicate_of;
  // Invalid UTF-8 in a note must not abort the dump: replace it.
  return o.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace civic::tracking
