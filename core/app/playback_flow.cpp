// core/app/playback_flow.cpp — see playback_flow.hpp. Answers are matched by
// play id: anything for another id (a playback core already stopped) is
// dropped, so a late "ended" never stops the memo playing now.
#include "core/app/playback_flow.hpp"

#include <algorithm>

namespace civic::app {

namespace {

bool live(const Player& p) { return p.phase != PlayPhase::idle; }

const Attachment* memo(const Draft& d, const std::string& media_id) {
  for (const auto& a : d.attachments)
    if (a.kind == AttachmentKind::voice && a.id == media_id && a.phase == AttachmentPhase::ready) return &a;
  return nullptr;
}

void reset(Player& p) {
  p.phase = PlayPhase::idle;
  p.id = 0;
  p.media_id.clear();
  p.position_ms = 0;
}

void stop(State& s, std::vector<Effect>& fx) {
  Player& p = s.player;
  if (!live(p)) return;
  fx.push_back(StopPlayback{p.id});
  reset(p);
}

// The memo's length as the tile shows it: the position never runs past it.
std::int64_t length_of(const State& s) {
  const Attachment* a = memo(s.draft, s.player.media_id);
  return a ? a->duration_ms : 0;
}

}  // namespace

const Attachment* playing_memo(const State& s) {
  return live(s.player) ? memo(s.draft, s.player.media_id) : nullptr;
}

std::vector<Effect> play_pressed(State& s, const PlayPressed& e) {
  Player& p = s.player;
  const Attachment* a = memo(s.draft, e.media_id);
  if (!p.available || !a || s.screen != Screen::form) return {};
  if (s.recorder.phase != RecordPhase::idle) return {};   // the microphone is on: no sound into it
  if (live(p) && p.media_id == e.media_id) return {};     // already playing (a double tap)
  std::vector<Effect> fx;
  stop(s, fx);   // one sound at a time
  p.error.reset();
  p.error_media.clear();
  p.phase = PlayPhase::starting;
  p.id = p.next_id++;
  p.media_id = a->id;
  p.position_ms = 0;
  fx.push_back(PlayMemo{p.id, a->stored, a->content_type});
  return fx;
}

std::vector<Effect> play_stop_pressed(State& s) {
  std::vector<Effect> fx;
  stop(s, fx);
  return fx;
}

std::vector<Effect> playback_started(State& s, const PlaybackStarted& e) {
  Player& p = s.player;
  if (e.play_id != p.id || p.phase != PlayPhase::starting) return {};
  p.phase = PlayPhase::playing;
  return {};
}

bool playback_on_progress(State& s, const PlaybackProgress& e) {
  Player& p = s.player;
  if (e.play_id != p.id || !live(p)) return false;
  const std::int64_t before = p.position_ms;
  const bool started = p.phase == PlayPhase::starting;   // a shell may report before it says started
  p.phase = PlayPhase::playing;
  p.position_ms = std::clamp<std::int64_t>(e.position_ms, 0, std::max<std::int64_t>(0, length_of(s)));
  return started || p.position_ms / 1000 != before / 1000;
}

std::vector<Effect> playback_ended(State& s, const PlaybackEnded& e) {
  Player& p = s.player;
  if (e.play_id != p.id || !live(p)) return {};
  // Played to its end, or the platform took the sound away (a call, another
  // app): either way the button is "play" again and the memo starts over.
  reset(p);
  return {};
}

std::vector<Effect> playback_failed(State& s, const PlaybackFailed& e) {
  Player& p = s.player;
  if (e.play_id != p.id || !live(p)) return {};
  const char* id = "voice.play_failed";
  switch (e.failure) {
    case PlaybackFailure::missing: id = "voice.play_missing"; break;
    case PlaybackFailure::unsupported: id = "voice.play_unsupported"; break;
    case PlaybackFailure::failed: break;
  }
  p.error_media = p.media_id;
  p.error = make_error(id, e.detail.substr(0, 500));
  reset(p);
  return {};
}

void playback_sync(State& s, std::vector<Effect>& fx) {
  Player& p = s.player;
  if (p.error && !memo(s.draft, p.error_media)) {   // removed, discarded: its failure goes with it
    p.error.reset();
    p.error_media.clear();
  }
  if (!live(p)) return;
  if (s.screen != Screen::form || s.page_hidden || s.recorder.phase != RecordPhase::idle ||
      !memo(s.draft, p.media_id))
    stop(s, fx);
}

void playback_stop(State& s, std::vector<Effect>& fx) { stop(s, fx); }

}  // namespace civic::app
