// core/app/player.hpp — the voice memo being played back on the form, as
// plain values in State (playback_flow.hpp rules it, the shell only plays).
// One sound at a time: at most one PlayMemo is out.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace civic::app {

enum class PlayPhase {
  idle,
  starting,   // PlayMemo is out: the shell is reading the memo's bytes
  playing,    // PlaybackStarted came: it is heard
};

struct Player {
  bool available = false;          // the shell carries PlayMemo (Started::can_play)
  PlayPhase phase = PlayPhase::idle;
  std::uint64_t id = 0;            // the PlayMemo in flight (0: none)
  std::uint64_t next_id = 1;
  std::string media_id;            // the memo it plays
  std::int64_t position_ms = 0;    // as the shell last reported, within the memo's length
  std::string error_media;         // the memo the last failure was about
  std::optional<Error> error;      // why it could not be played, shown on that memo's tile
};

}  // namespace civic::app
