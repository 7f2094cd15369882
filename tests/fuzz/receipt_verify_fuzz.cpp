// tests/fuzz/receipt_verify_fuzz.cpp — any bytes as a receipt file, a pin
// store, a key file or a sealed personal value: parsed and verified without
// a crash, a hang or an abort, and never reported valid unless the signature
// really holds under the pinned key.
#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/crypto/at_rest.hpp"
#include "core/crypto/pin_store.hpp"
#include "core/crypto/receipt.hpp"
#include "core/crypto/sealed.hpp"

using namespace civic::crypto;

namespace {
// Fixed keys so runs are reproducible: seeds derive from constant bytes.
const SigningKeyPair& signer() {
  static SigningKeyPair kp = [] {
    SigningKeyPair k;
    unsigned char seed[32] = {1};
    (void)crypto_init();
    crypto_sign_seed_keypair(k.public_key.data(), k.secret_key.data(), seed);
    return k;
  }();
  return kp;
}
const SealingKeyPair& sealer() {
  static SealingKeyPair kp = [] {
    SealingKeyPair k;
    unsigned char seed[32] = {2};
    crypto_box_seed_keypair(k.public_key.data(), k.secret_key.data(), seed);
    return k;
  }();
  return kp;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = parse_receipt(text);
  if (r.ok()) {
    auto v = verify_receipt(r.value(), &signer().public_key);
    // A receipt the fuzzer wrote itself can only verify if it kept a real
    // signature over unchanged facts: then re-signing must reproduce it.
    if (v.ok()) {
      auto again = sign_receipt(r->facts, signer());
      if (!again.ok() || again->signature != r->signature) std::abort();
    }
    (void)verify_receipt(r.value(), nullptr);
    (void)receipt_to_json(r.value());
  }
  auto pins = pin_store_from_json(text);
  if (pins.ok()) (void)pin_store_to_json(pins.value());
  (void)parse_signing_key_file(text);
  (void)parse_sealing_key_file(text);
  (void)parse_data_key_file(text);
  (void)open_personal(text, sealer());
  (void)personal_from_json(text);
  DataKey key;  // all-zero key: input as a session file and a stored field
  (void)open_session(key, as_bytes(text));
  (void)decrypt_field(key, as_bytes(text), "ticket");
  return 0;
}
