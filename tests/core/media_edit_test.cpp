// tests/core/media_edit_test.cpp — the photo editor's CPU reference: quarter
// turns, crops and pixelated regions (core/media/edit), the per-pixel map the
// GPU preview reproduces (edit_source_pixel), and compress() with an edit.
#include <doctest/doctest.h>

#include <limits>

#include "core/media/compress.hpp"
#include "core/media/decode.hpp"
#include "core/media/edit.hpp"
#include "core/media/orient.hpp"
#include "media_test_util.hpp"

using namespace civic::media;

namespace {

// Colour of the quadrant that pixel (x, y) of a w x h quad_image shows.
int quadrant_at(const Image& img, int x, int y) {
  const uint8_t* p = img.pixel(x, y);
  for (int q = 0; q < 4; ++q)
    if (std::abs(p[0] - media_test::kQuad[q].r) < 40 && std::abs(p[1] - media_test::kQuad[q].g) < 40 &&
        std::abs(p[2] - media_test::kQuad[q].b) < 40)
      return q;
  return -1;
}

}  // namespace

TEST_CASE("turns and crops move the quadrants where a viewer expects them") {
  // quad_image: 0 red top-left, 1 green top-right, 2 blue bottom-left, 3 grey bottom-right.
  struct Row {
    const char* name;
    int turns;
    RectF crop;
    int w, h;
    int top_left, top_right, bottom_left, bottom_right;
  };
  const Row rows[] = {
      {"no edit", 0, {}, 64, 48, 0, 1, 2, 3},
      {"one turn clockwise: blue comes to the top-left", 1, {}, 48, 64, 2, 0, 3, 1},
      {"two turns: upside down", 2, {}, 64, 48, 3, 2, 1, 0},
      {"three turns (one counter-clockwise)", 3, {}, 48, 64, 1, 3, 0, 2},
      {"-1 turn is three", -1, {}, 48, 64, 1, 3, 0, 2},
      {"crop the right half", 0, {0.5f, 0, 0.5f, 1}, 32, 48, 1, 1, 3, 3},
      {"turn, then crop the top half of the turned photo", 1, {0, 0, 1, 0.5f}, 48, 32, 2, 0, 2, 0},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      PhotoEdit e;
      e.quarter_turns = row.turns;
      e.crop = row.crop;
      auto out = apply_edit(media_test::quad_image(64, 48), e);
      REQUIRE(out);
      CHECK(out->width == row.w);
      CHECK(out->height == row.h);
      CHECK(quadrant_at(*out, 0, 0) == row.top_left);
      CHECK(quadrant_at(*out, row.w - 1, 0) == row.top_right);
      CHECK(quadrant_at(*out, 0, row.h - 1) == row.bottom_left);
      CHECK(quadrant_at(*out, row.w - 1, row.h - 1) == row.bottom_right);
    }
  }
}

TEST_CASE("edit_source_pixel is the map apply_edit uses, for every orientation and turn") {
  const Image stored = media_test::noise_image(13, 7, 5);
  for (int o = 1; o <= 8; ++o)
    for (int q = 0; q < 4; ++q) {
      SUBCASE(("orientation " + std::to_string(o) + ", turns " + std::to_string(q)).c_str()) {
        PhotoEdit e;
        e.quarter_turns = q;
        e.crop = {0.2f, 0.1f, 0.7f, 0.8f};
        const Image upright = apply_orientation(stored, o);
        auto plan = plan_edit(e, upright.width, upright.height);
        REQUIRE(plan);
        auto out = apply_edit(upright, e);
        REQUIRE(out);
        for (int y = 0; y < out->height; ++y)
          for (int x = 0; x < out->width; ++x) {
            const Point p = edit_source_pixel(x, y, stored.width, stored.height, o, *plan);
            REQUIRE(p.x >= 0);
            REQUIRE(p.y >= 0);
            REQUIRE(p.x < stored.width);
            REQUIRE(p.y < stored.height);
            CHECK(std::equal(out->pixel(x, y), out->pixel(x, y) + 3, stored.pixel(p.x, p.y)));
          }
      }
    }
}

TEST_CASE("regions are pixelated inside and nothing changes outside") {
  PhotoEdit e;
  e.redactions = {{0.25f, 0.25f, 0.5f, 0.5f}};
  const Image src = media_test::noise_image(80, 60, 9);
  auto out = apply_edit(src, e);
  REQUIRE(out);
  CHECK(std::equal(out->pixel(0, 0), out->pixel(0, 0) + 3, src.pixel(0, 0)));
  CHECK(std::equal(out->pixel(79, 59), out->pixel(79, 59) + 3, src.pixel(79, 59)));
  // 40 x 30 region: blocks of max(8, ceil(40/6)) = 8 px: one flat colour per block.
  CHECK(std::equal(out->pixel(20, 15), out->pixel(20, 15) + 3, out->pixel(27, 22)));
  CHECK_FALSE(std::equal(out->pixel(20, 15), out->pixel(20, 15) + 3, src.pixel(20, 15)));
}

