// core/media/video_meta.cpp — the bounded ISO BMFF walk (limits and the
// layouts it knows in video_meta.hpp). Box header per ISO/IEC 14496-12
// §4.2: u32 size (1: a u64 largesize follows the type; 0: to the end of the
// enclosing box or file), u32 type. Two passes: the walk only records what
// to blank; the bytes change only once the whole walk succeeded.
#include "core/media/video_meta.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace civic::media {

namespace {

constexpr std::uint32_t fourcc(const char (&s)[5]) {
  return std::uint32_t(std::uint8_t(s[0])) << 24 | std::uint32_t(std::uint8_t(s[1])) << 16 |
         std::uint32_t(std::uint8_t(s[2])) << 8 | std::uint8_t(s[3]);
}
constexpr std::uint32_t kXyz = 0xA978797Au;   // "©xyz" (© is 0xA9 in Mac Roman)
constexpr std::string_view kLocationKey = "com.apple.quicktime.location.";

struct Box {
  std::size_t start = 0, payload = 0, end = 0;
  std::uint32_t type = 0;
};

// A range to zero, and optionally a box type to rename to 'free'.
struct Patch {
  std::size_t from = 0, to = 0;
  std::size_t rename_at = SIZE_MAX;
};

class Walk {
 public:
  explicit Walk(std::span<const std::uint8_t> b) : b_(b) {}

  std::vector<Patch> patches;
  int blanked = 0;
  std::uint64_t duration_ms = 0;
  // Why the walk failed (null while it is sound) and where: a fixed text and
  // one offset, so the worker's wasm carries no string building.
  const char* error = nullptr;
  std::size_t error_at = 0;

  bool top_level() {
    std::size_t pos = 0;
    bool first = true;
    while (pos < b_.size()) {
      Box box;
      if (!next(pos, b_.size(), box)) return false;
      if (first && box.type != fourcc("ftyp")) return fail("not ftyp first");
      first = false;
      if (box.type == fourcc("moov") && !moov(box, 1)) return false;
      if (box.type == fourcc("meta") && !meta(box, 1)) return false;
      pos = box.end;
    }
    return !first || fail("empty");
  }

 private:
  std::span<const std::uint8_t> b_;
  std::size_t boxes_ = 0;
  bool have_mvhd_ = false;

  bool fail(const char* why, std::size_t at = 0) {
    if (!error) {
      error = why;
      error_at = at;
    }
    return false;
  }
  std::uint32_t be32(std::size_t p) const {
    return std::uint32_t(b_[p]) << 24 | std::uint32_t(b_[p + 1]) << 16 | std::uint32_t(b_[p + 2]) << 8 | b_[p + 3];
  }
  std::uint64_t be64(std::size_t p) const { return std::uint64_t(be32(p)) << 32 | be32(p + 4); }

  // The box at pos inside [pos, limit); false (with error set) when it does
  // not fit there.
  bool next(std::size_t pos, std::size_t limit, Box& out) {
    if (++boxes_ > kMaxBoxes) return fail("more than kMaxBoxes boxes");
    if (limit - pos < 8) return fail("box header cut off", pos);
    std::uint64_t size = be32(pos);
    std::size_t header = 8;
    if (size == 1) {
      if (limit - pos < 16) return fail("largesize cut off", pos);
      size = be64(pos + 8);
      header = 16;
    } else if (size == 0) {
      size = limit - pos;   // top level: to the end of the file; inside: of the parent (as ffmpeg reads it)
    }
    if (size < header || size > limit - pos) return fail("box size runs past its parent", pos);
    out.start = pos;
    out.payload = pos + header;
    out.end = pos + static_cast<std::size_t>(size);
    out.type = be32(pos + 4);
    return true;
  }

