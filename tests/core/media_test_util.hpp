// tests/core/media_test_util.hpp — helpers shared by the media suites: fixture
// files, test pictures built in code, and a tiny EXIF (TIFF) writer, so tests
// state exactly which tags a file carries.
#pragma once
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/media/encode.hpp"
#include "core/media/image.hpp"

namespace media_test {

using Bytes = std::vector<uint8_t>;

inline Bytes read_fixture(const std::string& name) {
  std::ifstream f(std::string(CIVIC_SOURCE_DIR) + "/tests/core/media_fixtures/" + name, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// Quadrant colours of every fixture and generated test picture (scripts/make-test-photos).
struct Rgb { int r, g, b; };
inline constexpr Rgb kQuad[4] = {{220, 30, 30}, {30, 200, 60}, {40, 60, 210}, {235, 235, 235}};

// w x h image with four flat quadrants: top-left red, top-right green,
// bottom-left blue, bottom-right light grey.
inline civic::media::Image quad_image(int w, int h) {
  civic::media::Image img = civic::media::make_image(w, h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const Rgb c = kQuad[(y >= h / 2) * 2 + (x >= w / 2)];
      uint8_t* p = img.pixel(x, y);
      p[0] = static_cast<uint8_t>(c.r); p[1] = static_cast<uint8_t>(c.g); p[2] = static_cast<uint8_t>(c.b);
    }
  return img;
}

// Deterministic noise (photo-like entropy for budget tests).
inline civic::media::Image noise_image(int w, int h, uint32_t seed = 1) {
  civic::media::Image img = civic::media::make_image(w, h);
  for (size_t i = 0; i < img.rgb.size(); ++i) {
    seed = seed * 1664525u + 1013904223u;
    const int x = static_cast<int>((i / 3) % w), y = static_cast<int>((i / 3) / w);
    img.rgb[i] = static_cast<uint8_t>(((x * 3 + y * 2) & 0xFF) / 2 + (seed >> 26));
  }
  return img;
}

// A TIFF structure with IFD0 {Orientation?, GPS pointer?} and a GPS IFD.
struct Tiff {
  bool big_endian = false;
  int orientation = 0;        // 0: no tag
  uint16_t orientation_type = 3;  // SHORT; 4 for LONG
  bool gps = false;
  char lat_ref = 'N', lon_ref = 'E';
  uint32_t lat[6] = {22, 1, 32, 1, 3515, 100};   // d/1, m/1, s*100/100
  uint32_t lon[6] = {114, 1, 3, 1, 2831, 100};

  Bytes bytes() const {
    Bytes b;
    auto u16 = [&](uint16_t v) {
      if (big_endian) { b.push_back(v >> 8); b.push_back(v & 255); }
      else { b.push_back(v & 255); b.push_back(v >> 8); }
    };
    auto u32 = [&](uint32_t v) {
      if (big_endian) { u16(v >> 16); u16(v & 0xFFFF); }
      else { u16(v & 0xFFFF); u16(v >> 16); }
    };
    b.push_back(big_endian ? 'M' : 'I');
    b.push_back(big_endian ? 'M' : 'I');
    u16(42);
    u32(8);
    const uint16_t n0 = (orientation ? 1 : 0) + (gps ? 1 : 0);
    const uint32_t gps_ifd = 8 + 2 + 12 * n0 + 4;
    u16(n0);
    if (orientation) {
      u16(0x0112); u16(orientation_type); u32(1);
      if (orientation_type == 3) { u16(static_cast<uint16_t>(orientation)); u16(0); }
      else u32(static_cast<uint32_t>(orientation));
    }
    if (gps) { u16(0x8825); u16(4); u32(1); u32(gps_ifd); }
    u32(0);
    if (gps) {
      const uint32_t data = gps_ifd + 2 + 12 * 4 + 4;
      u16(4);
      u16(0x0001); u16(2); u32(2); b.push_back(lat_ref); b.push_back(0); u16(0);
      u16(0x0002); u16(5); u32(3); u32(data);
      u16(0x0003); u16(2); u32(2); b.push_back(lon_ref); b.push_back(0); u16(0);
      u16(0x0004); u16(5); u32(3); u32(data + 24);
      u32(0);
      for (uint32_t v : lat) u32(v);
      for (uint32_t v : lon) u32(v);
    }
    return b;
  }
};

// jpeg with an APP1 "Exif\0\0" + tiff segment right after SOI.
inline Bytes with_exif(const Bytes& jpeg, const Bytes& tiff) {
  Bytes out(jpeg.begin(), jpeg.begin() + 2);
  const size_t len = 2 + 6 + tiff.size();
  out.insert(out.end(), {0xFF, 0xE1, static_cast<uint8_t>(len >> 8), static_cast<uint8_t>(len & 255)});
  out.insert(out.end(), {'E', 'x', 'i', 'f', 0, 0});
  out.insert(out.end(), tiff.begin(), tiff.end());
  out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
  return out;
}

inline Bytes jpeg_of(const civic::media::Image& img, int quality = 95) {
  return civic::media::encode_jpeg(civic::media::view(img), quality).value();
}

inline bool contains(const Bytes& hay, const std::string& needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

}  // namespace media_test
