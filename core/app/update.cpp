// core/app/update.cpp — every flow of the app, one Event at a time:
// catalogue → group → service form → review → submit (through the outbox:
// outbox_flow.cpp) → receipt, and the resident's tickets: list, detail,
// rating, reopen. Replies are matched to
// their request by id (State::pending), so a late or duplicate reply is
// recognised and dropped; no input is ever cleared by an error.
#include "core/app/update.hpp"

#include "core/app/draft_store.hpp"
#include "core/app/live_flow.hpp"
#include "core/app/locate_flow.hpp"
#include "core/app/nearby_flow.hpp"
#include "core/app/outbox_flow.hpp"
#include "core/app/photo_flow.hpp"
#include "core/app/playback_flow.hpp"
#include "core/app/trust_flow.hpp"
#include "core/app/video_flow.hpp"
#include "core/app/voice_flow.hpp"
#include "core/app/search_flow.hpp"
#include "core/app/upload_flow.hpp"

#include "core/api/parse.hpp"
#include "core/api/url.hpp"
#include "core/crypto/random.hpp"
#include "core/forms/prefill.hpp"
#include "core/forms/submission.hpp"
#include "core/i18n/messages.hpp"

namespace civic::app {

namespace {

template <class... Ts>
struct overloaded : Ts... { using Ts::operator()...; };
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

HttpRequest request(State& s, std::string method, std::string url, Purpose purpose, std::string key = {}) {
  HttpRequest r;
  r.request_id = s.next_request_id++;
  r.method = std::move(method);
  r.url = std::move(url);
  r.headers = {{"Accept", "application/json"}, {"Accept-Language", std::string(lang_tag(s.lang))}};
  s.pending[r.request_id] = Pending{purpose, s.lang, std::move(key)};
  return r;
}
HttpRequest get(State& s, std::string url, Purpose purpose, std::string key = {}) {
  return request(s, "GET", std::move(url), purpose, std::move(key));
}
HttpRequest post_form(State& s, std::string url, const api::Params& fields, Purpose purpose, std::string key) {
  HttpRequest r = request(s, "POST", std::move(url), purpose, std::move(key));
  r.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  r.body = api::form_encode(fields);
  return r;
}

bool ok_status(const HttpDone& d) { return d.status >= 200 && d.status < 300; }
Error reply_error(const HttpDone& d) {
  return d.status == 0 ? make_error("api.network", d.error) : api::error_from_reply(d.status, d.body);
}

Ticket* find(State& s, const std::string& key) { return const_cast<Ticket*>(find_ticket(s, key)); }

// --- catalogue -------------------------------------------------------------

std::vector<Effect> fetch_catalog(State& s) {
  if (s.server_base.empty()) return {};
  s.catalog.phase = Phase::loading;
  s.catalog.error.reset();
  return {get(s, api::services_url(s.server_base, s.lang), Purpose::services)};
}

void on_services(State& s, const Pending& p, const HttpDone& d) {
  if (p.lang != s.lang) return;  // the resident switched language meanwhile; a newer request is out
  if (!ok_status(d)) {
    s.catalog.phase = Phase::failed;
    s.catalog.error = reply_error(d);
    return;
  }
  auto parsed = api::parse_services(d.body);
  if (!parsed) {
    s.catalog.phase = Phase::failed;
    s.catalog.error = parsed.error();
    return;
  }
  s.catalog.services = std::move(parsed).value();
  s.catalog.revision++;
  s.catalog.lang = p.lang;
  s.catalog.phase = Phase::ready;
  s.catalog.error.reset();
  // Groups are named per language: find the open group again by a service
  // code it holds, so a language switch keeps the resident where they were.
  if (s.screen == Screen::group) {
    bool found = false;
    for (const auto& g : service_groups(s.catalog))
      for (const auto* svc : g.services)
        if (!found && svc->code == s.open_group_anchor) {
          s.open_group = g.name;
          found = true;
        }
    if (!found) s.screen = Screen::home;
  }
  // Concerns loaded from the outbox before the catalogue came get their names.
  for (auto& t : s.tickets)
    for (const auto& svc : s.catalog.services)
      if (svc.code == t.service_code && (t.service_name.empty() || t.service_name == t.service_code))
        t.service_name = svc.name;
  // The draft's service name follows the language too.
  for (const auto& svc : s.catalog.services)
    if (svc.code == s.draft.service.code) s.draft.service = svc;
}

// --- filing ----------------------------------------------------------------

// The hall's own place is offered as the location of every concern filed at
// a kiosk (as prefill.hpp offers a resident's details: only into an empty,
// untouched field).
void offer_hall(State& s) {
  if (s.hall.empty()) return;
  forms::FieldValue v;
  v.location.lat = s.hall.lat;
  v.location.lon = s.hall.lon;
  v.location.address = s.hall.name;
  forms::Prefill offer;
  offer.consent = true;
  offer.location = v.location;
  forms::apply_prefill(s.draft.form, s.draft.schema, offer);
}

// A resident who types another address is somewhere else: the hall's
// coordinates must not travel with it.
void leave_hall(const State& s, const std::string& field, forms::FieldValue& v) {
  if (s.hall.empty() || field != "location") return;
  forms::Location& l = v.location;
  if (l.address != s.hall.name && l.lat == s.hall.lat && l.lon == s.hall.lon) {
    l.lat.clear();
    l.lon.clear();
  }
}

std::vector<Effect> fetch_definition(State& s) {
  Draft& d = s.draft;
  if (!d.service.metadata) {   // GeoReport v2: no definition; the common fields only
    api::ServiceDefinition none;
    none.service_code = d.service.code;
    d.schema = forms::build_schema(none);
    if (d.form.fields.empty()) d.form = forms::start_form(d.schema);
    offer_hall(s);
    search_offer_concern(s);
    d.phase = Phase::ready;
    return {};
  }
  d.phase = Phase::loading;
  d.error.reset();
  return {get(s, api::service_definition_url(s.server_base, d.service.code, s.lang), Purpose::definition,
              d.service.code)};
}

// A new schema (another language) with the values entered so far, by field id.
void adopt_schema(Draft& d, forms::FormSchema schema) {
  forms::FormState next = forms::start_form(schema);
  next.submitted = d.form.submitted;
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    int old = forms::field_index(d.schema, schema.fields[i].id);
    if (old >= 0 && static_cast<size_t>(old) < d.form.fields.size()) next.fields[i] = d.form.fields[old];
  }
  for (size_t i = 0; i < schema.fields.size(); ++i) forms::recheck(next, schema, i);
  d.schema = std::move(schema);
  d.form = std::move(next);
}

void on_definition(State& s, const Pending& p, const HttpDone& reply) {
  Draft& d = s.draft;
  if (p.key != d.service.code || p.lang != s.lang) return;
  if (!ok_status(reply)) {
    d.phase = Phase::failed;
    d.error = reply_error(reply);
    return;
  }
  auto def = api::parse_service_definition(reply.body);
  if (!def) {
    d.phase = Phase::failed;
    d.error = def.error();
    return;
  }
  adopt_schema(d, forms::build_schema(*def));
  d.definition_json = reply.body;   // kept with the draft: the form can be rebuilt offline
  offer_hall(s);
  search_offer_concern(s);
  d.phase = Phase::ready;
  d.error.reset();
}

api::Params submission_fields(const State& s) {
  api::Params fields = {{"service_code", s.draft.service.code}};
  for (auto& kv : forms::to_params(s.draft.schema, s.draft.form, true)) fields.push_back(std::move(kv));
  return fields;
}

std::vector<Effect> submit(State& s) {
  Draft& d = s.draft;
  if (d.submit_phase == Phase::loading) return {};
  if (!forms::submit(d.form)) {
    s.screen = Screen::form;   // show what is wrong, where it is
    return {};
  }
  auto busy = attachments_block_submit(d);   // a photo is still being made small
  if (!busy) busy = voice_blocks_submit(s);   // or a memo recorded
  if (busy) {
    d.submit_phase = Phase::failed;
    d.submit_error = std::move(busy);
    return {};
  }
  if (d.idempotency_key.empty()) d.idempotency_key = crypto::random_idempotency_key();
  // Personal fields are sealed before they are stored (trust_flow); if the
  // server is not known yet, the outbox seals them before sending.
  std::vector<Effect> fx;
  api::Params fields = submission_fields(s);
  if (s.trust.known) {
    auto sealed = trust_seal(s, fields, fx);
    if (!sealed) {
      d.submit_phase = Phase::failed;
      d.submit_error = sealed.error();
      return fx;
    }
  }
  search_clear(s);   // the boxes start empty for the next concern
  // Into the outbox first (stored durably), then delivered: outbox_flow.
  for (auto& f : outbox_submit(s, std::move(fields))) fx.push_back(std::move(f));
  return fx;
}

// --- tracking --------------------------------------------------------------

std::vector<Effect> refresh_tickets(State& s) {
  std::vector<std::string> ids;
  for (auto& t : s.tickets)
    if (!t.id.empty()) {
      ids.push_back(t.id);
      t.phase = Phase::loading;
    }
  std::vector<Effect> fx = outbox_pump_all(s, true);
  if (!ids.empty()) fx.push_back(get(s, api::requests_url(s.server_base, ids, s.lang), Purpose::tickets));
  return fx;
}

void apply_request(State& s, Ticket& t, api::ServiceRequest r) {
  if (t.latest && t.latest->status != r.status) {
    // GeoReport's two statuses read as the stages they stand for; a server's
    // own richer words are quoted as it sent them.
    using tracking::Stage;
    if (r.status == "open" || r.status == "closed")
      s.announcement = format(s.lang, std::string(tracking::announce_message_id(
                                          r.status == "open" ? Stage::in_progress : Stage::resolved)),
                              {{"id", t.id}});
    else
      s.announcement = format(s.lang, "ui.announce_status", {{"id", t.id}, {"status", r.status}});
  }
  if (t.service_name.empty()) t.service_name = r.service_name;
  t.latest = std::move(r);
  t.phase = Phase::ready;
  t.error.reset();
}

void on_tickets(State& s, const Pending& p, const HttpDone& reply) {
  auto list = ok_status(reply) ? api::parse_requests(reply.body)
                               : Result<std::vector<api::ServiceRequest>>(reply_error(reply));
  for (auto& t : s.tickets) {
    if (t.id.empty() || (p.purpose == Purpose::ticket && t.id != p.key)) continue;
    if (!list) {
      t.phase = Phase::failed;
      t.error = list.error();
      continue;
    }
    // Some servers ignore the id filter: match each reply to its ticket here.
    bool found = false;
    for (const auto& r : *list)
      if (r.id == t.id) {
        apply_request(s, t, r);
        found = true;
      }
    if (!found && p.purpose == Purpose::ticket) {
      t.phase = Phase::failed;
      t.error = make_error("api.not_found", t.id, {{"what", t.id}});
    } else if (!found) {
      t.phase = Phase::idle;
    }
  }
}

std::vector<Effect> ticket_action(State& s, const std::string& key, Purpose purpose, api::Params fields) {
  Ticket* t = find(s, key);
  if (!t || t->id.empty() || t->action_phase == Phase::loading) return {};
  t->action_phase = Phase::loading;
  t->action_error.reset();
  fields.insert(fields.begin(), {"token", t->token});
  std::string path = "civic/requests/" + api::percent_encode(t->id) +
                     (purpose == Purpose::rate ? "/rating.json" : "/reopen.json");
  return {post_form(s, api::endpoint_url(s.server_base, path), fields, purpose, t->id)};
}

std::vector<Effect> on_action(State& s, const Pending& p, const HttpDone& reply, int stars) {
  Ticket* t = find(s, p.key);
  if (!t) return {};
  if (!ok_status(reply)) {
    t->action_phase = Phase::failed;
    t->action_error = reply_error(reply);
    return {};
  }
  t->action_phase = Phase::ready;
  if (p.purpose == Purpose::rate) {
    t->rating = stars;
    s.announcement = format(s.lang, "ui.announce_rated", {{"id", t->id}});
  } else {
    t->reopened = true;
    s.announcement = format(s.lang, "ui.announce_reopened", {{"id", t->id}});
  }
  t->phase = Phase::loading;
  return {get(s, api::request_url(s.server_base, t->id, s.lang), Purpose::ticket, t->id)};
}

// --- kiosk sessions (session.hpp) -----------------------------------------

// A clean start for the next resident. Kept: the server, the catalogue (when
// it is in the hall's language), request ids (so no late reply is mistaken
// for a new one), the session count, and the outbox — concerns on their way
// are delivered in the background and never shown again; the form a slot
// keeps for a 4xx is wiped (its resident has gone). Delivered records are
// forgotten (OutboxDelete): on a shared kiosk the next resident must not
// inherit them, and the server has the ticket.
std::vector<Effect> end_session(State& s) {
  std::vector<Effect> fx;
  for (auto it = s.outbox.begin(); it != s.outbox.end();) {
    if (it->second.entry.state == outbox::EntryState::delivered && it->second.request_id == 0) {
      fx.push_back(OutboxDelete{it->first});
      it = s.outbox.erase(it);
    } else {
      ++it;
    }
  }
  voice_abandon(s, fx);              // the microphone is released, the memo not kept
  playback_stop(s, fx);              // and the resident's memo is not heard by the next one
  forget_attachments(s.draft, fx);   // the resident's photos leave with them
  wipe_resident_data(s);
  for (auto& [key, slot] : s.outbox) {
    slot.hidden = true;   // a late reply must not list it for the next resident
    if (slot.draft) {
      Draft& d = *slot.draft;
      for (auto& f : d.form.fields) {
        crypto::wipe(f.value.text);
        crypto::wipe(f.value.location.address);
      }
      slot.draft.reset();
    }
  }
  State fresh;
  fresh.server_base = s.server_base;
  fresh.lang = fresh.home_lang = s.home_lang;
  fresh.settings = fresh.home_settings = s.home_settings;
  fresh.hall = s.hall;
  fresh.shared_device = s.shared_device;
  fresh.session = s.session;
  fresh.session.active = false;
  fresh.session.ended++;
  fresh.next_request_id = s.next_request_id;
  fresh.next_job_id = s.next_job_id;
  fresh.recorder.available = s.recorder.available;
  fresh.recorder.next_id = s.recorder.next_id;   // a late answer for the last resident's memo stays unmatched
  fresh.player.available = s.player.available;
  fresh.player.next_id = s.player.next_id;
  fresh.revision = s.revision;
  fresh.outbox = std::move(s.outbox);
  fresh.next_save_id = s.next_save_id;
  fresh.wake_at_ms = s.wake_at_ms;
  fresh.outbox_set_aside = s.outbox_set_aside;
  fresh.now_ms = s.now_ms;
  fresh.live.can_stream = s.live.can_stream;
  fresh.trust = std::move(s.trust);   // the server's keys are the hall's, not the resident's
  fresh.draft_store = s.draft_store;   // so the stored draft is forgotten now (draft_sync)
  fresh.draft_store.due_ms = 0;
  fresh.finder.readings = s.finder.readings;   // the server's and the dictionary's, not the resident's
  if (s.finder.other.lang != s.home_lang && s.finder.other.phase == Phase::ready)
    fresh.finder.other = std::move(s.finder.other);
  fresh.nearby.caps = s.nearby.caps == Phase::loading ? Phase::idle : s.nearby.caps;   // its reply is dropped
  fresh.nearby.offered = s.nearby.offered;
  fresh.nearby.max_radius_m = s.nearby.max_radius_m;
  for (const auto& [id, p] : s.pending)
    if (p.purpose == Purpose::outbox || p.purpose == Purpose::capabilities) fresh.pending.emplace(id, p);
  bool catalog_kept = s.catalog.phase == Phase::ready && s.catalog.lang == s.home_lang;
  if (catalog_kept) fresh.catalog = std::move(s.catalog);
  s = std::move(fresh);
  if (!catalog_kept)
    for (auto& f : fetch_catalog(s)) fx.push_back(std::move(f));
  return fx;
}

std::vector<Effect> session_tick(State& s, const SessionTick& e) {
  s.session.now_ms = e.now_ms;
  if (e.touched) {
    s.session.active = true;
    s.session.last_touch_ms = e.now_ms;
  }
  if (session_phase(s.session, e.now_ms) == SessionPhase::expired) return end_session(s);
  return {};
}

Screen back_from(const State& s) {
  switch (s.screen) {
    case Screen::form: return s.open_group_anchor.empty() && s.open_group.empty() ? Screen::home : Screen::group;
    case Screen::review:
    case Screen::nearby: return Screen::form;
    case Screen::ticket: return Screen::tickets;
    case Screen::photo: return Screen::form;
    default: return Screen::home;
  }
}

}  // namespace

