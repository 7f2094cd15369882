// core/media/exif.cpp — bounds-checked TIFF/EXIF reader (limits in exif.hpp).
// Layout per EXIF 2.32 §4.6: an 8-byte TIFF header, then IFDs of 12-byte
// entries {tag u16, type u16, count u32, value-or-offset u32}; values of 4
// bytes or fewer sit in the entry itself.
#include "core/media/exif.hpp"

#include <cmath>

namespace civic::media {

namespace {

enum : uint16_t { kShort = 3, kLong = 4, kRational = 5, kAscii = 2, kSRational = 10 };

struct Reader {
  std::span<const uint8_t> b;
  bool little = true;

  bool has(uint64_t off, uint64_t n) const { return off <= b.size() && n <= b.size() - off; }
  uint16_t u16(size_t off) const {
    return little ? static_cast<uint16_t>(b[off] | b[off + 1] << 8)
                  : static_cast<uint16_t>(b[off] << 8 | b[off + 1]);
  }
  uint32_t u32(size_t off) const {
    const uint32_t a = b[off], c = b[off + 1], d = b[off + 2], e = b[off + 3];
    return little ? (a | c << 8 | d << 16 | e << 24) : (a << 24 | c << 16 | d << 8 | e);
  }
};

struct Entry {
  uint16_t type = 0;
  uint32_t count = 0;
  size_t value_at = 0;  // where the value bytes start (inline or at the offset)
};

size_t type_size(uint16_t t) {
  switch (t) {
    case 1: case 2: case 6: case 7: return 1;
    case kShort: case 8: return 2;
    case kLong: case 9: case 11: return 4;
    case kRational: case kSRational: case 12: return 8;
    default: return 0;
  }
}

// Finds `tag` in the IFD at `ifd`; checks that the whole value lies inside.
std::optional<Entry> find(const Reader& r, size_t ifd, uint16_t tag) {
  if (!r.has(ifd, 2)) return std::nullopt;
  const int count = r.u16(ifd);
  const int n = count < kMaxIfdEntries ? count : kMaxIfdEntries;
  for (int i = 0; i < n; ++i) {
    const size_t e = ifd + 2 + 12 * static_cast<size_t>(i);
    if (!r.has(e, 12)) return std::nullopt;
    if (r.u16(e) != tag) continue;
    Entry out{r.u16(e + 2), r.u32(e + 4), e + 8};
    const size_t unit = type_size(out.type);
    if (unit == 0) return std::nullopt;
    const uint64_t bytes = static_cast<uint64_t>(unit) * out.count;
    if (bytes > 4) out.value_at = r.u32(e + 8);
    if (!r.has(out.value_at, bytes)) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

std::optional<uint32_t> read_uint(const Reader& r, size_t ifd, uint16_t tag) {
  auto e = find(r, ifd, tag);
  if (!e || e->count < 1) return std::nullopt;
  if (e->type == kShort) return r.u16(e->value_at);
  if (e->type == kLong) return r.u32(e->value_at);
  return std::nullopt;
}

std::optional<char> read_ref(const Reader& r, size_t ifd, uint16_t tag) {
  auto e = find(r, ifd, tag);
  if (!e || e->type != kAscii || e->count < 1) return std::nullopt;
  return static_cast<char>(r.b[e->value_at]);
}

// Degrees, minutes, seconds as three RATIONALs -> degrees; nullopt when a
// denominator is zero or a part is out of range.
std::optional<double> read_dms(const Reader& r, size_t ifd, uint16_t tag, double max_degrees) {
  auto e = find(r, ifd, tag);
  if (!e || (e->type != kRational && e->type != kSRational) || e->count < 3) return std::nullopt;
  double part[3];
  for (int i = 0; i < 3; ++i) {
    const size_t at = e->value_at + 8 * static_cast<size_t>(i);
    double num, den;
    if (e->type == kRational) {
      num = r.u32(at);
      den = r.u32(at + 4);
    } else {
      num = static_cast<int32_t>(r.u32(at));
      den = static_cast<int32_t>(r.u32(at + 4));
    }
    if (den == 0) return std::nullopt;
    part[i] = num / den;
    if (!(part[i] >= 0)) return std::nullopt;
  }
  if (part[1] >= 60 || part[2] >= 60) return std::nullopt;
  const double deg = part[0] + part[1] / 60 + part[2] / 3600;
  if (!(deg <= max_degrees)) return std::nullopt;
  return deg;
}

}  // namespace

ExifFacts read_exif(std::span<const uint8_t> tiff) {
  ExifFacts facts;
  if (tiff.size() > kMaxExifBytes) tiff = tiff.first(kMaxExifBytes);
  Reader r{tiff};
  if (!r.has(0, 8)) return facts;
  if (tiff[0] == 'I' && tiff[1] == 'I') r.little = true;
  else if (tiff[0] == 'M' && tiff[1] == 'M') r.little = false;
  else return facts;
  if (r.u16(2) != 42) return facts;
  const size_t ifd0 = r.u32(4);

  if (auto o = read_uint(r, ifd0, 0x0112); o && *o >= 1 && *o <= 8) facts.orientation = static_cast<int>(*o);

  if (auto gps_ifd = read_uint(r, ifd0, 0x8825)) {
    const auto lat_ref = read_ref(r, *gps_ifd, 0x0001);
    const auto lat = read_dms(r, *gps_ifd, 0x0002, 90);
    const auto lon_ref = read_ref(r, *gps_ifd, 0x0003);
    const auto lon = read_dms(r, *gps_ifd, 0x0004, 180);
    const bool refs_ok = lat_ref && lon_ref && (*lat_ref == 'N' || *lat_ref == 'S') &&
                         (*lon_ref == 'E' || *lon_ref == 'W');
    // 0/0 exactly is what cameras write without a fix: no location, not "Null Island".
    if (refs_ok && lat && lon && !(*lat == 0 && *lon == 0)) {
      facts.gps = GeoPoint{*lat_ref == 'S' ? -*lat : *lat, *lon_ref == 'W' ? -*lon : *lon};
    }
  }
  return facts;
}

}  // namespace civic::media
