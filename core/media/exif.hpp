// core/media/exif.hpp — the two EXIF facts Civic Desk uses from a photo:
// which way is up (Orientation, tag 0x0112) and where it was taken (the GPS
// IFD, tag 0x8825: GPSLatitudeRef 0x0001, GPSLatitude 0x0002,
// GPSLongitudeRef 0x0003, GPSLongitude 0x0004). Nothing else is read, and the
// compressed output never carries any of it.
//
// Limits (outside bytes): a hand-written reader over a TIFF structure of at
// most 64 KiB (the most a JPEG APP1 segment can hold; a larger PNG eXIf is
// read only in its first 64 KiB). Every offset and count is checked against
// the buffer; only IFD0 and the GPS IFD are visited (no IFD chains, so no
// loops); at most 512 entries are read per IFD. A malformed block gives
// defaults (orientation 1, no GPS), never an error: a photo with a broken
// EXIF block is still a photo.
#pragma once
#include <cstdint>
#include <optional>
#include <span>

namespace civic::media {

struct GeoPoint {
  double lat = 0;  // degrees, north positive
  double lon = 0;  // degrees, east positive
};

struct ExifFacts {
  int orientation = 1;           // 1..8 as in EXIF; 1 when absent or invalid
  std::optional<GeoPoint> gps;   // only with both refs and both coordinates valid
};

inline constexpr size_t kMaxExifBytes = 64u << 10;
inline constexpr int kMaxIfdEntries = 512;

// tiff: the bytes from the TIFF header ("II*\0" or "MM\0*") on.
ExifFacts read_exif(std::span<const uint8_t> tiff);

}  // namespace civic::media
