// core/crypto/encoding.cpp — strict base64/hex over libsodium's
// constant-time codecs (sodium_bin2base64, sodium_base642bin, sodium_bin2hex).
#include "core/crypto/encoding.hpp"

#include <sodium.h>

namespace civic::crypto {

namespace {
int sodium_variant(B64 v) {
  return v == B64::standard ? sodium_base64_VARIANT_ORIGINAL : sodium_base64_VARIANT_URLSAFE_NO_PADDING;
}
Error bad(std::string_view field, std::string detail) {
  return make_error("crypto.bad_encoding", std::move(detail), {{"field", std::string(field)}});
}
}  // namespace

std::string to_base64(ByteView bytes, B64 variant) {
  (void)crypto_init();
  const int v = sodium_variant(variant);
  std::string out(sodium_base64_encoded_len(bytes.size(), v), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), v);
  out.resize(out.size() - 1);  // the encoded length counts the terminating NUL
  return out;
}

Result<Bytes> from_base64(std::string_view text, std::string_view field, std::optional<size_t> exact_len,
                          B64 variant) {
  (void)crypto_init();
  if (text.size() > kMaxEncodedBytes) return bad(field, "too long");
  Bytes out(text.size() / 4 * 3 + 3);
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), /*ignore=*/nullptr, &len, &end,
                        sodium_variant(variant)) != 0 ||
      end != text.data() + text.size())
    return bad(field, "not base64");
  out.resize(len);
  if (exact_len && len != *exact_len)
    return bad(field, "decoded " + std::to_string(len) + " bytes, want " + std::to_string(*exact_len));
  return out;
}

std::string to_hex(ByteView bytes) {
  (void)crypto_init();
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
  out.resize(bytes.size() * 2);
  return out;
}

Result<Bytes> from_hex(std::string_view text, std::string_view field, std::optional<size_t> exact_len) {
  (void)crypto_init();
  if (text.size() > kMaxEncodedBytes) return bad(field, "too long");
  if (text.size() % 2) return bad(field, "odd length");
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return bad(field, "not lowercase hex");
  Bytes out(text.size() / 2);
  size_t len = 0;
  if (sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, nullptr) != 0)
    return bad(field, "not hex");
  out.resize(len);
  if (exact_len && len != *exact_len)
    return bad(field, "decoded " + std::to_string(len) + " bytes, want " + std::to_string(*exact_len));
  return out;
}

}  // namespace civic::crypto
