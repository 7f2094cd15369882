// web/voice_web.cpp — see voice_web.hpp. The bytes never pass through this
// module: civic-recorder.js moves them from the MediaRecorder into
// IndexedDB; only the answers become Events here.
//
// Limits (the page is outside bytes too): a media id longer than 64 bytes,
// a content type longer than 100 or a SHA-256 longer than 64 is dropped
// (core then refuses the memo, or sends it without a checksum, as it does
// for a SHA-256 that is not a digest);
// failure kinds outside 0..4 are "failed"; details are cut to 500 bytes.
#include "voice_web.hpp"

#include <emscripten.h>

#include <string>

#include "core/app/attachments.hpp"
#include "effects_web.hpp"

namespace civic::web {

namespace {

EM_JS(int, civic_voice_bridge, (), {
  const str = (s) => {
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  };
  Module.civicVoiceBridge = {
    started(id) { _civic_voice_started(id); },
    progress(id, elapsed, bytes, level) { _civic_voice_progress(id, +elapsed || 0, +bytes || 0, level | 0); },
    stopped(id, media, bytes, duration, type, sha) {
      const s = [String(media || ""), String(type || ""), String(sha || "")].map(str);
      _civic_voice_stopped(id, s[0], +bytes || 0, +duration || 0, s[1], s[2]);
      s.forEach((p) => _free(p));
    },
    // kind: 0 denied, 1 no_device, 2 unsupported, 3 storage_full, 4 failed
    failed(id, kind, detail) {
      const d = str(String(detail || ""));
      _civic_voice_failed(id, kind | 0, d);
      _free(d);
    },
  };
  const md = navigator.mediaDevices;
  return md && typeof md.getUserMedia === 'function' && typeof window.MediaRecorder === 'function' ? 1 : 0;
});

// civic-recorder.js loads on first use; a failure to load is the answer.
EM_JS(void, civic_voice_start, (double id, double max_ms, double max_bytes, int bits), {
  const fail = (e) => Module.civicVoiceBridge.failed(id, 4, String(e && e.message || e));
  if (!Module.civicRecorderLoad) { setTimeout(() => fail('no recorder module'), 0); return; }
  Module.civicRecorderLoad().then((r) => r.start({ id, maxMs : max_ms, maxBytes : max_bytes, bits })).catch(fail);
});

EM_JS(void, civic_voice_stop, (double id, int discard), {
  if (Module.civicRecorderLoad)
    Module.civicRecorderLoad().then((r) => r.stop(id, !!discard)).catch((e) => console.warn('civic: ' + e));
});

}  // namespace

void voice_init(app::Started& started) { started.can_record = civic_voice_bridge() != 0; }

void voice_start(const app::RecordStart& e) {
  civic_voice_start(double(e.record_id), double(e.max_ms), double(e.max_bytes), e.bits_per_second);
}

void voice_stop(const app::RecordStop& e) { civic_voice_stop(double(e.record_id), e.discard ? 1 : 0); }

}  // namespace civic::web

extern "C" {

EMSCRIPTEN_KEEPALIVE void civic_voice_started(double id) {
  civic::web::post_completion(civic::app::RecordStarted{static_cast<std::uint64_t>(id)});
}

EMSCRIPTEN_KEEPALIVE void civic_voice_progress(double id, double elapsed_ms, double bytes, int level) {
  civic::app::RecordProgress p;
  p.record_id = static_cast<std::uint64_t>(id);
  p.elapsed_ms = elapsed_ms > 0 ? static_cast<std::int64_t>(elapsed_ms) : 0;
  p.bytes = bytes > 0 ? static_cast<std::uint64_t>(bytes) : 0;
  p.level = level;
  civic::web::post_completion(std::move(p));
}

EMSCRIPTEN_KEEPALIVE void civic_voice_stopped(double id, const char* media, double bytes, double duration_ms,
                                              const char* type, const char* sha) {
  civic::app::RecordStopped s;
  s.record_id = static_cast<std::uint64_t>(id);
  const std::string m = media ? media : "", t = type ? type : "", h = sha ? sha : "";
  if (m.size() <= 64) s.media_id = m;
  if (t.size() <= 100) s.content_type = t;
  if (h.size() <= 64) s.sha256 = h;   // core checks it is a digest
  s.bytes = bytes > 0 ? static_cast<std::uint64_t>(bytes) : 0;
  s.duration_ms = duration_ms > 0 ? static_cast<std::int64_t>(duration_ms) : 0;
  civic::web::post_completion(std::move(s));
}

EMSCRIPTEN_KEEPALIVE void civic_voice_failed(double id, int kind, const char* detail) {
  using civic::app::RecordFailure;
  civic::app::RecordFailed f;
  f.record_id = static_cast<std::uint64_t>(id);
  static constexpr RecordFailure kinds[] = {RecordFailure::denied, RecordFailure::no_device, RecordFailure::unsupported,
                                            RecordFailure::storage_full, RecordFailure::failed};
  f.failure = kind >= 0 && kind <= 4 ? kinds[kind] : RecordFailure::failed;
  f.detail = std::string(detail ? detail : "").substr(0, 500);
  civic::web::post_completion(std::move(f));
}

}  // extern "C"
