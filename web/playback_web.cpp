// web/playback_web.cpp — see playback_web.hpp. The memo's bytes never pass
// through this module: civic-player.js reads them from IndexedDB into an
// <audio> element; only the answers become Events here.
//
// Limits (the page is outside bytes too): a media id longer than 64 bytes or
// a content type longer than 100 is not sent to the page; failure kinds
// outside 0..2 are "failed"; end reasons outside 0..1 are "finished";
// positions are clamped to 0..2^31 ms; details are cut to 500 bytes.
#include "playback_web.hpp"

#include <emscripten.h>

#include <string>

#include "effects_web.hpp"

namespace civic::web {

namespace {

EM_JS(int, civic_playback_bridge, (), {
  Module.civicPlaybackBridge = {
    started(id) { _civic_playback_started(id); },
    progress(id, ms) { _civic_playback_progress(id, +ms || 0); },
    // reason: 0 finished, 1 interrupted
    ended(id, reason) { _civic_playback_ended(id, reason | 0); },
    // kind: 0 missing, 1 unsupported, 2 failed
    failed(id, kind, detail) {
      const s = String(detail || '');
      const n = lengthBytesUTF8(s) + 1;
      const p = _malloc(n);
      stringToUTF8(s, p, n);
      _civic_playback_failed(id, kind | 0, p);
      _free(p);
    },
  };
  return typeof window.Audio === 'function' && typeof URL.createObjectURL === 'function' ? 1 : 0;
});

// civic-player.js loads on first play; a failure to load is the answer.
EM_JS(void, civic_playback_play, (double id, const char* media, const char* type), {
  const t = { id, media : UTF8ToString(media), type : UTF8ToString(type) };
  const fail = (e) => Module.civicPlaybackBridge.failed(id, 2, String(e && e.message || e));
  if (!Module.civicPlayerLoad) { setTimeout(() => fail('no player module'), 0); return; }
  Module.civicPlayerLoad().then((p) => p.play(t)).catch(fail);
});

EM_JS(void, civic_playback_stop, (double id), {
  if (Module.civicPlayerLoad)
    Module.civicPlayerLoad().then((p) => p.stop(id)).catch((e) => console.warn('civic: ' + e));
});

}  // namespace

void playback_init(app::Started& started) { started.can_play = civic_playback_bridge() != 0; }

void playback_play(const app::PlayMemo& e) {
  if (e.media_id.size() > 64 || e.content_type.size() > 100) {
    app::PlaybackFailed f;
    f.play_id = e.play_id;
    f.detail = "media id or type too long";
    post_arrival(std::move(f));
    return;
  }
  civic_playback_play(double(e.play_id), e.media_id.c_str(), e.content_type.c_str());
}

void playback_stop(const app::StopPlayback& e) { civic_playback_stop(double(e.play_id)); }

}  // namespace civic::web

extern "C" {

EMSCRIPTEN_KEEPALIVE void civic_playback_started(double id) {
  civic::web::post_arrival(civic::app::PlaybackStarted{static_cast<std::uint64_t>(id)});
}

// About 4 times a second while the position moves: applied at once (no
// frame of its own); core redraws only when the seconds shown change.
EMSCRIPTEN_KEEPALIVE void civic_playback_progress(double id, double ms) {
  civic::app::PlaybackProgress p;
  p.play_id = static_cast<std::uint64_t>(id);
  p.position_ms = ms > 0 ? static_cast<std::int64_t>(ms < 2147483647.0 ? ms : 2147483647.0) : 0;
  civic::web::post_arrival(p);
}

EMSCRIPTEN_KEEPALIVE void civic_playback_ended(double id, int reason) {
  civic::app::PlaybackEnded e;
  e.play_id = static_cast<std::uint64_t>(id);
  e.reason = reason == 1 ? civic::app::PlaybackEnd::interrupted : civic::app::PlaybackEnd::finished;
  civic::web::post_arrival(e);
}

EMSCRIPTEN_KEEPALIVE void civic_playback_failed(double id, int kind, const char* detail) {
  using civic::app::PlaybackFailure;
  civic::app::PlaybackFailed f;
  f.play_id = static_cast<std::uint64_t>(id);
  static constexpr PlaybackFailure kinds[] = {PlaybackFailure::missing, PlaybackFailure::unsupported,
                                              PlaybackFailure::failed};
  f.failure = kind >= 0 && kind <= 2 ? kinds[kind] : PlaybackFailure::failed;
  f.detail = std::string(detail ? detail : "").substr(0, 500);
  civic::web::post_arrival(std::move(f));
}

}  // extern "C"
