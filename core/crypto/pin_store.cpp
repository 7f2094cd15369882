// core/crypto/pin_store.cpp — see pin_store.hpp.
#include "core/crypto/pin_store.hpp"

#include <nlohmann/json.hpp>

#include "core/crypto/encoding.hpp"

namespace civic::crypto {

namespace {
constexpr size_t kMaxServerName = 512;
using json = nlohmann::json;

Error unreadable(std::string detail) { return make_error("crypto.pins_unreadable", std::move(detail)); }
}  // namespace

std::string pin_server_name(std::string_view server) {
  while (!server.empty() && server.back() == '/') server.remove_suffix(1);
  std::string out(server);
  // Scheme and authority are case-insensitive (RFC 3986 §6.2.2.1); the path is not.
  size_t start = out.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = out.find('/', start);
  if (end == std::string::npos) end = out.size();
  for (size_t i = 0; i < end; ++i)
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
  return out;
}

const PinnedKey* find_pin(const PinStore& store, std::string_view server) {
  const std::string name = pin_server_name(server);
  for (const PinnedKey& p : store.pins)
    if (p.server == name) return &p;
  return nullptr;
}

Result<PinCheck> check_pin(PinStore& store, std::string_view server, const PublicKey32& key, std::string_view now) {
  const std::string name = pin_server_name(server);
  if (const PinnedKey* p = find_pin(store, name)) {
    if (equal_ct(ByteView(p->public_key.data(), 32), ByteView(key.data(), 32))) return PinCheck::matches;
    return make_error("crypto.key_changed", name + ": pinned " + key_id(p->public_key) + ", offered " + key_id(key),
                      {{"server", name}, {"pinned", key_id(p->public_key)}, {"offered", key_id(key)}});
  }
  if (store.pins.size() >= kMaxPins) return make_error("crypto.pins_full", std::to_string(store.pins.size()));
  store.pins.push_back(PinnedKey{name, key, std::string(now)});
  return PinCheck::first_use;
}

void replace_pin(PinStore& store, std::string_view server, const PublicKey32& key, std::string_view now) {
  const std::string name = pin_server_name(server);
  for (PinnedKey& p : store.pins)
    if (p.server == name) {
      p.public_key = key;
      p.first_seen = std::string(now);
      return;
    }
  store.pins.push_back(PinnedKey{name, key, std::string(now)});
}

std::string pin_store_to_json(const PinStore& store) {
  json pins = json::array();
  for (const PinnedKey& p : store.pins)
    pins.push_back({{"server", p.server},
                    {"public_key", to_base64(ByteView(p.public_key.data(), 32))},
                    {"key_id", key_id(p.public_key)},
                    {"first_seen", p.first_seen}});
  json j = {{"civic_pins", 1}, {"pins", pins}};
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<PinStore> pin_store_from_json(std::string_view text) {
  if (text.size() > kMaxPinFile) return unreadable("larger than 256 KiB");
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return unreadable("not a JSON object");
  auto v = j.find("civic_pins");
  if (v == j.end() || !v->is_number_integer() || v->get<int64_t>() != 1) return unreadable("civic_pins is not 1");
  auto pins = j.find("pins");
  if (pins == j.end() || !pins->is_array()) return unreadable("pins is not an array");
  if (pins->size() > kMaxPins) return unreadable("more than 1000 pins");
  PinStore store;
  for (size_t i = 0; i < pins->size(); ++i) {
    const json& p = (*pins)[i];
    const std::string where = "pins[" + std::to_string(i) + "]";
    if (!p.is_object()) return unreadable(where + " is not an object");
    auto server = p.find("server");
    auto key = p.find("public_key");
    auto seen = p.find("first_seen");
    if (server == p.end() || !server->is_string() || server->get_ref<const std::string&>().empty() ||
        server->get_ref<const std::string&>().size() > kMaxServerName)
      return unreadable(where + ".server");
    if (key == p.end() || !key->is_string()) return unreadable(where + ".public_key");
    auto pk = parse_public_key(key->get_ref<const std::string&>(), "public_key");
    if (!pk) return unreadable(where + ".public_key: " + pk.error().detail);
    std::string first_seen;
    if (seen != p.end() && seen->is_string() && seen->get_ref<const std::string&>().size() <= 64)
      first_seen = seen->get_ref<const std::string&>();
    const std::string name = pin_server_name(server->get_ref<const std::string&>());
    if (find_pin(store, name)) return unreadable(where + ": server pinned twice");
    store.pins.push_back(PinnedKey{name, pk.value(), first_seen});
  }
  return store;
}

size_t merge_pins(PinStore& into, const PinStore& from) {
  size_t added = 0;
  for (const auto& p : from.pins) {
    if (find_pin(into, p.server) || into.pins.size() >= kMaxPins) continue;
    into.pins.push_back(p);
    added++;
  }
  return added;
}

}  // namespace civic::crypto
