// tests/core/media_exif_test.cpp — the hand-written EXIF reader: orientation,
// GPS in degrees/minutes/seconds with N/S/E/W, both byte orders, and every
// kind of broken block (which must give defaults, never a crash).
#include <doctest/doctest.h>

#include "core/media/container.hpp"
#include "core/media/exif.hpp"
#include "media_test_util.hpp"

using namespace civic::media;
using media_test::Tiff;

TEST_CASE("EXIF orientation tag 0x0112") {
  struct Row { const char* name; bool big; int value; uint16_t type; int want; };
  const Row rows[] = {
      {"little-endian 1", false, 1, 3, 1}, {"little-endian 3", false, 3, 3, 3},
      {"little-endian 6", false, 6, 3, 6}, {"little-endian 8", false, 8, 3, 8},
      {"big-endian 2", true, 2, 3, 2},     {"big-endian 5", true, 5, 3, 5},
      {"big-endian 7", true, 7, 3, 7},     {"LONG instead of SHORT", false, 6, 4, 6},
      {"0 is invalid -> 1", false, 0, 3, 1}, {"9 is invalid -> 1", true, 9, 3, 1},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      Tiff t;
      t.big_endian = r.big;
      t.orientation = r.value == 0 ? 0 : r.value;
      t.orientation_type = r.type;
      CHECK(read_exif(t.bytes()).orientation == r.want);
    }
  }
}

TEST_CASE("EXIF GPS: degrees, minutes, seconds and refs") {
  struct Row {
    const char* name; bool big; char lat_ref, lon_ref;
    uint32_t lat[6]; uint32_t lon[6];
    bool found; double lat_want, lon_want;
  };
  const Row rows[] = {
      {"Shenzhen N/E", false, 'N', 'E', {22, 1, 32, 1, 3515, 100}, {114, 1, 3, 1, 2831, 100}, true,
       22 + 32 / 60.0 + 35.15 / 3600, 114 + 3 / 60.0 + 28.31 / 3600},
      {"south and west are negative", true, 'S', 'W', {33, 1, 52, 1, 4, 1}, {151, 1, 12, 1, 36, 1}, true,
       -(33 + 52 / 60.0 + 4 / 3600.0), -(151 + 12 / 60.0 + 36 / 3600.0)},
      {"decimal minutes, zero seconds", false, 'N', 'W', {40, 1, 4425, 100, 0, 1}, {73, 1, 5900, 100, 0, 1}, true,
       40 + 44.25 / 60, -(73 + 59.0 / 60)},
      {"zero denominator -> none", false, 'N', 'E', {22, 0, 32, 1, 0, 1}, {114, 1, 3, 1, 0, 1}, false, 0, 0},
      {"bad ref -> none", false, 'X', 'E', {22, 1, 32, 1, 0, 1}, {114, 1, 3, 1, 0, 1}, false, 0, 0},
      {"minutes >= 60 -> none", false, 'N', 'E', {22, 1, 60, 1, 0, 1}, {114, 1, 3, 1, 0, 1}, false, 0, 0},
      {"latitude > 90 -> none", false, 'N', 'E', {91, 1, 0, 1, 0, 1}, {114, 1, 3, 1, 0, 1}, false, 0, 0},
      {"0/0 (no fix) -> none", false, 'N', 'E', {0, 1, 0, 1, 0, 1}, {0, 1, 0, 1, 0, 1}, false, 0, 0},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      Tiff t;
      t.big_endian = r.big;
      t.gps = true;
      t.lat_ref = r.lat_ref;
      t.lon_ref = r.lon_ref;
      std::copy(r.lat, r.lat + 6, t.lat);
      std::copy(r.lon, r.lon + 6, t.lon);
      const ExifFacts f = read_exif(t.bytes());
      REQUIRE(f.gps.has_value() == r.found);
      if (r.found) {
        CHECK(f.gps->lat == doctest::Approx(r.lat_want).epsilon(1e-9));
        CHECK(f.gps->lon == doctest::Approx(r.lon_want).epsilon(1e-9));
      }
    }
  }
}

TEST_CASE("broken EXIF blocks give defaults") {
  Tiff t;
  t.orientation = 6;
  t.gps = true;
  const media_test::Bytes good = t.bytes();
  SUBCASE("every truncation of a valid block") {
    for (size_t n = 0; n < good.size(); ++n) {
      const ExifFacts f = read_exif(std::span<const uint8_t>(good.data(), n));
      CHECK((f.orientation == 1 || f.orientation == 6));
      CHECK_FALSE(f.gps.has_value());  // the longitude's last rational is the last byte
    }
  }
  SUBCASE("IFD offset past the end") {
    media_test::Bytes b = good;
    b[4] = 0xF0; b[5] = 0xFF;
    CHECK(read_exif(b).orientation == 1);
  }
  SUBCASE("GPS pointer past the end") {
    media_test::Bytes b = good;
    b[8 + 2 + 12 + 8] = 0xFF; b[8 + 2 + 12 + 9] = 0xFF;  // value of the 0x8825 entry
    CHECK_FALSE(read_exif(b).gps.has_value());
  }
  SUBCASE("huge entry count is bounded") {
    media_test::Bytes b = good;
    b[8] = 0xFF; b[9] = 0xFF;
    CHECK(read_exif(b).orientation == 6);  // first entries still read, then the buffer ends
  }
  SUBCASE("not a TIFF header") {
    media_test::Bytes b = good;
    b[0] = 'X';
    CHECK(read_exif(b).orientation == 1);
  }
  SUBCASE("wrong magic number") {
    media_test::Bytes b = good;
    b[2] = 43;
    CHECK(read_exif(b).orientation == 1);
  }
}

TEST_CASE("EXIF written by exiftool is read from the JPEG") {
  const media_test::Bytes jpeg = media_test::read_fixture("exif_gps.jpg");
  REQUIRE_FALSE(jpeg.empty());
  auto layout = read_layout(jpeg);
  REQUIRE(layout.ok());
  const ExifFacts f = read_exif(layout.value().exif);
  CHECK(f.orientation == 6);
  REQUIRE(f.gps.has_value());
  CHECK(f.gps->lat == doctest::Approx(22.543096).epsilon(1e-6));
  CHECK(f.gps->lon == doctest::Approx(114.057865).epsilon(1e-6));
}
