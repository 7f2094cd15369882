// tests/core/media_orient_test.cpp — all 8 EXIF orientations: pixel-exact on
// raw pixels (every corner), and end to end through a JPEG carrying the tag.
#include <doctest/doctest.h>

#include "core/media/compress.hpp"
#include "core/media/container.hpp"
#include "core/media/decode.hpp"
#include "core/media/orient.hpp"
#include "media_test_util.hpp"

using namespace civic::media;

namespace {
// Stored corners: A top-left, B top-right, C bottom-left, D bottom-right.
enum Corner { A, B, C, D };
struct Row { const char* name; int orientation; Corner tl, tr, bl, br; };
const Row kRows[] = {
    {"1 as stored", 1, A, B, C, D},
    {"2 mirrored left-right", 2, B, A, D, C},
    {"3 turned 180", 3, D, C, B, A},
    {"4 mirrored top-bottom", 4, C, D, A, B},
    {"5 transposed", 5, A, C, B, D},
    {"6 turned 90 clockwise", 6, C, A, D, B},
    {"7 transversed", 7, D, B, C, A},
    {"8 turned 90 counter-clockwise", 8, B, D, A, C},
};
}  // namespace

TEST_CASE("apply_orientation moves every corner exactly") {
  // 5 x 3 stored image; each pixel's value encodes its own position.
  Image img = make_image(5, 3);
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 5; ++x) {
      img.pixel(x, y)[0] = static_cast<uint8_t>(x);
      img.pixel(x, y)[1] = static_cast<uint8_t>(y);
      img.pixel(x, y)[2] = static_cast<uint8_t>(10 * y + x);
    }
  const uint8_t corner_value[4] = {0, 4, 20, 24};  // 10*y + x of A, B, C, D
  for (const Row& r : kRows) {
    SUBCASE(r.name) {
      const Image out = apply_orientation(img, r.orientation);
      const bool swap = r.orientation >= 5;
      CHECK(out.width == (swap ? 3 : 5));
      CHECK(out.height == (swap ? 5 : 3));
      const int W = out.width - 1, H = out.height - 1;
      CHECK(out.pixel(0, 0)[2] == corner_value[r.tl]);
      CHECK(out.pixel(W, 0)[2] == corner_value[r.tr]);
      CHECK(out.pixel(0, H)[2] == corner_value[r.bl]);
      CHECK(out.pixel(W, H)[2] == corner_value[r.br]);
      // A permutation: every stored pixel appears exactly once.
      int seen[30] = {};
      for (size_t i = 2; i < out.rgb.size(); i += 3) ++seen[out.rgb[i] % 30];
      for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 5; ++x) CHECK(seen[10 * y + x] == 1);
    }
  }
}

TEST_CASE("a JPEG's Orientation tag is applied by compress and then dropped") {
  // 64 x 48 quadrants (flat 8x8-aligned blocks: JPEG keeps them within a few levels).
  const media_test::Bytes plain = media_test::jpeg_of(media_test::quad_image(64, 48), 95);
  // Quadrant index of the stored corners A, B, C, D.
  const int quad_of[4] = {0, 1, 2, 3};
  for (const Row& r : kRows) {
    SUBCASE(r.name) {
      media_test::Tiff t;
      t.orientation = r.orientation;
      const media_test::Bytes in = media_test::with_exif(plain, t.bytes());
      CompressOptions opt;
      opt.max_bytes = 0;
      opt.quality = 95;
      auto c = compress(in, opt);
      REQUIRE(c.ok());
      CHECK(c->orientation == r.orientation);
      const bool swap = r.orientation >= 5;
      CHECK(c->width == (swap ? 48 : 64));
      CHECK(c->height == (swap ? 64 : 48));
      auto out = decode(c->jpeg);
      REQUIRE(out.ok());
      CHECK(out->exif.orientation == 1);
      CHECK(out->layout.exif.empty());
      const Image& img = out->image;
      const int W = img.width - 1, H = img.height - 1;
      const std::pair<int, int> at[4] = {{0, 0}, {W, 0}, {0, H}, {W, H}};
      const Corner want[4] = {r.tl, r.tr, r.bl, r.br};
      for (int i = 0; i < 4; ++i) {
        CAPTURE(i);
        const uint8_t* p = img.pixel(at[i].first, at[i].second);
        const media_test::Rgb q = media_test::kQuad[quad_of[want[i]]];
        CHECK(std::abs(p[0] - q.r) <= 6);
        CHECK(std::abs(p[1] - q.g) <= 6);
        CHECK(std::abs(p[2] - q.b) <= 6);
      }
    }
  }
}
