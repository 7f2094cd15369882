// native/common/pin_file.cpp — pins.json read and merged one way for every
// native program (pin_file.hpp says why).
#include "native/common/pin_file.hpp"

#include <fstream>

#include "native/common/outbox_store.hpp"

namespace civic::native {

std::string read_pin_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::string text(crypto::kMaxPinFile + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

Result<crypto::PinStore> load_pin_file(const std::string& path) {
  std::ifstream probe(path, std::ios::binary);
  if (!probe) return crypto::PinStore{};
  return crypto::pin_store_from_json(read_pin_text(path));
}

Result<bool> merge_into_pin_file(const std::string& path, const crypto::PinStore& mine) {
  std::ifstream probe(path, std::ios::binary);
  bool existed = static_cast<bool>(probe);
  probe.close();
  auto stored = load_pin_file(path);
  if (!stored) return stored.error();
  crypto::PinStore merged = std::move(stored).value();
  if (crypto::merge_pins(merged, mine) == 0 && existed) return false;
  auto saved = write_file_durably(path, crypto::pin_store_to_json(merged));
  if (!saved) return saved.error();
  return true;
}

}  // namespace civic::native
