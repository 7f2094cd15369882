// core/app/playback_flow.hpp — playing a voice memo back on the form before
// it is sent, as in any messaging app. The resident taps a memo's play
// button; core asks the shell to play it (Effect PlayMemo, web: an <audio>
// element over the memo's stored bytes) and is told it started, where it is
// (a few times a second), that it ended or why it failed. Core rules:
//   - one sound at a time: a second memo stops the first;
//   - playback stops (Effect StopPlayback) when a recording starts, the
//     playing memo is removed, the resident leaves the form, the page is
//     hidden, the draft is discarded or replaced, or a kiosk session ends;
//   - a memo whose bytes are gone, or that this browser cannot decode,
//     fails with a voice.play_* message on that memo's tile;
//   - a position report that does not change the whole seconds shown is no
//     change: no frame is drawn for it (update.cpp).
// Called only from update(): no I/O, no clock.
#pragma once
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

std::vector<Effect> play_pressed(State& s, const PlayPressed& e);
std::vector<Effect> play_stop_pressed(State& s);
std::vector<Effect> playback_started(State& s, const PlaybackStarted& e);
std::vector<Effect> playback_ended(State& s, const PlaybackEnded& e);
std::vector<Effect> playback_failed(State& s, const PlaybackFailed& e);
// Keeps the reported position; true when what is drawn changed (the whole
// seconds, or the first report of a start).
bool playback_on_progress(State& s, const PlaybackProgress& e);

// After every event: stops playback that may no longer go on (see above),
// and forgets a failure whose memo is gone.
void playback_sync(State& s, std::vector<Effect>& fx);
// Stops whatever plays (a kiosk session ends: State is replaced after this).
void playback_stop(State& s, std::vector<Effect>& fx);

// The memo playing or about to (empty: none).
const Attachment* playing_memo(const State& s);

}  // namespace civic::app
