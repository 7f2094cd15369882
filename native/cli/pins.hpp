// native/cli/pins.hpp — the CLI's trust-on-first-use store of servers'
// signing keys (core/crypto/pin_store.hpp), DATA_DIR/pins.json. Used by
// `civic receipt` (receipts) and `civic file` (the sealing key is trusted
// only when the pinned signing key certifies it).
#pragma once
#include <string>

#include "core/crypto/pin_store.hpp"
#include "native/cli/cli.hpp"

namespace civic::cli {

std::string pins_path(const Context& ctx);
// Missing file: an empty store. Unreadable: crypto.pins_unreadable (never overwritten).
Result<crypto::PinStore> load_pins(const Context& ctx);
// Atomic replace, mode 0600.
Result<bool> save_pins(const Context& ctx, const crypto::PinStore& store);

}  // namespace civic::cli
