// core/media/orient.hpp — turning stored pixels upright per EXIF Orientation
// (tag 0x0112, EXIF 2.32 §4.6.4 A): 1 as stored, 2 mirrored left-right,
// 3 turned 180°, 4 mirrored top-bottom, 5 mirrored along the main diagonal
// (transpose), 6 needs a 90° clockwise turn, 7 mirrored along the
// anti-diagonal (transverse), 8 needs a 90° counter-clockwise turn.
#pragma once
#include "core/media/image.hpp"

namespace civic::media {

// The upright image; orientations outside 1..8 are treated as 1.
Image apply_orientation(Image img, int orientation);

// Width and height after applying orientation (5..8 swap them).
inline bool orientation_swaps_axes(int orientation) { return orientation >= 5 && orientation <= 8; }

}  // namespace civic::media
