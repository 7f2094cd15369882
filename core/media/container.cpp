// core/media/container.cpp — JPEG marker and PNG chunk walkers (limits in
// container.hpp). JPEG structure per ITU-T T.81 Annex B; PNG per RFC 2083.
#include "core/media/container.hpp"

#include <cstring>
#include <string>

namespace civic::media {

namespace {

uint16_t be16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }
uint32_t be32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 |
         static_cast<uint32_t>(p[2]) << 8 | p[3];
}

Error unsupported(const char* name) {
  return make_error("media.unsupported_format", name, {{"format", name}});
}

bool is_sof(uint8_t m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }
bool is_rst(uint8_t m) { return m >= 0xD0 && m <= 0xD7; }

// Keeps a JPEG segment when stripping metadata?
bool keep_segment(uint8_t m, const uint8_t* payload, size_t n) {
  if (m == 0xFE) return false;  // COM
  if (m == 0xE0) return true;   // APP0 JFIF: density only
  if (m == 0xE2) return n >= 12 && std::memcmp(payload, "ICC_PROFILE\0", 12) == 0;
  if (m == 0xEE) return n >= 5 && std::memcmp(payload, "Adobe", 5) == 0;
  if (m >= 0xE1 && m <= 0xEF) return false;  // EXIF, XMP, maker notes, MPF, ...
  return true;
}

// One walk serves both reading the layout and stripping: `out` may be null.
Result<Layout> walk_jpeg(std::span<const uint8_t> b, std::vector<uint8_t>* out, bool stop_at_frame = false) {
  Layout L;
  L.format = Format::jpeg;
  const size_t n = b.size();
  const uint8_t* d = b.data();
  if (out) out->insert(out->end(), d, d + 2);
  size_t pos = 2;
  bool have_sof = false, have_sos = false;
  for (;;) {
    if (pos >= n) return make_error("media.truncated", "jpeg: no EOI");
    if (d[pos] != 0xFF) return make_error("media.corrupt", "jpeg: expected a marker at " + std::to_string(pos));
    while (pos < n && d[pos] == 0xFF) ++pos;  // fill bytes
    if (pos >= n) return make_error("media.truncated", "jpeg: no EOI");
    const uint8_t m = d[pos++];
    if (m == 0xD9) {  // EOI
      if (!have_sof) return make_error("media.corrupt", "jpeg: no frame header");
      if (!have_sos) return make_error("media.corrupt", "jpeg: no scan");
      if (out) out->insert(out->end(), {0xFF, 0xD9});
      return L;
    }
    if (m == 0x01 || is_rst(m) || m == 0xD8) continue;  // standalone (a stray SOI is tolerated)
    if (m == 0x00) return make_error("media.corrupt", "jpeg: stray 0xFF00");
    if (pos + 2 > n) return make_error("media.truncated", "jpeg: segment length");
    const size_t len = be16(d + pos);
    if (len < 2) return make_error("media.corrupt", "jpeg: segment length < 2");
    if (pos + len > n) return make_error("media.truncated", "jpeg: segment past the end");
    const uint8_t* payload = d + pos + 2;
    const size_t plen = len - 2;
    if (is_sof(m)) {
      if (have_sof) return make_error("media.corrupt", "jpeg: second frame header");
      if (m == 0xC3 || m == 0xC7 || m == 0xCB || m == 0xCF) return unsupported("JPEG (lossless)");
      if (m >= 0xC9) return unsupported("JPEG (arithmetic coding)");
      if (m == 0xC5 || m == 0xC6) return unsupported("JPEG (hierarchical)");
      if (plen < 6) return make_error("media.corrupt", "jpeg: short frame header");
      if (payload[0] != 8) return unsupported("JPEG (12-bit)");
      L.height = be16(payload + 1);
      L.width = be16(payload + 3);
      L.components = payload[5];
      L.progressive = m == 0xC2;
      if (L.components != 1 && L.components != 3 && L.components != 4)
        return make_error("media.corrupt", "jpeg: components " + std::to_string(L.components));
      if (plen < 6 + 3u * L.components) return make_error("media.corrupt", "jpeg: short frame header");
      if (L.width == 0 || L.height == 0) return make_error("media.bad_dimensions", "jpeg: zero size");
      have_sof = true;
      if (stop_at_frame) return L;
    } else if (m == 0xC4) {
      // DHT: each table is Tc/Th, 16 counts, then that many symbols; at most
      // 256 symbols per table (T.81 B.2.4.2). stb_image 2.27 trusts the
      // counts and overruns its 257-byte size table, so this walk is its guard.
      size_t at = 0;
      while (at < plen) {
        if (plen - at < 17) return make_error("media.corrupt", "jpeg: short DHT");
        const uint8_t tc_th = payload[at];
        if ((tc_th >> 4) > 1 || (tc_th & 15) > 3) return make_error("media.corrupt", "jpeg: DHT class/id");
        size_t symbols = 0;
        for (int i = 1; i <= 16; ++i) symbols += payload[at + i];
        if (symbols > 256 || plen - at - 17 < symbols) return make_error("media.corrupt", "jpeg: DHT counts");
        at += 17 + symbols;
      }
    } else if (m == 0xE1 && L.exif.empty() && plen >= 6 && std::memcmp(payload, "Exif\0\0", 6) == 0) {
      L.exif = b.subspan(pos + 2 + 6, plen - 6);
    } else if (m == 0xEE && plen >= 12 && std::memcmp(payload, "Adobe", 5) == 0) {
      L.adobe_transform = payload[11];
    }
    if (out && keep_segment(m, payload, plen)) {
      out->insert(out->end(), {0xFF, m});
      out->insert(out->end(), d + pos, d + pos + len);
    }
    pos += len;
    if (m == 0xDA) {  // SOS: entropy-coded data runs to the next non-RST marker
      if (!have_sof) return make_error("media.corrupt", "jpeg: scan before frame header");
      have_sos = true;
      const size_t data_start = pos;
      for (;;) {
        const void* ff = pos < n ? std::memchr(d + pos, 0xFF, n - pos) : nullptr;
        if (!ff) return make_error("media.truncated", "jpeg: scan data cut off");
        pos = static_cast<size_t>(static_cast<const uint8_t*>(ff) - d);
        if (pos + 1 >= n) return make_error("media.truncated", "jpeg: scan data cut off");
        const uint8_t next = d[pos + 1];
        if (next == 0x00 || is_rst(next) || next == 0xFF) {
          pos += next == 0xFF ? 1 : 2;
          continue;
        }
        break;
      }
      if (out) out->insert(out->end(), d + data_start, d + pos);
    }
  }
}

