// tests/core/media_video_meta_test.cpp — core/media/video_meta: every layout
// real phones write a location in is blanked in place (same size, nothing
// outside the location payloads changed, the file still tiles into boxes),
// the duration is read from mvhd v0 and v1 (and a WebM's Segment/Info),
// and structures that lie about their sizes are refused with the bytes
// untouched. Every file is built here
// with a tiny box writer; no binary is committed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/media/upload_check.hpp"
#include "core/media/video_meta.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes text(const std::string& s) { return Bytes(s.begin(), s.end()); }
Bytes be16(std::uint32_t v) { return {std::uint8_t(v >> 8), std::uint8_t(v)}; }
Bytes be32(std::uint32_t v) {
  return {std::uint8_t(v >> 24), std::uint8_t(v >> 16), std::uint8_t(v >> 8), std::uint8_t(v)};
}
Bytes be64(std::uint64_t v) {
  Bytes hi = be32(std::uint32_t(v >> 32)), lo = be32(std::uint32_t(v));
  hi.insert(hi.end(), lo.begin(), lo.end());
  return hi;
}
Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}
// A box: 32-bit size, the four-character type, the payload.
Bytes box(const std::string& type, std::initializer_list<Bytes> payload = {}) {
  Bytes body = cat(payload);
  return cat({be32(std::uint32_t(8 + body.size())), text(type), body});
}
// The same with a 64-bit largesize (size field 1).
Bytes large_box(const std::string& type, const Bytes& body) {
  return cat({be32(1), text(type), be64(16 + body.size()), body});
}
Bytes zeros(std::size_t n) { return Bytes(n, 0); }
Bytes noise(std::size_t n) {
  Bytes b(n);
  std::uint32_t x = 0x12345678;
  for (auto& c : b) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    c = std::uint8_t(x);
  }
  return b;
}

const std::string kXyz = "\xA9xyz";
const std::string kWhere = "+22.5431+114.0579/";

Bytes ftyp(const std::string& brand = "isom") {
  return box("ftyp", {text(brand), be32(0x200), text(brand == "qt  " ? "qt  " : "isomiso2mp41")});
}
// mvhd version 0: timescale, duration; the rest zero (rate, matrix, ...).
Bytes mvhd0(std::uint32_t scale, std::uint32_t duration) {
  return box("mvhd", {be32(0), be32(0), be32(0), be32(scale), be32(duration), zeros(80)});
}
Bytes mvhd1(std::uint32_t scale, std::uint64_t duration) {
  return box("mvhd", {be32(0x01000000), be64(0), be64(0), be32(scale), be64(duration), zeros(80)});
}
// Android's MPEG4Writer::writeGeoDataBox: a QuickTime user-data string.
Bytes xyz(const std::string& where = kWhere) { return box(kXyz, {be16(std::uint32_t(where.size())), be16(0x15c7), text(where)}); }
// 3GPP TS 26.244 loci: full box, language, name, role, lon, lat, alt (16.16), body, notes.
Bytes loci() {
  return box("loci", {be32(0), be16(0x15c7), text("Shenzhen"), zeros(1), zeros(1), be32(0x00720EDC),
                      be32(0x00168B00), be32(0), text("earth"), zeros(1), zeros(1)});
}
Bytes hdlr(const std::string& kind) { return box("hdlr", {be32(0), be32(0), text(kind), zeros(12), zeros(1)}); }
Bytes data_atom(const std::string& value) { return box("data", {be32(1), be32(0), text(value)}); }
// QuickTime moov/meta (a plain atom, hdlr 'mdta') with keys and ilst items
// typed by their 1-based key index; `full` makes it an ISO full box.
Bytes mdta_meta(const std::vector<std::pair<std::string, std::string>>& kv, bool full = false) {
  Bytes keys = cat({be32(0), be32(std::uint32_t(kv.size()))});
  Bytes items;
  for (std::size_t i = 0; i < kv.size(); ++i) {
    keys = cat({keys, be32(std::uint32_t(8 + kv[i].first.size())), text("mdta"), text(kv[i].first)});
    const Bytes index = be32(std::uint32_t(i + 1));   // the item's type is its key's index
    items = cat({items, box(std::string(index.begin(), index.end()), {data_atom(kv[i].second)})});
  }
  return box("meta", {full ? be32(0) : Bytes{}, hdlr("mdta"), box("keys", {keys}), box("ilst", {items})});
}
const std::vector<std::pair<std::string, std::string>> kIphone = {
    {"com.apple.quicktime.location.accuracy.horizontal", "14.989691"},
    {"com.apple.quicktime.location.ISO6709", "+22.5431+114.0579+012.345/"},
    {"com.apple.quicktime.make", "Apple"},
    {"com.apple.quicktime.model", "iPhone 13"},
};

