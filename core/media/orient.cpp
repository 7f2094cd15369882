// core/media/orient.cpp — the 8 EXIF orientations as pixel maps. For each
// upright (display) pixel (dx, dy) we read the stored pixel it came from.
#include "core/media/orient.hpp"

#include <cstring>

namespace civic::media {

Image apply_orientation(Image img, int o) {
  if (o < 2 || o > 8) return img;
  const int W = img.width, H = img.height;  // stored size
  Image out;
  const bool swap = orientation_swaps_axes(o);
  out.width = swap ? H : W;
  out.height = swap ? W : H;
  out.rgb.resize(img.rgb.size());
  const int DW = out.width, DH = out.height;
  for (int dy = 0; dy < DH; ++dy) {
    uint8_t* row = out.pixel(0, dy);
    for (int dx = 0; dx < DW; ++dx) {
      int sx = dx, sy = dy;
      switch (o) {
        case 2: sx = W - 1 - dx; sy = dy; break;
        case 3: sx = W - 1 - dx; sy = H - 1 - dy; break;
        case 4: sx = dx; sy = H - 1 - dy; break;
        case 5: sx = dy; sy = dx; break;
        case 6: sx = dy; sy = H - 1 - dx; break;
        case 7: sx = W - 1 - dy; sy = H - 1 - dx; break;
        case 8: sx = W - 1 - dy; sy = dx; break;
      }
      std::memcpy(row + 3 * dx, img.pixel(sx, sy), 3);
    }
  }
  return out;
}

}  // namespace civic::media
