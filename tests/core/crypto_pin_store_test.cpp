// tests/core/crypto_pin_store_test.cpp — trust on first use: the first key is
// pinned, the same key matches, a changed key is flagged and never stored.
#include <doctest/doctest.h>

#include "core/crypto/encoding.hpp"
#include "core/crypto/pin_store.hpp"

using namespace civic::crypto;

TEST_CASE("pinning flags a changed key and leaves the store alone") {
  const PublicKey32 a = make_signing_keypair().public_key;
  const PublicKey32 b = make_signing_keypair().public_key;
  PinStore store;

  auto first = check_pin(store, "https://12345.example.gov/", a, "2026-11-27T06:00:00Z");
  REQUIRE(first.ok());
  CHECK(first.value() == PinCheck::first_use);
  REQUIRE(store.pins.size() == 1);

  struct Row { const char* name; const char* server; const PublicKey32* key; bool ok; };
  const Row rows[] = {
      {"same key, same server", "https://12345.example.gov", &a, true},
      {"same key, host in capitals", "HTTPS://12345.EXAMPLE.GOV/", &a, true},
      {"changed key", "https://12345.example.gov", &b, false},
      {"changed key, trailing slashes", "https://12345.example.gov//", &b, false},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      const PinStore before = store;
      auto c = check_pin(store, row.server, *row.key, "2026-11-28T06:00:00Z");
      CHECK(c.ok() == row.ok);
      if (row.ok) CHECK(c.value() == PinCheck::matches);
      else {
        CHECK(c.error().id == "crypto.key_changed");
        CHECK(c.error().params.at("pinned") == key_id(a));
        CHECK(c.error().params.at("offered") == key_id(b));
      }
      CHECK(store == before);
    }
  }
  SUBCASE("another server gets its own pin") {
    auto c = check_pin(store, "https://other.example.gov", b, "2026-11-28T06:00:00Z");
    REQUIRE(c.ok());
    CHECK(c.value() == PinCheck::first_use);
    CHECK(store.pins.size() == 2);
  }
  SUBCASE("an explicit replacement trusts the new key") {
    replace_pin(store, "https://12345.example.gov", b, "2026-11-29T06:00:00Z");
    auto c = check_pin(store, "https://12345.example.gov", b, "2026-11-29T06:00:01Z");
    REQUIRE(c.ok());
    CHECK(c.value() == PinCheck::matches);
    CHECK(store.pins.size() == 1);
  }
  SUBCASE("paths stay case-sensitive") {
    CHECK(pin_server_name("HTTP://Host:8080/GeoReport/v2/") == "http://host:8080/GeoReport/v2");
  }
}

TEST_CASE("the pin store survives its file and refuses damaged ones whole") {
  PinStore store;
  REQUIRE(check_pin(store, "https://a.example", make_signing_keypair().public_key, "2026-11-27T06:00:00Z").ok());
  REQUIRE(check_pin(store, "https://b.example", make_signing_keypair().public_key, "2026-11-27T06:00:01Z").ok());
  auto back = pin_store_from_json(pin_store_to_json(store));
  REQUIRE(back.ok());
  CHECK(back.value() == store);

  const std::string key = to_base64(ByteView(store.pins[0].public_key.data(), 32));
  struct Row { const char* name; std::string text; };
  const Row rows[] = {
      {"not JSON", "pins"},
      {"wrong version", R"({"civic_pins":2,"pins":[]})"},
      {"pins not an array", R"({"civic_pins":1,"pins":{}})"},
      {"short key", R"({"civic_pins":1,"pins":[{"server":"https://a","public_key":"AAAA"}]})"},
      {"empty server", R"({"civic_pins":1,"pins":[{"server":"","public_key":")" + key + R"("}]})"},
      {"server pinned twice", R"({"civic_pins":1,"pins":[{"server":"https://a","public_key":")" + key +
                                  R"("},{"server":"HTTPS://A/","public_key":")" + key + R"("}]})"},
      {"too large", std::string(kMaxPinFile + 1, ' ')},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      auto r = pin_store_from_json(row.text);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().id == "crypto.pins_unreadable");
    }
  }
}