namespace {
std::vector<Effect> dispatch(State& s, const Event& event);
}  // namespace

namespace {
// What a kiosk session shows: the Finish button (active), the prompt and
// its whole seconds (warning), a clean start (ended).
struct SessionView {
  bool active;
  std::uint64_t ended;
  SessionPhase phase;
  int seconds;
  bool operator==(const SessionView&) const = default;
};
SessionView session_view(const State& s) {
  SessionPhase ph = session_phase(s.session, s.session.now_ms);
  return {s.session.active, s.session.ended, ph,
          ph == SessionPhase::warning ? session_seconds_left(s.session, s.session.now_ms) : 0};
}
}  // namespace

std::vector<Effect> update(State& s, const Event& event) {
  // Upload progress comes several times a second while a photo goes up: a
  // frame only when the percent on screen moves (idle otherwise).
  if (const auto* up = std::get_if<UploadProgress>(&event)) {
    if (upload_on_progress(s, *up)) s.revision++;
    return {};
  }
  // A memo's position likewise: a frame only when the seconds shown move.
  if (const auto* pp = std::get_if<PlaybackProgress>(&event)) {
    if (playback_on_progress(s, *pp)) s.revision++;
    return {};
  }
  const std::uint64_t before = s.revision;
  const bool tick = std::holds_alternative<SessionTick>(event);
  const SessionView seen = tick ? session_view(s) : SessionView{};
  s.revision++;
  std::vector<Effect> fx = dispatch(s, event);
  live_sync(s, fx);   // delivered tickets (new, loaded, forgotten) are followed live
  // A memo is recorded on the form only: leaving it (review, back, home)
  // stops the recording and keeps what was said.
  if (s.screen != Screen::form) voice_finish(s, fx);
  // A memo is heard on the form only, and never over the microphone.
  playback_sync(s, fx);
  // The kiosk ticks its session clock 4× a second: a tick that changes
  // nothing on screen is no change, so an idle kiosk draws no frame.
  draft_sync(s, fx);  // the draft being written is kept by the shell (draft_store.hpp)
  if (tick && fx.empty() && session_view(s) == seen) s.revision = before;
  return fx;
}

