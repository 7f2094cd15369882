// core/tracking/timeline.hpp — a ticket's life, "like following a parcel".
//
//   received → accepted → assigned (department) → in progress | scheduled
//            → resolved | duplicate | not our responsibility | rejected
//            → rated | reopened (→ back to accepted/assigned/…)
// plus public notes and SLA deadline changes at any point.
//
// Events carry a per-ticket sequence number (seq = 1, 2, 3, … without gaps,
// assigned by the server when it commits the change). Applying is idempotent
// and ordered: seq ≤ applied is a duplicate (ignored), seq = applied + 1 is
// applied, and anything further ahead is held (bounded) and reported as a gap,
// which the caller answers by refetching the ticket's events. The same
// transition table is what the reference server checks staff actions against.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civic::tracking {

enum class Stage { received, accepted, assigned, in_progress, scheduled, resolved, duplicate,
                   not_ours, rejected, rated, reopened };

// What happened. Every stage has its event kind; `note` and `sla` change no stage.
enum class EventKind { received, accepted, assigned, in_progress, scheduled, resolved, duplicate,
                       not_ours, rejected, rated, reopened, note, sla };

std::string_view kind_name(EventKind k);           // wire name, e.g. "not_ours"
std::optional<EventKind> parse_kind(std::string_view name);
std::string_view stage_message_id(Stage s);        // catalog id, e.g. "tracking.stage.resolved"
// The sentence that announces a move to stage s (a live region reads it):
// catalog id "tracking.announce.<stage>", with {id} and {department}.
std::string_view announce_message_id(Stage s);

// The stage an event moves a ticket to (nullopt: notes and SLA changes).
std::optional<Stage> stage_after(EventKind k);
// True when staff (or the resident, for rated/reopened) may record kind while
// the ticket is in stage `from`. Notes and SLA changes are allowed until rated.
bool transition_allowed(Stage from, EventKind k);
// resolved, duplicate, not_ours, rejected, rated: the department's work is over.
bool is_closed(Stage s);

struct TicketEvent {
  std::string ticket;                  // service_request_id
  std::uint64_t seq = 0;               // per ticket, 1-based, no gaps
  std::uint64_t event_id = 0;          // the server's stream id (Last-Event-ID); 0 when unknown
  EventKind kind = EventKind::note;
  std::int64_t at = 0;                 // Unix seconds, UTC
  std::string department;              // assigned: who handles it now
  std::string note;                    // public note, resolution text or reason
  std::optional<std::int64_t> sla_deadline;   // a new deadline (received, sla, reopened, …)
  std::optional<std::int64_t> scheduled_for;  // scheduled: when the work will be done
  int rating = 0;                      // rated: 1..5
  std::string duplicate_of;            // duplicate: the ticket this one joins
  bool operator==(const TicketEvent&) const = default;
};

inline constexpr std::size_t kMaxHeldEvents = 256;   // out-of-order events kept per ticket
inline constexpr std::size_t kMaxTimelineEvents = 10000;

struct Timeline {
  std::string ticket;
  std::vector<TicketEvent> events;     // applied, seq 1..n in order
  std::vector<TicketEvent> held;       // seq > n + 1, sorted, waiting for the gap to fill
  Stage stage = Stage::received;
  std::string department;
  std::optional<std::int64_t> received_at;
  std::optional<std::int64_t> sla_deadline;
  std::optional<std::int64_t> closed_at;      // when the latest closing event happened
  std::optional<std::int64_t> scheduled_for;
  int rating = 0;
  std::uint64_t applied_seq() const { return events.empty() ? 0 : events.back().seq; }
};

enum class Applied {
  applied,     // the timeline changed (possibly more than one event, if it filled a gap)
  duplicate,   // seen before: nothing changed
  gap,         // ahead of the timeline: held; refetch events after applied_seq()
  invalid,     // seq 0, another ticket's event, or over the limits: dropped
};

Applied apply_event(Timeline& t, TicketEvent e);
// Applies a refetched list (any order, may overlap what is known). Returns
// applied if anything changed, gap if a hole remains, else duplicate.
Applied apply_events(Timeline& t, std::vector<TicketEvent> events);

// --- SLA -------------------------------------------------------------------
enum class SlaState {
  none,        // no deadline known
  on_time,     // open, deadline ahead
  due_soon,    // open, less than a quarter of the allowed time (or 2 h) left
  overdue,     // open, deadline passed
  met,         // closed on or before the deadline
  missed,      // closed after the deadline
};

struct SlaStatus {
  SlaState state = SlaState::none;
  std::int64_t seconds_left = 0;       // negative when late; for closed tickets: margin at closing
};

SlaStatus sla_status(const Timeline& t, std::int64_t now);
std::string_view sla_message_id(SlaState s);   // "tracking.sla.overdue"
// A deadline `hours` after `from` (wall-clock hours; the server's per-service SLA).
std::int64_t sla_deadline_after(std::int64_t from, std::uint32_t hours);

}  // namespace civic::tracking
