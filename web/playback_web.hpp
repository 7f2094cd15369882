// web/playback_web.hpp — the browser side of playing a voice memo back
// (core/app/playback_flow.hpp): Effect PlayMemo/StopPlayback and the answers.
//
// Backend checklist:
//  [X] Can play: an <audio> element and URL.createObjectURL exist
//      (Started::can_play); otherwise the tiles show no play button.
//  [X] Started inside the resident's tap: civic-page.js primes a detached
//      <audio> element in the tap's own pointerup/click (mobile autoplay
//      rules let an element started in a gesture play later), and
//      civic-player.js (loaded on first play, also for a memo restored from
//      a draft after a reload) takes that element.
//  [X] Bytes: read from IndexedDB ("civic" database, store "media", where
//      civic-recorder.js keeps them) into a Blob of the memo's type, played
//      through an object URL; the URL is revoked and the element emptied at
//      every end (stop, end, failure, a newer memo).
//  [X] Answers: PlaybackStarted on the element's `playing`, PlaybackProgress
//      about 4 times a second only when the position moved (applied at once,
//      costing a frame only when the seconds shown change), PlaybackEnded on
//      `ended` (finished) or a pause the page did not ask for (interrupted),
//      PlaybackFailed: no bytes → missing, a type the element cannot play or
//      MEDIA_ERR_SRC_NOT_SUPPORTED/DECODE → unsupported, else failed.
//  [ ] Seeking within a memo (a tap on its bar).
#pragma once
#include "core/app/effect.hpp"
#include "core/app/event.hpp"

namespace civic::web {

// Before Started is dispatched: whether this browser can play memos back.
void playback_init(app::Started& started);

void playback_play(const app::PlayMemo& e);
void playback_stop(const app::StopPlayback& e);

}  // namespace civic::web
