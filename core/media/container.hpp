// core/media/container.hpp — the outer structure of JPEG and PNG files,
// walked without decoding a pixel: dimensions, coding, where the EXIF block
// is, whether the file is complete; and a lossless metadata strip for JPEG.
//
// Limits (outside bytes): every length is checked against the buffer before
// it is used; nothing is allocated while walking; the walk is linear in the
// file size. JPEG: SOF0 (baseline), SOF1 (extended) and SOF2 (progressive)
// with 8-bit samples and 1, 3 or 4 components; arithmetic, lossless,
// hierarchical and 12-bit JPEGs are named and refused. A JPEG must reach its
// EOI marker and a PNG its IEND chunk, or it is reported as truncated.
// Only the first EXIF block (JPEG APP1 "Exif\0\0", PNG eXIf) is returned.
// Huffman tables (DHT) are validated here (<= 256 symbols each, within the
// segment) because stb_image 2.27 does not check them (found by fuzzing).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/media/format.hpp"
#include "core/result.hpp"

namespace civic::media {

struct Layout {
  Format format = Format::unknown;
  int width = 0;
  int height = 0;
  int components = 0;        // JPEG: 1, 3 or 4; PNG: 1 (grey), 2 (grey+alpha), 3 (RGB), 4 (RGBA)
  bool progressive = false;  // JPEG SOF2, or PNG Adam7 interlace
  int adobe_transform = -1;  // JPEG APP14 colour transform (0 CMYK, 1 YCbCr, 2 YCCK), -1 absent
  std::span<const uint8_t> exif;  // the TIFF structure (from "II"/"MM"), empty when absent
};

// Walks a JPEG or PNG. Errors: media.empty, media.unsupported_format{format},
// media.not_an_image, media.truncated, media.corrupt, media.bad_dimensions.
Result<Layout> read_layout(std::span<const uint8_t> bytes);

// read_layout() that stops at the frame header (JPEG SOF, PNG IHDR): size,
// components and coding only (no EXIF, no completeness check). This is the
// check made before anything else, so a 100000 x 100000 header is refused in
// microseconds whatever follows it.
Result<Layout> read_header(std::span<const uint8_t> bytes);

// The same JPEG without APP1..APP15 (EXIF, XMP, maker notes, ...) except the
// ICC profile (APP2 "ICC_PROFILE") and Adobe's APP14 (needed for colour),
// without COM comments, and without anything after EOI (e.g. an embedded
// video). Entropy-coded data is copied unchanged, so pixels are identical.
// Empty when bytes is not a complete JPEG.
std::vector<uint8_t> strip_jpeg_metadata(std::span<const uint8_t> bytes);

}  // namespace civic::media
