// tests/core/media_compress_test.cpp — the whole pipeline: metadata never
// survives, GPS is reported, budgets and max-edge hold, an input that already
// fits never grows, redaction lands where the resident drew it.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/media/compress.hpp"
#include "core/media/container.hpp"
#include "core/media/hash.hpp"
#include "media_test_util.hpp"

using namespace civic::media;
using media_test::Bytes;

namespace {
const char* const kPrivate[] = {"Exif", "CivicTestCam", "SecretPhone", "ResidentName", "private-comment",
                                "private-xmp", "http://ns.adobe.com/xap"};
void check_clean(const Bytes& out) {
  for (const char* s : kPrivate) {
    CAPTURE(s);
    CHECK_FALSE(media_test::contains(out, s));
  }
  auto layout = read_layout(out);
  REQUIRE(layout.ok());
  CHECK(layout->exif.empty());
}
}  // namespace

TEST_CASE("metadata written by exiftool never reaches the output") {
  const Bytes in = media_test::read_fixture("exif_gps.jpg");
  for (const char* s : {"CivicTestCam", "private-comment", "private-xmp"}) REQUIRE(media_test::contains(in, s));
  SUBCASE("re-encoded (orientation 6 must be applied)") {
    auto c = compress(in, {});
    REQUIRE(c.ok());
    CHECK_FALSE(c->passthrough);
    CHECK(c->orientation == 6);
    CHECK(c->width == 48);
    CHECK(c->height == 64);
    REQUIRE(c->gps.has_value());
    CHECK(c->gps->lat == doctest::Approx(22.543096).epsilon(1e-6));
    CHECK(c->gps->lon == doctest::Approx(114.057865).epsilon(1e-6));
    CHECK(c->jpeg.size() <= in.size());
    check_clean(c->jpeg);
    CHECK(c->hash_hex == content_hash_hex(c->jpeg));
  }
  SUBCASE("lossless strip keeps every pixel") {
    const Bytes s = strip_jpeg_metadata(in);
    REQUIRE_FALSE(s.empty());
    CHECK(s.size() < in.size());
    check_clean(s);
    auto a = decode(in), b = decode(s);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->image.rgb == b->image.rgb);
  }
}

TEST_CASE("an upright JPEG that already fits never grows") {
  // Upright (orientation 1) with EXIF GPS: passthrough must strip the GPS too.
  media_test::Tiff t;
  t.orientation = 1;
  t.gps = true;
  const Bytes in = media_test::with_exif(media_test::jpeg_of(media_test::noise_image(200, 150), 60), t.bytes());
  struct Row { const char* name; size_t max_bytes; int quality; };
  const Row rows[] = {
      {"no budget, quality 95 would be bigger", 0, 95},
      {"budget above the input, quality 90", in.size() + 5000, 90},
      {"budget equal to the input", in.size(), 80},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      CompressOptions opt;
      opt.max_bytes = r.max_bytes;
      opt.quality = r.quality;
      auto c = compress(in, opt);
      REQUIRE(c.ok());
      CHECK(c->jpeg.size() <= in.size());
      CHECK(c->gps.has_value());
      check_clean(c->jpeg);
    }
  }
}

TEST_CASE("budgets and max-edge through compress") {
  const Bytes in = media_test::jpeg_of(media_test::noise_image(1200, 900), 92);
  struct Row { const char* name; int max_edge; size_t max_bytes; int w, h; };
  const Row rows[] = {
      {"max-edge 300", 300, 0, 300, 225},
      {"max-edge 600 with a 40 KB budget", 600, 40000, 600, 450},
      {"a budget that forces smaller dimensions", 600, 6000, 0, 0},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      CompressOptions opt;
      opt.max_edge = r.max_edge;
      opt.max_bytes = r.max_bytes;
      auto c = compress(in, opt);
      REQUIRE(c.ok());
      if (r.max_bytes) CHECK(c->jpeg.size() <= r.max_bytes);
      if (r.w) {
        CHECK(c->width == r.w);
        CHECK(c->height == r.h);
      } else {
        CHECK(c->width < r.max_edge);
      }
      CHECK(c->source_width == 1200);
      check_clean(c->jpeg);
    }
  }
}

TEST_CASE("PNG with alpha becomes a JPEG on white") {
  auto c = compress(media_test::read_fixture("rgba.png"), {});
  REQUIRE(c.ok());
  CHECK(c->source_format == Format::png);
  auto d = decode(c->jpeg);
  REQUIRE(d.ok());
  CHECK(d->layout.format == Format::jpeg);
  const uint8_t* p = d->image.pixel(56, 4);  // transparent quadrant
  CHECK(p[0] >= 248);
  CHECK(p[1] >= 248);
  CHECK(p[2] >= 248);
}

