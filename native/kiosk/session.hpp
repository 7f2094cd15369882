// native/kiosk/session.hpp — the kiosk's side of a resident session.
//  [x] the half-filed draft on disk (DATA/session/draft.cvs) so a crash of
//      the UI process does not lose it: sealed with crypto::seal_session
//      under a random key that never touches the disk — it lives in a
//      locked, never-dumped memory page (KeySlot) that a supervising parent
//      process keeps across a restart of the UI (session_guard.hpp)
//  [x] restore after such a restart: the bytes go back to core
//      (app::DraftLoaded), which rebuilds the form (core/app/draft_store.hpp);
//      what is sealed is exactly core's app::DraftSave bytes
//  [x] the end of a session: the file removed, the key overwritten and
//      replaced, so any copy left behind (a backup, a bad block) is noise
//  [x] leftovers from a crash the key did not survive (power cut, the
//      supervisor itself killed) are unreadable and deleted at start
//  [ ] media a resident attached (the kiosk has no camera yet)
// Limits: draft files up to 1 MiB (larger ones are not restored).
#pragma once
#include <cstdint>
#include <string>

namespace civic::kiosk {

// 32 bytes of key plus a flag, in memory that outlives the UI process when
// supervised (MAP_SHARED), mlock'd and excluded from core dumps.
struct KeySlot {
  std::uint8_t key[32];
  std::uint32_t armed;   // 1: key holds a session key
};
KeySlot* make_key_slot();   // a private slot (no supervisor)

// Creates the data directory (0700: the pins, receipts and sealed drafts are
// the kiosk user's alone); "" when usable, else why not.
std::string prepare_data_dir(const std::string& dir);

class SessionFiles {
 public:
  SessionFiles(std::string data_dir, KeySlot* slot);
  // At start (app::DraftLoad): a readable draft (the UI restarted under its
  // supervisor) is returned, opened; anything unreadable is deleted. "": none.
  std::string load();
  // app::DraftSave: seals the bytes to disk; empty bytes remove the file.
  void save(const std::string& bytes);
  // The session ended: file removed, key overwritten and replaced.
  void end();
  std::string draft_path() const;
  const std::string& error() const { return error_; }   // the last storage problem (developer words)

 private:
  void new_key();
  std::string dir_;
  KeySlot* slot_;
  bool on_disk_ = false;
  std::string error_;
};

}  // namespace civic::kiosk
