// native/common/pin_file.hpp — the one reader of a data directory's
// pins.json, shared by the CLI, the kiosk's receipt check and the app's
// TrustSave, so they agree on what an unreadable file is: a file that is
// missing is an empty store; one larger than crypto::kMaxPinFile or not a
// pin store is an error, and is then never written over (SECURITY.md, key
// pinning: a damaged store must not turn into trust-on-first-use again).
#pragma once
#include <string>

#include "core/app/event.hpp"
#include "core/crypto/pin_store.hpp"
#include "core/result.hpp"

namespace civic::native {

// What core's trust flow needs from the file (Started::pins_json, or
// Started::pins_unreadable): "" when missing; at most kMaxPinFile + 1 bytes
// otherwise, so an oversized file reaches core as oversized (refused)
// rather than as no file at all.
void read_pins_at_start(const std::string& path, app::Started& start);

// The store in the file (empty when missing), or crypto.pins_unreadable.
Result<crypto::PinStore> load_pin_file(const std::string& path);

// Adds the pins of `mine` the file lacks and writes it durably when that
// changed anything; a pinned key is never replaced, and an unreadable file
// is left as it is (the error).
Result<bool> merge_into_pin_file(const std::string& path, const crypto::PinStore& mine);

}  // namespace civic::native
