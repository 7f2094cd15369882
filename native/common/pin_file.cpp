// native/common/pin_file.cpp — pins.json read and merged one way for every
// native program (pin_file.hpp says why).
#include "native/common/pin_file.hpp"

#include "native/common/bounded_file.hpp"
#include "native/common/outbox_store.hpp"

namespace civic::native {

void read_pins_at_start(const std::string& path, app::Started& start) {
  BoundedFile f = read_bounded(path, crypto::kMaxPinFile);
  // An oversized file keeps its first limit + 1 bytes, which core refuses
  // as oversized; one that cannot be read is reported as such.
  if (f.state == BoundedFile::State::unreadable)
    start.pins_unreadable = path + ": " + f.detail;
  else
    start.pins_json = std::move(f.bytes);
}

Result<crypto::PinStore> load_pin_file(const std::string& path) {
  BoundedFile f = read_bounded(path, crypto::kMaxPinFile);
  switch (f.state) {
    case BoundedFile::State::missing: return crypto::PinStore{};
    case BoundedFile::State::unreadable: return make_error("crypto.pins_unreadable", path + ": " + f.detail);
    case BoundedFile::State::read:
    case BoundedFile::State::too_large: break;
  }
  return crypto::pin_store_from_json(f.bytes);
}

Result<bool> merge_into_pin_file(const std::string& path, const crypto::PinStore& mine) {
  BoundedFile f = read_bounded(path, crypto::kMaxPinFile);
  crypto::PinStore merged;
  if (f.state == BoundedFile::State::unreadable)
    return make_error("crypto.pins_unreadable", path + ": " + f.detail);
  if (f.state != BoundedFile::State::missing) {
    auto stored = crypto::pin_store_from_json(f.bytes);
    if (!stored) return stored.error();
    merged = std::move(stored).value();
  }
  if (crypto::merge_pins(merged, mine) == 0 && f.state != BoundedFile::State::missing) return false;
  auto saved = write_file_durably(path, crypto::pin_store_to_json(merged));
  if (!saved) return saved.error();
  return true;
}

}  // namespace civic::native