  // Walks the children of [from, to), calling visit(child) for each.
  // QuickTime ends some lists (udta) with a 32-bit zero: a tail of fewer
  // than 8 bytes is accepted when it is all zero.
  template <class Visit>
  bool children(std::size_t from, std::size_t to, int depth, Visit visit) {
    if (depth > kMaxBoxDepth) return fail("nested deeper than kMaxBoxDepth");
    std::size_t pos = from;
    while (pos < to) {
      if (to - pos < 8) {
        for (std::size_t i = pos; i < to; ++i)
          if (b_[i] != 0) return fail("stray bytes", i);
        return true;
      }
      Box box;
      if (!next(pos, to, box)) return false;
      if (!visit(box)) return false;
      pos = box.end;
    }
    return true;
  }

  void blank_box(const Box& box) {
    patches.push_back({box.payload, box.end, box.start + 4});
    ++blanked;
  }

  bool moov(const Box& m, int depth) {
    return children(m.payload, m.end, depth + 1, [&](const Box& c) {
      if (c.type == fourcc("mvhd")) mvhd(c);
      if (c.type == fourcc("trak")) return trak(c, depth + 1);
      if (c.type == fourcc("udta")) return udta(c, depth + 1);
      if (c.type == fourcc("meta")) return meta(c, depth + 1);
      return true;
    });
  }

  bool trak(const Box& t, int depth) {
    return children(t.payload, t.end, depth + 1, [&](const Box& c) {
      if (c.type == fourcc("udta")) return udta(c, depth + 1);
      if (c.type == fourcc("meta")) return meta(c, depth + 1);
      return true;
    });
  }

  bool udta(const Box& u, int depth) {
    return children(u.payload, u.end, depth + 1, [&](const Box& c) {
      if (c.type == kXyz || c.type == fourcc("loci")) blank_box(c);
      if (c.type == fourcc("meta")) return meta(c, depth + 1);
      return true;
    });
  }

  // ISO 14496-12 makes 'meta' a full box (4 bytes of version and flags
  // before its children); QuickTime's moov/meta is a plain atom. Which one
  // it is shows where its first child, 'hdlr', sits.
  std::size_t meta_children(const Box& m) const {
    const std::size_t n = m.end - m.payload;
    if (n >= 8 && be32(m.payload + 4) == fourcc("hdlr")) return m.payload;
    return n >= 4 ? m.payload + 4 : m.end;
  }

  bool meta(const Box& m, int depth) {
    std::vector<std::uint8_t> location;   // by 1-based key index: 1 when a location key
    std::vector<Box> lists;       // 'ilst' (keys may come after it)
    const bool ok = children(meta_children(m), m.end, depth + 1, [&](const Box& c) {
      if (c.type == fourcc("keys")) return keys(c, location);
      if (c.type == fourcc("ilst")) lists.push_back(c);
      return true;
    });
    for (const Box& ilst : lists) {
      if (!ok) break;
      const bool items = children(ilst.payload, ilst.end, depth + 2, [&](const Box& item) {
        const bool keyed = item.type < location.size() && location[item.type] != 0;
        if (keyed || item.type == kXyz) return blank_item(item, depth + 3);
        return true;
      });
      if (!items) return false;
    }
    return ok;
  }

  // 'keys' (QuickTime "Metadata item keys atom"): version/flags, entry count,
  // then {u32 key size (with these 8 bytes), u32 namespace, key bytes}.
  bool keys(const Box& k, std::vector<std::uint8_t>& location) {
    if (k.end - k.payload < 8) return fail("short keys atom", k.start);
    const std::uint32_t count = be32(k.payload + 4);
    if (count > kMaxMetaKeys) return fail("more than kMaxMetaKeys keys", k.start);
    location.assign(std::size_t(count) + 1, 0);
    std::size_t pos = k.payload + 8;
    for (std::uint32_t i = 1; i <= count; ++i) {
      if (k.end - pos < 8) return fail("keys entry cut off", pos);
      const std::uint32_t size = be32(pos);
      if (size < 8 || size > k.end - pos) return fail("keys entry runs past the atom", pos);
      const std::string_view key(reinterpret_cast<const char*>(b_.data() + pos + 8), size - 8);
      location[i] = key.starts_with(kLocationKey);
      pos += size;
    }
    return true;
  }

