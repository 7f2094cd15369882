// core/crypto/server_keys.cpp — see server_keys.hpp.
#include "core/crypto/server_keys.hpp"

#include <nlohmann/json.hpp>

#include "core/crypto/encoding.hpp"
#include "core/crypto/sealed.hpp"

namespace civic::crypto {

namespace {
using json = nlohmann::json;

Error unsigned_key(std::string detail) { return make_error("crypto.sealing_key_unsigned", std::move(detail)); }

// j[a][b][c] as a string, or nullptr.
const std::string* path_string(const json& j, std::initializer_list<const char*> keys) {
  const json* v = &j;
  for (const char* k : keys) {
    if (!v->is_object()) return nullptr;
    auto it = v->find(k);
    if (it == v->end()) return nullptr;
    v = &*it;
  }
  return v->is_string() ? &v->get_ref<const std::string&>() : nullptr;
}
}  // namespace

Result<ServerPublicKeys> server_keys_from_capabilities(std::string_view text, const PublicKey32* pinned_signing) {
  if (text.size() > kMaxCapabilitiesBytes) return unsigned_key("capabilities larger than 256 KiB");
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return unsigned_key("capabilities are not a JSON object");
  const std::string* sign = path_string(j, {"extensions", "receipts", "public_key"});
  const std::string* seal = path_string(j, {"extensions", "sealed_personal", "public_key"});
  const std::string* cert = path_string(j, {"extensions", "sealed_personal", "certificate"});
  if (!sign || !seal || !cert) return unsigned_key("signing key, sealing key or certificate missing");
  auto signing = parse_public_key(*sign, "receipts.public_key");
  auto sealing = parse_public_key(*seal, "sealed_personal.public_key");
  auto signature = from_base64(*cert, "sealed_personal.certificate", 64);
  if (!signing || !sealing || !signature) return unsigned_key("a key or the certificate is malformed");
  if (pinned_signing && !equal_ct(ByteView(pinned_signing->data(), 32), ByteView(signing->data(), 32)))
    return make_error("crypto.key_changed", "capabilities offer another signing key",
                      {{"pinned", key_id(*pinned_signing)}, {"offered", key_id(signing.value())}});
  auto ok = check_sealing_key(signing.value(), sealing.value(), signature.value());
  if (!ok) return ok.error();
  return ServerPublicKeys{signing.value(), sealing.value()};
}

Result<bool> seal_personal_params(api::Params& form, const PublicKey32& server_sealing_key) {
  // Read first, change the form only on success: a refused form stays as it was.
  PersonalFields p;
  std::string first, last;
  bool any = false;
  api::Params rest;
  for (const auto& [k, v] : form) {
    std::string* dst = k == "first_name" ? &first
                       : k == "last_name" ? &last
                       : k == "phone"     ? &p.phone
                       : k == "email"     ? &p.email
                       : k == "id_number" ? &p.id_number
                                          : nullptr;
    if (k == "sealed_personal") return make_error("crypto.sealed_bad_content", "form is already sealed");
    if (!dst) {
      rest.emplace_back(k, v);
      continue;
    }
    if (!dst->empty()) return make_error("crypto.sealed_bad_content", k + " given twice", {{"field", k}});
    *dst = v;
    any = any || !v.empty();
  }
  p.name = first.empty() ? last : last.empty() ? first : first + " " + last;
  wipe(first);
  wipe(last);
  Result<std::string> sealed = std::string();
  if (any) sealed = seal_personal(p, server_sealing_key);
  wipe(p);
  if (!sealed) return sealed.error();
  for (auto& [k, v] : form) wipe(v);  // the clear values leave memory with the old form
  if (any) rest.emplace_back("sealed_personal", std::move(sealed.value()));
  form = std::move(rest);
  return any;
}

}  // namespace civic::crypto
