// web/video_web.cpp — see video_web.hpp. The bytes never pass through this
// module: civic-photos.js moves them from the file into IndexedDB; only
// the answer (and the file's first bytes) become an Event here.
//
// Limits (the page is outside bytes too): a media id longer than 64 bytes,
// a name longer than 255, a type longer than 100 or a SHA-256 longer than
// 64 is dropped (core then refuses the video, or sends it without a
// whole-file checksum, as it does for a SHA-256 that is not a digest); at most kVideoHeadBytes of head are
// copied; error ids other than video.* become video.read_failed in core.
#include "video_web.hpp"

#include <emscripten.h>

#include <algorithm>
#include <string>

#include "core/app/attachments.hpp"
#include "core/app/event.hpp"
#include "effects_web.hpp"
#include "ui/photo_preview.hpp"

namespace civic::web {

namespace {

EM_JS(void, civic_video_bridge, (double max_bytes, int head_bytes), {
  const str = (s) => {
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  };
  Module.civicVideoBridge = {
    maxBytes : max_bytes,
    headBytes : head_bytes,
    picked(id, bytes, name, type, sha, head, error, durationMs) {
      const h = head ? head.subarray(0, head_bytes) : new Uint8Array(0);
      const hp = _malloc(Math.max(1, h.length));
      HEAPU8.set(h, hp);
      const s = [String(id || ""), String(name || ""), String(type || ""), String(sha || ""), String(error || "")].map(str);
      _civic_video_picked(s[0], +bytes || 0, s[1], s[2], s[3], hp, h.length, s[4], +durationMs || 0);
      s.forEach((p) => _free(p));
      _free(hp);
    },
  };
});

}  // namespace

void video_init() {
  civic_video_bridge(double(app::kMaxVideoBytes), int(app::kVideoHeadBytes));
  ui::set_picker_takes_video(true);
}

}  // namespace civic::web

extern "C" {

EMSCRIPTEN_KEEPALIVE void civic_video_picked(const char* id, double bytes, const char* name, const char* type,
                                             const char* sha, const unsigned char* head, int head_len,
                                             const char* error, double duration_ms) {
  civic::app::VideoPicked v;
  const std::string m = id ? id : "", n = name ? name : "", t = type ? type : "", h = sha ? sha : "";
  if (m.size() <= 64) v.media_id = m;
  v.name = n.substr(0, 255);
  if (t.size() <= 100) v.content_type = t;
  if (h.size() <= 64) v.sha256 = h;   // core checks it is a digest
  v.bytes = bytes > 0 ? static_cast<std::uint64_t>(bytes) : 0;
  if (head && head_len > 0)
    v.head.assign(reinterpret_cast<const char*>(head),
                  static_cast<std::size_t>(std::min<int>(head_len, int(civic::app::kVideoHeadBytes))));
  v.error = std::string(error ? error : "").substr(0, 500);
  // Core caps it (kMaxVideoDurationMs); here only what a double holds exactly.
  v.duration_ms = duration_ms > 0 && duration_ms < 9e15 ? static_cast<std::uint64_t>(duration_ms) : 0;
  civic::web::post_completion(std::move(v));
}

}  // extern "C"
