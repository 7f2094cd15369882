// web/effects_web.hpp — carries out core's app::Effects with the browser's
// own facilities and queues their outcomes as app::Events. Completions never
// call update() directly: the main loop drains the queue between frames, so
// core sees one event at a time on the one thread (DESIGN.md: no locks).
#pragma once
#include <deque>
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"

namespace civic::web {

// Starts each effect (HTTP via fetch()); returns at once.
void run_effects(const std::vector<app::Effect>& effects);

// The window's `online` event → NetworkOnline (call once at start).
void install_network_events();

// Started::pins_json / capabilities_json, as TrustSave left them in
// localStorage ("" when none, or when storage is unavailable).
void load_trust(app::Started& start);

// Events that completed since the last call, oldest first.
std::deque<app::Event> take_completions();
bool has_completions();
// Queues an outcome reported by another part of the shell (photos_web.cpp).
void post_completion(app::Event e);
// Queues an outcome a browser callback reported (outside any effect) and
// tells the shell at once, as a fetch reply does: applied without waiting
// for a frame, and drawn only if it changed State (playback_web.cpp's
// position reports).
void post_arrival(app::Event e);
// Called after a completion is queued by the browser (a reply, a stored
// record, a timer), outside any effect being run: the shell may apply it at
// once instead of waiting for the next animation frame.
void on_completion(void (*arrived)());

}  // namespace civic::web
