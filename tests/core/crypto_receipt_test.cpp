// tests/core/crypto_receipt_test.cpp — signed receipts: a valid one verifies
// after a round trip through its file; a flipped bit in ANY field fails with
// the message that names what changed; another key is reported as a change.
#include <doctest/doctest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "core/crypto/encoding.hpp"
#include "core/crypto/receipt.hpp"
#include "core/i18n/messages.hpp"

using namespace civic;
using namespace civic::crypto;

namespace {
ReceiptFacts sample_facts() {
  Hash32 media[] = {media_hash(as_bytes("jpeg bytes of a broken street light"))};
  return ReceiptFacts{"https://12345.example.gov", "7K3M-9QX2-WP4D", "streetlight", "2026-11-27T06:30:00Z",
                      concern_hash("streetlight", "The light at gate 3 is out.", media)};
}
const SigningKeyPair& server_key() {
  static SigningKeyPair kp = make_signing_keypair();
  return kp;
}
Receipt sample_receipt() {
  auto r = sign_receipt(sample_facts(), server_key());
  REQUIRE(r.ok());
  return r.value();
}
void flip(uint8_t* p, int bit) { p[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8)); }
void flip(std::string& s, int bit) { flip(reinterpret_cast<uint8_t*>(s.data()), bit % (int(s.size()) * 8)); }
}  // namespace

TEST_CASE("a signed receipt verifies after a round trip through its file") {
  Receipt r = sample_receipt();
  auto parsed = parse_receipt(receipt_to_json(r));
  REQUIRE(parsed.ok());
  CHECK(parsed.value() == r);
  auto v = verify_receipt(parsed.value(), &server_key().public_key);
  REQUIRE(v.ok());
  CHECK(v->trust == KeyTrust::pinned);
  CHECK(v->key_id == key_id(server_key().public_key));
  auto unpinned = verify_receipt(parsed.value(), nullptr);
  REQUIRE(unpinned.ok());
  CHECK(unpinned->trust == KeyTrust::unpinned);
  CHECK(receipt_matches(r, "7K3M-9QX2-WP4D", &r.facts.content_hash).ok());
}

TEST_CASE("a flipped bit in every field fails verification with the right message") {
  struct Row {
    const char* name;
    std::function<void(Receipt&, int bit)> tamper;
    const char* want_id;
    const char* want_fields;  // for crypto.receipt_field_altered
  };
  const Row rows[] = {
      {"issuer", [](Receipt& r, int b) { flip(r.facts.issuer, b % 7); }, "crypto.receipt_field_altered", "issuer"},
      {"ticket id", [](Receipt& r, int b) { flip(r.facts.ticket_id, b % 6); }, "crypto.receipt_field_altered", "ticket_id"},
      {"service code", [](Receipt& r, int b) { flip(r.facts.service_code, b % 6); }, "crypto.receipt_field_altered", "service_code"},
      // Flipping bit 0 of a digit keeps a timestamp well formed ("06" -> "07").
      {"issued at", [](Receipt& r, int) { flip(r.facts.issued_at, 8 * 12); }, "crypto.receipt_field_altered", "issued_at"},
      {"content hash", [](Receipt& r, int b) { flip(r.facts.content_hash.data(), b); }, "crypto.receipt_field_altered", "content_hash"},
      {"key id", [](Receipt& r, int) { r.key_id[0] = r.key_id[0] == 'a' ? 'b' : 'a'; }, "crypto.receipt_key_id", ""},
      {"public key", [](Receipt& r, int b) { flip(r.public_key.data(), b); }, "crypto.receipt_key_id", ""},
      {"field digests", [](Receipt& r, int b) { flip(r.field_digests.data(), b * 5); }, "crypto.receipt_bad_signature", ""},
      {"signature", [](Receipt& r, int b) { flip(r.signature.data(), b * 2); }, "crypto.receipt_bad_signature", ""},
      {"version", [](Receipt& r, int) { r.version = 2; }, "crypto.receipt_version", ""},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      for (int bit : {0, 1, 5, 37, 200, 255}) {
        CAPTURE(bit);
        Receipt r = sample_receipt();
        row.tamper(r, bit);
        // Through the file, as a verifier would meet it (when still well formed).
        auto reread = parse_receipt(receipt_to_json(r));
        const Receipt& checked = reread.ok() ? reread.value() : r;
        auto v = verify_receipt(checked, &server_key().public_key);
        REQUIRE_FALSE(v.ok());
        CHECK(v.error().id == row.want_id);
        if (*row.want_fields) CHECK(v.error().params.at("fields") == row.want_fields);
        CHECK(explain(Lang::en, v.error()).find('{') == std::string::npos);
      }
    }
  }
}

TEST_CASE("two altered fields are both named") {
  Receipt r = sample_receipt();
  r.facts.ticket_id = "9999-9999-9999";
  r.facts.service_code = "noise";
  auto v = verify_receipt(r, &server_key().public_key);
  REQUIRE_FALSE(v.ok());
  CHECK(v.error().params.at("fields") == "ticket_id, service_code");
  CHECK(explain(Lang::en, v.error()) == "The receipt was altered in: ticket_id, service_code");
}

TEST_CASE("a receipt signed by another key is a key change, not a valid receipt") {
  SigningKeyPair other = make_signing_keypair();
  auto r = sign_receipt(sample_facts(), other);
  REQUIRE(r.ok());
  auto v = verify_receipt(r.value(), &server_key().public_key);
  REQUIRE_FALSE(v.ok());
  CHECK(v.error().id == "crypto.key_changed");
  CHECK(v.error().params.at("pinned") == key_id(server_key().public_key));
  CHECK(v.error().params.at("offered") == key_id(other.public_key));
}

