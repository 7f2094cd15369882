// web/photos_web.cpp — see photos_web.hpp. The bytes never pass through this
// module: civic-photos.js moves them between the file, IndexedDB and the
// worker; here only the app's answers (as JSON from the worker) become
// Events, and preview pixels become a texture.
//
// Limits (the page is outside bytes too): an answer without the stored
// JPEG's id, size and SHA-256 is a photo.worker_failed answer; error ids
// other than media.* and photo.* become photo.worker_failed, at most 8
// params of 200 bytes are kept; preview
// pixels must be width * height * 4 bytes with both sides in
// 1..ui::kPreviewEdge, else they are ignored (the photo shows as a card);
// previews are asked for at most once per media id.
#include "photos_web.hpp"

#include <emscripten.h>
#include <algorithm>
#include <string>
#include <vector>

#include "core/app/attachments.hpp"
#include "effects_web.hpp"
#include "shaders/photo_preview_gl.hpp"
#include "ui/photo_preview.hpp"

namespace civic::web {

namespace {

shaders::PhotoPreviewGl g_gl;
bool g_gl_ready = false;
bool g_redraw = false;
std::vector<std::string> g_asked;   // media ids whose preview was asked for

// The page's callbacks into this module, with the heap at hand.
EM_JS(void, civic_photo_bridge, (double max_raw_bytes, int preview_edge), {
  const str = (s) => {
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  };
  Module.civicPhotoBridge = {
    maxRawBytes : max_raw_bytes,
    previewEdge : preview_edge,
    picked(id, bytes, name, error) {
      const a = str(String(id)), b = str(String(name || "")), c = str(String(error || ""));
      _civic_photo_picked(a, bytes, b, c);
      _free(a); _free(b); _free(c);
    },
    progress(job, percent) { _civic_photo_progress(job, percent | 0); },
    // The worker's JSON (civic-media-worker.js), taken apart here so the
    // wasm side needs no JSON parser for it.
    done(job, json) {
      let a;
      try { a = JSON.parse(String(json)); } catch (e) { a = null; }
      if (!a || typeof a !== 'object') a = { ok : false, error : 'photo.worker_failed', detail : 'bad answer' };
      const gps = a.gps && typeof a.gps === 'object' ? a.gps : null;
      let params = "";
      if (a.params && typeof a.params === 'object')
        for (const k of Object.keys(a.params).slice(0, 8)) params += k + "=" + String(a.params[k]).split("\n").join(" ") + "\n";
      const s = [a.ok === true ? "" : String(a.error || 'photo.worker_failed'), String(a.detail || ""), params,
                 String(a.stored || ""), String(a.sha256 || ""), String(a.hash || "")].map(str);
      _civic_photo_done(job, s[0], s[1], s[2], s[3], s[4], s[5], +a.bytes || 0, a.width | 0, a.height | 0,
                        a.source_width | 0, a.source_height | 0, a.orientation | 0, gps ? 1 : 0,
                        gps ? +gps.lat : 0, gps ? +gps.lon : 0);
      s.forEach((p) => _free(p));
    },
    pixels(id, width, height, orientation, rgba) {
      const a = str(String(id));
      const p = _malloc(Math.max(1, rgba.length));
      HEAPU8.set(rgba, p);
      _civic_photo_pixels(a, width | 0, height | 0, orientation | 0, p, rgba.length);
      _free(p);
      _free(a);
    },
  };
});

EM_JS(void, civic_photo_open, (), {
  if (Module.civicPhotos) Module.civicPhotos.pressed();
});

// civic-photos.js loads on first use; a failure to load is the job's answer.
EM_JS(void, civic_photo_compress, (double job, const char* source, const float* edit, int edit_len, int max_edge,
                                   double max_bytes, double max_source), {
  const task = {
    job : job,
    source : UTF8ToString(source),
    edit : HEAPF32.slice(edit >> 2, (edit >> 2) + edit_len),
    maxEdge : max_edge,
    maxBytes : max_bytes,
    maxSource : max_source,
  };
  const fail = (e) => Module.civicPhotoBridge.done(job, JSON.stringify({
    ok : false, error : 'photo.worker_failed', detail : String(e && e.message || e) }));
  if (!Module.civicPhotosLoad) { setTimeout(() => fail('no photo module'), 0); return; }
  Module.civicPhotosLoad().then((p) => p.compress(task)).catch(fail);
});

EM_JS(void, civic_photo_forget, (const char* ids), {
  const list = UTF8ToString(ids).split("\n").filter((s) => s);
  if (list.length && Module.civicPhotosLoad)
    Module.civicPhotosLoad().then((p) => p.forget(list)).catch((e) => console.warn('civic: media not forgotten: ' + e));
});

EM_JS(void, civic_photo_want_preview, (const char* id), {
  const m = UTF8ToString(id);
  if (Module.civicPhotosLoad)
    Module.civicPhotosLoad().then((p) => p.preview(m)).catch((e) => console.warn('civic: no preview: ' + e));
});

EM_JS(void, civic_photo_warn, (const char* what), { console.warn('civic: ' + UTF8ToString(what)); });

// The preview's shaders are compiled the first time a preview is needed, in
// a frame (the shell's context is current), not at start: the first frame
// does not wait for a program it does not draw. False, once and for good,
// when they do not compile (photos then show as cards).
bool gl_ready() {
  static bool tried = false;
  if (!tried) {
    tried = true;
    g_gl_ready = g_gl.init(shaders::GlFlavor::gles300);
    if (!g_gl_ready) civic_photo_warn(("photo preview unavailable: " + g_gl.error()).c_str());
  }
  return g_gl_ready;
}

}  // namespace

bool photos_init() {
  civic_photo_bridge(double(app::kMaxPhotoRawBytes), ui::kPreviewEdge);
  ui::set_photo_picker([] { civic_photo_open(); });
  ui::set_photo_renderer({[](const std::string& id) -> std::optional<ui::PhotoPixels> {
                            if (!gl_ready()) return std::nullopt;
                            auto px = g_gl.pixels(id);
                            if (!px && g_asked.size() < 256 &&
                                std::find(g_asked.begin(), g_asked.end(), id) == g_asked.end()) {
                              g_asked.push_back(id);
                              civic_photo_want_preview(id.c_str());
                            }
                            return px;
                          },
                          [](const ui::PhotoQuad& q) { return gl_ready() ? g_gl.render(q) : std::uintptr_t(0); }});
  return true;
}

void photos_compress(const app::PhotoCompress& job) {
  std::vector<float> edit = {float(job.edit.quarter_turns), job.edit.crop.x, job.edit.crop.y, job.edit.crop.w,
                             job.edit.crop.h};
  for (const auto& r : job.edit.redactions) edit.insert(edit.end(), {r.x, r.y, r.w, r.h});
  civic_photo_compress(double(job.job_id), job.source.c_str(), edit.data(), int(edit.size()), job.max_edge,
                       double(job.max_bytes), double(job.max_source_bytes));
}

void photos_forget(const app::MediaForget& forget) {
  std::string ids;
  for (const auto& id : forget.ids) {
    if (id.find('\n') != std::string::npos) continue;
    ids += id + "\n";
    if (g_gl_ready) g_gl.forget(id);
    std::erase(g_asked, id);
  }
  civic_photo_forget(ids.c_str());
}

bool photos_take_redraw() {
  const bool r = g_redraw;
  g_redraw = false;
  return r;
}

}  // namespace civic::web