Bytes mdat(std::size_t n) { return box("mdat", {noise(n)}); }

// What each layout must look like after the walk.
bool contains(const Bytes& b, const std::string& s) {
  const Bytes want = text(s);   // bytes, not chars: '\xA9' is negative as a char
  return std::search(b.begin(), b.end(), want.begin(), want.end()) != b.end();
}
// Positions where a and b differ.
std::size_t changed(const Bytes& a, const Bytes& b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.size(); ++i) n += a[i] != b[i];
  return n;
}
// The offset just after the first occurrence of s (its payload start when s
// is a box type), or npos.
std::size_t after(const Bytes& b, const std::string& s) {
  const Bytes want = text(s);
  auto it = std::search(b.begin(), b.end(), want.begin(), want.end());
  return it == b.end() ? std::string::npos : std::size_t(it - b.begin()) + s.size();
}

}  // namespace

TEST_CASE("video location: each layout phones write is blanked in place") {
  struct Row {
    const char* name;
    Bytes file;
    int blanked;
    std::vector<std::string> gone;   // strings that must not survive
    std::vector<std::string> kept;   // strings that must
  };
  const Bytes iphone_meta = mdta_meta(kIphone);
  const std::vector<Row> rows = {
      {"Android MP4: moov/udta/©xyz becomes a zeroed free box",
       cat({ftyp(), box("moov", {mvhd0(1000, 3000), box("udta", {xyz()})}), mdat(4000)}), 1, {kWhere, kXyz}, {"udta"}},
      {"iPhone MOV: the location keys' ilst values are zeroed, make and model kept",
       cat({ftyp("qt  "), mdat(4000), box("moov", {mvhd0(600, 1800), iphone_meta})}), 2,
       {"+22.5431+114.0579", "14.989691"}, {"Apple", "iPhone 13", "com.apple.quicktime.location.ISO6709"}},
      {"ffmpeg use_metadata_tags: keys/ilst under moov/udta/meta (full box)",
       cat({ftyp(), box("moov", {mvhd0(1000, 3000), box("udta", {mdta_meta(kIphone, true)})}), mdat(100)}), 2,
       {"+22.5431+114.0579"}, {"iPhone 13"}},
      {"iTunes style: an ilst item ©xyz under udta/meta (mdir handler)",
       cat({ftyp(), box("moov", {mvhd0(1000, 3000),
                                 box("udta", {box("meta", {be32(0), hdlr("mdir"),
                                                           box("ilst", {box(kXyz, {data_atom(kWhere)}),
                                                                        box("\xA9too", {data_atom("Lavf60")})})})})}),
            mdat(100)}),
       1, {kWhere}, {"Lavf60"}},
      {"a track's udta with ©xyz and 3GPP loci",
       cat({ftyp(), box("moov", {mvhd0(1000, 3000), box("trak", {box("tkhd", {zeros(84)}), box("udta", {xyz(), loci()})})}),
            mdat(100)}),
       2, {kWhere, "Shenzhen", "loci"}, {"tkhd"}},
      {"moov at the end, after a 64-bit largesize mdat",
       cat({ftyp(), large_box("mdat", noise(5000)), box("moov", {mvhd0(1000, 3000), box("udta", {xyz()})})}), 1,
       {kWhere}, {}},
      {"moov first, then an mdat of size 0 (to the end of the file)",
       cat({ftyp(), box("moov", {mvhd0(1000, 3000), box("udta", {xyz()})}), be32(0), text("mdat"), noise(3000)}), 1,
       {kWhere}, {}},
      {"a QuickTime udta ending in a 32-bit zero terminator",
       cat({ftyp("qt  "), box("moov", {mvhd0(600, 600), box("udta", {xyz(), be32(0)})}), mdat(100)}), 1, {kWhere}, {}},
      {"two moov boxes: both are cleaned",
       cat({ftyp(), box("moov", {mvhd0(1000, 3000), box("udta", {xyz()})}), mdat(100),
            box("moov", {box("udta", {xyz("+01.0000+002.0000/")})})}),
       2, {kWhere, "+01.0000+002.0000/"}, {}},
      {"a broken location item is blanked whole, not refused",
       cat({ftyp("qt  "), box("moov", {box("meta", {hdlr("mdta"),
                                                    box("keys", {be32(0), be32(1), be32(8 + 36), text("mdta"),
                                                                 text("com.apple.quicktime.location.ISO6709")}),
                                                    box("ilst", {box(std::string("\0\0\0\x01", 4), {be32(0x7fffffff), text("data"), text(kWhere)})})})}),
            mdat(100)}),
       1, {kWhere}, {}},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      Bytes b = r.file;
      REQUIRE(!civic::media::check_upload_content("video/mp4", b));
      for (const auto& s : r.gone) REQUIRE(contains(b, s));
      auto got = civic::media::blank_video_location(b);
      REQUIRE(got.ok());
      CHECK(got->bmff_ok);
      CHECK(got->blanked == r.blanked);
      CHECK(b.size() == r.file.size());
      for (const auto& s : r.gone) CHECK_MESSAGE(!contains(b, s), s);
      for (const auto& s : r.kept) CHECK_MESSAGE(contains(b, s), s);
      // Still the same boxes tiling the same file: the server keeps it.
      CHECK(!civic::media::check_upload_content("video/mp4", b));
      // Nothing but location payloads (and 'free' names) changed: mdat's
      // noise and everything before moov are byte for byte the same.
      const std::size_t moov_at = after(r.file, "moov");
      const std::size_t mdat_at = after(r.file, "mdat");
      CHECK(std::equal(b.begin(), b.begin() + std::ptrdiff_t(std::min(moov_at, mdat_at)), r.file.begin()));
      CHECK(std::equal(b.begin() + std::ptrdiff_t(mdat_at), b.begin() + std::ptrdiff_t(mdat_at + 64),
                       r.file.begin() + std::ptrdiff_t(mdat_at)));
      // A second pass finds nothing left to remove, and changes nothing.
      Bytes again = b;
      auto second = civic::media::blank_video_location(again);
      REQUIRE(second.ok());
      CHECK(second->blanked == 0);
      CHECK(again == b);
    }
  }
}

