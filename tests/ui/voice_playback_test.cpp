// tests/ui/voice_playback_test.cpp — a memo heard back on the form: each
// tile's play button (voice/N/play) asks the shell to play that memo, turns
// into "stop" (named so, and checked, which the page's gesture hook reads)
// while it plays, with the position against the length as a progressbar
// (voice/N/position); a tap on stop asks the shell to stop; a memo whose
// bytes are gone says so on its own tile; no play button where the shell
// cannot play.
#include <doctest/doctest.h>

#include "tests/ui/screen_walk.hpp"

using namespace civic;
using civic::test::FakeServer;
using civic::test::UiHarness;

TEST_CASE("voice playback: play, the position, stop, and a memo that is gone") {
  struct Row {
    const char* name;
    Lang lang;
    const char *play, *stop, *position, *gone;
  };
  const Row rows[] = {
      {"zh", Lang::zh_CN, "播放语音 2", "停止播放语音 2", "正在播放 1:07 / 1:59", "这段语音的录音已不在本机"},
      {"en", Lang::en, "Play voice memo 2", "Stop voice memo 2", "Playing 1:07 / 1:59", "no longer on this device"},
  };
  for (const auto& row : rows) {
    SUBCASE(row.name) {
      UiHarness h(1170, 2532, 3, false, false);   // the phone
      FakeServer s;
      test::walk::home(h, s, row.lang, {});
      test::walk::memos(h, s, false);
      const auto& play = h.node("voice/2/play");
      CHECK(play.role == "button");
      CHECK(play.name == row.play);
      CHECK_FALSE(play.checked);
      CHECK(play.h >= h.node("voice/2/remove").h - 0.5f);   // a thumb's target, like remove beside it
      CHECK_FALSE(h.has("voice/2/position"));

      h.tap("voice/2/play");
      REQUIRE(h.plays.size() == 1);
      CHECK(h.plays[0].media_id == h.state.draft.attachments.back().id);
      const auto id = h.plays[0].play_id;
      CHECK(h.node("voice/2/play").name == row.stop);   // stop at once, while the shell reads the bytes
      CHECK(h.node("voice/2/play").checked);
      CHECK(h.node("voice/1/play").name != row.stop);
      h.apply(app::PlaybackStarted{id});
      h.apply(app::PlaybackProgress{id, 67'400});
      h.frames();
      const auto& where = h.node("voice/2/position");
      CHECK(where.role == "progressbar");
      CHECK(where.name == row.position);
      CHECK(where.value == "56%");

      h.tap("voice/2/play");   // now "stop"
      REQUIRE(h.play_stops.size() == 1);
      CHECK(h.play_stops[0].play_id == id);
      CHECK(h.node("voice/2/play").name == row.play);
      CHECK_FALSE(h.node("voice/2/play").checked);
      CHECK_FALSE(h.has("voice/2/position"));

      h.tap("voice/1/play");
      REQUIRE(h.plays.size() == 2);
      h.apply(app::PlaybackFailed{h.plays[1].play_id, app::PlaybackFailure::missing, "NotFound"});
      h.frames();
      const auto& alert = h.node("voice/1/error");
      CHECK(alert.role == "alert");
      CHECK(alert.name.find(row.gone) != std::string::npos);
      CHECK_FALSE(h.has("voice/2/error"));
      h.tap("voice/1/remove");
      CHECK_FALSE(h.has("voice/1/error"));
    }
  }
}

TEST_CASE("voice playback: no play button where the shell cannot play") {
  UiHarness h(1170, 2532, 3, false, false);
  FakeServer s;
  test::walk::home(h, s, Lang::zh_CN, {});
  h.state.player.available = false;   // a browser with no <audio>: the memo can still be removed
  test::walk::memos(h, s, false);
  CHECK(h.has("voice/1/remove"));
  CHECK_FALSE(h.has("voice/1/play"));
}
