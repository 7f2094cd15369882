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
// Every call returns a handle; read it with civic_media_json/_jpeg/_jpeg_size
// and give it back with civic_media_release.
#include <emscripten.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>

#include "core/media/compress.hpp"
#include "core/media/orient.hpp"

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
  o->json = "{\"ok\":false,\"error\":" + quoted(e.id) + ",\"detail\":" + quoted(e.detail) + "}";
  return o;
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

EMSCRIPTEN_KEEPALIVE const char* civic_media_json(const Out* o) { return o->json.c_str(); }
EMSCRIPTEN_KEEPALIVE const uint8_t* civic_media_jpeg(const Out* o) { return o->jpeg.data(); }
EMSCRIPTEN_KEEPALIVE int civic_media_jpeg_size(const Out* o) { return static_cast<int>(o->jpeg.size()); }
EMSCRIPTEN_KEEPALIVE void civic_media_release(Out* o) { delete o; }

}  // extern "C"
