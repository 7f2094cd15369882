// native/kiosk/session.hpp — the kiosk's side of a resident session.
//  [x] the half-filed draft on disk (DATA/session/draft.cvs) so a crash of
//      the UI process does not lose it: sealed with crypto::seal_session
//      under a random key that never touches the disk — it lives in a
//      locked, never-dumped memory page (KeySlot) that a supervising parent
//      process keeps across a restart of the UI (session_guard.hpp)
//  [x] restore after such a restart: the draft is replayed as the
//      resident's own Events (language, service, field values)
//  [x] the end of a session: the file removed, the key overwritten and
//      replaced, so any copy left behind (a backup, a bad block) is noise
//  [x] leftovers from a crash the key did not survive (power cut, the
//      supervisor itself killed) are unreadable and deleted at start
//  [ ] media a resident attached (the kiosk has no camera yet)
// Limits: draft files up to 1 MiB (larger ones are not restored).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/event.hpp"
#include "core/app/state.hpp"

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
  // At start: a readable draft (the UI restarted under its supervisor) is
  // returned for replay; anything unreadable is deleted.
  std::vector<app::Event> recover();
  // After a change: seals the draft (when there is one) to disk.
  void save(const app::State& s);
  // The session ended: file removed, key overwritten and replaced.
  void end();
  std::string draft_path() const;
  const std::string& error() const { return error_; }   // the last storage problem (developer words)

 private:
  void new_key();
  std::string dir_;
  KeySlot* slot_;
  std::uint64_t saved_revision_ = ~0ull;
  bool on_disk_ = false;
  std::array<std::uint8_t, 32> saved_hash_{};
  std::string error_;
};

// Draft <-> the plaintext that is sealed (JSON), and back to Events.
std::string draft_to_json(const app::State& s);
std::vector<app::Event> draft_events(const std::string& json_text);

}  // namespace civic::kiosk
