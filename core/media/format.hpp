// core/media/format.hpp — what kind of file these bytes are, by magic number.
// Limits: looks at the first 32 bytes only; never allocates. Recognises the
// formats a phone or a desktop is likely to hand us (JPEG, PNG, HEIC/HEIF,
// AVIF, WebP, GIF, BMP, TIFF, JPEG XL, JPEG 2000, PDF) so that refusing one
// can name it; only JPEG and PNG are ever decoded.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

namespace civic::media {

enum class Format { jpeg, png, heic, avif, webp, gif, bmp, tiff, jxl, jp2, pdf, unknown };

Format sniff_format(std::span<const uint8_t> bytes);

// "JPEG", "PNG", "HEIC", ... ; "unknown" for Format::unknown.
std::string_view format_name(Format f);

}  // namespace civic::media
