// tests/core/media_redact_test.cpp — pixelate and blur change exactly the
// rectangle, destroy its detail, and refuse empty rectangles.
#include <doctest/doctest.h>

#include "core/media/redact.hpp"
#include "media_test_util.hpp"

using namespace civic::media;

namespace {
Image checker(int w, int h) {
  Image img = make_image(w, h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const uint8_t v = ((x ^ y) & 1) ? 250 : 5;
      uint8_t* p = img.pixel(x, y);
      p[0] = v; p[1] = static_cast<uint8_t>(x); p[2] = static_cast<uint8_t>(y);
    }
  return img;
}
bool inside(Rect r, int x, int y) { return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h; }
}  // namespace

TEST_CASE("redaction changes only the rectangle and hides its detail") {
  struct Row { const char* name; Rect rect; RedactStyle style; Rect effective; };
  const Row rows[] = {
      {"pixelate inside", {10, 12, 48, 30}, RedactStyle::pixelate, {10, 12, 48, 30}},
      {"negative size is refused", {100, 80, -1, -1}, RedactStyle::pixelate, {}},
      {"wholly outside is refused", {200, 200, 10, 10}, RedactStyle::blur, {}},
      {"pixelate overhanging the edge", {90, 60, 100, 100}, RedactStyle::pixelate, {90, 60, 30, 20}},
      {"blur inside", {20, 10, 60, 50}, RedactStyle::blur, {20, 10, 60, 50}},
      {"blur overhanging the origin", {-10, -10, 40, 30}, RedactStyle::blur, {0, 0, 30, 20}},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      const Image before = checker(120, 80);
      Image img = before;
      auto res = redact(img, {{r.rect, r.style}});
      if (r.effective.w == 0) {
        REQUIRE_FALSE(res.ok());
        CHECK(res.error().id == "media.bad_redaction");
        CHECK(img.rgb == before.rgb);
        continue;
      }
      REQUIRE(res.ok());
      int lo = 255, hi = 0;
      for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
          if (!inside(r.effective, x, y)) {
            CHECK(std::equal(img.pixel(x, y), img.pixel(x, y) + 3, before.pixel(x, y)));
          } else {
            lo = std::min<int>(lo, img.pixel(x, y)[0]);
            hi = std::max<int>(hi, img.pixel(x, y)[0]);
          }
        }
      CHECK(hi - lo <= (r.style == RedactStyle::pixelate ? 2 : 40));  // the 5/250 checkerboard is gone
      if (r.style == RedactStyle::pixelate) {
        // Blocks of side max(8, ceil(max(w, h) / 6)) from the rectangle's corner are uniform.
        const Rect e = r.effective;
        const int block = std::max(8, (std::max(e.w, e.h) + 5) / 6);
        for (int y = e.y; y < e.y + e.h; ++y)
          for (int x = e.x; x < e.x + e.w; ++x) {
            const int bx = e.x + (x - e.x) / block * block, by = e.y + (y - e.y) / block * block;
            CHECK(std::equal(img.pixel(x, y), img.pixel(x, y) + 3, img.pixel(bx, by)));
          }
      }
    }
  }
}

TEST_CASE("scale_rect maps outward") {
  struct Row { const char* name; Rect in; int fw, fh, tw, th; Rect want; };
  const Row rows[] = {
      {"halving rounds outward", {11, 11, 11, 11}, 100, 100, 50, 50, {5, 5, 6, 6}},
      {"identity", {3, 4, 5, 6}, 10, 10, 10, 10, {3, 4, 5, 6}},
      {"4000 x 3000 to 2048 x 1536", {1000, 750, 400, 300}, 4000, 3000, 2048, 1536, {512, 384, 205, 154}},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      const Rect s = scale_rect(r.in, r.fw, r.fh, r.tw, r.th);
      CHECK(s.x == r.want.x);
      CHECK(s.y == r.want.y);
      CHECK(s.w == r.want.w);
      CHECK(s.h == r.want.h);
    }
  }
}
