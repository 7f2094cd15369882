// tests/core/crypto_at_rest_test.cpp — kiosk session files and the server's
// stored personal fields: readable only with their key (and, for fields, on
// their own row); a discarded key is really gone.
#include <doctest/doctest.h>

#include <cstring>

#include "core/crypto/at_rest.hpp"

using namespace civic::crypto;

TEST_CASE("session files open only with their key") {
  DataKey key = make_data_key();
  DataKey other = make_data_key();
  const std::string text = "电话 13800138000, 3号门路灯不亮";
  auto file = seal_session(key, as_bytes(text));
  REQUIRE(file.ok());
  CHECK(std::string(as_text(file.value())).find("13800138000") == std::string::npos);
  CHECK(std::memcmp(file->data(), "CVS1", 4) == 0);

  struct Row { const char* name; const DataKey* key; size_t flip_at; bool ok; };
  const Row rows[] = {
      {"right key", &key, SIZE_MAX, true},
      {"another key", &other, SIZE_MAX, false},
      {"flipped nonce", &key, 10, false},
      {"flipped tag", &key, 30, false},
      {"flipped last byte", &key, file->size() - 1, false},
      {"flipped magic", &key, 0, false},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      Bytes f = file.value();
      if (row.flip_at != SIZE_MAX) f[row.flip_at] ^= 1;
      auto opened = open_session(*row.key, f);
      CHECK(opened.ok() == row.ok);
      if (row.ok) CHECK(as_text(opened.value()) == text);
      else CHECK(opened.error().id == "crypto.at_rest_not_opened");
    }
  }
  SUBCASE("truncated files") {
    for (size_t n : {size_t(0), size_t(3), size_t(28), size_t(43)}) {
      CAPTURE(n);
      CHECK_FALSE(open_session(key, ByteView(file->data(), n)).ok());
    }
  }
}

TEST_CASE("a discarded key is wiped, moved-from keys are zero") {
  DataKey key = make_data_key();
  uint8_t copy[32];
  std::memcpy(copy, key.data(), 32);
  DataKey moved = std::move(key);
  const uint8_t zeros[32] = {};
  CHECK(std::memcmp(key.data(), zeros, 32) == 0);  // NOLINT(bugprone-use-after-move): that is the point
  CHECK(std::memcmp(moved.data(), copy, 32) == 0);
  std::string secret = "13800138000";
  wipe(secret);
  CHECK(secret.empty());
}

TEST_CASE("stored fields are bound to their row") {
  DataKey key = make_data_key();
  auto stored = encrypt_field(key, as_bytes("13800138000"), "ticket:7K3M-9QX2-WP4D");
  REQUIRE(stored.ok());
  struct Row { const char* name; std::string row; bool ok; };
  const Row rows[] = {
      {"its own row", "ticket:7K3M-9QX2-WP4D", true},
      {"another row", "ticket:AAAA-BBBB-CCCC", false},
      {"no row", "", false},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      auto opened = decrypt_field(key, stored.value(), row.row);
      CHECK(opened.ok() == row.ok);
      if (row.ok) CHECK(as_text(opened.value()) == "13800138000");
    }
  }
  SUBCASE("a session file is not a stored field") {
    auto f = seal_session(key, as_bytes("x"));
    REQUIRE(f.ok());
    CHECK_FALSE(decrypt_field(key, f.value(), "").ok());
  }
  SUBCASE("data key files round-trip") {
    auto back = parse_data_key_file(encode_data_key_file(key));
    REQUIRE(back.ok());
    CHECK(std::memcmp(back->data(), key.data(), 32) == 0);
    CHECK_FALSE(parse_data_key_file(R"({"civic_key":1,"kind":"data","secret":"AAAA"})").ok());
  }
}
