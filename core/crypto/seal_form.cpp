// core/crypto/seal_form.cpp — see seal_form.hpp.
#include "core/crypto/seal_form.hpp"

#include <nlohmann/json.hpp>

#include "core/crypto/server_keys.hpp"

namespace civic::crypto {

namespace {
bool offers_sealing(std::string_view text) {
  if (text.empty() || text.size() > kMaxCapabilitiesBytes) return false;
  auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return false;
  auto ext = j.find("extensions");
  return ext != j.end() && ext->is_object() && ext->contains("sealed_personal");
}
}  // namespace

Result<SealOutcome> seal_form_for_server(api::Params& form, std::string_view capabilities, PinStore& pins,
                                         std::string_view server, std::string_view now) {
  SealOutcome out;
  if (!offers_sealing(capabilities)) return out;
  out.offered = true;
  const PinnedKey* pin = find_pin(pins, server);
  auto keys = server_keys_from_capabilities(capabilities, pin ? &pin->public_key : nullptr);
  if (!keys) {
    Error e = keys.error();
    e.params.emplace("server", pin_server_name(server));
    return e;
  }
  out.key_id = key_id(keys->signing);
  // Seal first, pin after: a form that cannot be sealed changes nothing.
  PinStore updated = pins;
  auto checked = check_pin(updated, server, keys->signing, now);
  if (!checked) return checked.error();
  auto sealed = seal_personal_params(form, keys->sealing);
  if (!sealed) return sealed.error();
  out.sealed = sealed.value();
  out.first_use = checked.value() == PinCheck::first_use;
  if (out.first_use) pins = std::move(updated);
  return out;
}

}  // namespace civic::crypto