  // A location item of an ilst: each 'data' atom's value zeroed (its type
  // indicator and locale kept), or the whole payload when it has none.
  bool blank_item(const Box& item, int depth) {
    std::vector<Patch> values;
    const char* saved = error;
    const bool sound = children(item.payload, item.end, depth, [&](const Box& c) {
      if (c.type == fourcc("data") && c.end - c.payload >= 8) values.push_back({c.payload + 8, c.end});
      return true;
    });
    if (!sound) {
      if (boxes_ > kMaxBoxes || depth > kMaxBoxDepth) return false;
      error = saved;   // a broken item is blanked whole, not refused
      values.clear();
    }
    if (values.empty()) values.push_back({item.payload, item.end});
    bool something = false;   // an item blanked before (a second pass) is not counted again
    for (const Patch& v : values)
      for (std::size_t i = v.from; i < v.to && !something; ++i) something = b_[i] != 0;
    patches.insert(patches.end(), values.begin(), values.end());
    blanked += something;
    return true;
  }

  // 'mvhd' (ISO 14496-12 §8.2.2): version 0 has 32-bit times, timescale at
  // payload+12 and duration at +16; version 1 64-bit times, timescale at +20
  // and duration at +24. An all-ones duration means "not known".
  void mvhd(const Box& m) {
    if (have_mvhd_) return;
    have_mvhd_ = true;
    const std::size_t n = m.end - m.payload;
    if (n < 1) return;
    std::uint64_t scale = 0, d = 0;
    if (b_[m.payload] == 0 && n >= 20) {
      scale = be32(m.payload + 12);
      d = be32(m.payload + 16);
      if (d == 0xFFFFFFFFu) return;
    } else if (b_[m.payload] == 1 && n >= 32) {
      scale = be32(m.payload + 20);
      d = be64(m.payload + 24);
      if (d == ~std::uint64_t{0}) return;
    } else {
      return;
    }
    if (scale == 0 || d / scale >= (std::uint64_t{1} << 40)) return;   // beyond any real video
    duration_ms = d / scale * 1000 + d % scale * 1000 / scale;
  }
};

// ---- WebM ---------------------------------------------------------------------
// EBML (RFC 8794 §4): an element is a variable-length id (1-4 bytes, marker
// bit kept), a variable-length size (1-8 bytes, marker bit dropped; all ones
// means "unknown") and its data.
struct Element {
  std::uint32_t id = 0;
  std::size_t data = 0, end = 0;
  bool sized = true;
};

bool ebml_vint(std::span<const std::uint8_t> b, std::size_t& pos, std::size_t limit, int max_len, bool keep_marker,
               std::uint64_t& value, bool& all_ones) {
  if (pos >= limit) return false;
  const std::uint8_t first = b[pos];
  const int len = first == 0 ? 9 : std::countl_zero(first) + 1;
  if (len > max_len || limit - pos < std::size_t(len)) return false;
  const std::uint8_t mask = std::uint8_t(0xFF >> len);
  value = keep_marker ? first : first & mask;
  all_ones = (first & mask) == mask;
  for (int i = 1; i < len; ++i) {
    value = value << 8 | b[pos + i];
    all_ones = all_ones && b[pos + i] == 0xFF;
  }
  pos += std::size_t(len);
  return true;
}

bool ebml_element(std::span<const std::uint8_t> b, std::size_t pos, std::size_t limit, Element& e) {
  std::uint64_t id = 0, size = 0;
  bool ones = false;
  if (!ebml_vint(b, pos, limit, 4, true, id, ones) || !ebml_vint(b, pos, limit, 8, false, size, ones)) return false;
  e.id = std::uint32_t(id);
  e.data = pos;
  e.sized = !ones;
  if (!e.sized) {
    e.end = limit;
    return true;
  }
  if (size > limit - pos) return false;
  e.end = pos + std::size_t(size);
  return true;
}

std::uint64_t ebml_uint(std::span<const std::uint8_t> b, const Element& e) {
  std::uint64_t v = 0;
  for (std::size_t i = e.data; i < e.end && i < e.data + 8; ++i) v = v << 8 | b[i];
  return v;
}

// Segment/Info's Duration (a float in TimecodeScale units, default 1 ms).
std::uint64_t webm_duration_ms(std::span<const std::uint8_t> b) {
  Element header, segment, e;
  if (!ebml_element(b, 0, b.size(), header) || header.id != 0x1A45DFA3u || !header.sized) return 0;
  if (!ebml_element(b, header.end, b.size(), segment) || segment.id != 0x18538067u) return 0;
  std::size_t pos = segment.data;
  for (int n = 0; n < kMaxEbmlElements && ebml_element(b, pos, segment.end, e); ++n) {
    if (e.id == 0x1F43B675u || !e.sized) return 0;   // a Cluster: no Info before the frames
    if (e.id == 0x1549A966u) {
      std::uint64_t scale = 1'000'000;
      double duration = -1;
      Element c;
      std::size_t at = e.data;
      for (int k = 0; k < kMaxEbmlElements && ebml_element(b, at, e.end, c) && c.sized; ++k) {
        const std::size_t len = c.end - c.data;
        if (c.id == 0x2AD7B1u && len >= 1 && len <= 8) scale = ebml_uint(b, c);
        if (c.id == 0x4489u && len == 4) {
          const std::uint32_t bits = std::uint32_t(ebml_uint(b, c));
          float f;
          std::memcpy(&f, &bits, 4);   // (Emscripten 3.1.6's libc++ has no std::bit_cast)
          duration = f;
        }
        if (c.id == 0x4489u && len == 8) {
          const std::uint64_t bits = ebml_uint(b, c);
          std::memcpy(&duration, &bits, 8);
        }
        at = c.end;
      }
      const double ms = duration * double(scale) / 1e6;
      return std::isfinite(ms) && ms >= 1 && ms < 1e12 ? std::uint64_t(ms) : 0;
    }
    pos = e.end;
  }
  return 0;
}

}  // namespace

