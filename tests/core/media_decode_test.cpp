// tests/core/media_decode_test.cpp — the formats we accept (progressive,
// greyscale, CMYK, YCCK, PNG alpha/16-bit/interlaced) decode to the right
// colours, and every malformed input gets its own clear error.
#include <doctest/doctest.h>

#include <cstring>

#include "core/i18n/messages.hpp"
#include "core/media/decode.hpp"
#include "core/media/jpeg_codec.hpp"
#include "media_test_util.hpp"

using namespace civic::media;
using media_test::Bytes;
using media_test::Rgb;

namespace {
// The colour at the centre of each quadrant.
void check_quadrants(const Image& img, const Rgb want[4], int tolerance) {
  const int cx[2] = {img.width / 4, img.width * 3 / 4}, cy[2] = {img.height / 4, img.height * 3 / 4};
  for (int q = 0; q < 4; ++q) {
    CAPTURE(q);
    const uint8_t* p = img.pixel(cx[q % 2], cy[q / 2]);
    CHECK(std::abs(p[0] - want[q].r) <= tolerance);
    CHECK(std::abs(p[1] - want[q].g) <= tolerance);
    CHECK(std::abs(p[2] - want[q].b) <= tolerance);
  }
}
int luma(Rgb c) { return (299 * c.r + 587 * c.g + 114 * c.b + 500) / 1000; }
int over_white(int c, int a) { return (c * a + 255 * (255 - a) + 127) / 255; }
}  // namespace

TEST_CASE("accepted formats decode to the right colours") {
  const Rgb* Q = media_test::kQuad;
  const Rgb grey[4] = {{luma(Q[0]), luma(Q[0]), luma(Q[0])}, {luma(Q[1]), luma(Q[1]), luma(Q[1])},
                       {luma(Q[2]), luma(Q[2]), luma(Q[2])}, {luma(Q[3]), luma(Q[3]), luma(Q[3])}};
  const Rgb alpha[4] = {Q[0], {255, 255, 255}, Q[2],
                        {over_white(Q[3].r, 128), over_white(Q[3].g, 128), over_white(Q[3].b, 128)}};
  const int ga = over_white(100, 128);
  const Rgb grey_alpha[4] = {{100, 100, 100}, {255, 255, 255}, {100, 100, 100}, {ga, ga, ga}};
  struct Row { const char* name; const char* file; Format format; int components; bool progressive; const Rgb* want; int tol; bool alpha; };
  const Row rows[] = {
      {"progressive JPEG", "progressive.jpg", Format::jpeg, 3, true, Q, 6, false},
      {"greyscale JPEG", "gray.jpg", Format::jpeg, 1, false, grey, 6, false},
      {"CMYK JPEG (Adobe, inverted)", "cmyk.jpg", Format::jpeg, 4, false, Q, 8, false},
      {"YCCK JPEG (Adobe transform 2)", "ycck.jpg", Format::jpeg, 4, false, Q, 8, false},
      {"JPEG with EXIF from exiftool", "exif_gps.jpg", Format::jpeg, 3, false, Q, 6, false},
      {"PNG RGBA: alpha onto white", "rgba.png", Format::png, 4, false, alpha, 1, true},
      {"PNG grey + alpha onto white", "gray_alpha.png", Format::png, 2, false, grey_alpha, 1, true},
      {"PNG 16-bit RGB", "rgb16.png", Format::png, 3, false, Q, 0, false},
      {"PNG palette, Adam7 interlaced", "interlaced.png", Format::png, 3, true, Q, 0, false},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      const Bytes b = media_test::read_fixture(r.file);
      REQUIRE_FALSE(b.empty());
      auto d = decode(b);
      REQUIRE_MESSAGE(d.ok(), (d.ok() ? "" : d.error().id + " " + d.error().detail));
      CHECK(d->layout.format == r.format);
      CHECK(d->layout.components == r.components);
      CHECK(d->layout.progressive == r.progressive);
      CHECK(d->had_alpha == r.alpha);
      CHECK(d->image.width == 64);
      CHECK(d->image.height == 48);
      CHECK(d->image.rgb.size() == 64u * 48 * 3);
      check_quadrants(d->image, r.want, r.tol);
    }
  }
}

