// core/crypto/receipt.hpp — signed filing receipts, verifiable offline.
//
// A receipt proves that the server accepted a concern: who issued it, the
// ticket id, the service, when, and a BLAKE2b hash of the concern and its
// media (crypto::concern_hash). The server signs it with Ed25519; any client
// holding the server's pinned key can check it without a network.
//
// Canonical bytes (what is signed; fixed layout, nothing to parse):
//   "civic-receipt-v1"                    16 bytes, domain
//   key id                                 8 bytes
//   D(issuer) D(ticket_id) D(service_code) D(issued_at) D(content_hash)
//                                          5 x 32 bytes
// where D(field) = BLAKE2b-256, personalization "civic-field-v1", over
// (1 byte field number, 8 bytes little-endian length, the field's bytes).
// Signing the per-field digests (carried in the file as field_digests) lets
// a verifier say exactly WHICH field was altered: when the signature holds,
// the digests are the server's, and each field is compared with its own.
//
// File (JSON, UTF-8):
//   {"civic_receipt":1, "issuer":S, "ticket_id":S, "service_code":S,
//    "issued_at":"YYYY-MM-DDTHH:MM:SSZ", "content_hash":B64(32),
//    "key_id":HEX(8), "public_key":B64(32), "field_digests":B64(160),
//    "signature":B64(64)}
// Limits: files above 16 KiB, text fields above 256 bytes or holding control
// characters, other versions, timestamps in any other form and binary fields
// of the wrong length are refused by parse_receipt, naming the field.
#pragma once
#include <array>
#include <string>
#include <string_view>

#include "core/crypto/hash.hpp"
#include "core/crypto/keys.hpp"

namespace civic::crypto {

inline constexpr size_t kMaxReceiptFile = 16u << 10;
inline constexpr size_t kMaxReceiptText = 256;
inline constexpr int kReceiptVersion = 1;
inline constexpr size_t kReceiptFields = 5;

// What the server attests.
struct ReceiptFacts {
  std::string issuer;         // the hotline's name or public URL
  std::string ticket_id;      // service_request_id
  std::string service_code;
  std::string issued_at;      // RFC 3339 UTC, seconds: 2026-11-27T06:30:00Z
  Hash32 content_hash{};      // concern_hash(...)
  bool operator==(const ReceiptFacts&) const = default;
};

struct Receipt {
  int version = kReceiptVersion;
  ReceiptFacts facts;
  std::string key_id;                                   // key_id(public_key)
  PublicKey32 public_key{};
  std::array<uint8_t, 32 * kReceiptFields> field_digests{};
  std::array<uint8_t, 64> signature{};
  bool operator==(const Receipt&) const = default;
};

// Field names as in the file, in canonical order.
inline constexpr std::string_view kReceiptFieldNames[kReceiptFields] = {
    "issuer", "ticket_id", "service_code", "issued_at", "content_hash"};

// The 16 + 8 + 160 signed bytes for these facts and key id.
Bytes receipt_canonical_bytes(const ReceiptFacts& facts, std::string_view key_id);

// Signs facts (refuses facts that parse_receipt would refuse).
Result<Receipt> sign_receipt(const ReceiptFacts& facts, const SigningKeyPair& signer);

std::string receipt_to_json(const Receipt& r);
Result<Receipt> parse_receipt(std::string_view text);

// How the signing key was trusted.
enum class KeyTrust {
  pinned,      // equal to the key the caller trusts (pinned or configured)
  unpinned,    // the caller trusts no key yet: the receipt is only self-consistent
};

struct ReceiptVerdict {
  KeyTrust trust = KeyTrust::unpinned;
  std::string key_id;
};

// Checks, in this order, and stops at the first failure, naming it:
//  crypto.receipt_version       unsupported version
//  crypto.receipt_key_id        key_id is not the id of public_key
//  crypto.key_changed           public_key differs from `trusted` {pinned, offered}
//  crypto.receipt_bad_signature signature does not hold over field_digests
//  crypto.receipt_field_altered these fields differ from what was signed {fields}
// trusted: the pinned key for this issuer, or nullptr when none is pinned yet.
Result<ReceiptVerdict> verify_receipt(const Receipt& r, const PublicKey32* trusted);

// After verify_receipt: does the receipt speak of what the client filed?
//  crypto.receipt_other_ticket      {receipt, expected}
//  crypto.receipt_content_mismatch  the concern hash differs
// Empty expectations are skipped.
Result<bool> receipt_matches(const Receipt& r, std::string_view expected_ticket_id,
                             const Hash32* expected_content_hash);

// RFC 3339 "YYYY-MM-DDTHH:MM:SSZ" with plausible field ranges.
bool is_utc_timestamp(std::string_view s);

}  // namespace civic::crypto