Result<VideoMeta> blank_video_location(std::span<std::uint8_t> bytes) {
  VideoMeta out;
  if (bytes.size() >= 4 && bytes[0] == 0x1A && bytes[1] == 0x45 && bytes[2] == 0xDF && bytes[3] == 0xA3) {
    out.duration_ms = webm_duration_ms(std::span<const std::uint8_t>(bytes.data(), bytes.size()));
    return out;   // nothing to blank: Matroska has no standard location field
  }
  // ISO BMFF starts with a box whose type is 'ftyp' (what core/media's
  // upload check requires of MP4 and MOV); anything else is not ours.
  if (bytes.size() < 8 || bytes[4] != 'f' || bytes[5] != 't' || bytes[6] != 'y' || bytes[7] != 'p') return out;
  Walk w{std::span<const std::uint8_t>(bytes.data(), bytes.size())};
  if (!w.top_level())
    return make_error("media.video_malformed", std::string(w.error) + " at byte " + std::to_string(w.error_at));
  for (const Patch& p : w.patches) {
    for (std::size_t i = p.from; i < p.to; ++i) bytes[i] = 0;
    if (p.rename_at != SIZE_MAX) {
      bytes[p.rename_at] = 'f';
      bytes[p.rename_at + 1] = 'r';
      bytes[p.rename_at + 2] = 'e';
      bytes[p.rename_at + 3] = 'e';
    }
  }
  out.bmff_ok = true;
  out.blanked = w.blanked;
  out.duration_ms = w.duration_ms;
  return out;
}

}  // namespace civic::media
