// core/media/upload_check.cpp — see upload_check.hpp.
#include "core/media/upload_check.hpp"

#include <cstring>
#include <string>

#include "core/media/container.hpp"
#include "core/media/format.hpp"

namespace civic::media {

namespace {

using Bytes = std::span<const uint8_t>;

bool at(Bytes b, size_t pos, const char* s, size_t n) {
  return pos + n <= b.size() && std::memcmp(b.data() + pos, s, n) == 0;
}
uint32_t be32(Bytes b, size_t p) {
  return (uint32_t{b[p]} << 24) | (uint32_t{b[p + 1]} << 16) | (uint32_t{b[p + 2]} << 8) | b[p + 3];
}
uint32_t le32(Bytes b, size_t p) {
  return (uint32_t{b[p + 3]} << 24) | (uint32_t{b[p + 2]} << 16) | (uint32_t{b[p + 1]} << 8) | b[p];
}

enum class Kind { jpeg, png, webp, bmff, ogg, webm, mp3, aac, none };

// Every type rule 1 knows: the container its bytes must be, and the file
// extension it is stored under (upload_extension). One table, so a type
// cannot get a check without an extension or the other way round.
struct KnownType {
  std::string_view type;
  Kind kind;
  std::string_view ext;
};
constexpr KnownType kKnownTypes[] = {
    {"image/jpeg", Kind::jpeg, "jpg"},      {"image/png", Kind::png, "png"},
    {"image/webp", Kind::webp, "webp"},     {"video/mp4", Kind::bmff, "mp4"},
    {"video/quicktime", Kind::bmff, "mov"}, {"audio/mp4", Kind::bmff, "m4a"},
    {"audio/ogg", Kind::ogg, "ogg"},        {"audio/webm", Kind::webm, "webm"},
    {"video/webm", Kind::webm, "webm"},     {"audio/mpeg", Kind::mp3, "mp3"},
    {"audio/aac", Kind::aac, "aac"},
};

const KnownType* known(std::string_view type) {
  for (const KnownType& k : kKnownTypes)
    if (k.type == type) return &k;
  return nullptr;
}

Kind kind_of(std::string_view type) {
  const KnownType* k = known(type);
  return k ? k->kind : Kind::none;
}

bool magic_matches(Kind k, Bytes b) {
  switch (k) {
    case Kind::jpeg: return sniff_format(b) == Format::jpeg;
    case Kind::png: return sniff_format(b) == Format::png;
    case Kind::webp: return sniff_format(b) == Format::webp;
    case Kind::bmff: {
      Format f = sniff_format(b);
      return at(b, 4, "ftyp", 4) && f != Format::heic && f != Format::avif;
    }
    case Kind::ogg: return at(b, 0, "OggS", 4);
    case Kind::webm: return at(b, 0, "\x1A\x45\xDF\xA3", 4);
    case Kind::mp3: return at(b, 0, "ID3", 3) || (b.size() >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0);
    case Kind::aac: return b.size() >= 2 && b[0] == 0xFF && (b[1] & 0xF6) == 0xF0;
    case Kind::none: break;
  }
  return false;
}

// What the bytes look like, for the message.
std::string actual_name(Bytes b) {
  Format f = sniff_format(b);
  if (f != Format::unknown) return std::string(format_name(f));
  if (at(b, 0, "PK\x03\x04", 4)) return "ZIP";
  if (at(b, 4, "ftyp", 4)) return "MP4";
  if (at(b, 0, "OggS", 4)) return "Ogg";
  if (at(b, 0, "\x1A\x45\xDF\xA3", 4)) return "WebM";
  if (at(b, 0, "ID3", 3)) return "MP3";
  size_t i = 0;
  while (i < b.size() && i < 64 && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
  if (i < b.size() && b[i] == '<') return "HTML/XML";
  return "unknown";
}

struct Marker {
  const char* text;
  size_t len;
  bool metadata_only;   // short: only searched in metadata, never over a whole file
  char follow;          // 0, or a class the next byte must be in: 's' space, 'h' space or '>'
};
constexpr Marker kMarkers[] = {
    {"<script", 7, false, 0}, {"<?php", 5, false, 's'},     {"<html", 5, false, 'h'},
    {"<!doctype", 9, false, 0}, {"<iframe", 7, false, 0},   {"javascript:", 11, false, 0},
    {"<svg", 4, true, 0},     {"PK\x03\x04", 4, true, 0},
};

char lower(uint8_t c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

// The first marker in b, or nullptr.
const Marker* find_marker(Bytes b, bool metadata) {
  for (size_t i = 0; i < b.size(); ++i) {
    const uint8_t c = b[i];
    if (c != '<' && c != 'P' && c != 'j' && c != 'J') continue;
    for (const Marker& m : kMarkers) {
      if (m.metadata_only && !metadata) continue;
      if (i + m.len > b.size()) continue;
      bool same = true;
      const bool binary = m.text[0] == 'P';
      for (size_t k = 0; k < m.len && same; ++k)
        same = binary ? b[i + k] == static_cast<uint8_t>(m.text[k]) : lower(b[i + k]) == m.text[k];
      if (!same) continue;
      if (m.follow) {
        if (i + m.len >= b.size()) continue;
        uint8_t n = b[i + m.len];
        bool space = n == ' ' || n == '\t' || n == '\r' || n == '\n';
        if (!(space || (m.follow == 'h' && n == '>'))) continue;
      }
      return &m;
    }
  }
  return nullptr;
}

Error active(const Marker& m) {
  std::string shown = m.text[0] == 'P' ? std::string("PK\\x03\\x04 (ZIP)") : std::string(m.text, m.len);
  return make_error("security.upload_active_content", "marker " + shown, {{"marker", shown}});
}
Error malformed(std::string_view type, std::string detail) {
  return make_error("security.upload_malformed", std::move(detail), {{"type", std::string(type)}});
}
Error trailing(size_t extra) {
  return make_error("security.upload_trailing_data", std::to_string(extra) + " bytes after the end",
                    {{"bytes", std::to_string(extra)}});
}

// Where a JPEG ends (just after EOI), or an error. Metadata segments are
// searched for markers on the way.
std::optional<Error> walk_jpeg(Bytes b, std::string_view type, size_t& end) {
  size_t pos = 2;  // after SOI
  const size_t n = b.size();
  while (true) {
    if (pos >= n || b[pos] != 0xFF) return malformed(type, "no marker at " + std::to_string(pos));
    while (pos < n && b[pos] == 0xFF) ++pos;  // fill bytes
    if (pos >= n) return malformed(type, "truncated");
    const uint8_t m = b[pos++];
    if (m == 0xD9) {
      end = pos;
      return std::nullopt;
    }
    if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) continue;
    if (pos + 2 > n) return malformed(type, "truncated segment");
    const size_t len = (size_t{b[pos]} << 8) | b[pos + 1];
    if (len < 2 || pos + len > n) return malformed(type, "segment runs past the file");
    if ((m >= 0xE0 && m <= 0xEF) || m == 0xFE)
      if (const Marker* mk = find_marker(b.subspan(pos + 2, len - 2), true)) return active(*mk);
    pos += len;
    if (m == 0xDA) {  // entropy-coded data up to the next marker
      while (pos + 1 < n) {
        if (b[pos] == 0xFF && b[pos + 1] != 0x00 && !(b[pos + 1] >= 0xD0 && b[pos + 1] <= 0xD7)) break;
        pos += b[pos] == 0xFF ? 2 : 1;
      }
      if (pos + 1 >= n) return malformed(type, "no EOI");
    }
  }
}

std::optional<Error> walk_png(Bytes b, std::string_view type, size_t& end) {
  size_t pos = 8;
  while (true) {
    if (pos + 12 > b.size()) return malformed(type, "no IEND");
    const uint32_t len = be32(b, pos);
    if (len > 0x7FFFFFFFu || pos + 12 + static_cast<size_t>(len) > b.size()) return malformed(type, "chunk runs past the file");
    const bool ancillary = (b[pos + 4] & 0x20) != 0;
    if (ancillary)
      if (const Marker* mk = find_marker(b.subspan(pos + 8, len), true)) return active(*mk);
    const bool iend = at(b, pos + 4, "IEND", 4);
    pos += 12 + static_cast<size_t>(len);
    if (iend) {
      end = pos;
      return std::nullopt;
    }
  }
}

std::optional<Error> walk_bmff(Bytes b, std::string_view type, size_t& end) {
  size_t pos = 0;
  const size_t n = b.size();
  while (pos < n) {
    if (pos + 8 > n) return malformed(type, "box header runs past the file");
    uint64_t size = be32(b, pos);
    size_t header = 8;
    if (size == 1) {
      if (pos + 16 > n) return malformed(type, "box header runs past the file");
      size = (uint64_t{be32(b, pos + 8)} << 32) | be32(b, pos + 12);
      header = 16;
    } else if (size == 0) {
      size = n - pos;  // "box extends to the end of the file"
    }
    if (size < header || size > n - pos) return malformed(type, "box runs past the file");
    pos += static_cast<size_t>(size);
  }
  end = pos;
  return std::nullopt;
}

std::optional<Error> walk_ogg(Bytes b, std::string_view type, size_t& end) {
  size_t pos = 0;
  const size_t n = b.size();
  while (pos < n) {
    if (!at(b, pos, "OggS", 4)) {
      end = pos;  // something that is not a page follows the last page
      return std::nullopt;
    }
    if (pos + 27 > n) return malformed(type, "page header runs past the file");
    const size_t segs = b[pos + 26];
    if (pos + 27 + segs > n) return malformed(type, "segment table runs past the file");
    size_t body = 0;
    for (size_t i = 0; i < segs; ++i) body += b[pos + 27 + i];
    if (pos + 27 + segs + body > n) return malformed(type, "page runs past the file");
    pos += 27 + segs + body;
  }
  end = pos;
  return std::nullopt;
}

}  // namespace

std::optional<Error> check_upload_magic(std::string_view type, std::span<const uint8_t> head) {
  Kind k = kind_of(type);
  if (k != Kind::none && magic_matches(k, head)) return std::nullopt;
  return make_error("security.upload_type_mismatch", "declared " + std::string(type),
                    {{"declared", std::string(type)}, {"actual", actual_name(head)}});
}

std::optional<Error> check_upload_content(std::string_view type, std::span<const uint8_t> b) {
  if (auto e = check_upload_magic(type, b)) return e;
  const Kind k = kind_of(type);
  size_t end = b.size();
  std::optional<Error> e;
  switch (k) {
    case Kind::jpeg:
    case Kind::png: {
      auto layout = read_layout(b);
      if (!layout) return malformed(type, layout.error().id + " " + layout.error().detail);
      e = k == Kind::jpeg ? walk_jpeg(b, type, end) : walk_png(b, type, end);
      break;
    }
    case Kind::webp: {
      if (b.size() < 12) return malformed(type, "short RIFF header");
      const uint64_t size = le32(b, 4);
      const uint64_t riff_end = 8 + size + (size & 1);
      if (riff_end > b.size()) return malformed(type, "RIFF size runs past the file");
      end = static_cast<size_t>(riff_end);
      break;
    }
    case Kind::bmff: e = walk_bmff(b, type, end); break;
    case Kind::ogg: e = walk_ogg(b, type, end); break;
    case Kind::webm:
    case Kind::mp3:
    case Kind::aac:
      if (const Marker* mk = find_marker(b, false)) return active(*mk);
      break;
    case Kind::none: break;
  }
  if (e) return e;
  if (end < b.size()) return trailing(b.size() - end);
  return std::nullopt;
}

std::optional<Error> check_upload_name(std::string_view name) {
  auto bad = [&](std::string why) {
    return make_error("security.upload_bad_name", std::move(why));
  };
  if (name.empty() || name.size() > 255) return bad("empty or longer than 255 bytes");
  if (name[0] == '.') return bad("starts with a dot");
  const auto* p = reinterpret_cast<const unsigned char*>(name.data());
  for (size_t i = 0; i < name.size();) {
    unsigned char c = p[i];
    if (c == '/' || c == '\\') return bad("path separator");
    if (c < 0x20 || c == 0x7F) return bad("control character");
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > name.size()) return bad("invalid UTF-8");
    uint32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return bad("invalid UTF-8");
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return bad("invalid UTF-8");
    if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
      return bad("control or bidi character");
    i += len;
  }
  return std::nullopt;
}

std::string_view upload_extension(std::string_view type) {
  const KnownType* k = known(type);
  return k ? k->ext : std::string_view{};
}

}  // namespace civic::media
