// ui/screen_tickets.cpp — "my concerns": the list with status badges, and one
// ticket's detail with rating and reopen (the receipt: screen_receipt.cpp).
// A queued concern (no network yet) shows its local reference and "waiting
// for network" at once — the resident never wonders whether it was kept.
#include <imgui.h>

#include <algorithm>

#include "core/i18n/messages.hpp"
#include "core/tracking/iso_time.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::screens {

namespace {

std::string status_text(const app::State& s, const app::Ticket& t) {
  if (t.queued) return std::string(tr(s.lang, "ui.status.queued"));
  if (t.timeline && !t.timeline->events.empty())   // live: the department's own words for the stage
    return format(s.lang, std::string(tracking::stage_message_id(t.timeline->stage)),
                  {{"department", t.timeline->department}});
  if (!t.latest) return std::string(tr(s.lang, "ui.status.unknown"));
  if (t.latest->status == "open") return std::string(tr(s.lang, "ui.status.open"));
  if (t.latest->status == "closed") return std::string(tr(s.lang, "ui.status.closed"));
  return t.latest->status;   // a server's own richer status words
}

std::string key_of(const app::Ticket& t) { return t.id.empty() ? t.local_ref : t.id; }

bool has_timeline(const app::Ticket& t) { return t.timeline && !t.timeline->events.empty(); }

// The department's work is over: the live timeline says so first, a plain
// Open311 server's status ("closed") otherwise. Then it can be rated or reopened.
bool work_over(const app::Ticket& t) {
  if (has_timeline(t)) return tracking::is_closed(t.timeline->stage);
  return t.latest && t.latest->status == "closed";
}

// "2026-11-29 08:00 UTC": the server's deadline, in the one zone core knows.
std::string deadline_text(std::int64_t unix_s) {
  std::string iso = tracking::format_iso8601_utc(unix_s);   // 2026-11-29T08:00:00Z
  return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC" : iso;
}

void line(const std::string& id, const std::string& label, const std::string& value) {
  if (value.empty()) return;
  w::paragraph(label, true);
  w::paragraph(value);
  (void)id;
}

// A server's ISO 8601 time as the deadline is shown; anything else as given.
std::string when(const std::string& iso) {
  auto t = tracking::parse_iso8601(iso);
  return t ? deadline_text(*t) : iso;
}

}  // namespace

void tickets(const app::State& s, const Dispatch& d) {
  w::heading("heading", std::string(tr(s.lang, "home.my_concerns")));
  if (!s.announcement.empty()) w::status("announcement", s.announcement);
  if (s.tickets.empty()) {
    w::status("status", std::string(tr(s.lang, "ui.no_tickets")));
    return;
  }
  for (const auto& t : s.tickets) {
    if (t.error) w::alert("ticket/" + key_of(t) + "/error", explain(s.lang, *t.error));
    // Queued: what the outbox is doing with it (waiting, uploading, sending).
    std::string sub = !t.queued ? key_of(t)
                      : t.delivery == outbox::EntryState::queued ? std::string(tr(s.lang, "ui.waiting_network"))
                                                                 : std::string(tr(s.lang, outbox::state_message_id(t.delivery)));
    if (t.followed) sub += " · " + std::string(tr(s.lang, "place.followed_badge"));
    if (w::card("ticket/" + key_of(t), t.service_name, sub, status_text(s, t))) d(app::TicketOpened{key_of(t)});
    upload_bar(s, t, "ticket/" + key_of(t) + "/upload");
  }
  if (w::button("refresh", std::string(tr(s.lang, "ui.refresh")))) d(app::RetryPressed{});
}

