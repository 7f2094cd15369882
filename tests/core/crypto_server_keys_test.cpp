// tests/core/crypto_server_keys_test.cpp — the client's side of sealing: it
// seals only to a sealing key the (pinned) signing key certified, and the
// request body it would send holds no personal field in the clear.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/api/url.hpp"
#include "core/crypto/encoding.hpp"
#include "core/crypto/sealed.hpp"
#include "core/crypto/server_keys.hpp"

using namespace civic;
using namespace civic::crypto;

namespace {
std::string b64(const auto& bytes) { return to_base64(ByteView(bytes.data(), bytes.size())); }

// A capabilities document as civic-server publishes it.
std::string capabilities(const PublicKey32& signing, const PublicKey32& sealing, const std::array<uint8_t, 64>& cert) {
  nlohmann::json j = {{"version", 1},
                      {"extensions",
                       {{"receipts", {{"algorithm", "Ed25519"}, {"public_key", b64(signing)}}},
                        {"sealed_personal", {{"public_key", b64(sealing)}, {"certificate", b64(cert)}}}}}};
  return j.dump();
}
}  // namespace

TEST_CASE("server keys are taken only when certified and, once pinned, only from the pinned key") {
  SigningKeyPair server = make_signing_keypair();
  SealingKeyPair seal = make_sealing_keypair();
  SigningKeyPair proxy = make_signing_keypair();
  SealingKeyPair proxy_seal = make_sealing_keypair();
  const auto cert = certify_sealing_key(server, seal.public_key);
  const std::string good = capabilities(server.public_key, seal.public_key, cert);

  struct Row { const char* name; std::string doc; const PublicKey32* pinned; const char* want; };
  const Row rows[] = {
      {"first use", good, nullptr, ""},
      {"pinned and unchanged", good, &server.public_key, ""},
      {"proxy swaps only the sealing key", capabilities(server.public_key, proxy_seal.public_key, cert), nullptr,
       "crypto.sealing_key_unsigned"},
      {"proxy swaps both keys and certifies its own, first use",
       capabilities(proxy.public_key, proxy_seal.public_key, certify_sealing_key(proxy, proxy_seal.public_key)),
       nullptr, ""},  // TOFU's known limit: nothing to compare with yet
      {"proxy swaps both keys after the pin",
       capabilities(proxy.public_key, proxy_seal.public_key, certify_sealing_key(proxy, proxy_seal.public_key)),
       &server.public_key, "crypto.key_changed"},
      {"no sealing extension", R"({"extensions":{"receipts":{"public_key":"AAAA"}}})", nullptr,
       "crypto.sealing_key_unsigned"},
      {"not JSON", "<html>", nullptr, "crypto.sealing_key_unsigned"},
      {"short sealing key",
       R"({"extensions":{"receipts":{"public_key":")" + b64(server.public_key) +
           R"("},"sealed_personal":{"public_key":"AAAA","certificate":")" + b64(cert) + R"("}}})",
       nullptr, "crypto.sealing_key_unsigned"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      auto keys = server_keys_from_capabilities(row.doc, row.pinned);
      if (!*row.want) {
        CHECK(keys.ok());
      } else {
        REQUIRE_FALSE(keys.ok());
        CHECK(keys.error().id == row.want);
      }
    }
  }
  SUBCASE("the keys read are the published ones") {
    auto keys = server_keys_from_capabilities(good, nullptr);
    REQUIRE(keys.ok());
    CHECK(keys->signing == server.public_key);
    CHECK(keys->sealing == seal.public_key);
  }
}

TEST_CASE("the request body a client sends holds no personal field in the clear") {
  SealingKeyPair server = make_sealing_keypair();
  api::Params form = {{"service_code", "streetlight-out"}, {"description", "路灯不亮"},
                      {"first_name", "小明"},               {"last_name", "王"},
                      {"phone", "13912345678"},            {"email", "wang@example.cn"},
                      {"attribute[problem]", "out"}};
  auto sealed = seal_personal_params(form, server.public_key);
  REQUIRE(sealed.ok());
  CHECK(sealed.value());
  const std::string body = api::form_encode(form);  // what goes on the wire
  for (std::string clear : std::vector<std::string>{"13912345678", "wang", "example.cn", "first_name", "last_name", "phone", "email",
                            api::form_encode({{"x", "王"}}).substr(2), api::form_encode({{"x", "小明"}}).substr(2)}) {
    CAPTURE(clear);
    CHECK(body.find(clear) == std::string::npos);
  }
  CHECK(body.find("service_code=streetlight-out") != std::string::npos);

  bool ok = false;
  api::Params received = api::form_decode(body, &ok);
  REQUIRE(ok);
  std::string value;
  for (const auto& [k, v] : received)
    if (k == "sealed_personal") value = v;
  auto opened = open_personal(value, server);
  REQUIRE(opened.ok());
  CHECK(opened->name == "小明 王");
  CHECK(opened->phone == "13912345678");
  CHECK(opened->email == "wang@example.cn");
}

TEST_CASE("seal_personal_params leaves forms it refuses or need not seal unchanged") {
  SealingKeyPair server = make_sealing_keypair();
  struct Row { const char* name; api::Params form; bool ok; bool sealed; };
  const Row rows[] = {
      {"anonymous: nothing to seal", {{"service_code", "x"}, {"description", "d"}}, true, false},
      {"phone given twice", {{"phone", "1"}, {"phone", "2"}}, false, false},
      {"already sealed", {{"sealed_personal", "abc"}, {"phone", "1"}}, false, false},
      {"a field over the limit", {{"email", std::string(300, 'e')}}, false, false},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      api::Params form = row.form;
      auto r = seal_personal_params(form, server.public_key);
      CHECK(r.ok() == row.ok);
      if (r.ok()) CHECK(r.value() == row.sealed);
      CHECK(form == row.form);
    }
  }
}
