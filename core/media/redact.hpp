// core/media/redact.hpp — hiding faces and licence plates before a photo
// leaves the device. This is the CPU reference: the GPU preview shader
// (shaders/) must produce the same pixels, so both use the same simple rules.
//  - pixelate: the rectangle is cut into square blocks of side
//    max(8, ceil(max(w, h) / 6)) anchored at its top-left corner (a face
//    becomes about 6 x 6 blocks, too coarse to recognise); each block is
//    filled with the rounded mean of its sRGB pixels inside the rectangle.
//  - blur: three passes of a box blur of radius max(4, ceil(max(w, h) / 8)),
//    horizontal then vertical each pass, reading only pixels inside the
//    rectangle (edges repeated), so nothing outside leaks in or out.
// Rectangles are clipped to the image; an empty result is an error.
#pragma once
#include <vector>

#include "core/media/image.hpp"
#include "core/result.hpp"

namespace civic::media {

enum class RedactStyle { pixelate, blur };

struct Redaction {
  Rect rect;
  RedactStyle style = RedactStyle::pixelate;
};

// Rect clipped to a width x height image (w or h 0 when nothing is left).
Rect clip(Rect r, int width, int height);

// Rect given in a from_w x from_h frame, mapped outward onto a to_w x to_h frame.
Rect scale_rect(Rect r, int from_w, int from_h, int to_w, int to_h);

// Applies each redaction in order. Error media.bad_redaction names the first
// rectangle that is empty or wholly outside the image (nothing is changed then).
Result<bool> redact(Image& img, const std::vector<Redaction>& redactions);

}  // namespace civic::media
