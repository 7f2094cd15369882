// tests/core/crypto_seal_form_test.cpp — core/crypto/seal_form: the policy
// every front end applies before a concern is queued: plain servers get the
// form as it is, a certified key gets only sealed personal fields (pinned on
// first use), an uncertified or changed key gets nothing and the form is
// left untouched.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/crypto/encoding.hpp"
#include "core/crypto/sealed.hpp"
#include "core/crypto/seal_form.hpp"

using namespace civic;
using namespace civic::crypto;

namespace {
std::string b64(const auto& bytes) { return to_base64(ByteView(bytes.data(), bytes.size())); }

std::string caps(const PublicKey32& signing, const PublicKey32& sealing, const std::array<uint8_t, 64>& cert) {
  nlohmann::json j = {{"extensions",
                       {{"receipts", {{"public_key", b64(signing)}}},
                        {"sealed_personal", {{"public_key", b64(sealing)}, {"certificate", b64(cert)}}}}}};
  return j.dump();
}

api::Params form() {
  return {{"service_code", "streetlight-out"}, {"description", "路灯不亮"}, {"first_name", "张三"},
          {"phone", "13800138000"},            {"email", "zhang@example.cn"}, {"lat", "22.5"}, {"long", "114.0"}};
}

bool has(const api::Params& f, const std::string& k) {
  for (const auto& [key, v] : f)
    if (key == k) return true;
  return false;
}
}  // namespace

TEST_CASE("seal_form_for_server: what each kind of server gets") {
  SigningKeyPair server = make_signing_keypair();
  SealingKeyPair seal = make_sealing_keypair();
  SigningKeyPair other = make_signing_keypair();
  SealingKeyPair other_seal = make_sealing_keypair();
  const std::string good = caps(server.public_key, seal.public_key, certify_sealing_key(server, seal.public_key));
  const std::string swapped = caps(server.public_key, other_seal.public_key, certify_sealing_key(server, seal.public_key));
  const std::string rekeyed = caps(other.public_key, other_seal.public_key, certify_sealing_key(other, other_seal.public_key));
  const std::string srv = "http://hotline.example";

  PinStore pinned;
  REQUIRE(check_pin(pinned, srv, server.public_key, "2026-11-27T00:00:00Z"));

  struct Row {
    const char* name;
    std::string capabilities;
    bool pin_first;
    const char* error;  // "" = ok
    bool sealed;
    bool first_use;
  };
  const Row rows[] = {
      {"no capabilities document (plain GeoReport v2): form as it is", "", false, "", false, false},
      {"capabilities without sealing: form as it is", R"({"extensions":{"rating":{}}})", false, "", false, false},
      {"certified key, first contact: sealed and pinned", good, false, "", true, true},
      {"certified key, pinned and unchanged: sealed", good, true, "", true, false},
      {"sealing key swapped by a proxy: refused", swapped, false, "crypto.sealing_key_unsigned", false, false},
      {"another signing key than the pinned one: refused", rekeyed, true, "crypto.key_changed", false, false},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      PinStore pins = r.pin_first ? pinned : PinStore{};
      const PinStore before = pins;
      api::Params f = form();
      auto out = seal_form_for_server(f, r.capabilities, pins, srv, "2026-11-27T01:00:00Z");
      if (*r.error) {
        REQUIRE(!out);
        CHECK(out.error().id == r.error);
        CHECK(f == form());        // untouched
        CHECK(pins == before);     // nothing pinned
        continue;
      }
      REQUIRE(out);
      CHECK(out->sealed == r.sealed);
      CHECK(out->first_use == r.first_use);
      CHECK((pins != before) == r.first_use);
      for (const char* k : {"first_name", "phone", "email"}) CHECK(has(f, k) == !r.sealed);
      CHECK(has(f, "sealed_personal") == r.sealed);
      CHECK(has(f, "description"));
      if (r.sealed) {
        const std::string body = api::form_encode(f);
        for (const char* clear : {"13800138000", "zhang", "%E5%BC%A0"}) CHECK(body.find(clear) == std::string::npos);
        std::string sealed_value;
        for (const auto& [k, v] : f)
          if (k == "sealed_personal") sealed_value = v;
        auto opened = open_personal(sealed_value, seal);
        REQUIRE(opened);
        CHECK(opened->phone == "13800138000");
        CHECK(opened->name == "张三");
      }
    }
  }
}

TEST_CASE("seal_form_for_server: a form without personal fields stays as it is but the key is still checked") {
  SigningKeyPair server = make_signing_keypair();
  SealingKeyPair seal = make_sealing_keypair();
  const std::string good = caps(server.public_key, seal.public_key, certify_sealing_key(server, seal.public_key));
  PinStore pins;
  api::Params f = {{"service_code", "noise-night"}, {"description", "夜间施工"}, {"anonymous", "true"}};
  const api::Params before = f;
  auto out = seal_form_for_server(f, good, pins, "http://hotline.example", "2026-11-27T01:00:00Z");
  REQUIRE(out);
  CHECK(out->offered);
  CHECK(!out->sealed);
  CHECK(f == before);
  CHECK(pins.pins.size() == 1);
}