TEST_CASE("video location: only the location bytes change") {
  // ©xyz: its 4 type bytes become 'free' and its payload is zeroed — the
  // exact count of changed bytes is at most 4 + payload.
  const Bytes file = cat({ftyp(), box("moov", {mvhd0(1000, 3000), box("udta", {xyz()})}), mdat(2000)});
  Bytes b = file;
  REQUIRE(civic::media::blank_video_location(b).ok());
  const std::size_t at = after(file, kXyz);
  REQUIRE(at != std::string::npos);
  CHECK(std::string(b.begin() + std::ptrdiff_t(at - 4), b.begin() + std::ptrdiff_t(at)) == "free");
  CHECK(changed(file, b) <= 4 + 4 + kWhere.size());
  for (std::size_t i = 0; i < file.size(); ++i)
    if (i < at - 4 || i >= at + 4 + kWhere.size()) REQUIRE(b[i] == file[i]);

  // keys/ilst: only the bytes of the location values differ.
  const Bytes mov = cat({ftyp("qt  "), box("moov", {mdta_meta(kIphone)}), mdat(100)});
  Bytes m = mov;
  REQUIRE(civic::media::blank_video_location(m).ok());
  CHECK(changed(mov, m) <= kIphone[0].second.size() + kIphone[1].second.size());
  CHECK(changed(mov, m) >= 20);
}

TEST_CASE("video location: what is not ISO BMFF, or carries no location, is untouched") {
  struct Row {
    const char* name;
    Bytes file;
    bool bmff;
  };
  const std::vector<Row> rows = {
      {"an MP4 without location", cat({ftyp(), box("moov", {mvhd0(1000, 3000), box("udta", {box("\xA9too", {text("x")})})}), mdat(500)}), true},
      {"a WebM (no standard location field)", cat({text("\x1A\x45\xDF\xA3"), noise(300)}), false},
      {"an old QuickTime file without ftyp", cat({box("moov", {box("udta", {xyz()})}), mdat(100)}), false},
      {"four bytes", text("ftyp"), false},
      {"empty", {}, false},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      Bytes b = r.file;
      auto got = civic::media::blank_video_location(b);
      REQUIRE(got.ok());
      CHECK(got->bmff_ok == r.bmff);
      CHECK(got->blanked == 0);
      CHECK(b == r.file);
    }
  }
}

