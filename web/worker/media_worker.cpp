// web/worker/media_worker.cpp — core/media for the browser, as its own small
// wasm module (civic-media.js) that a Web Worker loads, so a 48 MP photo is
// made small without freezing the UI thread. No business logic here: it
// copies bytes in and out and turns core's Result into JSON for the page.
//
// Two ways in, both measured by tests/bench/media/browser_bench.mjs:
//   civic_media_compress(bytes)      the whole pipeline in wasm (core decodes)
//   civic_media_compress_rgba(px)    pixels the browser decoded and turned
//                                    upright (createImageBitmap), which the
//                                    core resizes, redacts and encodes
// and civic_media_probe(bytes) for the upright size, orientation and GPS.
// The app's photo jobs (web/civic-photos.js, Effect PhotoCompress) use
//   civic_media_job(bytes, edit)     compress with the resident's edit and
//                                    the app's budget, plus the SHA-256 the
//                                    tus upload announces (core/app/photo_job
//                                    semantics, without linking core/app)
//   civic_media_preview(bytes, edge) stored-orientation RGBA at most `edge`
//                                    px, for the editor's GPU preview
// and the app's picked videos use
//   civic_media_video(bytes)         blank the location metadata IN PLACE
//                                    (core/media/video_meta) and read the
//                                    duration; the caller copies the bytes
//                                    back out of the heap (no second copy)
// Every call returns a handle; read it with civic_media_json/_jpeg/_jpeg_size
// (the output bytes: JPEG, or RGBA for a preview) and give it back with
// civic_media_release.
// Limits: an edit is at most 5 + 4 * media::kMaxRedactions floats (more
// regions are dropped, as core's editor does); sources as core/media's.
#include <emscripten.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>

#include <sodium.h>

#include "core/media/compress.hpp"
#include "core/media/orient.hpp"
#include "core/media/resize.hpp"
#include "core/media/video_meta.hpp"

namespace {

using namespace civic;

struct Out {
  std::string json;
  std::vector<uint8_t> jpeg;
};

std::string quoted(const std::string& s) {
  std::string o = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') { o += '\\'; o += ch; }
    else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); o += b; }
    else o += ch;
  }
  return o + "\"";
}

std::string gps_json(const std::optional<media::GeoPoint>& g) {
  if (!g) return "null";
  char b[96];
  std::snprintf(b, sizeof b, "{\"lat\":%.7f,\"lon\":%.7f}", g->lat, g->lon);
  return b;
}

Out* failed(const Error& e) {
  auto* o = new Out;
  std::string params = "{";
  for (const auto& [k, v] : e.params) params += (params.size() > 1 ? "," : "") + quoted(k) + ":" + quoted(v);
  o->json = "{\"ok\":false,\"error\":" + quoted(e.id) + ",\"detail\":" + quoted(e.detail) +
            ",\"params\":" + params + "}}";
  return o;
}