TEST_CASE("bad edits are refused by name") {
  struct Row {
    const char* name;
    PhotoEdit edit;
    const char* error;
  };
  PhotoEdit no_crop;
  no_crop.crop = {0.5f, 0.5f, 0.0f, 0.3f};
  PhotoEdit outside;
  outside.crop = {1.5f, 0.0f, 0.5f, 1.0f};
  PhotoEdit empty_region;
  empty_region.redactions = {{0.1f, 0.1f, 0.0f, 0.0f}};
  PhotoEdit nan_region;
  nan_region.redactions = {{0.1f, 0.1f, std::numeric_limits<float>::quiet_NaN(), 0.2f}};
  PhotoEdit too_many;
  too_many.redactions.assign(kMaxRedactions + 1, RectF{0, 0, 0.5f, 0.5f});
  const Row rows[] = {
      {"a crop of no width", no_crop, "media.bad_crop"},
      {"a crop wholly outside", outside, "media.bad_crop"},
      {"an empty region", empty_region, "media.bad_redaction"},
      {"a NaN region", nan_region, "media.bad_redaction"},
      {"too many regions", too_many, "media.bad_redaction"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      auto out = apply_edit(media_test::quad_image(64, 48), row.edit);
      REQUIRE_FALSE(out);
      CHECK(out.error().id == row.error);
    }
  }
}

TEST_CASE("compress applies the edit after the EXIF orientation, at the output size") {
  media_test::Tiff tiff;
  tiff.orientation = 6;   // 640 x 480 stored: upright 480 x 640
  const auto jpeg = media_test::with_exif(media_test::jpeg_of(media_test::quad_image(640, 480)), tiff.bytes());
  struct Row {
    const char* name;
    int turns;
    RectF crop;
    int max_edge;
    int w, h;
  };
  const Row rows[] = {
      {"turned back to the stored way", 3, {}, 2048, 640, 480},
      {"a crop of the upright photo at full size", 0, {0, 0.5f, 1, 0.5f}, 2048, 480, 320},
      {"a crop fitted within max_edge", 0, {0, 0.5f, 1, 0.5f}, 240, 240, 160},
      {"turn and crop fitted within max_edge", 1, {0.5f, 0, 0.5f, 1}, 200, 133, 200},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      CompressOptions opt;
      opt.max_edge = row.max_edge;
      opt.edit.quarter_turns = row.turns;
      opt.edit.crop = row.crop;
      auto c = compress(jpeg, opt);
      REQUIRE(c);
      CHECK(c->width == row.w);
      CHECK(c->height == row.h);
      CHECK_FALSE(c->passthrough);
      auto d = decode(c->jpeg);
      REQUIRE(d);
      CHECK(d->image.width == row.w);
    }
  }
}

TEST_CASE("editing steps keep what was done where the resident put it") {
  // A region over the red (top-left) quadrant stays over red through turns and crops.
  PhotoEdit e = add_region(PhotoEdit{}, span(0.3f, 0.3f, 0.05f, 0.05f));   // corners in any order
  REQUIRE(e.redactions.size() == 1);
  CHECK(e.redactions[0].x == doctest::Approx(0.05f));
  struct Row {
    const char* name;
    int turns;
    bool crop;
  };
  const Row rows[] = {{"one turn", 1, false}, {"three turns", 3, false}, {"a full circle", 4, false},
                      {"a turn then the left half kept", 1, true}};
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      PhotoEdit t = turn_edit(e, row.turns);
      CHECK(t.quarter_turns == row.turns % 4);
      if (row.crop) t = crop_edit(t, {0.5f, 0.0f, 0.5f, 1.0f});   // after one turn red is top-right
      REQUIRE(t.redactions.size() == 1);
      const Image src = media_test::quad_image(64, 48);
      auto out = apply_edit(src, t);
      REQUIRE(out);
      const Rect r = to_pixels(t.redactions[0], out->width, out->height);
      CHECK(quadrant_at(*out, r.x + r.w / 2, r.y + r.h / 2) == 0);
    }
  }
  SUBCASE("a crop that leaves a region outside drops it") {
    PhotoEdit c = crop_edit(e, {0.5f, 0.5f, 0.5f, 0.5f});
    CHECK(c.redactions.empty());
    CHECK(c.crop == RectF{0.5f, 0.5f, 0.5f, 0.5f});
  }
  SUBCASE("an empty region or crop changes nothing") {
    CHECK(add_region(e, {0.2f, 0.2f, 0, 0}) == e);
    CHECK(crop_edit(e, {0.2f, 0.2f, 0, 0.5f}) == e);
  }
}
