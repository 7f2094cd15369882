// core/crypto/at_rest.cpp — see at_rest.hpp.
#include "core/crypto/at_rest.hpp"

#include <sodium.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "core/crypto/encoding.hpp"

namespace civic::crypto {

namespace {
constexpr char kSessionMagic[4] = {'C', 'V', 'S', '1'};
constexpr char kFieldMagic[4] = {'C', 'V', 'F', '1'};
static_assert(crypto_secretbox_NONCEBYTES == 24 && crypto_secretbox_KEYBYTES == 32);
static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == 24 &&
              crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);

Error not_opened(std::string detail) { return make_error("crypto.at_rest_not_opened", std::move(detail)); }

bool has_magic(ByteView b, const char (&magic)[4]) { return b.size() >= 4 && std::memcmp(b.data(), magic, 4) == 0; }
}  // namespace

DataKey make_data_key() {
  (void)crypto_init();
  DataKey k;
  crypto_secretbox_keygen(k.data());
  return k;
}

Result<Bytes> seal_session(const DataKey& key, ByteView plaintext) {
  (void)crypto_init();
  if (plaintext.size() > kMaxAtRestBytes) return make_error("crypto.at_rest_too_large", std::to_string(plaintext.size()));
  Bytes out(4 + 24 + crypto_secretbox_MACBYTES + plaintext.size());
  std::memcpy(out.data(), kSessionMagic, 4);
  randombytes_buf(out.data() + 4, 24);
  crypto_secretbox_easy(out.data() + 28, plaintext.data(), plaintext.size(), out.data() + 4, key.data());
  return out;
}

Result<Bytes> open_session(const DataKey& key, ByteView file) {
  (void)crypto_init();
  if (file.size() > kMaxAtRestBytes + 64) return not_opened("too large");
  if (!has_magic(file, kSessionMagic) || file.size() < 28 + crypto_secretbox_MACBYTES)
    return not_opened("not a session file");
  Bytes out(file.size() - 28 - crypto_secretbox_MACBYTES);
  if (crypto_secretbox_open_easy(out.data(), file.data() + 28, file.size() - 28, file.data() + 4, key.data()) != 0) {
    wipe(out);
    return not_opened("wrong key or altered file");
  }
  return out;
}

Result<Bytes> encrypt_field(const DataKey& key, ByteView plaintext, std::string_view bound_to) {
  (void)crypto_init();
  if (plaintext.size() > kMaxAtRestBytes) return make_error("crypto.at_rest_too_large", std::to_string(plaintext.size()));
  Bytes out(4 + 24 + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  std::memcpy(out.data(), kFieldMagic, 4);
  randombytes_buf(out.data() + 4, 24);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + 28, &written, plaintext.data(), plaintext.size(),
                                             reinterpret_cast<const unsigned char*>(bound_to.data()), bound_to.size(),
                                             nullptr, out.data() + 4, key.data());
  out.resize(28 + written);
  return out;
}

Result<Bytes> decrypt_field(const DataKey& key, ByteView stored, std::string_view bound_to) {
  (void)crypto_init();
  if (stored.size() > kMaxAtRestBytes + 64) return not_opened("too large");
  if (!has_magic(stored, kFieldMagic) || stored.size() < 28 + crypto_aead_xchacha20poly1305_ietf_ABYTES)
    return not_opened("not a stored field");
  Bytes out(stored.size() - 28 - crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(out.data(), &len, nullptr, stored.data() + 28, stored.size() - 28,
                                                 reinterpret_cast<const unsigned char*>(bound_to.data()),
                                                 bound_to.size(), stored.data() + 4, key.data()) != 0) {
    wipe(out);
    return not_opened("wrong key, wrong row or altered field");
  }
  out.resize(len);
  return out;
}

std::string encode_data_key_file(const DataKey& key) {
  nlohmann::json j = {{"civic_key", 1}, {"kind", "data"}, {"secret", to_base64(key.view())}};
  return j.dump() + "\n";
}

Result<DataKey> parse_data_key_file(std::string_view text) {
  if (text.size() > 4096) return make_error("crypto.bad_key_file", "larger than 4 KiB");
  auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return make_error("crypto.bad_key_file", "not a JSON object");
  auto v = j.find("civic_key");
  auto kind = j.find("kind");
  auto sec = j.find("secret");
  if (v == j.end() || !v->is_number_integer() || v->get<int64_t>() != 1 || kind == j.end() || !kind->is_string() ||
      kind->get_ref<const std::string&>() != "data" || sec == j.end() || !sec->is_string())
    return make_error("crypto.bad_key_file", "not a data key file");
  auto b = from_base64(sec->get_ref<const std::string&>(), "secret", 32);
  if (!b) return make_error("crypto.bad_key_file", b.error().detail);
  DataKey k;
  std::memcpy(k.data(), b->data(), 32);
  wipe(b.value());
  return k;
}

}  // namespace civic::crypto