std::string sha256_hex(const std::vector<uint8_t>& bytes) {
  unsigned char d[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(d, bytes.data(), bytes.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, d, sizeof d);
  return hex;
}

// [turns, crop x, y, w, h, region x, y, w, h, ...] as fractions (edit.hpp).
media::PhotoEdit edit_from(const float* f, int n) {
  media::PhotoEdit e;
  if (!f || n < 5) return e;
  e.quarter_turns = ((static_cast<int>(f[0]) % 4) + 4) % 4;
  e.crop = {f[1], f[2], f[3], f[4]};
  for (int i = 5; i + 3 < n && e.redactions.size() < media::kMaxRedactions; i += 4)
    e.redactions.push_back({f[i], f[i + 1], f[i + 2], f[i + 3]});
  return e;
}

Out* done(media::Compressed&& c) {
  auto* o = new Out;
  const auto& ms = c.ms;
  char b[512];
  std::snprintf(b, sizeof b,
                "{\"ok\":true,\"width\":%d,\"height\":%d,\"bytes\":%zu,\"quality\":%d,\"orientation\":%d,"
                "\"passthrough\":%s,\"ms\":{\"probe\":%.1f,\"decode\":%.1f,\"resize\":%.1f,\"orient\":%.1f,"
                "\"redact\":%.1f,\"encode\":%.1f,\"hash\":%.1f,\"total\":%.1f},",
                c.width, c.height, c.jpeg.size(), c.quality, c.orientation, c.passthrough ? "true" : "false",
                ms.probe, ms.decode, ms.resize, ms.orient, ms.redact, ms.encode, ms.hash, ms.total);
  o->json = std::string(b) + "\"gps\":" + gps_json(c.gps) + ",\"hash\":" + quoted(c.hash_hex) + "}";
  o->jpeg = std::move(c.jpeg);
  return o;
}

media::CompressOptions options(int max_edge, int max_bytes, int quality) {
  media::CompressOptions opt;
  opt.max_edge = max_edge;
  opt.max_bytes = max_bytes > 0 ? static_cast<size_t>(max_bytes) : 0;
  opt.quality = quality;
  return opt;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE Out* civic_media_compress(const uint8_t* bytes, int len, int max_edge, int max_bytes,
                                               int quality) {
  auto c = media::compress(std::span<const uint8_t>(bytes, len > 0 ? static_cast<size_t>(len) : 0),
                           options(max_edge, max_bytes, quality));
  return c ? done(std::move(c.value())) : failed(c.error());
}

EMSCRIPTEN_KEEPALIVE Out* civic_media_compress_rgba(const uint8_t* rgba, int width, int height, int max_edge,
                                                    int max_bytes, int quality) {
  if (width <= 0 || height <= 0) return failed(make_error("media.corrupt", "no pixels"));
  const media::Image rgb = media::from_rgba(rgba, width, height);
  auto c = media::compress_pixels(media::view(rgb), options(max_edge, max_bytes, quality));
  return c ? done(std::move(c.value())) : failed(c.error());
}

EMSCRIPTEN_KEEPALIVE Out* civic_media_probe(const uint8_t* bytes, int len) {
  auto p = media::probe(std::span<const uint8_t>(bytes, len > 0 ? static_cast<size_t>(len) : 0));
  if (!p) return failed(p.error());
  const auto& d = p.value();
  const bool swap = media::orientation_swaps_axes(d.exif.orientation);
  auto* o = new Out;
  char b[160];
  std::snprintf(b, sizeof b, "{\"ok\":true,\"width\":%d,\"height\":%d,\"orientation\":%d,",
                swap ? d.layout.height : d.layout.width, swap ? d.layout.width : d.layout.height,
                d.exif.orientation);
  o->json = std::string(b) + "\"gps\":" + gps_json(d.exif.gps) + "}";
  return o;
}

// A PhotoCompress job: JSON {ok, width, height, source_width, source_height,
// orientation, gps, hash, sha256, bytes} or {ok:false, error, detail, params}.
EMSCRIPTEN_KEEPALIVE Out* civic_media_job(const uint8_t* bytes, int len, const float* edit, int edit_len,
                                          int max_edge, int max_bytes) {
  media::CompressOptions opt = options(max_edge, max_bytes, 80);
  opt.edit = edit_from(edit, edit_len);
  auto c = media::compress(std::span<const uint8_t>(bytes, len > 0 ? static_cast<size_t>(len) : 0), opt);
  if (!c) return failed(c.error());
  media::Compressed& r = c.value();
  auto* o = new Out;
  char b[256];
  std::snprintf(b, sizeof b,
                "{\"ok\":true,\"width\":%d,\"height\":%d,\"source_width\":%d,\"source_height\":%d,"
                "\"orientation\":%d,\"bytes\":%zu,",
                r.width, r.height, r.source_width, r.source_height, r.orientation, r.jpeg.size());
  o->json = std::string(b) + "\"gps\":" + gps_json(r.gps) + ",\"hash\":" + quoted(r.hash_hex) +
            ",\"sha256\":" + quoted(sha256_hex(r.jpeg)) + "}";
  o->jpeg = std::move(r.jpeg);
  return o;
}

// Preview pixels as stored (EXIF orientation not applied: the shader does
// it), RGBA, the longer edge at most `edge`: JSON {ok, width, height, orientation}.
EMSCRIPTEN_KEEPALIVE Out* civic_media_preview(const uint8_t* bytes, int len, int edge) {
  if (edge < 16) edge = 16;
  auto d = media::decode_scaled_with(std::span<const uint8_t>(bytes, len > 0 ? static_cast<size_t>(len) : 0), {},
                                     edge, edge, [&](const media::ImageView& v) {
                                       const media::Size s = media::fit_within(v.width, v.height, edge);
                                       return media::resize(v, s.width, s.height);
                                     });
  if (!d) return failed(d.error());
  auto* o = new Out;
  const media::Image& img = d->image;
  o->jpeg.resize(img.rgb.size() / 3 * 4);
  for (size_t i = 0, j = 0; i + 2 < img.rgb.size(); i += 3, j += 4) {
    o->jpeg[j] = img.rgb[i];
    o->jpeg[j + 1] = img.rgb[i + 1];
    o->jpeg[j + 2] = img.rgb[i + 2];
    o->jpeg[j + 3] = 255;
  }
  char b[128];
  std::snprintf(b, sizeof b, "{\"ok\":true,\"width\":%d,\"height\":%d,\"orientation\":%d}", img.width,
                img.height, d->exif.orientation);
  o->json = b;
  return o;
}

// A picked video, cleaned in place: JSON {ok, bmff, blanked, duration_ms}
// or {ok:false, error: media.video_malformed, detail} (the bytes untouched).
EMSCRIPTEN_KEEPALIVE Out* civic_media_video(uint8_t* bytes, int len) {
  auto r = media::blank_video_location(std::span<uint8_t>(bytes, len > 0 ? static_cast<size_t>(len) : 0));
  if (!r) return failed(r.error());
  auto* o = new Out;
  char b[128];
  std::snprintf(b, sizeof b, "{\"ok\":true,\"bmff\":%s,\"blanked\":%d,\"duration_ms\":%llu}",
                r->bmff_ok ? "true" : "false", r->blanked, static_cast<unsigned long long>(r->duration_ms));
  o->json = b;
  return o;
}

EMSCRIPTEN_KEEPALIVE const char* civic_media_json(const Out* o) { return o->json.c_str(); }
EMSCRIPTEN_KEEPALIVE const uint8_t* civic_media_jpeg(const Out* o) { return o->jpeg.data(); }
EMSCRIPTEN_KEEPALIVE int civic_media_jpeg_size(const Out* o) { return static_cast<int>(o->jpeg.size()); }
EMSCRIPTEN_KEEPALIVE void civic_media_release(Out* o) { delete o; }

}  // extern "C"