TEST_CASE("video location: lying, truncated and hostile structures are refused, untouched") {
  const Bytes good_udta = box("udta", {xyz()});
  Bytes lying_child = box("udta", {xyz(), be32(4000), text("junk"), zeros(8)});   // past its parent
  Bytes too_many_keys = box("meta", {hdlr("mdta"), box("keys", {be32(0), be32(civic::media::kMaxMetaKeys + 1)}),
                                     box("ilst", {})});
  Bytes keys_lie = box("meta", {hdlr("mdta"), box("keys", {be32(0), be32(2), be32(8 + 36), text("mdta"),
                                                           text("com.apple.quicktime.location.ISO6709"), be32(900),
                                                           text("mdta")}),
                                box("ilst", {})});
  Bytes many;
  for (std::size_t i = 0; i <= civic::media::kMaxBoxes; ++i) {
    const Bytes f = box("free");
    many.insert(many.end(), f.begin(), f.end());
  }
  Bytes whole = cat({ftyp(), box("moov", {mvhd0(1000, 3000), good_udta}), mdat(1000)});
  struct Row {
    const char* name;
    Bytes file;
  };
  const std::vector<Row> rows = {
      {"a child box longer than its parent (a ©xyz before it stays: nothing is touched)",
       cat({ftyp(), box("moov", {mvhd0(1000, 3000), lying_child}), mdat(100)})},
      {"cut off inside moov", Bytes(whole.begin(), whole.begin() + std::ptrdiff_t(after(whole, kXyz) + 4))},
      {"a top-level box past the end of the file", cat({ftyp(), box("moov", {good_udta}), be32(99999), text("mdat")})},
      {"a largesize past the end of the file", cat({ftyp(), box("moov", {good_udta}), be32(1), text("mdat"), be64(1ull << 62)})},
      {"a largesize smaller than its header", cat({ftyp(), box("moov", {good_udta}), be32(1), text("mdat"), be64(8)})},
      {"a box size of 4", cat({ftyp(), box("moov", {good_udta}), be32(4), text("mdat")})},
      {"stray bytes at the end of udta", cat({ftyp(), box("moov", {box("udta", {xyz(), text("abc")})})})},
      {"more keys than kMaxMetaKeys", cat({ftyp(), box("moov", {good_udta, too_many_keys})})},
      {"a keys entry longer than its atom", cat({ftyp(), box("moov", {good_udta, keys_lie})})},
      {"more boxes than kMaxBoxes", cat({ftyp(), box("moov", {good_udta, box("udta", {many})})})},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      Bytes b = r.file;
      auto got = civic::media::blank_video_location(b);
      REQUIRE(!got.ok());
      CHECK(got.error().id == "media.video_malformed");
      CHECK(!got.error().detail.empty());
      CHECK(b == r.file);
    }
  }
}

TEST_CASE("video duration: from mvhd version 0 and 1") {
  struct Row {
    const char* name;
    Bytes mvhd;
    std::uint64_t ms;
  };
  const std::vector<Row> rows = {
      {"v0, 1000 per second, 3 s", mvhd0(1000, 3000), 3000},
      {"v0, QuickTime's 600 per second, 1:05.5", mvhd0(600, 39300), 65500},
      {"v0, rounded down to the millisecond", mvhd0(3, 1), 333},
      {"v1, 90 kHz, 64-bit duration of 2 h", mvhd1(90000, 90000ull * 7200), 7'200'000},
      {"v1, a duration above 32 bits", mvhd1(1000, 0x1'0000'0000ull), 0x1'0000'0000ull},
      {"v0, all ones: not known", mvhd0(1000, 0xFFFFFFFFu), 0},
      {"v1, all ones: not known", mvhd1(1000, ~0ull), 0},
      {"a timescale of 0", mvhd0(0, 3000), 0},
      {"absurd: 2^40 seconds and more", mvhd1(1, 1ull << 41), 0},
      {"an unknown version", box("mvhd", {be32(0x02000000), zeros(96)}), 0},
      {"too short for its version", box("mvhd", {be32(0x01000000), zeros(8)}), 0},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      Bytes b = cat({ftyp(), box("moov", {r.mvhd}), mdat(100)});
      auto got = civic::media::blank_video_location(b);
      REQUIRE(got.ok());
      CHECK(got->duration_ms == r.ms);
    }
  }
  SUBCASE("no mvhd: not known") {
    Bytes b = cat({ftyp(), box("moov", {box("udta")}), mdat(10)});
    CHECK(civic::media::blank_video_location(b)->duration_ms == 0);
  }
}