extern "C" {

EMSCRIPTEN_KEEPALIVE void civic_photo_picked(const char* id, double bytes, const char* name, const char* error) {
  civic::app::PhotoPicked p;
  p.media_id = id ? id : "";
  p.bytes = bytes > 0 ? static_cast<std::uint64_t>(bytes) : 0;
  p.name = name ? name : "";
  p.error = error ? error : "";
  civic::web::post_completion(std::move(p));
}

EMSCRIPTEN_KEEPALIVE void civic_photo_progress(double job, int percent) {
  civic::web::post_completion(civic::app::PhotoProgress{static_cast<std::uint64_t>(job), percent});
}

// A PhotoCompress answer: error "" (done) or a message id; params "k=v\n"...
EMSCRIPTEN_KEEPALIVE void civic_photo_done(double job, const char* error, const char* detail, const char* params,
                                           const char* stored, const char* sha256, const char* hash, double size,
                                           int width, int height, int source_width, int source_height,
                                           int orientation, int has_gps, double lat, double lon) {
  using namespace civic;
  app::PhotoCompressed a;
  a.job_id = static_cast<std::uint64_t>(job);
  std::string id = error ? error : "";
  if (!id.empty()) {
    // Only message ids the catalogue has: core/media's and the photo ones.
    if (id.rfind("media.", 0) != 0 && id.rfind("photo.", 0) != 0) id = "photo.worker_failed";
    Error e = make_error(id, detail ? std::string(detail).substr(0, 1000) : "");
    const std::string p = params ? params : "";
    for (std::size_t at = 0; at < p.size() && at < 4096 && e.params.size() < 8;) {
      std::size_t nl = p.find('\n', at);
      if (nl == std::string::npos) nl = p.size();
      const std::string row = p.substr(at, nl - at);
      if (auto eq = row.find('='); eq != std::string::npos && eq > 0)
        e.params[row.substr(0, eq)] = row.substr(eq + 1, 200);
      at = nl + 1;
    }
    a.error = std::move(e);
  } else {
    a.stored = stored ? stored : "";
    a.sha256 = sha256 ? sha256 : "";
    a.hash = hash ? hash : "";
    a.size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
    a.width = width;
    a.height = height;
    a.source_width = source_width;
    a.source_height = source_height;
    a.orientation = orientation;
    if (has_gps) a.gps = media::GeoPoint{lat, lon};
    if (a.stored.empty() || a.sha256.size() != 64 || a.size == 0)
      a.error = make_error("photo.worker_failed", "the photo worker's answer is incomplete");
  }
  web::post_completion(std::move(a));
}

EMSCRIPTEN_KEEPALIVE void civic_photo_pixels(const char* id, int width, int height, int orientation,
                                             const unsigned char* rgba, int len) {
  using namespace civic;
  if (!web::gl_ready() || !id || width <= 0 || height <= 0 || width > ui::kPreviewEdge ||
      height > ui::kPreviewEdge || len != width * height * 4 || orientation < 1 || orientation > 8)
    return;
  web::g_gl.set_pixels(id, width, height, orientation, rgba);
  web::g_redraw = true;
}

}  // extern "C"
