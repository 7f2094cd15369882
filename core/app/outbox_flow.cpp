// core/app/outbox_flow.cpp — see outbox_flow.hpp. The invariant every branch
// keeps: no HttpRequest for an entry leaves core unless the record that
// describes it (begin_action: "uploading"/"sending") has been confirmed
// durable by OutboxSaved; so a kill at any point restarts from a record that
// is either before or in that step, and the idempotency key / the tus offset
// make replaying the step harmless.
#include "core/app/outbox_flow.hpp"

#include "core/app/photo_flow.hpp"
#include "core/api/parse.hpp"
#include "core/app/trust_flow.hpp"
#include "core/app/upload_flow.hpp"
#include "core/i18n/messages.hpp"
#include "core/outbox/progress.hpp"
#include "core/tracking/backoff.hpp"

namespace civic::app {

namespace {

using outbox::EntryState;
using Kind = outbox::OutboxAction::Kind;

outbox::DeliveryConfig config_for(const State& s, const outbox::OutboxEntry& e) {
  outbox::DeliveryConfig c;
  c.base = s.server_base;
  c.lang = s.lang;
  // Media go by tus 1.0 (the Civic extension): an entry with media is only
  // ever delivered with them, never as a bare POST that would drop them.
  c.tus = !e.media.empty();
  return c;
}

Ticket* ticket_for(State& s, const std::string& key) {
  for (auto& t : s.tickets)
    if (t.local_ref == key) return &t;
  return nullptr;
}

// The ticket that mirrors an entry: its local ref, state, and (once
// delivered) its number; while queued, how far its media have gone up.
void mirror(State& s, OutboxSlot& slot) {
  if (slot.hidden) return;   // an earlier resident's concern: not on this resident's screens
  const outbox::OutboxEntry& e = slot.entry;
  Ticket* t = ticket_for(s, e.key);
  if (!t) {
    Ticket fresh;
    fresh.local_ref = e.key;
    fresh.service_code = e.service_code;
    for (const auto& svc : s.catalog.services)
      if (svc.code == e.service_code) fresh.service_name = svc.name;
    if (slot.draft) fresh.service_name = slot.draft->service.name;
    if (fresh.service_name.empty()) fresh.service_name = e.title.empty() ? e.service_code : e.title;
    s.tickets.insert(s.tickets.begin(), std::move(fresh));
    t = &s.tickets.front();
  }
  t->followed = e.key.rfind(kFollowKeyPrefix, 0) == 0;
  t->delivery = e.state;
  t->queued = e.state != EntryState::delivered;
  t->upload_percent = t->queued ? upload_shown_percent(slot) : -1;
  if (e.state == EntryState::delivered) {
    t->id = e.service_request_id;
    t->token = e.token;
  }
  if (e.state == EntryState::failed_needs_input || (e.state == EntryState::queued && e.last_error)) {
    t->error = e.last_error;
  } else {
    t->error.reset();
  }
}

OutboxSave save(State& s, OutboxSlot& slot) {
  OutboxSave fx;
  fx.save_id = s.next_save_id++;
  fx.key = slot.entry.key;
  fx.bytes = outbox::serialize_entry(slot.entry);
  slot.awaiting_save = fx.save_id;
  return fx;
}

HttpRequest to_request(State& s, OutboxSlot& slot) {
  const outbox::OutboxAction& a = slot.action;
  HttpRequest r;
  r.request_id = s.next_request_id++;
  r.method = a.method;
  r.url = a.url;
  r.headers = a.headers;
  r.body = a.body;
  if (a.kind == Kind::upload_chunk && a.media_index < slot.entry.media.size()) {
    r.body_media = slot.entry.media[a.media_index].path;
    r.body_offset = a.offset;
    r.body_length = a.length;
  }
  s.pending[r.request_id] = Pending{Purpose::outbox, s.lang, slot.entry.key};
  slot.request_id = r.request_id;
  slot.body_sent = 0;
  return r;
}

// The next step for one entry, if it is free to take one.
void pump(State& s, OutboxSlot& slot, std::vector<Effect>& fx) {
  if (slot.awaiting_save != 0 || slot.request_id != 0) return;   // a step is under way
  if (s.server_base.empty()) return;                             // no server yet (Started comes first)
  outbox::OutboxAction a = outbox::next_action(slot.entry, config_for(s, slot.entry), s.now_ms);
  if (a.kind == Kind::none) return;
  if (a.kind == Kind::wait) return request_wake(s, a.wake_at_ms, fx);
  if (a.kind == Kind::submit && has_clear_personal(slot.entry.form)) {
    // Stored before the server's keys were known: sealed now, or not sent.
    if (!s.trust.known) {
      trust_refresh(s, fx);
      if (s.trust.phase == Phase::failed) request_wake(s, s.trust.retry_at_ms, fx);
      return;
    }
    auto sealed = trust_seal(s, slot.entry.form, fx);
    if (!sealed) {
      slot.entry.state = EntryState::failed_needs_input;
      slot.entry.last_error = sealed.error();
      mirror(s, slot);
      fx.push_back(save(s, slot));   // then the form goes back to the resident (outbox_on_saved)
      return;
    }
    a = outbox::next_action(slot.entry, config_for(s, slot.entry), s.now_ms);   // its body, sealed
  }
  outbox::begin_action(slot.entry, a);
  slot.action = std::move(a);
  slot.send_after_save = true;
  mirror(s, slot);
  fx.push_back(save(s, slot));
}

// The server refused the content: give the resident their form back, with
// the server's reason, when no other draft is in the way; otherwise the
// ticket keeps the refusal and the entry waits (failed_needs_input).
void give_back(State& s, OutboxSlot& slot, std::vector<Effect>& fx) {
  if (!slot.draft || !s.draft.service.code.empty()) return;
  s.draft = *slot.draft;
  s.draft.submit_phase = Phase::failed;
  s.draft.submit_error = slot.entry.last_error;
  s.draft.idempotency_key.clear();   // the corrected concern is a new one
  bool looking = (s.screen == Screen::receipt || s.screen == Screen::ticket) && s.open_ticket == slot.entry.key;
  if (looking || s.screen == Screen::review) s.screen = Screen::form;
  std::string key = slot.entry.key;
  fx.push_back(OutboxDelete{key});
  std::erase_if(s.tickets, [&](const Ticket& t) { return t.local_ref == key; });
  if (s.open_ticket == key) s.open_ticket.clear();
  s.outbox.erase(key);
}

}  // namespace

void request_wake(State& s, std::int64_t at, std::vector<Effect>& fx) {
  if (s.wake_at_ms != 0 && s.wake_at_ms > s.now_ms && s.wake_at_ms <= at) return;
  s.wake_at_ms = at;
  fx.push_back(WakeAt{at});
}

std::vector<Effect> outbox_submit(State& s, api::Params fields) {
  Draft& d = s.draft;
  std::string title;
  for (const auto& [k, v] : fields)
    if (k == "description") title = v.substr(0, 120);
  OutboxSlot slot;
  slot.entry = outbox::make_entry(d.service.code, title, std::move(fields), s.now_ms / 1000);
  slot.entry.key = d.idempotency_key;
  slot.entry.media = attachment_media(d);   // uploaded by tus first, as `civic file --photo`
  slot.draft = d;
  d.submit_phase = Phase::loading;
  d.submit_error.reset();
  auto [it, fresh] = s.outbox.insert_or_assign(d.idempotency_key, std::move(slot));
  (void)fresh;
  return {save(s, it->second)};
}

std::vector<Effect> outbox_keep_followed(State& s, const api::ServiceRequest& r) {
  for (const auto& t : s.tickets)
    if (t.id == r.id) return {};   // already mine, or already followed
  OutboxSlot slot;
  slot.entry = outbox::make_entry(r.service_code, r.service_name, {}, s.now_ms / 1000);
  slot.entry.key = kFollowKeyPrefix + r.id;
  slot.entry.state = EntryState::delivered;
  slot.entry.service_request_id = r.id;
  slot.shown = true;
  auto [it, fresh] = s.outbox.insert_or_assign(slot.entry.key, std::move(slot));
  (void)fresh;
  mirror(s, it->second);
  if (Ticket* t = ticket_for(s, it->first)) {
    if (!r.service_name.empty()) t->service_name = r.service_name;
    t->latest = r;
    t->phase = Phase::ready;
  }
  return {save(s, it->second)};
}

std::vector<Effect> outbox_on_saved(State& s, const OutboxSaved& e) {
  std::vector<Effect> fx;
  OutboxSlot* slot = nullptr;
  for (auto& [key, candidate] : s.outbox)
    if (candidate.awaiting_save == e.save_id) slot = &candidate;
  if (!slot) return fx;   // superseded or forgotten
  slot->awaiting_save = 0;
  const std::string key = slot->entry.key;
  if (!e.ok) {
    Error err = make_error("outbox.storage", e.error, {{"path", e.error}});
    slot->send_after_save = false;
    if (!slot->shown) {
      // Nothing was kept, so nothing is sent: the resident stays on the
      // review page with everything they entered, and can try again.
      s.draft.submit_phase = Phase::failed;
      s.draft.submit_error = err;
      s.outbox.erase(key);
      return fx;
    }
    // The step is not on disk: it is not taken; what is on disk still holds.
    if (slot->entry.state == EntryState::uploading || slot->entry.state == EntryState::sending)
      slot->entry.state = EntryState::queued;
    slot->entry.last_error = err;
    mirror(s, *slot);
    return fx;
  }
  if (!slot->shown) {
    // Kept: the receipt shows the local reference at once.
    slot->shown = true;
    mirror(s, *slot);
    if (slot->draft) forget_raw(*slot->draft, fx);   // the compressed photos are the outbox's now
    if (slot->draft && s.draft.idempotency_key == key) {
      s.draft = Draft{};
      s.screen = Screen::receipt;
      s.open_ticket = key;
      s.announcement = format(s.lang, "outbox.announce_kept");
    }
  }
  if (slot->send_after_save) {
    slot->send_after_save = false;
    fx.push_back(to_request(s, *slot));
    return fx;
  }
  if (slot->entry.state == EntryState::failed_needs_input) {
    give_back(s, *slot, fx);
    return fx;
  }
  pump(s, *slot, fx);
  return fx;
}

std::vector<Effect> outbox_on_reply(State& s, const Pending& p, const HttpDone& d) {
  std::vector<Effect> fx;
  auto it = s.outbox.find(p.key);
  if (it == s.outbox.end() || it->second.request_id != d.request_id) return fx;
  OutboxSlot& slot = it->second;
  slot.request_id = 0;
  outbox::Reply r{d.status, d.body, d.headers, d.error};
  const std::uint64_t confirmed = outbox::upload_tally(slot.entry).sent;
  outbox::on_reply(slot.entry, slot.action, r, config_for(s, slot.entry), s.now_ms, tracking::random_u64());
  upload_after_reply(slot, confirmed);
  const bool delivered = slot.entry.state == EntryState::delivered;
  mirror(s, slot);
  if (slot.hidden) {
    // Delivered (or waiting) for a resident who has gone: nothing to say.
  } else if (!delivered && d.status == 0 && slot.entry.state == EntryState::queued) {
    s.announcement = format(s.lang, "ui.announce_queued");   // saved; sent when the network is back
  } else if (delivered) {
    Ticket* t = ticket_for(s, slot.entry.key);
    // Civic receipts: the signed receipt rides in the answer; the kiosk checks
    // it against the pinned key and prints the verdict.
    if (auto receipts = api::parse_submit(d.body); t && receipts && !receipts->empty())
      t->signed_receipt = receipts->front().signed_receipt;
    s.announcement = format(s.lang, "ui.announce_submitted",
                            {{"id", t && !t->id.empty() ? t->id : slot.entry.token}});
  }
  if (delivered) {   // the server has the photos: the device keeps none
    MediaForget forget;
    for (const auto& m : slot.entry.media) forget.ids.push_back(m.path);
    if (!forget.ids.empty()) fx.push_back(std::move(forget));
  }
  // The delivered record stays: it is this device's record of the ticket
  // (number and token for rating) across restarts.
  fx.push_back(save(s, slot));
  return fx;
}

std::vector<Effect> outbox_on_loaded(State& s, const OutboxLoaded& e) {
  std::vector<Effect> fx;
  for (const auto& bytes : e.records) {
    auto entry = outbox::deserialize_entry(bytes);
    if (!entry) {
      s.outbox_set_aside++;
      continue;
    }
    OutboxSlot slot;
    slot.entry = std::move(entry).value();
    if (s.outbox.count(slot.entry.key)) continue;   // already driven in this run
    outbox::recover_after_restart(slot.entry);
    slot.shown = true;
    slot.hidden = s.shared_device;   // kiosk: left by an earlier resident
    auto [it, fresh] = s.outbox.emplace(slot.entry.key, std::move(slot));
    (void)fresh;
    mirror(s, it->second);
  }
  for (auto& f : outbox_pump_all(s, false)) fx.push_back(std::move(f));
  return fx;
}

std::vector<Effect> outbox_pump_all(State& s, bool now_due) {
  std::vector<Effect> fx;
  if (s.wake_at_ms != 0 && s.wake_at_ms <= s.now_ms) s.wake_at_ms = 0;   // that Tick has come
  for (auto& [key, slot] : s.outbox) {
    if (now_due && slot.entry.state == EntryState::queued) slot.entry.next_attempt_ms = 0;
    pump(s, slot, fx);
  }
  return fx;
}

}  // namespace civic::app
