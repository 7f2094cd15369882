// core/media/decode.hpp — JPEG and PNG bytes to upright-agnostic RGB pixels:
// JPEG through libjpeg-turbo (jpeg_codec.hpp), PNG through stb_image.
//
// Limits (outside bytes):
//  - formats: JPEG baseline/extended/progressive, 8-bit, greyscale, YCbCr,
//    RGB, CMYK and YCCK (Adobe APP14); PNG of every colour type and depth
//    (16-bit is reduced to 8, alpha is composited onto white). Every other
//    format is refused by name (media.unsupported_format). stb_image is built
//    with STBI_ONLY_PNG: its other loaders are not linked.
//  - size: the file's own header is read first (container.hpp) and images
//    above max_pixels (100 MP by default) are refused before any pixel memory
//    is allocated; files above max_file_bytes (256 MiB) likewise.
//  - memory: the decoded image takes width*height*3 bytes. A baseline JPEG
//    is decoded a strip at a time (plus that buffer); a progressive one also
//    holds its coefficients (about width*height*2 bytes at 4:2:0). A PNG is
//    held by stb_image in its own channels (up to width*height*4) as well.
//    decode_scaled_with() shrinks a JPEG in the DCT domain first, so a 48 MP
//    photo wanted at 2048 px never exists at full size in memory.
//  - truncated files are refused (no EOI / IEND) rather than shown half grey.
#pragma once
#include <cstdint>
#include <functional>
#include <span>

#include "core/media/container.hpp"
#include "core/media/exif.hpp"
#include "core/media/image.hpp"
#include "core/result.hpp"

namespace civic::media {

struct DecodeLimits {
  uint64_t max_pixels = 100'000'000;
  size_t max_file_bytes = 256u << 20;
};

struct Decoded {
  Image image;        // as stored: orientation not yet applied
  Layout layout;      // format, size, coding (layout.exif points into the input)
  ExifFacts exif;     // orientation and GPS from the file's EXIF block
  bool had_alpha = false;
};

// Reads the header and EXIF only: cheap, allocates nothing large. Applies the
// same limits as decode(), so a caller can refuse a file before decoding it.
Result<Decoded> probe(std::span<const uint8_t> bytes, const DecodeLimits& limits = {});

Result<Decoded> decode(std::span<const uint8_t> bytes, const DecodeLimits& limits = {});

// decode() that hands the decoder's pixels to `keep` without copying them
// first and stores what `keep` returns (e.g. a downscaled copy): for a 48 MP
// photo this saves a 144 MB copy at the memory peak.
Result<Decoded> decode_with(std::span<const uint8_t> bytes, const DecodeLimits& limits,
                            const std::function<Image(const ImageView&)>& keep);

// decode_with() for a caller that needs at least min_width x min_height (as
// stored, before orientation): a JPEG is decoded at the smallest DCT scale
// M/8 that still covers it, so `keep` may see fewer pixels than the layout
// says (but never fewer than asked for, unless the image itself is smaller).
Result<Decoded> decode_scaled_with(std::span<const uint8_t> bytes, const DecodeLimits& limits, int min_width,
                                   int min_height, const std::function<Image(const ImageView&)>& keep);

}  // namespace civic::media
