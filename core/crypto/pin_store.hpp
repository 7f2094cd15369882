// core/crypto/pin_store.hpp — trust on first use for servers' signing keys.
//
// The first time a client meets a server (or a receipt's issuer) it records
// the server's Ed25519 key; from then on a different key is REPORTED
// (crypto.key_changed, with both key ids) and the store is left unchanged.
// Only an explicit replace_pin() — after a person confirmed the change out of
// band — trusts a new key. The store is plain data: the shells persist the
// JSON (a file for the CLI and kiosk, IndexedDB in the browser).
//
// File: {"civic_pins":1,"pins":[{"server":S,"public_key":B64(32),
//        "key_id":HEX(8),"first_seen":"YYYY-MM-DDTHH:MM:SSZ"}]}
// Limits: 256 KiB of JSON, 1,000 pins, server names up to 512 bytes; a
// store that breaks them is refused whole (crypto.pins_unreadable) — never
// half-read, which could silently forget a pin.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/crypto/keys.hpp"

namespace civic::crypto {

inline constexpr size_t kMaxPinFile = 256u << 10;
inline constexpr size_t kMaxPins = 1000;

struct PinnedKey {
  std::string server;      // normalized: see pin_server_name
  PublicKey32 public_key{};
  std::string first_seen;  // when it was pinned (caller's clock)
  bool operator==(const PinnedKey&) const = default;
};

struct PinStore {
  std::vector<PinnedKey> pins;
  bool operator==(const PinStore&) const = default;
};

enum class PinCheck {
  first_use,  // nothing was pinned for this server: the key is pinned now
  matches,    // the key is the one pinned
};

// Lowercases the scheme and host part and drops trailing slashes, so
// "HTTPS://Hotline.example/" and "https://hotline.example" share a pin.
std::string pin_server_name(std::string_view server);

const PinnedKey* find_pin(const PinStore& store, std::string_view server);

// first_use pins the key (store changes); matches leaves the store alone;
// a different key: crypto.key_changed {server, pinned, offered}, store unchanged.
// crypto.pins_full when the store already holds kMaxPins other servers.
Result<PinCheck> check_pin(PinStore& store, std::string_view server, const PublicKey32& key, std::string_view now);

// Trusts a new key for server after a person confirmed it.
void replace_pin(PinStore& store, std::string_view server, const PublicKey32& key, std::string_view now);

// Adds from `from` every server that `into` has not pinned; a key already
// pinned in `into` is never replaced (two writers of one pin file — the
// kiosk's receipt check and its app — each add, neither overwrites).
// Returns how many pins were added (stops at kMaxPins).
size_t merge_pins(PinStore& into, const PinStore& from);

std::string pin_store_to_json(const PinStore& store);
Result<PinStore> pin_store_from_json(std::string_view text);

}  // namespace civic::crypto