Result<Layout> walk_png(std::span<const uint8_t> b, bool stop_at_frame = false) {
  Layout L;
  L.format = Format::png;
  const size_t n = b.size();
  const uint8_t* d = b.data();
  size_t pos = 8;
  bool first = true;
  for (;;) {
    if (pos + 8 > n) return make_error("media.truncated", "png: no IEND");
    const uint32_t len = be32(d + pos);
    const uint8_t* type = d + pos + 4;
    if (len > 0x7FFFFFFFu) return make_error("media.corrupt", "png: chunk length");
    if (static_cast<uint64_t>(pos) + 12 + len > n) return make_error("media.truncated", "png: chunk past the end");
    const uint8_t* data = d + pos + 8;
    if (first) {
      if (std::memcmp(type, "IHDR", 4) != 0 || len != 13) return make_error("media.corrupt", "png: IHDR first");
      const uint32_t w = be32(data), h = be32(data + 4);
      if (w == 0 || h == 0 || w > 0x7FFFFFFFu || h > 0x7FFFFFFFu)
        return make_error("media.bad_dimensions", "png: size");
      L.width = static_cast<int>(w);
      L.height = static_cast<int>(h);
      switch (data[9]) {  // colour type
        case 0: L.components = 1; break;
        case 2: L.components = 3; break;
        case 3: L.components = 3; break;  // palette (may carry tRNS alpha; handled at decode)
        case 4: L.components = 2; break;
        case 6: L.components = 4; break;
        default: return make_error("media.corrupt", "png: colour type");
      }
      L.progressive = data[12] == 1;
      first = false;
      if (stop_at_frame) return L;
    } else if (std::memcmp(type, "eXIf", 4) == 0 && L.exif.empty()) {
      L.exif = b.subspan(pos + 8, len);
    } else if (std::memcmp(type, "IEND", 4) == 0) {
      return L;
    }
    pos += 12 + static_cast<size_t>(len);
  }
}

}  // namespace

Result<Layout> read_header(std::span<const uint8_t> bytes) {
  if (bytes.empty()) return make_error("media.empty");
  const Format f = sniff_format(bytes);
  if (f == Format::jpeg) return walk_jpeg(bytes, nullptr, true);
  if (f == Format::png) return walk_png(bytes, true);
  return read_layout(bytes);  // the refusals
}

Result<Layout> read_layout(std::span<const uint8_t> bytes) {
  if (bytes.empty()) return make_error("media.empty");
  const Format f = sniff_format(bytes);
  if (f == Format::jpeg) return walk_jpeg(bytes, nullptr);
  if (f == Format::png) return walk_png(bytes);
  if (f == Format::unknown) {
    if (bytes.size() >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8) return make_error("media.truncated", "jpeg: header");
    if (bytes.size() < 8 && std::memcmp(bytes.data(), "\x89PNG\r\n\x1A\n", bytes.size()) == 0)
      return make_error("media.truncated", "png: signature");
    return make_error("media.not_an_image");
  }
  const std::string name(format_name(f));
  return make_error("media.unsupported_format", name, {{"format", name}});
}

std::vector<uint8_t> strip_jpeg_metadata(std::span<const uint8_t> bytes) {
  std::vector<uint8_t> out;
  if (sniff_format(bytes) != Format::jpeg) return {};
  out.reserve(bytes.size());
  if (!walk_jpeg(bytes, &out).ok()) return {};
  return out;
}

}  // namespace civic::media
