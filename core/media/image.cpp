// core/media/image.cpp — constructors for the plain pixel buffer.
#include "core/media/image.hpp"

namespace civic::media {

Image make_image(int w, int h, uint8_t r, uint8_t g, uint8_t b) {
  Image img;
  img.width = w;
  img.height = h;
  img.rgb.resize(static_cast<size_t>(w) * h * 3);
  for (size_t i = 0; i < img.rgb.size(); i += 3) {
    img.rgb[i] = r;
    img.rgb[i + 1] = g;
    img.rgb[i + 2] = b;
  }
  return img;
}

Image from_rgba(const uint8_t* rgba, int w, int h) {
  Image img;
  img.width = w;
  img.height = h;
  const size_t n = static_cast<size_t>(w) * h;
  img.rgb.resize(n * 3);
  uint8_t* o = img.rgb.data();
  for (size_t i = 0; i < n; ++i, o += 3, rgba += 4)
    for (int c = 0; c < 3; ++c) o[c] = over_white(rgba[c], rgba[3]);
  return img;
}

}  // namespace civic::media