TEST_CASE("a forger who re-signs with his own key and swaps in its public key is still caught by the pin") {
  SigningKeyPair forger = make_signing_keypair();
  ReceiptFacts f = sample_facts();
  f.ticket_id = "0000-0000-0001";
  auto forged = sign_receipt(f, forger);
  REQUIRE(forged.ok());
  CHECK(verify_receipt(forged.value(), nullptr).ok());  // self-consistent...
  auto pinned = verify_receipt(forged.value(), &server_key().public_key);
  REQUIRE_FALSE(pinned.ok());  // ...but not the pinned server's
  CHECK(pinned.error().id == "crypto.key_changed");
}

TEST_CASE("receipt_matches compares with what the client filed") {
  Receipt r = sample_receipt();
  Hash32 other = concern_hash("streetlight", "Another text", {});
  struct Row { const char* name; std::string ticket; const Hash32* hash; const char* want; };
  const Row rows[] = {
      {"same ticket and content", "7K3M-9QX2-WP4D", &r.facts.content_hash, ""},
      {"no expectations", "", nullptr, ""},
      {"another ticket", "AAAA-BBBB-CCCC", nullptr, "crypto.receipt_other_ticket"},
      {"another concern", "", &other, "crypto.receipt_content_mismatch"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      auto m = receipt_matches(r, row.ticket, row.hash);
      if (!*row.want) CHECK(m.ok());
      else {
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().id == row.want);
      }
    }
  }
}

TEST_CASE("parse_receipt refuses malformed files, naming the field") {
  const std::string good = receipt_to_json(sample_receipt());
  auto replaced = [&](std::string key, std::string value_json) {
    auto j = nlohmann::json::parse(good, nullptr, false);
    if (value_json.empty()) j.erase(key);
    else j[key] = nlohmann::json::parse(value_json, nullptr, false);
    return j.dump();
  };
  struct Row { const char* name; std::string text; const char* want_id; const char* want_field; };
  const Row rows[] = {
      {"not JSON", "{receipt", "crypto.receipt_unreadable", ""},
      {"an array", "[]", "crypto.receipt_unreadable", ""},
      {"too large", std::string(kMaxReceiptFile + 1, ' '), "crypto.receipt_unreadable", ""},
      {"version 2", replaced("civic_receipt", "2"), "crypto.receipt_version", ""},
      {"version as string", replaced("civic_receipt", "\"1\""), "crypto.receipt_bad_field", "civic_receipt"},
      {"ticket missing", replaced("ticket_id", ""), "crypto.receipt_bad_field", "ticket_id"},
      {"ticket is a number", replaced("ticket_id", "42"), "crypto.receipt_bad_field", "ticket_id"},
      {"ticket empty", replaced("ticket_id", "\"\""), "crypto.receipt_bad_field", "ticket_id"},
      {"control character in service", replaced("service_code", "\"a\\u0000b\""), "crypto.receipt_bad_field", "service_code"},
      {"issuer too long", replaced("issuer", "\"" + std::string(300, 'x') + "\""), "crypto.receipt_bad_field", "issuer"},
      {"local time", replaced("issued_at", "\"2026-11-27T14:30:00+08:00\""), "crypto.receipt_bad_field", "issued_at"},
      {"month 13", replaced("issued_at", "\"2026-13-27T06:30:00Z\""), "crypto.receipt_bad_field", "issued_at"},
      {"short content hash", replaced("content_hash", "\"AAAA\""), "crypto.receipt_bad_field", "content_hash"},
      {"hash not base64", replaced("content_hash", "\"@@@@\""), "crypto.receipt_bad_field", "content_hash"},
      {"key id upper case", replaced("key_id", "\"ABCDEF0123456789\""), "crypto.receipt_bad_field", "key_id"},
      {"key missing", replaced("public_key", ""), "crypto.receipt_bad_field", "public_key"},
      {"digests short", replaced("field_digests", "\"AAAA\""), "crypto.receipt_bad_field", "field_digests"},
      {"signature missing", replaced("signature", ""), "crypto.receipt_bad_field", "signature"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      auto r = parse_receipt(row.text);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().id == row.want_id);
      if (*row.want_field) CHECK(r.error().params.at("field") == row.want_field);
    }
  }
}

TEST_CASE("sign_receipt refuses facts a verifier could not read") {
  ReceiptFacts f = sample_facts();
  f.issued_at = "yesterday";
  auto r = sign_receipt(f, server_key());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().params.at("field") == "issued_at");
}

TEST_CASE("canonical bytes: fixed length, and every field moves them") {
  ReceiptFacts f = sample_facts();
  const std::string kid = key_id(server_key().public_key);
  Bytes base = receipt_canonical_bytes(f, kid);
  CHECK(base.size() == 16 + 8 + 32 * kReceiptFields);
  CHECK(as_text(ByteView(base.data(), 16)) == "civic-receipt-v1");
  // Moving a byte from one field to its neighbour must change the bytes
  // (no ambiguity between "ab"+"c" and "a"+"bc").
  ReceiptFacts shifted = f;
  shifted.issuer += shifted.ticket_id.substr(0, 1);
  shifted.ticket_id.erase(0, 1);
  CHECK(receipt_canonical_bytes(shifted, kid) != base);
}
