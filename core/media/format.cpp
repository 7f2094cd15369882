// core/media/format.cpp — magic numbers (see format.hpp for the limits).
#include "core/media/format.hpp"

#include <cstring>

namespace civic::media {

namespace {
bool starts(std::span<const uint8_t> b, size_t at, const char* magic, size_t n) {
  return b.size() >= at + n && std::memcmp(b.data() + at, magic, n) == 0;
}
}  // namespace

Format sniff_format(std::span<const uint8_t> b) {
  if (starts(b, 0, "\xFF\xD8\xFF", 3)) return Format::jpeg;
  if (starts(b, 0, "\x89PNG\r\n\x1A\n", 8)) return Format::png;
  // ISO BMFF: size(4) "ftyp" major-brand(4). HEIF family by brand.
  if (starts(b, 4, "ftyp", 4) && b.size() >= 12) {
    const char* brand = reinterpret_cast<const char*>(b.data() + 8);
    if (std::memcmp(brand, "avif", 4) == 0 || std::memcmp(brand, "avis", 4) == 0) return Format::avif;
    static const char* const kHeic[] = {"heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"};
    for (const char* h : kHeic)
      if (std::memcmp(brand, h, 4) == 0) return Format::heic;
  }
  if (starts(b, 0, "RIFF", 4) && starts(b, 8, "WEBP", 4)) return Format::webp;
  if (starts(b, 0, "GIF87a", 6) || starts(b, 0, "GIF89a", 6)) return Format::gif;
  if (starts(b, 0, "BM", 2) && b.size() >= 26) return Format::bmp;
  if (starts(b, 0, "II*\0", 4) || starts(b, 0, "MM\0*", 4)) return Format::tiff;
  if (starts(b, 0, "\xFF\x0A", 2) || starts(b, 0, "\0\0\0\x0CJXL \r\n\x87\n", 12)) return Format::jxl;
  if (starts(b, 0, "\0\0\0\x0CjP  \r\n\x87\n", 12)) return Format::jp2;
  if (starts(b, 0, "%PDF-", 5)) return Format::pdf;
  return Format::unknown;
}

std::string_view format_name(Format f) {
  switch (f) {
    case Format::jpeg: return "JPEG";
    case Format::png: return "PNG";
    case Format::heic: return "HEIC";
    case Format::avif: return "AVIF";
    case Format::webp: return "WebP";
    case Format::gif: return "GIF";
    case Format::bmp: return "BMP";
    case Format::tiff: return "TIFF";
    case Format::jxl: return "JPEG XL";
    case Format::jp2: return "JPEG 2000";
    case Format::pdf: return "PDF";
    case Format::unknown: break;
  }
  return "unknown";
}

}  // namespace civic::media
