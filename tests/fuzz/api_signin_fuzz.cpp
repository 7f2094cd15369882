// tests/fuzz/api_signin_fuzz.cpp — any bytes as a server's sign-in answers,
// as a capabilities document for sign-in and for sealing, and as a typed
// code: no crash, no overread, no hang; a token that parses is always safe
// to put in an Authorization header.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/api/signin.hpp"
#include "core/crypto/seal_form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)civic::api::signin_endpoints(text);
  (void)civic::api::parse_signin_challenge(text);
  if (auto s = civic::api::parse_signin_session(text); s.ok())
    for (unsigned char c : s.value().access_token)
      if (c < 0x21 || c > 0x7e) __builtin_trap();
  (void)civic::api::signin_error(401, text);
  (void)civic::api::normalize_signin_code(text);
  civic::api::Params form = {{"phone", "13800138000"}, {"description", "x"}};
  civic::crypto::PinStore pins;
  auto sealed = civic::crypto::seal_form_for_server(form, text, pins, "http://fuzz.example", "2026-01-01T00:00:00Z");
  // A refused document leaves the form as it was.
  if (!sealed.ok() && (form.size() != 2 || form[0].first != "phone")) __builtin_trap();
  return 0;
}