namespace {
std::vector<Effect> dispatch(State& s, const Event& event) {
  return std::visit(
      overloaded{
          [&](const Started& e) -> std::vector<Effect> {
            s.server_base = api::normalize_base(e.server_base);
            s.lang = s.home_lang = e.lang;
            s.settings = s.home_settings = e.settings;
            s.session.config = e.session;
            s.hall = e.hall;
            s.shared_device = e.shared_device;
            s.live.can_stream = e.can_stream;
            s.recorder.available = e.can_record;
            s.player.available = e.can_play;
            std::vector<Effect> fx = fetch_catalog(s);
            for (auto& f : trust_start(s, e)) fx.push_back(std::move(f));
            fx.push_back(OutboxLoad{});   // concerns a previous run left on their way
            fx.push_back(DraftLoad{});    // and the concern the resident was writing
            return fx;
          },
          [&](const HttpDone& e) -> std::vector<Effect> {
            auto it = s.pending.find(e.request_id);
            if (it == s.pending.end()) return {};
            Pending p = it->second;
            s.pending.erase(it);
            switch (p.purpose) {
              case Purpose::services:
                on_services(s, p, e);
                search_refresh(s);
                break;
              case Purpose::other_services: search_on_other(s, p, e); break;
              case Purpose::nearby_caps:
              case Purpose::nearby: return nearby_on_reply(s, p, e);
              case Purpose::definition: on_definition(s, p, e); break;
              case Purpose::outbox: return outbox_on_reply(s, p, e);
              case Purpose::follow: return live_on_reply(s, e);
              case Purpose::tickets:
              case Purpose::ticket: on_tickets(s, p, e); break;
              case Purpose::rate: return on_action(s, p, e, s.pending_stars);
              case Purpose::reopen: return on_action(s, p, e, 0);
              case Purpose::capabilities: {
                std::vector<Effect> fx = trust_on_reply(s, e);
                for (auto& f : outbox_pump_all(s, false)) fx.push_back(std::move(f));   // entries waiting to seal
                return fx;
              }
            }
            return {};
          },
          [&](const LanguageChosen& e) -> std::vector<Effect> {
            if (e.lang == s.lang) return {};
            Lang was = s.lang;
            s.lang = e.lang;
            search_language_switched(s, was);
            std::vector<Effect> fx = fetch_catalog(s);
            // The form's labels come from the server in the resident's
            // language: fetch them again; the values stay (adopt_schema).
            if (!s.draft.service.code.empty() && s.draft.service.metadata)
              for (auto& f : fetch_definition(s)) fx.push_back(std::move(f));
            return fx;
          },
          [&](const GroupOpened& e) -> std::vector<Effect> {
            s.screen = Screen::group;
            s.open_group = e.group;
            s.open_group_anchor.clear();
            for (const auto& g : service_groups(s.catalog))
              if (g.name == e.group && !g.services.empty()) s.open_group_anchor = g.services.front()->code;
            return {};
          },
          [&](const BackPressed&) -> std::vector<Effect> {
            if (s.screen == Screen::photo) return photo_edit_closed(s, {false});   // back = cancel the edit
            s.screen = back_from(s);
            return {};
          },
          [&](const RetryPressed&) -> std::vector<Effect> {
            switch (s.screen) {
              case Screen::form: return s.draft.phase == Phase::failed ? fetch_definition(s) : std::vector<Effect>{};
              case Screen::review: return submit(s);
              case Screen::receipt:
              case Screen::tickets:
              case Screen::ticket: return refresh_tickets(s);
              default: return fetch_catalog(s);
            }
          },
          [&](const SettingsChanged& e) -> std::vector<Effect> {
            s.settings = e.settings;
            return {};
          },
          [&](const ServiceChosen& e) -> std::vector<Effect> {
            const api::Service* svc = nullptr;
            for (const auto& c : s.catalog.services)
              if (c.code == e.code) svc = &c;
            if (!svc) return {};
            s.screen = Screen::form;
            if (s.draft.service.code == e.code && s.draft.phase == Phase::ready) return {};   // resume the draft
            std::vector<Effect> fx;
            voice_abandon(s, fx);
            forget_attachments(s.draft, fx);   // another concern: the old draft's photos go with it
            s.draft = Draft{};
            std::uint64_t next_locate = s.locating.next_id;   // a late Located for the old draft stays unmatched
            s.locating = Locating{};
            s.locating.next_id = next_locate;
            s.draft.service = *svc;
            for (auto& f : fetch_definition(s)) fx.push_back(std::move(f));
            return fx;
          },
          [&](const FieldEdited& e) -> std::vector<Effect> {
            forms::FieldValue v = e.value;
            leave_hall(s, e.field, v);
            forms::set_value(s.draft.form, s.draft.schema, e.field, std::move(v));
            return {};
          },
          [&](const FieldLeft& e) -> std::vector<Effect> {
            forms::blur(s.draft.form, s.draft.schema, e.field);
            return {};
          },
          [&](const ReviewPressed&) -> std::vector<Effect> {
            if (s.draft.phase != Phase::ready) return {};
            if (!forms::submit(s.draft.form)) {
              s.screen = Screen::form;
              return {};
            }
            return nearby_before_review(s);   // similar open concerns nearby first, when offered
          },
          [&](const SubmitPressed&) -> std::vector<Effect> { return submit(s); },
          [&](const HomePressed&) -> std::vector<Effect> {
            s.screen = Screen::home;
            return {};
          },
          [&](const TicketsOpened&) -> std::vector<Effect> {
            s.screen = Screen::tickets;
            return refresh_tickets(s);
          },
          [&](const TicketOpened& e) -> std::vector<Effect> {
            Ticket* t = find(s, e.key);
            if (!t) return {};
            s.screen = Screen::ticket;
            s.open_ticket = e.key;
            if (t->id.empty()) return outbox_pump_all(s, true);
            t->phase = Phase::loading;
            return {get(s, api::request_url(s.server_base, t->id, s.lang), Purpose::ticket, t->id)};
          },
          [&](const RatePressed& e) -> std::vector<Effect> {
            if (e.stars < 1 || e.stars > 5) return {};
            s.pending_stars = e.stars;
            const Ticket* t = find(s, e.key);
            std::string comment = !e.comment.empty() || !t ? e.comment : t->rate_comment;
            return ticket_action(s, e.key, Purpose::rate,
                                 {{"rating", std::to_string(e.stars)}, {"comment", comment}});
          },
          [&](const RateCommentEdited& e) -> std::vector<Effect> {
            if (Ticket* t = find(s, e.key)) t->rate_comment = e.text;   // the server checks its length (4xx shown on screen)
            return {};
          },
          [&](const ReopenPressed& e) -> std::vector<Effect> {
            return ticket_action(s, e.key, Purpose::reopen, {{"reason", e.reason}});
          },
          [&](const OutboxSaved& e) -> std::vector<Effect> { return outbox_on_saved(s, e); },
          [&](const OutboxLoaded& e) -> std::vector<Effect> { return outbox_on_loaded(s, e); },
          [&](const Tick&) -> std::vector<Effect> {
            std::vector<Effect> fx = outbox_pump_all(s, false);
            live_on_tick(s, fx);
            voice_on_tick(s, fx);
            return fx;
          },
          [&](const StreamOpened& e) -> std::vector<Effect> { return live_on_opened(s, e); },
          [&](const StreamBytes& e) -> std::vector<Effect> { return live_on_bytes(s, e); },
          [&](const StreamClosed& e) -> std::vector<Effect> { return live_on_closed(s, e); },
          [&](const NetworkOnline&) -> std::vector<Effect> {
            s.trust.retry_at_ms = 0;
            return outbox_pump_all(s, true);
          },
          [&](const SessionTick& e) -> std::vector<Effect> { return session_tick(s, e); },
          [&](const SessionEnded&) -> std::vector<Effect> { return end_session(s); },
          [&](const PhotoPicked& e) -> std::vector<Effect> { return photo_picked(s, e); },
          [&](const VideoPicked& e) -> std::vector<Effect> { return video_picked(s, e); },
          [&](const PhotoProgress& e) -> std::vector<Effect> { return photo_progress(s, e); },
          [&](const PhotoCompressed& e) -> std::vector<Effect> { return photo_compressed(s, e); },
          [&](const PhotoRemoved& e) -> std::vector<Effect> { return photo_removed(s, e); },
          [&](const PhotoEditOpened& e) -> std::vector<Effect> { return photo_edit_opened(s, e); },
          [&](const PhotoEditChanged& e) -> std::vector<Effect> { return photo_edit_changed(s, e); },
          [&](const PhotoEditClosed& e) -> std::vector<Effect> { return photo_edit_closed(s, e); },
          [&](const DraftLoaded& e) -> std::vector<Effect> {
            DraftStore& ds = s.draft_store;
            if (ds.loaded) return {};   // once per start
            ds.loaded = true;
            if (e.bytes.empty()) return {};
            std::vector<Effect> fx;
            auto stored = parse_draft(e.bytes);
            if (stored && s.draft.service.code.empty()) {
              // The language the resident wrote in (its labels are in the stored definition).
              if (stored->lang != s.lang) fx = dispatch(s, LanguageChosen{stored->lang});
              if (restore_draft(s, *stored)) {
                offer_hall(s);
                return fx;
              }
            }
            ds.stored = true;   // unusable or superseded: draft_sync forgets it
            return fx;
          },
          [&](const PageVisibility& e) -> std::vector<Effect> {
            s.page_hidden = e.hidden;
            if (!e.hidden) return outbox_pump_all(s, false);
            s.draft_store.flush = true;
            std::vector<Effect> fx;
            voice_finish(s, fx);   // a hidden page may lose the microphone: keep what was said
            return fx;
          },
          [&](const DraftResumed&) -> std::vector<Effect> {
            if (!s.draft.service.code.empty() && s.draft.phase == Phase::ready) s.screen = Screen::form;
            return {};
          },
          [&](const DraftDiscarded&) -> std::vector<Effect> {
            if (s.draft.submit_phase == Phase::loading) return {};   // on its way into the outbox
            for (auto& f : s.draft.form.fields) {
              crypto::wipe(f.value.text);
              crypto::wipe(f.value.location.address);
            }
            std::vector<Effect> fx;
            voice_abandon(s, fx);
            forget_attachments(s.draft, fx);   // the photos' raw and compressed bytes and the memos go too
            s.draft = Draft{};
            s.locating.phase = Phase::idle;   // a late Located finds no draft to fill
            s.locating.error.reset();
            if (s.screen == Screen::form || s.screen == Screen::review || s.screen == Screen::photo ||
                s.screen == Screen::nearby)
              s.screen = Screen::home;
            return fx;
          },
          [&](const SearchEdited& e) -> std::vector<Effect> { return search_edited(s, e); },
          [&](const ConcernEdited& e) -> std::vector<Effect> { return concern_edited(s, e); },
          [&](const ReadingsLoaded& e) -> std::vector<Effect> {
            s.finder.readings = e.readings;
            search_refresh(s);
            return {};
          },
          [&](const LocatePressed&) -> std::vector<Effect> { return locate_pressed(s); },
          [&](const Located& e) -> std::vector<Effect> {
            located(s, e);
            return {};
          },
          [&](const LocationChosen& e) -> std::vector<Effect> {
            location_chosen(s, e);
            return {};
          },
          [&](const FollowNearbyPressed& e) -> std::vector<Effect> { return follow_nearby(s, e); },
          [&](const FileAnywayPressed&) -> std::vector<Effect> {
            if (s.screen == Screen::nearby) s.screen = Screen::review;
            return {};
          },
          [&](const RecordPressed&) -> std::vector<Effect> { return record_pressed(s); },
          [&](const RecordStopPressed&) -> std::vector<Effect> { return record_stop_pressed(s); },
          [&](const RecordStarted& e) -> std::vector<Effect> { return record_started(s, e); },
          [&](const RecordProgress& e) -> std::vector<Effect> { return record_progress(s, e); },
          [&](const RecordStopped& e) -> std::vector<Effect> { return record_stopped(s, e); },
          [&](const RecordFailed& e) -> std::vector<Effect> { return record_failed(s, e); },
          [&](const UploadProgress&) -> std::vector<Effect> { return {}; },   // update() applies it
          [&](const PlayPressed& e) -> std::vector<Effect> { return play_pressed(s, e); },
          [&](const PlayStopPressed&) -> std::vector<Effect> { return play_stop_pressed(s); },
          [&](const PlaybackStarted& e) -> std::vector<Effect> { return playback_started(s, e); },
          [&](const PlaybackProgress&) -> std::vector<Effect> { return {}; },   // update() applies it
          [&](const PlaybackEnded& e) -> std::vector<Effect> { return playback_ended(s, e); },
          [&](const PlaybackFailed& e) -> std::vector<Effect> { return playback_failed(s, e); },
      },
      event);
}
}  // namespace

std::vector<Effect> update(State& s, const Event& event, std::int64_t now_ms) {
  s.now_ms = now_ms;
  return update(s, event);
}

}  // namespace civic::app
