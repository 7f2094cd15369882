// core/media/resize.hpp — downscaling photos without aliasing, in linear light.
//
// Method: the sRGB bytes are converted to linear light, averaged over k x k
// boxes (k = the whole part of the scale factor, so a 48 MP photo is reduced
// in one cheap pass), then resampled to the exact size with a Lanczos-3
// filter widened by the remaining factor (1..2), and converted back to sRGB.
// Streaming: source rows are consumed in order and only a ring of filtered
// rows is kept, so the extra memory is about (6 + 2 x remaining factor) x
// destination width x 12 bytes, whatever the source size.
#pragma once
#include "core/media/image.hpp"

namespace civic::media {

struct Size {
  int width = 0;
  int height = 0;
};

// The largest size with the same aspect ratio whose longer edge is at most
// max_edge; never larger than the input (no upscaling); each side >= 1.
Size fit_within(int width, int height, int max_edge);

// src resized to dst_width x dst_height (both >= 1).
Image resize(const ImageView& src, int dst_width, int dst_height);

}  // namespace civic::media