TEST_CASE("a JPEG is decoded at the smallest DCT scale that covers the size asked for") {
  struct Row { const char* name; int w, h, min_w, min_h, eighths; };
  const Row scales[] = {
      {"48 MP to 2048: 3/8", 8000, 6000, 2048, 1536, 3},
      {"12 MP to 2048: 5/8", 4000, 3000, 2048, 1536, 5},
      {"portrait stored sideways", 6000, 8000, 1536, 2048, 3},
      {"exactly half", 4096, 3072, 2048, 1536, 4},
      {"already small: full size", 1000, 800, 2048, 1536, 8},
      {"tiny target: 1/8 is the floor", 4000, 3000, 10, 10, 1},
      {"odd sizes round up", 4001, 3001, 501, 376, 1},
  };
  for (const Row& r : scales) {
    SUBCASE(r.name) {
      CHECK(jpeg::scale_eighths_for(r.w, r.h, r.min_w, r.min_h) == r.eighths);
      const int m = r.eighths;
      CHECK(jpeg::scaled(r.w, m) >= std::min(r.w, r.min_w));
      CHECK(jpeg::scaled(r.h, m) >= std::min(r.h, r.min_h));
      if (m > 1) CHECK_FALSE((jpeg::scaled(r.w, m - 1) >= r.min_w && jpeg::scaled(r.h, m - 1) >= r.min_h));
    }
  }

  struct Decode { const char* name; const char* file; int min_w, min_h, want_w, want_h; };
  const Decode decodes[] = {
      {"baseline at 1/2", nullptr, 320, 240, 320, 240},
      {"baseline at 3/8", nullptr, 200, 100, 240, 180},
      {"baseline full size", nullptr, 641, 1, 640, 480},
      {"progressive at 4/8", "progressive.jpg", 32, 24, 32, 24},
      {"CMYK at 4/8", "cmyk.jpg", 32, 24, 32, 24},
      {"YCCK at 4/8", "ycck.jpg", 32, 24, 32, 24},
      {"greyscale at 4/8", "gray.jpg", 30, 20, 32, 24},
  };
  const Bytes big = media_test::jpeg_of(media_test::quad_image(640, 480), 92);
  for (const Decode& r : decodes) {
    SUBCASE(r.name) {
      const Bytes b = r.file ? media_test::read_fixture(r.file) : big;
      REQUIRE_FALSE(b.empty());
      int seen_w = 0, seen_h = 0;
      auto d = decode_scaled_with(b, {}, r.min_w, r.min_h, [&](const ImageView& v) {
        seen_w = v.width;
        seen_h = v.height;
        Image img = make_image(v.width, v.height);
        std::memcpy(img.rgb.data(), v.rgb, img.rgb.size());
        return img;
      });
      REQUIRE_MESSAGE(d.ok(), (d.ok() ? "" : d.error().id + " " + d.error().detail));
      CHECK(seen_w == r.want_w);
      CHECK(seen_h == r.want_h);
      CHECK(d->image.width == r.want_w);
      if (!r.file) check_quadrants(d->image, media_test::kQuad, 6);
    }
  }
}

namespace {
Bytes jpeg_header(int width, int height, uint8_t sof = 0xC0, int precision = 8) {
  // SOI, SOF(sof) with 3 components, then EOI: enough for the header walk.
  Bytes b = {0xFF, 0xD8, 0xFF, sof, 0, 17, static_cast<uint8_t>(precision),
             static_cast<uint8_t>(height >> 8), static_cast<uint8_t>(height & 255),
             static_cast<uint8_t>(width >> 8), static_cast<uint8_t>(width & 255), 3,
             1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9};
  return b;
}
Bytes png_header(uint32_t w, uint32_t h) {
  Bytes b = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  for (uint32_t v : {w, h})
    for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<uint8_t>(v >> s));
  b.insert(b.end(), {8, 6, 0, 0, 0, 0, 0, 0, 0});  // depth, colour type, ..., CRC (unchecked)
  b.insert(b.end(), {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82});
  return b;
}
// A Huffman table claiming 510 symbols (the limit is 256): stb_image 2.27
// would write past its size table; the container walk must refuse it.
Bytes jpeg_bad_huffman() {
  Bytes b = {0xFF, 0xD8, 0xFF, 0xC4, 0x02, 0x01, 0x00, 255, 255};  // length 2 + 17 + 510
  b.resize(b.size() + 14, 0);
  b.resize(b.size() + 510, 1);
  const Bytes tail = jpeg_header(8, 8);
  b.insert(b.end(), tail.begin() + 2, tail.end());
  return b;
}
Bytes text(const char* s) { return Bytes(s, s + std::strlen(s)); }
Bytes prefix(const Bytes& b, size_t n) { return Bytes(b.begin(), b.begin() + std::min(n, b.size())); }
}  // namespace

