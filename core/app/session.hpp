// core/app/session.hpp — the kiosk's resident session: everything one
// resident entered lives in State until "Finish" or inactivity ends it, and
// ending it leaves the State a clean start (home screen, the hall's default
// language and settings, no draft, no tickets on screen).
//
// Time is passed in (SessionTick::now_ms from the shell's monotonic clock);
// core never reads a clock, so every countdown is a deterministic doctest row.
//   idle      nobody has touched the screen since the last session ended
//   active    a resident is here; the countdown is not shown
//   warning   the last warn_ms of idle_ms: "still there?" with seconds left
//   (expired) idle_ms without a touch: update() ends the session itself
// idle_ms == 0 turns the automatic end off (Finish still ends a session).
#pragma once
#include <cstdint>
#include <vector>

#include "core/forms/value.hpp"

namespace civic::app {

struct State;
struct Ticket;

struct SessionConfig {
  std::int64_t idle_ms = 120000;   // inactivity that ends a session
  std::int64_t warn_ms = 20000;    // the "still there?" prompt before the end
};

enum class SessionPhase { idle, active, warning, expired };

struct Session {
  SessionConfig config;
  bool active = false;                 // a resident touched something since the last end
  std::int64_t last_touch_ms = 0;      // shell's monotonic clock
  std::int64_t now_ms = 0;             // the latest tick, for the countdown on screen
  std::uint64_t ended = 0;             // sessions ended so far: shells wipe their copies when it changes
};

SessionPhase session_phase(const Session& s, std::int64_t now_ms);
// Whole seconds until the automatic end, rounded up (0 when not counting).
int session_seconds_left(const Session& s, std::int64_t now_ms);

// The hall's own place, the default location of every concern filed at it.
struct HallLocation {
  std::string lat, lon;   // decimal strings (forms::format_coordinate)
  std::string name;       // shown as the address, e.g. "南山区政务服务中心"
  bool empty() const { return lat.empty() && name.empty(); }
};

// Overwrites (sodium_memzero) every string in `s` that may hold what a
// resident entered: form values, tokens, announcements (the outbox's own
// records are not touched: they are on their way to the server).
void wipe_resident_data(State& s);
void wipe_ticket(Ticket& t);

}  // namespace civic::app
