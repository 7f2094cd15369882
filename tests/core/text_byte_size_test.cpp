// tests/core/text_byte_size_test.cpp — the numbers a resident reads for a
// file's size: the tile rounds to the nearest, a refusal rounds up so that a
// file over the cap never shows the cap itself.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "core/text/byte_size.hpp"

using civic::text::kilobytes;
using civic::text::megabytes;
using civic::text::Round;

TEST_CASE("kilobytes: whole KB to the nearest") {
  struct Row { const char* name; std::uint64_t bytes; const char* kb; };
  const Row rows[] = {
      {"nothing", 0, "0"},
      {"just under half a KB", 511, "0"},
      {"half a KB rounds up", 512, "1"},
      {"one KB", 1024, "1"},
      {"a 74 KB memo", 75'776, "74"},
      {"740.5 KB", 758'272, "741"},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) { CHECK(kilobytes(r.bytes) == r.kb); }
  }
}

TEST_CASE("megabytes: one decimal, to the nearest on a tile, up against a cap") {
  constexpr std::uint64_t MB = 1 << 20;
  struct Row { const char* name; std::uint64_t bytes; const char* nearest; const char* up; };
  const Row rows[] = {
      {"nothing", 0, "0.0", "0.0"},
      {"one byte", 1, "0.0", "0.1"},
      {"exactly 1 MB", MB, "1.0", "1.0"},
      {"1.5 MB", MB + MB / 2, "1.5", "1.5"},
      {"1.54 MB", MB + MB * 54 / 100, "1.5", "1.6"},
      {"exactly the 20 MB cap", 20 * MB, "20.0", "20.0"},
      {"one byte over the cap never reads as the cap", 20 * MB + 1, "20.0", "20.1"},
      {"21 MB", 21 * MB, "21.0", "21.0"},
      {"a 4 GiB file", 4096 * MB, "4096.0", "4096.0"},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      CHECK(megabytes(r.bytes, Round::nearest) == r.nearest);
      CHECK(megabytes(r.bytes, Round::up) == r.up);
    }
  }
}
