// core/crypto/sealed.cpp — see sealed.hpp.
#include "core/crypto/sealed.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "core/crypto/encoding.hpp"

namespace civic::crypto {

namespace {
Error too_long(std::string_view field) {
  return make_error("crypto.sealed_field_too_long", std::string(field), {{"field", std::string(field)}});
}
struct FieldRef {
  const char* key;
  std::string PersonalFields::*member;
};
constexpr FieldRef kFields[] = {{"name", &PersonalFields::name},
                                {"phone", &PersonalFields::phone},
                                {"email", &PersonalFields::email},
                                {"id_number", &PersonalFields::id_number}};
}  // namespace

bool empty(const PersonalFields& p) { return p.name.empty() && p.phone.empty() && p.email.empty() && p.id_number.empty(); }

void wipe(PersonalFields& p) {
  for (const auto& f : kFields) wipe(p.*f.member);
}

Bytes seal_to(const PublicKey32& recipient, ByteView plaintext) {
  (void)crypto_init();
  Bytes out(plaintext.size() + crypto_box_SEALBYTES);
  crypto_box_seal(out.data(), plaintext.data(), plaintext.size(), recipient.data());
  return out;
}

Result<Bytes> open_sealed(const SealingKeyPair& recipient, ByteView sealed) {
  (void)crypto_init();
  if (sealed.size() < crypto_box_SEALBYTES) return make_error("crypto.sealed_not_opened", "shorter than a sealed box");
  Bytes out(sealed.size() - crypto_box_SEALBYTES);
  if (crypto_box_seal_open(out.data(), sealed.data(), sealed.size(), recipient.public_key.data(),
                           recipient.secret_key.data()) != 0) {
    wipe(out);
    return make_error("crypto.sealed_not_opened", "wrong key or altered box");
  }
  return out;
}

std::string personal_to_json(const PersonalFields& fields) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& f : kFields) j[f.key] = fields.*f.member;
  // Invalid UTF-8 is replaced rather than aborting (JSON_NOEXCEPTION).
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<PersonalFields> personal_from_json(std::string_view text) {
  auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return make_error("crypto.sealed_bad_content", "not a JSON object");
  PersonalFields p;
  for (const auto& f : kFields) {
    auto it = j.find(f.key);
    if (it == j.end() || it->is_null()) continue;
    if (!it->is_string()) return make_error("crypto.sealed_bad_content", f.key, {{"field", f.key}});
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > kMaxPersonalFieldBytes) return too_long(f.key);
    p.*f.member = s;
  }
  return p;
}

Result<std::string> seal_personal(const PersonalFields& fields, const PublicKey32& server_sealing_key) {
  for (const auto& f : kFields)
    if ((fields.*f.member).size() > kMaxPersonalFieldBytes) return too_long(f.key);
  std::string text = personal_to_json(fields);
  Bytes padded(text.begin(), text.end());
  wipe(text);
  const size_t unpadded = padded.size();
  padded.resize(unpadded + kSealPadBlock);
  size_t padded_len = 0;
  sodium_pad(&padded_len, padded.data(), unpadded, kSealPadBlock, padded.size());
  padded.resize(padded_len);
  Bytes sealed = seal_to(server_sealing_key, padded);
  wipe(padded);
  return to_base64(sealed);
}

Result<PersonalFields> open_personal(std::string_view sealed_b64, const SealingKeyPair& server) {
  if (sealed_b64.size() > kMaxSealedText) return make_error("crypto.sealed_too_large", std::to_string(sealed_b64.size()));
  auto sealed = from_base64(sealed_b64, "sealed_personal");
  if (!sealed) return sealed.error();
  auto opened = open_sealed(server, sealed.value());
  if (!opened) return opened.error();
  Bytes& plain = opened.value();
  size_t unpadded = 0;
  if (plain.empty() || sodium_unpad(&unpadded, plain.data(), plain.size(), kSealPadBlock) != 0) {
    wipe(plain);
    return make_error("crypto.sealed_bad_content", "bad padding");
  }
  auto fields = personal_from_json(as_text(ByteView(plain.data(), unpadded)));
  wipe(plain);
  return fields;
}

}  // namespace civic::crypto