namespace {

// EBML: raw id bytes, an 8-byte size (0x01 marker), the data.
Bytes el(Bytes id, const Bytes& data) {
  Bytes size = {0x01};
  for (int s = 48; s >= 0; s -= 8) size.push_back(std::uint8_t(std::uint64_t(data.size()) >> s));
  return cat({id, size, data});
}
Bytes f64(double d) {
  std::uint64_t v;
  std::memcpy(&v, &d, 8);
  return be64(v);
}
Bytes f32(float f) {
  std::uint32_t v;
  std::memcpy(&v, &f, 4);
  return be32(v);
}
const Bytes kEbml = {0x1A, 0x45, 0xDF, 0xA3}, kSegment = {0x18, 0x53, 0x80, 0x67}, kInfo = {0x15, 0x49, 0xA9, 0x66},
            kScale = {0x2A, 0xD7, 0xB1}, kDuration = {0x44, 0x89}, kCluster = {0x1F, 0x43, 0xB6, 0x75},
            kSeekHead = {0x11, 0x4D, 0x9B, 0x74}, kMuxingApp = {0x4D, 0x80};
Bytes webm(const Bytes& segment_children) {
  return cat({el(kEbml, cat({Bytes{0x42, 0x82, 0x84}, text("webm")})), el(kSegment, segment_children)});
}

}  // namespace

TEST_CASE("video duration: a WebM's Segment/Info, the bytes untouched") {
  struct Row {
    const char* name;
    Bytes file;
    std::uint64_t ms;
  };
  const Bytes scale_ms = el(kScale, {0x0F, 0x42, 0x40});   // 1,000,000 ns
  const std::vector<Row> rows = {
      {"a 64-bit Duration, the default scale", webm(el(kInfo, el(kDuration, f64(65500.0)))), 65500},
      {"a 32-bit Duration after a SeekHead", webm(cat({el(kSeekHead, zeros(20)), el(kInfo, cat({scale_ms, el(kDuration, f32(3000.0f))}))})), 3000},
      {"a scale of 1 µs", webm(el(kInfo, cat({el(kScale, {0x03, 0xE8}), el(kDuration, f64(2.5e6))}))), 2500},
      {"a Segment of unknown size (a live recording)",
       cat({el(kEbml, text("x")), kSegment, Bytes{0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
            el(kInfo, el(kDuration, f64(1000.0)))}),
       1000},
      {"Chrome's MediaRecorder: Info without Duration", webm(el(kInfo, cat({scale_ms, el(kMuxingApp, text("Chrome"))}))), 0},
      {"a Cluster before any Info", webm(cat({el(kCluster, zeros(30)), el(kInfo, el(kDuration, f64(5000.0)))})), 0},
      {"a NaN Duration", webm(el(kInfo, el(kDuration, f64(std::nan(""))))), 0},
      {"a negative Duration", webm(el(kInfo, el(kDuration, f64(-40.0)))), 0},
      {"an Info running past the file", [] {
         Bytes b = webm(el(kInfo, el(kDuration, f64(5000.0))));
         b.resize(b.size() - 3);
         return b;
       }(), 0},
      {"a header of unknown size", cat({kEbml, Bytes{0xFF}, el(kSegment, el(kInfo, el(kDuration, f64(5000.0))))}), 0},
      {"an id longer than 4 bytes", cat({kEbml, Bytes{0x81, 0x00}, Bytes{0x08, 0, 0, 0, 0, 0x81, 0x00}}), 0},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      Bytes b = r.file;
      auto got = civic::media::blank_video_location(b);
      REQUIRE(got.ok());
      CHECK_FALSE(got->bmff_ok);
      CHECK(got->blanked == 0);
      CHECK(got->duration_ms == r.ms);
      CHECK(b == r.file);
    }
  }
}
