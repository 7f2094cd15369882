// core/crypto/keys.cpp — see keys.hpp.
#include "core/crypto/keys.hpp"

#include <sodium.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "core/crypto/encoding.hpp"
#include "core/crypto/hash.hpp"

namespace civic::crypto {

static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_sign_SECRETKEYBYTES == 64);
static_assert(crypto_box_PUBLICKEYBYTES == 32 && crypto_box_SECRETKEYBYTES == 32);

namespace {
constexpr size_t kMaxKeyFile = 4096;
constexpr std::string_view kSealCertDomain = "civic-sealing-key-v1";

Error bad_file(std::string detail) { return make_error("crypto.bad_key_file", std::move(detail)); }

std::string encode(std::string_view kind, const PublicKey32& pk, ByteView sk) {
  nlohmann::json j = {{"civic_key", 1},
                      {"kind", kind},
                      {"public", to_base64(ByteView(pk.data(), pk.size()))},
                      {"secret", to_base64(sk)}};
  return j.dump() + "\n";
}

// Reads {"civic_key":1,"kind":kind,...}: the public key and secret bytes.
Result<PublicKey32> read_file(std::string_view text, std::string_view kind, uint8_t* secret, size_t secret_len) {
  if (text.size() > kMaxKeyFile) return bad_file("larger than 4 KiB");
  auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return bad_file("not a JSON object");
  auto version = j.find("civic_key");
  auto k = j.find("kind");
  auto pub = j.find("public");
  auto sec = j.find("secret");
  if (version == j.end() || !version->is_number_integer() || version->get<int64_t>() != 1)
    return bad_file("civic_key is not 1");
  if (k == j.end() || !k->is_string() || k->get_ref<const std::string&>() != kind)
    return bad_file("kind is not " + std::string(kind));
  if (pub == j.end() || !pub->is_string() || sec == j.end() || !sec->is_string())
    return bad_file("public or secret missing");
  auto pk = parse_public_key(pub->get_ref<const std::string&>(), "public");
  if (!pk) return bad_file(pk.error().detail);
  auto sk = from_base64(sec->get_ref<const std::string&>(), "secret", secret_len);
  if (!sk) return bad_file(sk.error().detail);
  std::memcpy(secret, sk->data(), secret_len);
  wipe(sk.value());
  return pk.value();
}
}  // namespace

SigningKeyPair make_signing_keypair() {
  (void)crypto_init();
  SigningKeyPair kp;
  crypto_sign_keypair(kp.public_key.data(), kp.secret_key.data());
  return kp;
}

SealingKeyPair make_sealing_keypair() {
  (void)crypto_init();
  SealingKeyPair kp;
  crypto_box_keypair(kp.public_key.data(), kp.secret_key.data());
  return kp;
}

std::string key_id(const PublicKey32& public_key) {
  Hash32 h = blake2b_256_for(kHashKeyId, ByteView(public_key.data(), public_key.size()));
  return to_hex(ByteView(h.data(), 8));
}

std::string encode_key_file(const SigningKeyPair& kp) { return encode("ed25519", kp.public_key, kp.secret_key.view()); }
std::string encode_key_file(const SealingKeyPair& kp) { return encode("x25519", kp.public_key, kp.secret_key.view()); }

Result<SigningKeyPair> parse_signing_key_file(std::string_view text) {
  (void)crypto_init();
  SigningKeyPair kp;
  auto pk = read_file(text, "ed25519", kp.secret_key.data(), 64);
  if (!pk) return pk.error();
  kp.public_key = pk.value();
  // The secret key carries its public half: they must agree.
  if (std::memcmp(kp.secret_key.data() + 32, kp.public_key.data(), 32) != 0)
    return bad_file("public key does not belong to the secret key");
  return kp;
}

Result<SealingKeyPair> parse_sealing_key_file(std::string_view text) {
  (void)crypto_init();
  SealingKeyPair kp;
  auto pk = read_file(text, "x25519", kp.secret_key.data(), 32);
  if (!pk) return pk.error();
  kp.public_key = pk.value();
  PublicKey32 derived;
  crypto_scalarmult_base(derived.data(), kp.secret_key.data());
  if (std::memcmp(derived.data(), kp.public_key.data(), 32) != 0)
    return bad_file("public key does not belong to the secret key");
  return kp;
}

std::array<uint8_t, 64> certify_sealing_key(const SigningKeyPair& signer, const PublicKey32& sealing_public) {
  (void)crypto_init();
  Bytes msg(kSealCertDomain.begin(), kSealCertDomain.end());
  msg.insert(msg.end(), sealing_public.begin(), sealing_public.end());
  std::array<uint8_t, 64> sig;
  crypto_sign_detached(sig.data(), nullptr, msg.data(), msg.size(), signer.secret_key.data());
  return sig;
}

Result<bool> check_sealing_key(const PublicKey32& signing_public, const PublicKey32& sealing_public,
                               ByteView certificate) {
  (void)crypto_init();
  if (certificate.size() != 64)
    return make_error("crypto.sealing_key_unsigned", "certificate is not 64 bytes");
  Bytes msg(kSealCertDomain.begin(), kSealCertDomain.end());
  msg.insert(msg.end(), sealing_public.begin(), sealing_public.end());
  if (crypto_sign_verify_detached(certificate.data(), msg.data(), msg.size(), signing_public.data()) != 0)
    return make_error("crypto.sealing_key_unsigned", "signature does not verify");
  return true;
}

Result<PublicKey32> parse_public_key(std::string_view b64, std::string_view field) {
  auto b = from_base64(b64, field, 32);
  if (!b) return b.error();
  PublicKey32 pk;
  std::memcpy(pk.data(), b->data(), 32);
  return pk;
}

}  // namespace civic::crypto
