// web/voice_web.hpp — the browser side of voice memos (core/app/
// voice_flow.hpp): Effect RecordStart/RecordStop and the answers.
//
// Backend checklist:
//  [X] Can record: navigator.mediaDevices.getUserMedia and MediaRecorder
//      exist (Started::can_record); otherwise the form offers no control.
//  [X] The microphone is asked for inside the resident's tap, click or key
//      press on "record" (web/civic-page.js), where browsers allow a prompt;
//      RecordStart then uses that stream (or asks now, for a press the page
//      could not see).
//  [X] Recording: web/civic-recorder.js (loaded on first use) runs a
//      MediaRecorder with the first type isTypeSupported accepts (audio/webm
//      Opus, audio/ogg Opus, audio/mp4), at the bit rate core asks, chunks
//      collected; RecordProgress about 4 times a second (elapsed, bytes,
//      input level from an AnalyserNode); its own stop at max_ms or
//      max_bytes only as a backstop.
//  [X] Stored: the Blob's bytes in IndexedDB ("civic" database, store
//      "media", the photos' store) under voc-<hex>, committed before
//      RecordStopped (with their SHA-256 from crypto.subtle), so the outbox's
//      tus PATCH bodies read them after a reload, like a photo's.
//  [X] The microphone's tracks are stopped at the end of every path (stop,
//      discard, failure, a stream granted after the resident gave up): the
//      browser's recording indicator goes off.
//  [X] Failures: NotAllowedError/SecurityError → denied, NotFoundError/
//      OverconstrainedError → no_device, no MediaRecorder → unsupported,
//      QuotaExceededError → storage_full, anything else → failed.
//  [X] Playback of a memo on the form: playback_web.hpp.
#pragma once
#include "core/app/effect.hpp"
#include "core/app/event.hpp"

namespace civic::web {

// Before Started is dispatched: whether this browser can record, and the
// page's callbacks into the app.
void voice_init(app::Started& started);

void voice_start(const app::RecordStart& e);
void voice_stop(const app::RecordStop& e);

}  // namespace civic::web
