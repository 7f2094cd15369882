// native/common/outbox_store.hpp — the outbox on disk for the CLI and the kiosk.
//  [x] one file per entry, DIR/outbox/<key>.entry, written to a temp file,
//      fsync'd, renamed over the old one, and the directory fsync'd: a kill
//      or power cut leaves the old record or the new one, never a mix
//  [x] records that fail their checksum are moved to DIR/outbox/corrupt/
//      (kept for a human, never retried blindly)
//  [x] an exclusive lock (flock on DIR/outbox/.lock) so two processes never
//      deliver the same entry at once
//  [x] delivered tickets are remembered in DIR/tickets/<id>.json (id, token, key)
//  [x] media bytes next to the entry, DIR/outbox/media/<key>/<n><ext>, written
//      durably before the entry that names them; removed with the entry
#pragma once
#include <string>
#include <vector>

#include <optional>

#include "core/crypto/at_rest.hpp"
#include "core/outbox/outbox_entry.hpp"
#include "core/result.hpp"

namespace civic::native {

class OutboxStore {
 public:
  explicit OutboxStore(std::string data_dir);
  ~OutboxStore();
  OutboxStore(const OutboxStore&) = delete;
  OutboxStore& operator=(const OutboxStore&) = delete;

  // Takes the delivery lock; false when another process holds it.
  bool try_lock();
  // Durably writes the entry (temp + fsync + rename + fsync dir).
  Result<bool> save(const outbox::OutboxEntry& e);
  // The same for a record core serialised already (app::OutboxSave).
  Result<bool> save_record(const std::string& key, const std::string& bytes);
  // From now on save_record/load_records keep records encrypted under `key`
  // (XChaCha20-Poly1305 bound to the record's key): a shared kiosk's queue
  // holds no resident's words in the clear. A record that does not open is
  // handed to core as it is, and core sets it aside.
  void encrypt_records_with(crypto::DataKey key) { record_key_ = std::move(key); }
  Result<bool> remove(const std::string& key);
  // Durably stores one media item of an entry; its path (for MediaItem::path).
  Result<std::string> save_media(const std::string& key, int index, const std::string& ext, const std::string& bytes);
  std::string media_dir(const std::string& key) const;
  // Every readable entry, oldest first, recovered after a possible crash;
  // unreadable ones are set aside (their names in `set_aside`).
  std::vector<outbox::OutboxEntry> load_all(std::vector<std::string>* set_aside = nullptr);
  // Every record's bytes as stored, oldest file first, for core to read
  // (app::OutboxLoaded: core checks and recovers them itself).
  std::vector<std::string> load_records();
  // A delivered ticket, for `civic track` without ids and for rating later.
  Result<bool> remember_ticket(const outbox::OutboxEntry& delivered);
  std::vector<std::string> remembered_tickets();

  const std::string& dir() const { return dir_; }

 private:
  std::string data_dir_, dir_;
  int lock_fd_ = -1;
  std::optional<crypto::DataKey> record_key_;
};

// The data key in `path` (0600), made with O_EXCL on first use; an error
// when the file exists but is not a key.
Result<crypto::DataKey> load_or_make_key_file(const std::string& path);

// Writes bytes to path atomically and durably (temp + fsync + rename + fsync dir).
Result<bool> write_file_durably(const std::string& path, const std::string& bytes);

}  // namespace civic::native