TEST_CASE("malformed and refused inputs get clear errors") {
  const Bytes jpg = media_test::read_fixture("progressive.jpg");
  const Bytes png = media_test::read_fixture("rgba.png");
  Bytes heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
  Bytes avif = heic;
  std::memcpy(avif.data() + 8, "avif", 4);
  struct Row { const char* name; Bytes in; const char* id; const char* format; };
  const Row rows[] = {
      {"empty file", {}, "media.empty", nullptr},
      {"text is not an image", text("hello, this is not a photo"), "media.not_an_image", nullptr},
      {"HEIC is named", heic, "media.unsupported_format", "HEIC"},
      {"AVIF is named", avif, "media.unsupported_format", "AVIF"},
      {"WebP is named", Bytes{'R', 'I', 'F', 'F', 0x10, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '}, "media.unsupported_format", "WebP"},
      {"GIF is named (stb's GIF loader is not built)", text("GIF89a"), "media.unsupported_format", "GIF"},
      {"JPEG cut after SOI", prefix(jpg, 3), "media.truncated", nullptr},
      {"JPEG cut inside a segment", prefix(jpg, 30), "media.truncated", nullptr},
      {"JPEG cut inside the scan", prefix(jpg, jpg.size() / 2), "media.truncated", nullptr},
      {"JPEG without EOI", prefix(jpg, jpg.size() - 2), "media.truncated", nullptr},
      {"PNG cut in the signature", prefix(png, 5), "media.truncated", nullptr},
      {"PNG cut in IDAT", prefix(png, png.size() - 20), "media.truncated", nullptr},
      {"PNG without IEND", prefix(png, png.size() - 12), "media.truncated", nullptr},
      {"JPEG header 65535 x 65535 (4.3 GP)", jpeg_header(65535, 65535), "media.too_large", nullptr},
      {"JPEG header 10001 x 10000, just above 100 MP", jpeg_header(10001, 10000), "media.too_large", nullptr},
      {"PNG header 100000 x 100000", png_header(100000, 100000), "media.too_large", nullptr},
      {"JPEG with zero width", jpeg_header(0, 10), "media.bad_dimensions", nullptr},
      {"PNG with zero height", png_header(10, 0), "media.bad_dimensions", nullptr},
      {"12-bit JPEG is named", jpeg_header(8, 8, 0xC1, 12), "media.unsupported_format", "JPEG (12-bit)"},
      {"arithmetic JPEG is named", jpeg_header(8, 8, 0xC9), "media.unsupported_format", "JPEG (arithmetic coding)"},
      {"lossless JPEG is named", jpeg_header(8, 8, 0xC3), "media.unsupported_format", "JPEG (lossless)"},
      {"JPEG header without scan data", jpeg_header(8, 8), "media.corrupt", nullptr},
      {"Huffman table with 510 symbols (stb 2.27 overrun)", jpeg_bad_huffman(), "media.corrupt", nullptr},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      auto d = decode(r.in);
      REQUIRE_FALSE(d.ok());
      CHECK(d.error().id == r.id);
      if (r.format) {
        CHECK(d.error().params.at("format") == r.format);
        CHECK(civic::explain(civic::Lang::en, d.error()).find(r.format) != std::string::npos);
      }
      CHECK(civic::explain(civic::Lang::en, d.error()) != d.error().id);  // in the catalog
      CHECK(civic::explain(civic::Lang::zh_CN, d.error()) != d.error().id);
    }
  }
}

TEST_CASE("the size check reads the header only") {
  SUBCASE("exactly 100 MP is not refused for its size") {
    CHECK(read_header(jpeg_header(10000, 10000)).ok());
    auto p = probe(jpeg_header(10000, 10000));
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().id == "media.corrupt");  // no scan data: the next check, not the size
  }
  SUBCASE("an oversized header is refused even when the rest is cut off") {
    Bytes b = jpeg_header(20000, 20000);
    b.resize(b.size() - 2);  // no EOI
    auto p = probe(b);
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().id == "media.too_large");
    CHECK(p.error().params.at("megapixels") == "400.0");
  }
  SUBCASE("a lower limit is honoured") {
    DecodeLimits small;
    small.max_pixels = 64 * 47;
    auto d = decode(media_test::read_fixture("gray.jpg"), small);
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().id == "media.too_large");
    CHECK(d.error().params.at("width") == "64");
  }
  SUBCASE("the file size limit") {
    DecodeLimits tiny;
    tiny.max_file_bytes = 10;
    auto d = decode(media_test::read_fixture("gray.jpg"), tiny);
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().id == "media.too_big_file");
  }
}
