// native/kiosk/session_guard.hpp — the kiosk restarts its own UI after a
// crash, and a resident's half-filed concern survives it.
// The process forks before any window exists: the parent only waits; the
// child runs the UI. If the child dies by a signal (a crash, the OOM killer)
// the parent starts a new one at once; the session key lives in a page both
// share (MAP_SHARED | MAP_ANONYMOUS, mlock'd, MADV_DONTDUMP), so the new UI
// can open the sealed draft the old one left (session.hpp) — while the key
// itself never reaches the disk. An exit (quit, a bad flag) ends both.
//  [x] SIGTERM / SIGINT / SIGHUP to the parent are passed on to the UI
//  [x] the UI dies with the parent (PR_SET_PDEATHSIG)
//  [x] at most 5 restarts a minute; then the parent exits 70 and systemd's
//      Restart=always takes over (the key is lost then: a clean start)
//  [ ] restarting after a hang (needs a watchdog ping from the frame loop)
#pragma once
#include "native/kiosk/session.hpp"

namespace civic::kiosk {

// A key slot shared with the parent, or nullptr.
KeySlot* make_shared_key_slot();

// Returns -1 in the child (go on and run the UI); in the parent, returns the
// exit code once the UI exited for good.
int supervise();

}  // namespace civic::kiosk
