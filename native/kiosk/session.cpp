// native/kiosk/session.cpp — see session.hpp.
#include "native/kiosk/session.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/crypto/at_rest.hpp"
#include "native/common/outbox_store.hpp"

namespace civic::kiosk {

namespace {
namespace fs = std::filesystem;
constexpr size_t kMaxDraftFile = 1u << 20;

void zero(void* p, size_t n) { crypto::secure_zero(p, n); }
}  // namespace

KeySlot* make_key_slot() {
  void* p = ::mmap(nullptr, sizeof(KeySlot), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  ::mlock(p, sizeof(KeySlot));
  ::madvise(p, sizeof(KeySlot), MADV_DONTDUMP);
  std::memset(p, 0, sizeof(KeySlot));
  return static_cast<KeySlot*>(p);
}

std::string prepare_data_dir(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return ec.message();
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (::access(dir.c_str(), W_OK | X_OK) != 0) return std::strerror(errno);
  return {};
}

SessionFiles::SessionFiles(std::string data_dir, KeySlot* slot) : dir_(std::move(data_dir) + "/session"), slot_(slot) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::replace, ec);
}

std::string SessionFiles::draft_path() const { return dir_ + "/draft.cvs"; }

void SessionFiles::new_key() {
  crypto::DataKey k = crypto::make_data_key();
  std::memcpy(slot_->key, k.data(), 32);
  slot_->armed = 1;
}

std::string SessionFiles::load() {
  std::string text;
  std::string path = draft_path();
  std::ifstream in(path, std::ios::binary);
  if (in && slot_->armed) {
    std::string bytes(kMaxDraftFile + 1, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (bytes.size() <= kMaxDraftFile) {
      crypto::DataKey key;
      std::memcpy(key.data(), slot_->key, 32);
      auto plain = crypto::open_session(key, crypto::as_bytes(bytes));
      if (plain) {
        text.assign(crypto::as_text(*plain));
        crypto::wipe(plain.value());
      }
    }
  }
  in.close();
  // Whatever else is in the session directory belongs to no live session.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec))
    if (text.empty() || entry.path().string() != path) fs::remove(entry.path(), ec);
  if (text.empty()) {
    zero(slot_->key, sizeof slot_->key);
    new_key();
  } else {
    on_disk_ = true;
  }
  return text;
}

void SessionFiles::save(const std::string& text) {
  if (text.empty()) {
    if (on_disk_) {
      std::error_code ec;
      fs::remove(draft_path(), ec);
      on_disk_ = false;
    }
    return;
  }
  if (!slot_->armed) new_key();
  crypto::DataKey key;
  std::memcpy(key.data(), slot_->key, 32);
  auto sealed = crypto::seal_session(key, crypto::as_bytes(text));
  if (!sealed) {
    error_ = sealed.error().detail;
    return;
  }
  std::string bytes(crypto::as_text(*sealed));
  auto ok = native::write_file_durably(draft_path(), bytes);
  if (!ok) error_ = ok.error().detail;
  else on_disk_ = true;
}

void SessionFiles::end() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) fs::remove(entry.path(), ec);
  on_disk_ = false;
  zero(slot_->key, sizeof slot_->key);
  new_key();
}

}  // namespace civic::kiosk
