// tests/core/crypto_ids_test.cpp — random ids have their promised alphabets
// and shapes; hashes are domain-separated; base64/hex decoders are strict.
#include <doctest/doctest.h>

#include <set>

#include "core/crypto/encoding.hpp"
#include "core/crypto/hash.hpp"
#include "core/crypto/random.hpp"

using namespace civic::crypto;

TEST_CASE("random ids have their promised shapes") {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string t = random_ticket_id();
    CHECK(t.size() == 14);
    CHECK(is_ticket_id(t));
    CHECK(t.find_first_of("ILOU") == std::string::npos);
    seen.insert(t);
    std::string k = random_idempotency_key();
    CHECK(k.size() == 36);
    CHECK(k[14] == '4');
    CHECK(std::string("89ab").find(k[19]) != std::string::npos);
    std::string tok = random_token();
    CHECK(tok.size() == 43);
    CHECK(tok.find_first_of("+/=") == std::string::npos);
  }
  CHECK(seen.size() == 200);
}

TEST_CASE("is_ticket_id accepts only the ticket alphabet") {
  struct Row { const char* in; bool ok; };
  const Row rows[] = {{"7K3M-9QX2-WP4D", true}, {"7K3M", true},   {"7k3m", false},       {"7K3M-", false},
                      {"", false},              {"7K3I", false},  {"../../etc", false}, {"7K3M-9QX2-WP4", false},
                      {"7K3M 9QX2", false}};
  for (const Row& r : rows) {
    SUBCASE(r.in) { CHECK(is_ticket_id(r.in) == r.ok); }
  }
}

TEST_CASE("hashes: known answer and domain separation") {
  // BLAKE2b-256("abc"), as Python's hashlib.blake2b(b"abc", digest_size=32) gives.
  CHECK(to_hex(blake2b_256(as_bytes("abc"))) ==
        "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  Bytes data = {1, 2, 3};
  CHECK(media_hash(data) != blake2b_256(data));
  CHECK(media_hash(data) != token_hash(as_text(data)));
  HashStream s;
  hash_begin(s, kHashMedia);
  hash_update(s, ByteView(data.data(), 1));
  hash_update(s, ByteView(data.data() + 1, 2));
  CHECK(hash_end(s) == media_hash(data));
  Hash32 m = media_hash(data);
  CHECK(concern_hash("noise", "ab", {}) != concern_hash("noisea", "b", {}));
  CHECK(concern_hash("noise", "ab", {}) != concern_hash("noise", "ab", std::span<const Hash32>(&m, 1)));
}

TEST_CASE("decoders are strict") {
  struct Row { const char* name; const char* text; bool url; bool ok; };
  const Row rows[] = {
      {"standard", "AQID", false, true},        {"padding kept", "AQI=", false, true},
      {"padding missing", "AQI", false, false}, {"url alphabet in standard", "-_-_", false, false},
      {"whitespace", "AQ ID", false, false},    {"non-zero trailing bits", "AQJ=", false, false},
      {"url no padding", "AQI", true, true},    {"url with padding", "AQI=", true, false},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      CHECK(from_base64(r.text, "f", std::nullopt, r.url ? B64::url_nopad : B64::standard).ok() == r.ok);
    }
  }
  SUBCASE("exact length") {
    auto b = from_base64("AQID", "field_x", 4);
    REQUIRE_FALSE(b.ok());
    CHECK(b.error().params.at("field") == "field_x");
  }
  SUBCASE("hex") {
    CHECK(from_hex("00ff", "h").ok());
    CHECK_FALSE(from_hex("00FF", "h").ok());
    CHECK_FALSE(from_hex("0", "h").ok());
    CHECK_FALSE(from_hex("zz", "h").ok());
  }
}
