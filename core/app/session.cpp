// core/app/session.cpp — the session clock, the hall location offered in
// every form, and the wipe of what a resident entered (session.hpp).
#include "core/app/session.hpp"

#include "core/app/state.hpp"
#include "core/crypto/sodium.hpp"

namespace civic::app {

SessionPhase session_phase(const Session& s, std::int64_t now_ms) {
  if (!s.active) return SessionPhase::idle;
  if (s.config.idle_ms <= 0) return SessionPhase::active;
  std::int64_t quiet = now_ms - s.last_touch_ms;
  if (quiet >= s.config.idle_ms) return SessionPhase::expired;
  if (quiet >= s.config.idle_ms - s.config.warn_ms) return SessionPhase::warning;
  return SessionPhase::active;
}

int session_seconds_left(const Session& s, std::int64_t now_ms) {
  if (!s.active || s.config.idle_ms <= 0) return 0;
  std::int64_t left = s.config.idle_ms - (now_ms - s.last_touch_ms);
  if (left <= 0) return 0;
  return static_cast<int>((left + 999) / 1000);
}

namespace {

void wipe_location(forms::Location& l) {
  crypto::wipe(l.lat);
  crypto::wipe(l.lon);
  crypto::wipe(l.address);
  crypto::wipe(l.place_id);
}

void wipe_value(forms::FieldValue& v) {
  crypto::wipe(v.text);
  for (auto& k : v.keys) crypto::wipe(k);
  wipe_location(v.location);
  for (auto& a : v.attachments) crypto::wipe(a.name);
}

}  // namespace

void wipe_ticket(Ticket& t) {
  crypto::wipe(t.token);
  crypto::wipe(t.rate_comment);
  if (t.latest) {
    crypto::wipe(t.latest->description);
    crypto::wipe(t.latest->address);
    crypto::wipe(t.latest->status_notes);
  }
}

void wipe_resident_data(State& s) {
  for (auto& f : s.draft.form.fields) wipe_value(f.value);
  crypto::wipe(s.draft.idempotency_key);
  for (auto& t : s.tickets) wipe_ticket(t);
  crypto::wipe(s.announcement);
  crypto::wipe(s.finder.query);     // what they searched for and described
  crypto::wipe(s.finder.concern);
}

}  // namespace civic::app
