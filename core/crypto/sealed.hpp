// core/crypto/sealed.hpp — personal fields sealed to the server's X25519 key
// (libsodium sealed box: an ephemeral sender key, so only the holder of the
// server's secret key can open it, and not even the sender can afterwards).
//
// What is sealed: name, phone, email and ID number — the fields a resident
// gives so the department can call back. They travel as ONE form field,
// `sealed_personal` (standard base64), instead of GeoReport's first_name,
// last_name, phone and email, so a network observer or a TLS-terminating
// proxy sees none of them.
//
// Plaintext: compact JSON {"name","phone","email","id_number"}, padded with
// ISO/IEC 7816-4 padding (sodium_pad) to a multiple of 256 bytes so the
// ciphertext length does not leak how long a name is.
//
// Limits: each field at most 256 bytes of UTF-8; a sealed value at most
// 4 KiB of base64. Anything else is refused (crypto.sealed_*), never opened.
#pragma once
#include <string>
#include <string_view>

#include "core/crypto/keys.hpp"

namespace civic::crypto {

inline constexpr size_t kMaxPersonalFieldBytes = 256;
inline constexpr size_t kMaxSealedText = 4096;
inline constexpr size_t kSealPadBlock = 256;

struct PersonalFields {
  std::string name;
  std::string phone;
  std::string email;
  std::string id_number;
  bool operator==(const PersonalFields&) const = default;
};

bool empty(const PersonalFields& p);
void wipe(PersonalFields& p);

// Raw sealed boxes over bytes.
Bytes seal_to(const PublicKey32& recipient, ByteView plaintext);
Result<Bytes> open_sealed(const SealingKeyPair& recipient, ByteView sealed);

// Personal fields <-> the `sealed_personal` form value.
Result<std::string> seal_personal(const PersonalFields& fields, const PublicKey32& server_sealing_key);
Result<PersonalFields> open_personal(std::string_view sealed_b64, const SealingKeyPair& server);

// The plaintext JSON codec, shared with encryption at rest on the server.
Result<PersonalFields> personal_from_json(std::string_view text);
std::string personal_to_json(const PersonalFields& fields);

}  // namespace civic::crypto
