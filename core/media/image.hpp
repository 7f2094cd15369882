// core/media/image.hpp — the plain pixel buffer every media step passes on.
// 8-bit sRGB, 3 channels interleaved (RGB), rows packed without padding:
// the one layout the decoder produces, the resizer, the orientation and the
// redaction steps transform, and the encoder consumes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace civic::media {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgb;  // width * height * 3 bytes

  uint8_t* pixel(int x, int y) { return rgb.data() + (static_cast<size_t>(y) * width + x) * 3; }
  const uint8_t* pixel(int x, int y) const {
    return rgb.data() + (static_cast<size_t>(y) * width + x) * 3;
  }
};

// Pixels owned by someone else (e.g. the decoder's own buffer), same layout.
struct ImageView {
  const uint8_t* rgb = nullptr;
  int width = 0;
  int height = 0;
};

inline ImageView view(const Image& img) { return {img.rgb.data(), img.width, img.height}; }

// A rectangle in pixels: x, y of the top-left corner, then width and height.
struct Rect {
  int x = 0, y = 0, w = 0, h = 0;
};

// An image of w x h (both > 0) filled with one colour.
Image make_image(int w, int h, uint8_t r = 0, uint8_t g = 0, uint8_t b = 0);

// A channel value c with straight alpha a, composited onto white.
inline uint8_t over_white(unsigned c, unsigned a) {
  return static_cast<uint8_t>((c * a + 255u * (255u - a) + 127u) / 255u);
}

// RGBA as a canvas hands it over (straight alpha), composited onto white.
Image from_rgba(const uint8_t* rgba, int w, int h);

}  // namespace civic::media
