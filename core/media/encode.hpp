// core/media/encode.hpp — RGB pixels to a baseline JPEG that fits a byte budget.
// The encoder (libjpeg-turbo, optimised Huffman tables) writes only SOI, JFIF
// APP0, tables, one frame and EOI: no EXIF, GPS, XMP, maker notes or comments
// can reach the output.
#pragma once
#include <cstdint>
#include <vector>

#include "core/media/image.hpp"
#include "core/result.hpp"

namespace civic::media {

// One encode at quality 1..100 (4:2:0 chroma at <= 90, 4:4:4 above).
Result<std::vector<uint8_t>> encode_jpeg(const ImageView& img, int quality);

struct BudgetOptions {
  size_t max_bytes = 512u << 10;  // 0: no budget
  int max_quality = 80;           // first try; the search only goes down
  int min_quality = 35;           // below this, shrink the image instead
  int max_shrinks = 8;            // each shrink keeps 80% of each side
};

struct Encoded {
  std::vector<uint8_t> bytes;
  int quality = 0;
  int width = 0;
  int height = 0;
  int attempts = 0;  // encodes run
};

// The highest quality in [min_quality, max_quality] whose output fits
// max_bytes (binary search); when even min_quality does not fit, the image is
// shrunk and searched again. Error media.budget_unreachable after max_shrinks.
Result<Encoded> encode_within(const ImageView& img, const BudgetOptions& options);

}  // namespace civic::media
