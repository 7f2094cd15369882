// native/kiosk/session.cpp — see session.hpp.
#include "native/kiosk/session.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/crypto/at_rest.hpp"
#include "core/crypto/hash.hpp"
#include "native/common/outbox_store.hpp"

namespace civic::kiosk {

namespace {
namespace fs = std::filesystem;
using json = nlohmann::json;
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

std::vector<app::Event> SessionFiles::recover() {
  std::vector<app::Event> events;
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
        std::string text(crypto::as_text(*plain));
        events = draft_events(text);
        crypto::wipe(text);
        crypto::wipe(plain.value());
      }
    }
  }
  in.close();
  // Whatever else is in the session directory belongs to no live session.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec))
    if (events.empty() || entry.path().string() != path) fs::remove(entry.path(), ec);
  if (events.empty()) {
    zero(slot_->key, sizeof slot_->key);
    new_key();
  } else {
    on_disk_ = true;
  }
  return events;
}

void SessionFiles::save(const app::State& s) {
  if (s.revision == saved_revision_) return;
  saved_revision_ = s.revision;
  if (s.draft.service.code.empty() || s.draft.form.fields.empty()) {
    if (on_disk_) {
      std::error_code ec;
      fs::remove(draft_path(), ec);
      on_disk_ = false;
    }
    return;
  }
  if (!slot_->armed) new_key();
  std::string text = draft_to_json(s);
  // Ticks change the revision four times a second: write only when the
  // draft itself changed (compared by hash, so no plaintext is kept).
  crypto::Hash32 h = crypto::blake2b_256(crypto::as_bytes(text));
  if (on_disk_ && h == saved_hash_) {
    crypto::wipe(text);
    return;
  }
  saved_hash_ = h;
  crypto::DataKey key;
  std::memcpy(key.data(), slot_->key, 32);
  auto sealed = crypto::seal_session(key, crypto::as_bytes(text));
  crypto::wipe(text);
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
  saved_revision_ = ~0ull;
  zero(slot_->key, sizeof slot_->key);
  new_key();
}

std::string draft_to_json(const app::State& s) {
  json fields = json::array();
  for (size_t i = 0; i < s.draft.form.fields.size() && i < s.draft.schema.fields.size(); ++i) {
    const auto& st = s.draft.form.fields[i];
    if (!st.touched) continue;   // offered values (the hall) come back by themselves
    const auto& v = st.value;
    fields.push_back({{"id", s.draft.schema.fields[i].id},
                      {"text", v.text},
                      {"keys", v.keys},
                      {"lat", v.location.lat},
                      {"lon", v.location.lon},
                      {"address", v.location.address}});
  }
  json j = {{"v", 1}, {"lang", std::string(lang_tag(s.lang))}, {"service", s.draft.service.code}, {"fields", fields}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<app::Event> draft_events(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("v", 0) != 1) return {};
  auto str = [](const json& o, const char* k) {
    auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  std::string service = str(j, "service");
  if (service.empty()) return {};
  std::vector<app::Event> out;
  out.push_back(app::LanguageChosen{parse_lang(str(j, "lang"))});
  out.push_back(app::ServiceChosen{service});
  auto f = j.find("fields");
  if (f == j.end() || !f->is_array()) return out;
  for (const auto& o : *f) {
    if (!o.is_object()) continue;
    forms::FieldValue v;
    v.text = str(o, "text");
    if (auto k = o.find("keys"); k != o.end() && k->is_array())
      for (const auto& x : *k)
        if (x.is_string()) v.keys.push_back(x.get<std::string>());
    v.location.lat = str(o, "lat");
    v.location.lon = str(o, "lon");
    v.location.address = str(o, "address");
    out.push_back(app::FieldEdited{str(o, "id"), std::move(v)});
  }
  return out;
}

}  // namespace civic::kiosk