void ticket(const app::State& s, const Dispatch& d) {
  const app::Ticket* t = app::find_ticket(s, s.open_ticket);
  if (!t) return;
  w::heading("heading", t->service_name);
  if (!s.announcement.empty()) w::status("announcement", s.announcement);
  w::paragraph(std::string(tr(s.lang, "ui.ticket_number")), true);
  w::heading("ticket/number", key_of(*t), 1.2f);
  w::status("ticket/status", status_text(s, *t));
  upload_bar(s, *t, "ticket/upload");
  if (t->phase == app::Phase::loading) w::status("status", std::string(tr(s.lang, "status.loading")));
  if (t->error) {
    w::alert("error", explain(s.lang, *t->error));
    if (w::button("retry", std::string(tr(s.lang, "status.retry")))) d(app::RetryPressed{});
  }
  // The timeline, newest first, as it arrives (event stream or polling).
  if (has_timeline(*t)) {
    // The deadline and whether it is kept (on time, due soon, overdue, met…).
    if (t->timeline->sla_deadline) {
      auto sla = tracking::sla_status(*t->timeline, s.now_ms / 1000);
      w::status("ticket/sla", std::string(tr(s.lang, tracking::sla_message_id(sla.state))) + " · " +
                                  format(s.lang, "tracking.deadline",
                                         {{"deadline", deadline_text(*t->timeline->sla_deadline)}}));
      sem::last().value = std::string(tracking::sla_message_id(sla.state)).substr(13);   // on_time, overdue, …
    }
    w::heading("timeline", std::string(tr(s.lang, "tracking.timeline")), 1.1f);
    const auto& evs = t->timeline->events;
    for (auto e = evs.rbegin(); e != evs.rend(); ++e) {
      auto stage = tracking::stage_after(e->kind);
      std::string what = stage ? format(s.lang, std::string(tracking::stage_message_id(*stage)),
                                        {{"department", e->department}})
                               : std::string(tr(s.lang, e->kind == tracking::EventKind::sla ? "tracking.kind.sla"
                                                                                            : "tracking.kind.note"));
      if (!e->note.empty()) what += (s.lang == Lang::en ? ": " : "：") + e->note;
      w::status("timeline/" + std::to_string(e->seq), what);
    }
  }
  if (const auto& r = t->latest) {
    line("agency", std::string(tr(s.lang, "ui.agency")), r->agency_responsible);
    line("notes", std::string(tr(s.lang, "ui.notes")), r->status_notes);
    line("expected", std::string(tr(s.lang, "ui.expected")), when(r->expected_datetime));
    line("updated", std::string(tr(s.lang, "ui.updated")), when(r->updated_datetime));
  }
  if (t->followed) w::status("ticket/followed", std::string(tr(s.lang, "place.followed_badge")));
  // Reopened here: said until the department has worked on it again.
  if (t->reopened && !work_over(*t)) return w::status("reopened", std::string(tr(s.lang, "ui.reopened")));
  // Someone else's concern, followed: theirs to rate or reopen.
  if (t->followed || !work_over(*t)) return;
  // Resolved: rate it (1–5) or reopen it (Civic extension).
  if (t->action_error) w::alert("action/error", explain(s.lang, *t->action_error));
  if (t->rating > 0) {
    w::status("rated", format(s.lang, "ui.rated", {{"count", std::to_string(t->rating)}}));
  } else if (!t->reopened) {
    w::heading("rate", std::string(tr(s.lang, "ui.rate_title")), 1.1f);
    std::string comment = t->rate_comment;
    if (w::text_input("rate/comment", std::string(tr(s.lang, "ui.rate_comment")), &comment, true))
      d(app::RateCommentEdited{key_of(*t), comment});
    // Five in a row when they fit at one touch target each, else in rows.
    const ImGuiStyle& st = ImGui::GetStyle();
    float avail = ImGui::GetContentRegionAvail().x, gap = st.ItemSpacing.x;
    float need = std::max(w::frame().touch, ImGui::CalcTextSize(s.lang == Lang::en ? "5" : "5 星").x +
                                                st.FramePadding.x * 2);
    int per_row = std::clamp(static_cast<int>((avail + gap) / (need + gap)), 1, 5);
    float bw = (avail - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    for (int k = 1; k <= 5; ++k) {
      if ((k - 1) % per_row != 0) ImGui::SameLine();
      std::string label = std::to_string(k) + (s.lang == Lang::en ? "" : " 星");
      if (w::button("rate/" + std::to_string(k), label, w::Kind::normal, bw, t->action_phase == app::Phase::loading))
        d(app::RatePressed{key_of(*t), k, ""});
      sem::last().name = format(s.lang, "ui.stars", {{"count", std::to_string(k)}});
    }
  }
  if (t->reopened) w::status("reopened", std::string(tr(s.lang, "ui.reopened")));
  else if (t->rating == 0 && w::button("reopen", std::string(tr(s.lang, "ui.reopen")), w::Kind::danger, -1,
                                       t->action_phase == app::Phase::loading))
    d(app::ReopenPressed{key_of(*t), ""});
}

}  // namespace civic::ui::screens
