// tests/core/media_encode_test.cpp — JPEG to a byte budget (quality search,
// then smaller dimensions), a clean encoder output, and BLAKE2b hashes.
#include <doctest/doctest.h>

#include "core/media/container.hpp"
#include "core/media/decode.hpp"
#include "core/media/encode.hpp"
#include "core/media/hash.hpp"
#include "media_test_util.hpp"

using namespace civic::media;

TEST_CASE("encode_within meets the budget with the highest quality that fits") {
  const Image img = media_test::noise_image(320, 240);
  const size_t q80 = encode_jpeg(view(img), 80).value().size();
  struct Row { const char* name; size_t budget; int min_q, max_q; bool shrunk; };
  const Row rows[] = {
      {"no budget: one encode at 80", 0, 80, 80, false},
      {"roomy budget: one encode at 80", q80 + 1, 80, 80, false},
      {"exactly the q80 size", q80, 80, 80, false},
      {"two thirds: quality goes down", q80 * 2 / 3, 35, 79, false},
      {"a tenth: dimensions go down", q80 / 10, 35, 80, true},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      BudgetOptions opt;
      opt.max_bytes = r.budget;
      auto e = encode_within(view(img), opt);
      REQUIRE(e.ok());
      if (r.budget) CHECK(e->bytes.size() <= r.budget);
      CHECK(e->quality >= r.min_q);
      CHECK(e->quality <= r.max_q);
      CHECK((e->width < 320) == r.shrunk);
      CHECK(e->width * 240 == doctest::Approx(e->height * 320).epsilon(0.02));
      if (!r.shrunk && r.budget && e->quality < 80) {
        // The next quality up would not have fitted.
        CHECK(encode_jpeg(view(img), e->quality + 1).value().size() > r.budget);
      }
      auto back = decode(e->bytes);
      REQUIRE(back.ok());
      CHECK(back->image.width == e->width);
    }
  }
}

TEST_CASE("an unreachable budget is an error, not a bigger file") {
  BudgetOptions opt;
  opt.max_bytes = 100;  // smaller than any JPEG's headers
  auto e = encode_within(view(media_test::noise_image(64, 64)), opt);
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().id == "media.budget_unreachable");
  CHECK(e.error().params.at("max_bytes") == "100");
}

TEST_CASE("the encoder writes no metadata segments") {
  const media_test::Bytes b = media_test::jpeg_of(media_test::noise_image(40, 30), 80);
  auto layout = read_layout(b);
  REQUIRE(layout.ok());
  CHECK(layout->exif.empty());
  CHECK(strip_jpeg_metadata(b) == b);  // nothing to strip
}

TEST_CASE("BLAKE2b-256 content hash") {
  struct Row { const char* name; std::string in; const char* hex; };
  const Row rows[] = {
      {"empty input (RFC 7693 / libsodium vector)", "", "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"},
      {"abc", "abc", "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      const std::span<const uint8_t> s(reinterpret_cast<const uint8_t*>(r.in.data()), r.in.size());
      CHECK(content_hash_hex(s) == r.hex);
    }
  }
}
