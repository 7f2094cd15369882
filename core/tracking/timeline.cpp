// core/tracking/timeline.cpp — ordered, idempotent event application and SLA math.
#include "core/tracking/timeline.hpp"

#include <algorithm>
#include <array>

namespace civic::tracking {

namespace {

struct KindRow {
  EventKind kind;
  std::string_view name;
};
constexpr std::array<KindRow, 13> kKinds = {{
    {EventKind::received, "received"}, {EventKind::accepted, "accepted"}, {EventKind::assigned, "assigned"},
    {EventKind::in_progress, "in_progress"}, {EventKind::scheduled, "scheduled"},
    {EventKind::resolved, "resolved"}, {EventKind::duplicate, "duplicate"}, {EventKind::not_ours, "not_ours"},
    {EventKind::rejected, "rejected"}, {EventKind::rated, "rated"}, {EventKind::reopened, "reopened"},
    {EventKind::note, "note"}, {EventKind::sla, "sla"},
}};

bool in(EventKind k, std::initializer_list<EventKind> ks) { return std::find(ks.begin(), ks.end(), k) != ks.end(); }

void commit(Timeline& t, TicketEvent e) {
  if (auto s = stage_after(e.kind)) {
    t.stage = *s;
    if (is_closed(*s) && e.kind != EventKind::rated) t.closed_at = e.at;
  }
  switch (e.kind) {
    case EventKind::received:  // the server may have routed it already
      t.received_at = e.at;
      if (!e.department.empty()) t.department = e.department;
      break;
    case EventKind::assigned: t.department = e.department; break;
    case EventKind::scheduled: t.scheduled_for = e.scheduled_for; break;
    case EventKind::reopened: t.closed_at.reset(); break;
    case EventKind::rated: t.rating = e.rating; break;
    default: break;
  }
  if (e.sla_deadline) t.sla_deadline = e.sla_deadline;
  t.events.push_back(std::move(e));
}

}  // namespace

std::string_view kind_name(EventKind k) {
  for (const auto& r : kKinds)
    if (r.kind == k) return r.name;
  return "note";
}

std::optional<EventKind> parse_kind(std::string_view name) {
  for (const auto& r : kKinds)
    if (r.name == name) return r.kind;
  return std::nullopt;
}

std::string_view announce_message_id(Stage s) {
  switch (s) {
    case Stage::received: return "tracking.announce.received";
    case Stage::accepted: return "tracking.announce.accepted";
    case Stage::assigned: return "tracking.announce.assigned";
    case Stage::in_progress: return "tracking.announce.in_progress";
    case Stage::scheduled: return "tracking.announce.scheduled";
    case Stage::resolved: return "tracking.announce.resolved";
    case Stage::duplicate: return "tracking.announce.duplicate";
    case Stage::not_ours: return "tracking.announce.not_ours";
    case Stage::rejected: return "tracking.announce.rejected";
    case Stage::rated: return "tracking.announce.rated";
    case Stage::reopened: return "tracking.announce.reopened";
  }
  return "tracking.announce.received";
}

std::string_view stage_message_id(Stage s) {
  switch (s) {
    case Stage::received: return "tracking.stage.received";
    case Stage::accepted: return "tracking.stage.accepted";
    case Stage::assigned: return "tracking.stage.assigned";
    case Stage::in_progress: return "tracking.stage.in_progress";
    case Stage::scheduled: return "tracking.stage.scheduled";
    case Stage::resolved: return "tracking.stage.resolved";
    case Stage::duplicate: return "tracking.stage.duplicate";
    case Stage::not_ours: return "tracking.stage.not_ours";
    case Stage::rejected: return "tracking.stage.rejected";
    case Stage::rated: return "tracking.stage.rated";
    case Stage::reopened: return "tracking.stage.reopened";
  }
  return "tracking.stage.received";
}

std::optional<Stage> stage_after(EventKind k) {
  switch (k) {
    case EventKind::received: return Stage::received;
    case EventKind::accepted: return Stage::accepted;
    case EventKind::assigned: return Stage::assigned;
    case EventKind::in_progress: return Stage::in_progress;
    case EventKind::scheduled: return Stage::scheduled;
    case EventKind::resolved: return Stage::resolved;
    case EventKind::duplicate: return Stage::duplicate;
    case EventKind::not_ours: return Stage::not_ours;
    case EventKind::rejected: return Stage::rejected;
    case EventKind::rated: return Stage::rated;
    case EventKind::reopened: return Stage::reopened;
    case EventKind::note:
    case EventKind::sla: return std::nullopt;
  }
  return std::nullopt;
}

bool is_closed(Stage s) {
  return s == Stage::resolved || s == Stage::duplicate || s == Stage::not_ours || s == Stage::rejected ||
         s == Stage::rated;
}

bool transition_allowed(Stage from, EventKind k) {
  using K = EventKind;
  if (k == K::received) return false;  // only the server's own first event
  if (k == K::note || k == K::sla) return from != Stage::rated;
  const std::initializer_list<EventKind> endings = {K::resolved, K::duplicate, K::not_ours, K::rejected};
  switch (from) {
    case Stage::received:
      return in(k, {K::accepted, K::assigned, K::duplicate, K::not_ours, K::rejected});
    case Stage::accepted:
    case Stage::reopened:
      if (from == Stage::accepted && k == K::accepted) return false;
      return in(k, {K::accepted, K::assigned, K::in_progress, K::scheduled}) || in(k, endings);
    case Stage::assigned:
    case Stage::in_progress:
    case Stage::scheduled:
      if (from == Stage::in_progress && k == K::in_progress) return false;
      return in(k, {K::assigned, K::in_progress, K::scheduled}) || in(k, endings);
    case Stage::resolved:
    case Stage::duplicate:
    case Stage::not_ours:
    case Stage::rejected:
      return k == K::rated || k == K::reopened;
    case Stage::rated:
      return false;
  }
  return false;
}

Applied apply_event(Timeline& t, TicketEvent e) {
  if (e.seq == 0 || e.ticket.empty() || (!t.ticket.empty() && e.ticket != t.ticket)) return Applied::invalid;
  if (t.ticket.empty()) t.ticket = e.ticket;
  const std::uint64_t have = t.applied_seq();
  if (e.seq <= have) return Applied::duplicate;
  if (e.seq > have + 1) {
    auto pos = std::lower_bound(t.held.begin(), t.held.end(), e.seq,
                                [](const TicketEvent& h, std::uint64_t s) { return h.seq < s; });
    if (pos != t.held.end() && pos->seq == e.seq) return Applied::gap;
    if (t.held.size() >= kMaxHeldEvents) return Applied::gap;  // the refetch will bring it again
    t.held.insert(pos, std::move(e));
    return Applied::gap;
  }
  if (t.events.size() >= kMaxTimelineEvents) return Applied::invalid;
  commit(t, std::move(e));
  // The event may have closed a gap: drain what was waiting behind it.
  std::size_t used = 0;
  while (used < t.held.size() && t.held[used].seq <= t.applied_seq() + 1) {
    if (t.held[used].seq == t.applied_seq() + 1 && t.events.size() < kMaxTimelineEvents)
      commit(t, std::move(t.held[used]));
    ++used;
  }
  t.held.erase(t.held.begin(), t.held.begin() + static_cast<std::ptrdiff_t>(used));
  return Applied::applied;
}

Applied apply_events(Timeline& t, std::vector<TicketEvent> events) {
  std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
  bool changed = false;
  for (auto& e : events) {
    Applied r = apply_event(t, std::move(e));
    changed = changed || r == Applied::applied;
  }
  if (!t.held.empty()) return Applied::gap;
  return changed ? Applied::applied : Applied::duplicate;
}

SlaStatus sla_status(const Timeline& t, std::int64_t now) {
  SlaStatus out;
  if (!t.sla_deadline) return out;
  const std::int64_t deadline = *t.sla_deadline;
  if (is_closed(t.stage) && t.closed_at) {
    out.seconds_left = deadline - *t.closed_at;
    out.state = out.seconds_left >= 0 ? SlaState::met : SlaState::missed;
    return out;
  }
  out.seconds_left = deadline - now;
  if (out.seconds_left < 0) {
    out.state = SlaState::overdue;
    return out;
  }
  // "Due soon": under a quarter of the allowed time left, or under 2 h when
  // the start is unknown.
  std::int64_t soon = 2 * 3600;
  if (t.received_at && deadline > *t.received_at) soon = (deadline - *t.received_at) / 4;
  out.state = out.seconds_left < soon ? SlaState::due_soon : SlaState::on_time;
  return out;
}

std::string_view sla_message_id(SlaState s) {
  switch (s) {
    case SlaState::none: return "tracking.sla.none";
    case SlaState::on_time: return "tracking.sla.on_time";
    case SlaState::due_soon: return "tracking.sla.due_soon";
    case SlaState::overdue: return "tracking.sla.overdue";
    case SlaState::met: return "tracking.sla.met";
    case SlaState::missed: return "tracking.sla.missed";
  }
  return "tracking.sla.none";
}

std::int64_t sla_deadline_after(std::int64_t from, std::uint32_t hours) {
  return from + static_cast<std::int64_t>(hours) * 3600;
}

}  // namespace civic::tracking
