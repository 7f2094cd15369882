// tests/core/media_resize_test.cpp — sizes, flat colours kept exactly, light
// averaged in linear light (not in sRGB), and no aliasing at large factors.
#include <doctest/doctest.h>

#include <cmath>

#include "core/media/resize.hpp"
#include "media_test_util.hpp"

using namespace civic::media;

TEST_CASE("fit_within keeps the aspect ratio and never upscales") {
  struct Row { const char* name; int w, h, edge, ww, wh; };
  const Row rows[] = {
      {"12 MP landscape", 4000, 3000, 2048, 2048, 1536},
      {"48 MP portrait", 6000, 8000, 2048, 1536, 2048},
      {"already small", 800, 600, 2048, 800, 600},
      {"exactly the edge", 2048, 1000, 2048, 2048, 1000},
      {"very thin keeps 1 px", 100000, 10, 1000, 1000, 1},
      {"no limit", 5000, 4000, 0, 5000, 4000},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      const Size s = fit_within(r.w, r.h, r.edge);
      CHECK(s.width == r.ww);
      CHECK(s.height == r.wh);
    }
  }
}

TEST_CASE("a flat colour stays exactly that colour at every factor") {
  struct Row { const char* name; int sw, sh, dw, dh; };
  const Row rows[] = {
      {"factor 1.95 (12 MP to 2048)", 400, 300, 205, 154},
      {"factor 3.9 (48 MP to 2048)", 780, 585, 200, 150},
      {"factor 10 with a partial box", 1003, 707, 100, 70},
      {"upscale 2x", 20, 10, 40, 20},
      {"to 1 x 1", 50, 30, 1, 1},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      const Image src = make_image(r.sw, r.sh, 200, 17, 90);
      const Image out = resize(view(src), r.dw, r.dh);
      REQUIRE(out.width == r.dw);
      REQUIRE(out.height == r.dh);
      for (size_t i = 0; i < out.rgb.size(); i += 3) {
        CHECK(out.rgb[i] == 200);
        CHECK(out.rgb[i + 1] == 17);
        CHECK(out.rgb[i + 2] == 90);
      }
    }
  }
}

TEST_CASE("black/white detail averages in linear light, without aliasing") {
  struct Row { const char* name; int period; int sw, dw; };
  const Row rows[] = {
      {"1-px lines halved", 2, 400, 200},
      {"1-px lines by 7.3", 2, 730, 100},
      {"3-px lines by 5.5", 3, 660, 120},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      // Vertical stripes: `period`-px cycles, first pixel of each cycle white.
      Image src = make_image(r.sw, r.sw / 2, 0, 0, 0);
      for (int y = 0; y < src.height; ++y)
        for (int x = 0; x < src.width; x += r.period) {
          uint8_t* p = src.pixel(x, y);
          p[0] = p[1] = p[2] = 255;
        }
      const Image out = resize(view(src), r.dw, r.dw / 2);
      // Mean light = 1/period; in sRGB that is 255 * 1.055 * (1/period)^(1/2.4) - 0.055.
      const double lin = 1.0 / r.period;
      const double want = 255 * (1.055 * std::pow(lin, 1 / 2.4) - 0.055);
      int lo = 255, hi = 0;
      // Away from the edges (where the filter sees fewer stripes).
      for (int y = 4; y < out.height - 4; ++y)
        for (int x = 4; x < out.width - 4; ++x) {
          lo = std::min<int>(lo, out.pixel(x, y)[0]);
          hi = std::max<int>(hi, out.pixel(x, y)[0]);
        }
      CAPTURE(lo);
      CAPTURE(hi);
      CHECK(std::abs(lo - want) <= 6);   // a gamma-naive average would give 255/period
      CHECK(std::abs(hi - want) <= 6);
      CHECK(hi - lo <= 12);              // moire bands: a box pre-shrink leaves 20..50 here
    }
  }
}

TEST_CASE("geometry: a centred square stays centred and symmetric") {
  Image src = make_image(900, 600, 0, 0, 0);
  for (int y = 200; y < 400; ++y)
    for (int x = 350; x < 550; ++x) src.pixel(x, y)[0] = src.pixel(x, y)[1] = src.pixel(x, y)[2] = 255;
  const Image out = resize(view(src), 150, 100);  // factor 6: box 6, then Lanczos at 1
  for (int y = 0; y < 100; ++y)
    for (int x = 0; x < 75; ++x) CHECK(std::abs(out.pixel(x, y)[0] - out.pixel(149 - x, y)[0]) <= 1);
  CHECK(out.pixel(75, 50)[0] == 255);
  CHECK(out.pixel(10, 10)[0] == 0);
}
