// core/tracking/event_json.hpp — ticket events on the wire (Civic extension).
//
// One event is a JSON object, sent as the `data` of an SSE event of type
// `ticket` (its SSE `id` is event_id) and in the arrays returned by
// GET /requests/{id}/events.json:
//   {"event_id": 42, "service_request_id": "2026-000123", "seq": 3,
//    "kind": "assigned", "at": "2026-11-27T06:18:04Z",
//    "department": "…", "note": "…", "sla_deadline": "…Z",
//    "scheduled_for": "…Z", "rating": 4, "duplicate_of": "…"}
// kind is one of timeline.hpp's kind names. Unknown fields are ignored.
// Also read, as the reference server's timeline endpoint writes them: `type`
// (submitted|status|note|assigned|rated|reopened) with `status_detail`
// instead of kind, `updated_datetime` for at, `description` for note,
// `agency_responsible` (a display name, preferred) for department; in a list
// without `seq`, events are numbered by position per ticket (full timelines).
//
// Limits (outside bytes): one event ≤ the SSE limit (1 MiB), a list ≤ 8 MiB
// and 10,000 events; strings ≤ 64 KiB; seq and event_id are unsigned
// integers (JSON numbers or digit strings) below 2^53; rating 0..5, only
// on `rated` (0: not disclosed). Anything else is an api.bad_shape error naming the field.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/tracking/timeline.hpp"

namespace civic::tracking {

Result<TicketEvent> parse_ticket_event(std::string_view json_text);
// An array of events, or {"events": [...]}.
Result<std::vector<TicketEvent>> parse_ticket_events(std::string_view json_text);
// The reference server's (type, status_detail) pair as a kind, e.g.
// ("status", "not_responsible") → not_ours; nullopt when unknown.
std::optional<EventKind> kind_from_type(std::string_view type, std::string_view status_detail);
// Compact JSON for one event (what the server streams).
std::string ticket_event_json(const TicketEvent& e);

}  // namespace civic::tracking
