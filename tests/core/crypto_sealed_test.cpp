// tests/core/crypto_sealed_test.cpp — sealed personal fields open only with
// the server's key, hide their length, and refuse anything altered; the
// sealing key is trusted only when the pinned signing key certifies it.
#include <doctest/doctest.h>

#include "core/crypto/encoding.hpp"
#include "core/crypto/sealed.hpp"

using namespace civic::crypto;

namespace {
PersonalFields resident() { return {"张三", "13800138000", "zhang@example.cn", "440301199001011234"}; }
}  // namespace

TEST_CASE("sealed personal fields open with the right key and only with it") {
  SealingKeyPair server = make_sealing_keypair();
  SealingKeyPair other = make_sealing_keypair();
  auto sealed = seal_personal(resident(), server.public_key);
  REQUIRE(sealed.ok());

  SUBCASE("the server's key opens them") {
    auto opened = open_personal(sealed.value(), server);
    REQUIRE(opened.ok());
    CHECK(opened.value() == resident());
  }
  SUBCASE("another key does not") {
    auto opened = open_personal(sealed.value(), other);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().id == "crypto.sealed_not_opened");
  }
  SUBCASE("no personal field is visible in the sealed text") {
    for (std::string needle : {"13800138000", "zhang", "4403011990", "张三"}) {
      CAPTURE(needle);
      CHECK(sealed->find(needle) == std::string::npos);
      auto raw = from_base64(sealed.value(), "sealed");
      REQUIRE(raw.ok());
      CHECK(std::string(as_text(raw.value())).find(needle) == std::string::npos);
    }
  }
}

TEST_CASE("a flipped bit anywhere in a sealed box is refused") {
  SealingKeyPair server = make_sealing_keypair();
  auto sealed = seal_personal(resident(), server.public_key);
  REQUIRE(sealed.ok());
  auto raw = from_base64(sealed.value(), "sealed");
  REQUIRE(raw.ok());
  struct Row { const char* name; size_t byte; };
  const Row rows[] = {{"ephemeral key", 3}, {"tag", 40}, {"body start", 60}, {"last byte", raw->size() - 1}};
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      Bytes b = raw.value();
      b[row.byte] ^= 0x10;
      auto opened = open_personal(to_base64(b), server);
      REQUIRE_FALSE(opened.ok());
      CHECK(opened.error().id == "crypto.sealed_not_opened");
    }
  }
}

TEST_CASE("sealed length does not depend on the length of a name") {
  SealingKeyPair server = make_sealing_keypair();
  PersonalFields short_name{"李", "1", "", ""};
  PersonalFields long_name{"欧阳娜娜娜娜娜娜", "13800138000", "someone.longer@example.cn", ""};
  auto a = seal_personal(short_name, server.public_key);
  auto b = seal_personal(long_name, server.public_key);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->size() == b->size());
}

TEST_CASE("bad inputs are refused, never opened") {
  SealingKeyPair server = make_sealing_keypair();
  struct Row { const char* name; std::string text; const char* want; };
  const Row rows[] = {
      {"not base64", "%%%", "crypto.bad_encoding"},
      {"too short for a box", to_base64(as_bytes("short")), "crypto.sealed_not_opened"},
      {"too large", std::string(kMaxSealedText + 4, 'A'), "crypto.sealed_too_large"},
      {"empty", "", "crypto.sealed_not_opened"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      auto opened = open_personal(row.text, server);
      REQUIRE_FALSE(opened.ok());
      CHECK(opened.error().id == row.want);
    }
  }
  SUBCASE("sealed JSON of the wrong shape") {
    std::string text = R"({"name":42})";
    Bytes padded(text.begin(), text.end());
    padded.resize(256, 0);
    padded[text.size()] = 0x80;  // ISO/IEC 7816-4 padding
    auto opened = open_personal(to_base64(seal_to(server.public_key, padded)), server);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().id == "crypto.sealed_bad_content");
  }
  SUBCASE("a field over the limit is not sealed") {
    PersonalFields p = resident();
    p.name = std::string(kMaxPersonalFieldBytes + 1, 'x');
    auto s = seal_personal(p, server.public_key);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().params.at("field") == "name");
  }
}

TEST_CASE("the sealing key is trusted only when the signing key certifies it") {
  SigningKeyPair signer = make_signing_keypair();
  SigningKeyPair proxy_signer = make_signing_keypair();
  SealingKeyPair seal = make_sealing_keypair();
  SealingKeyPair proxy_seal = make_sealing_keypair();
  auto cert = certify_sealing_key(signer, seal.public_key);
  auto proxy_cert = certify_sealing_key(proxy_signer, proxy_seal.public_key);
  struct Row { const char* name; const PublicKey32* sealing; const std::array<uint8_t, 64>* cert; bool ok; };
  const Row rows[] = {
      {"the server's own sealing key", &seal.public_key, &cert, true},
      {"a proxy's key with the server's certificate", &proxy_seal.public_key, &cert, false},
      {"a proxy's key with the proxy's certificate", &proxy_seal.public_key, &proxy_cert, false},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      auto ok = check_sealing_key(signer.public_key, *row.sealing, ByteView(row.cert->data(), 64));
      CHECK(ok.ok() == row.ok);
      if (!row.ok) CHECK(ok.error().id == "crypto.sealing_key_unsigned");
    }
  }
}

TEST_CASE("key files round-trip and refuse mismatched halves") {
  SigningKeyPair s = make_signing_keypair();
  SealingKeyPair x = make_sealing_keypair();
  auto s2 = parse_signing_key_file(encode_key_file(s));
  REQUIRE(s2.ok());
  CHECK(s2->public_key == s.public_key);
  auto x2 = parse_sealing_key_file(encode_key_file(x));
  REQUIRE(x2.ok());
  CHECK(x2->public_key == x.public_key);

  struct Row { const char* name; std::string text; };
  SealingKeyPair y = make_sealing_keypair();
  std::string swapped = encode_key_file(x);
  swapped.replace(swapped.find(to_base64(ByteView(x.public_key.data(), 32))), 44,
                  to_base64(ByteView(y.public_key.data(), 32)));
  const Row rows[] = {
      {"not JSON", "secret"},
      {"wrong kind", encode_key_file(x)},  // an x25519 file read as ed25519 below
      {"public key of another pair", swapped},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      if (std::string(row.name) == "public key of another pair")
        CHECK_FALSE(parse_sealing_key_file(row.text).ok());
      else
        CHECK_FALSE(parse_signing_key_file(row.text).ok());
    }
  }
  CHECK(key_id(s.public_key).size() == 16);
  CHECK(key_id(s.public_key) != key_id(make_signing_keypair().public_key));
}
