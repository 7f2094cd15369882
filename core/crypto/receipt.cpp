// core/crypto/receipt.cpp — see receipt.hpp for the format and the checks.
#include "core/crypto/receipt.hpp"

#include <sodium.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "core/crypto/encoding.hpp"

namespace civic::crypto {

namespace {
constexpr std::string_view kDomain = "civic-receipt-v1";
static_assert(kDomain.size() == 16);

using json = nlohmann::json;

Error bad_field(std::string_view field, std::string detail) {
  return make_error("crypto.receipt_bad_field", std::move(detail), {{"field", std::string(field)}});
}

// The field's bytes as they are digested (content_hash: its 32 raw bytes).
ByteView field_bytes(const ReceiptFacts& f, size_t i) {
  switch (i) {
    case 0: return as_bytes(f.issuer);
    case 1: return as_bytes(f.ticket_id);
    case 2: return as_bytes(f.service_code);
    case 3: return as_bytes(f.issued_at);
    default: return ByteView(f.content_hash.data(), f.content_hash.size());
  }
}

Hash32 field_digest(size_t index, ByteView value) {
  HashStream s;
  hash_begin(s, kHashField);
  uint8_t head[9];
  head[0] = static_cast<uint8_t>(index + 1);
  uint64_t len = value.size();
  for (int i = 0; i < 8; ++i) head[1 + i] = static_cast<uint8_t>(len >> (8 * i));
  hash_update(s, ByteView(head, sizeof head));
  hash_update(s, value);
  return hash_end(s);
}

std::array<uint8_t, 32 * kReceiptFields> all_digests(const ReceiptFacts& f) {
  std::array<uint8_t, 32 * kReceiptFields> d;
  for (size_t i = 0; i < kReceiptFields; ++i) {
    Hash32 h = field_digest(i, field_bytes(f, i));
    std::memcpy(d.data() + 32 * i, h.data(), 32);
  }
  return d;
}

Bytes message(std::string_view key_id_hex, ByteView digests) {
  Bytes m(kDomain.begin(), kDomain.end());
  auto kid = from_hex(key_id_hex, "key_id", 8);
  if (kid) m.insert(m.end(), kid->begin(), kid->end());
  else m.insert(m.end(), 8, 0);  // unreachable for checked receipts; never verifies
  m.insert(m.end(), digests.begin(), digests.end());
  return m;
}

bool two_digits(std::string_view s, size_t at, int lo, int hi) {
  if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
  int v = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return v >= lo && v <= hi;
}

Result<bool> check_text(std::string_view field, std::string_view s) {
  if (s.empty()) return bad_field(field, "empty");
  if (s.size() > kMaxReceiptText) return bad_field(field, "longer than 256 bytes");
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return bad_field(field, "control character");
  return true;
}

Result<bool> check_facts(const ReceiptFacts& f) {
  for (size_t i = 0; i < 3; ++i) {
    auto ok = check_text(kReceiptFieldNames[i], as_text(field_bytes(f, i)));
    if (!ok) return ok;
  }
  if (!is_utc_timestamp(f.issued_at)) return bad_field("issued_at", "not YYYY-MM-DDTHH:MM:SSZ");
  return true;
}

// Reads a required string member.
Result<std::string> member(const json& j, std::string_view key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return bad_field(key, "missing or not a string");
  const auto& s = it->get_ref<const std::string&>();
  if (s.size() > kMaxReceiptFile) return bad_field(key, "too long");
  return s;
}

template <size_t N>
Result<bool> member_b64(const json& j, std::string_view key, std::array<uint8_t, N>& out) {
  auto s = member(j, key);
  if (!s) return s.error();
  auto b = from_base64(s.value(), key, N);
  if (!b) return bad_field(key, b.error().detail);
  std::memcpy(out.data(), b->data(), N);
  return true;
}
}  // namespace

bool is_utc_timestamp(std::string_view s) {
  // 2026-11-27T06:30:00Z
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return false;
  for (size_t i : {0u, 2u})
    if (!two_digits(s, i, 0, 99)) return false;
  return two_digits(s, 5, 1, 12) && two_digits(s, 8, 1, 31) && two_digits(s, 11, 0, 23) &&
         two_digits(s, 14, 0, 59) && two_digits(s, 17, 0, 60);
}

Bytes receipt_canonical_bytes(const ReceiptFacts& facts, std::string_view key_id_hex) {
  auto d = all_digests(facts);
  return message(key_id_hex, ByteView(d.data(), d.size()));
}

Result<Receipt> sign_receipt(const ReceiptFacts& facts, const SigningKeyPair& signer) {
  (void)crypto_init();
  auto ok = check_facts(facts);
  if (!ok) return ok.error();
  Receipt r;
  r.facts = facts;
  r.public_key = signer.public_key;
  r.key_id = key_id(signer.public_key);
  r.field_digests = all_digests(facts);
  Bytes m = message(r.key_id, ByteView(r.field_digests.data(), r.field_digests.size()));
  crypto_sign_detached(r.signature.data(), nullptr, m.data(), m.size(), signer.secret_key.data());
  return r;
}

std::string receipt_to_json(const Receipt& r) {
  json j = json::object();
  j["civic_receipt"] = r.version;
  j["issuer"] = r.facts.issuer;
  j["ticket_id"] = r.facts.ticket_id;
  j["service_code"] = r.facts.service_code;
  j["issued_at"] = r.facts.issued_at;
  j["content_hash"] = to_base64(ByteView(r.facts.content_hash.data(), 32));
  j["key_id"] = r.key_id;
  j["public_key"] = to_base64(ByteView(r.public_key.data(), 32));
  j["field_digests"] = to_base64(ByteView(r.field_digests.data(), r.field_digests.size()));
  j["signature"] = to_base64(ByteView(r.signature.data(), r.signature.size()));
  // A receipt built from hostile text may hold invalid UTF-8: replace, never abort.
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<Receipt> parse_receipt(std::string_view text) {
  if (text.size() > kMaxReceiptFile) return make_error("crypto.receipt_unreadable", "larger than 16 KiB");
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return make_error("crypto.receipt_unreadable", "not a JSON object");
  Receipt r;
  auto v = j.find("civic_receipt");
  if (v == j.end() || !v->is_number_integer()) return bad_field("civic_receipt", "missing or not an integer");
  const int64_t version = v->get<int64_t>();
  if (version != kReceiptVersion)
    return make_error("crypto.receipt_version", std::to_string(version), {{"version", std::to_string(version)}});
  std::string* texts[] = {&r.facts.issuer, &r.facts.ticket_id, &r.facts.service_code, &r.facts.issued_at};
  for (size_t i = 0; i < 4; ++i) {
    auto s = member(j, kReceiptFieldNames[i]);
    if (!s) return s.error();
    *texts[i] = std::move(s.value());
  }
  auto facts_ok = check_facts(r.facts);
  if (!facts_ok) return facts_ok.error();
  auto kid = member(j, "key_id");
  if (!kid) return kid.error();
  if (!from_hex(kid.value(), "key_id", 8)) return bad_field("key_id", "not 16 lowercase hex digits");
  r.key_id = kid.value();
  for (auto res : {member_b64(j, "content_hash", r.facts.content_hash), member_b64(j, "public_key", r.public_key),
                   member_b64(j, "field_digests", r.field_digests), member_b64(j, "signature", r.signature)})
    if (!res) return res.error();
  return r;
}

Result<ReceiptVerdict> verify_receipt(const Receipt& r, const PublicKey32* trusted) {
  (void)crypto_init();
  if (r.version != kReceiptVersion)
    return make_error("crypto.receipt_version", std::to_string(r.version), {{"version", std::to_string(r.version)}});
  const std::string actual_id = key_id(r.public_key);
  if (!equal_ct(as_bytes(actual_id), as_bytes(r.key_id)))
    return make_error("crypto.receipt_key_id", r.key_id + " != " + actual_id,
                      {{"stated", r.key_id}, {"actual", actual_id}});
  if (trusted && !equal_ct(ByteView(trusted->data(), 32), ByteView(r.public_key.data(), 32))) {
    const std::string pinned = key_id(*trusted);
    return make_error("crypto.key_changed", "pinned " + pinned + ", offered " + actual_id,
                      {{"pinned", pinned}, {"offered", actual_id}});
  }
  Bytes m = message(r.key_id, ByteView(r.field_digests.data(), r.field_digests.size()));
  if (crypto_sign_verify_detached(r.signature.data(), m.data(), m.size(), r.public_key.data()) != 0)
    return make_error("crypto.receipt_bad_signature", "Ed25519 signature does not verify");
  std::string altered;
  for (size_t i = 0; i < kReceiptFields; ++i) {
    Hash32 h = field_digest(i, field_bytes(r.facts, i));
    if (!equal_ct(ByteView(h.data(), 32), ByteView(r.field_digests.data() + 32 * i, 32))) {
      if (!altered.empty()) altered += ", ";
      altered += kReceiptFieldNames[i];
    }
  }
  if (!altered.empty()) return make_error("crypto.receipt_field_altered", altered, {{"fields", altered}});
  return ReceiptVerdict{trusted ? KeyTrust::pinned : KeyTrust::unpinned, actual_id};
}

Result<bool> receipt_matches(const Receipt& r, std::string_view expected_ticket_id, const Hash32* expected_content_hash) {
  if (!expected_ticket_id.empty() && r.facts.ticket_id != expected_ticket_id)
    return make_error("crypto.receipt_other_ticket", r.facts.ticket_id,
                      {{"receipt", r.facts.ticket_id}, {"expected", std::string(expected_ticket_id)}});
  if (expected_content_hash &&
      !equal_ct(ByteView(expected_content_hash->data(), 32), ByteView(r.facts.content_hash.data(), 32)))
    return make_error("crypto.receipt_content_mismatch", "content hash differs");
  return true;
}

}  // namespace civic::crypto