TEST_CASE("redaction rectangles are in the upright photo's pixels") {
  // 64 x 48 stored, orientation 6 -> upright 48 x 64; hide the upright top half.
  media_test::Tiff t;
  t.orientation = 6;
  const Bytes in = media_test::with_exif(media_test::jpeg_of(media_test::noise_image(64, 48), 95), t.bytes());
  struct Row { const char* name; Rect rect; bool ok; };
  const Row rows[] = {
      {"upright top half", {0, 0, 48, 32}, true},
      {"outside the upright frame (would fit the stored one)", {50, 0, 10, 10}, false},
      {"zero width", {0, 0, 0, 10}, false},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      CompressOptions opt;
      opt.max_bytes = 0;
      opt.redactions = {{r.rect, RedactStyle::pixelate}};
      auto c = compress(in, opt);
      REQUIRE(c.ok() == r.ok);
      if (!r.ok) {
        CHECK(c.error().id == "media.bad_redaction");
        continue;
      }
      auto d = decode(c->jpeg);
      REQUIRE(d.ok());
      // Top half: 8 x 8 blocks (block side max(8, ceil(48/6))) -> little variation in a block.
      int spread_top = 0, spread_bottom = 0;
      for (int y = 0; y < 64; ++y)
        for (int x = 1; x < 48; ++x) {
          const int diff = std::abs(d->image.pixel(x, y)[0] - d->image.pixel(x - 1, y)[0]);
          if ((x % 8) == 0) continue;  // block edges
          (y < 32 ? spread_top : spread_bottom) = std::max(y < 32 ? spread_top : spread_bottom, diff);
        }
      CHECK(spread_top < 30);
      CHECK(spread_bottom > 30);
    }
  }
}

TEST_CASE("pixels another decoder made upright go through the same resize, redaction and budget") {
  const Image quad = media_test::quad_image(800, 600);
  struct Row { const char* name; int w, h; int max_edge; size_t max_bytes; bool redact; const char* error; };
  const Row rows[] = {
      {"shrunk to max-edge, colours kept", 800, 600, 256, 0, false, nullptr},
      {"within a byte budget", 800, 600, 800, 20000, false, nullptr},
      {"redaction in the source's pixels", 800, 600, 400, 0, true, nullptr},
      {"already small: same size", 800, 600, 2048, 0, false, nullptr},
      {"no pixels", 0, 600, 256, 0, false, "media.corrupt"},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      CompressOptions opt;
      opt.max_edge = r.max_edge;
      opt.max_bytes = r.max_bytes;
      if (r.redact) opt.redactions = {{{0, 0, 400, 300}, RedactStyle::pixelate}};  // the red quadrant
      ImageView v = view(quad);
      v.width = r.w;
      auto c = compress_pixels(v, opt);
      if (r.error) {
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().id == r.error);
        continue;
      }
      REQUIRE(c.ok());
      const int want_w = std::min(800, r.max_edge);
      CHECK(c->width == want_w);
      CHECK(c->height == want_w * 3 / 4);
      CHECK(c->source_width == 800);
      CHECK_FALSE(c->passthrough);
      if (r.max_bytes) CHECK(c->jpeg.size() <= r.max_bytes);
      CHECK(c->hash_hex == content_hash_hex(c->jpeg));
      check_clean(c->jpeg);
      auto d = decode(c->jpeg);
      REQUIRE(d.ok());
      const uint8_t* green = d->image.pixel(c->width * 3 / 4, c->height / 4);
      CHECK(green[1] > 150);
      CHECK(green[0] < 80);
    }
  }
  SUBCASE("more pixels than the limit are refused") {
    CompressOptions opt;
    opt.limits.max_pixels = 1000;
    auto c = compress_pixels(view(quad), opt);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().id == "media.too_large");
  }
}

TEST_CASE("RGBA from a canvas is composited onto white") {
  struct Row { const char* name; uint8_t px[4]; uint8_t want[3]; };
  const Row rows[] = {
      {"opaque", {200, 40, 10, 255}, {200, 40, 10}},
      {"transparent", {200, 40, 10, 0}, {255, 255, 255}},
      {"half", {0, 0, 0, 128}, {127, 127, 127}},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      const Image img = from_rgba(r.px, 1, 1);
      REQUIRE(img.rgb.size() == 3);
      for (int c = 0; c < 3; ++c) CHECK(img.rgb[c] == r.want[c]);
    }
  }
}
