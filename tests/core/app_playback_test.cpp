// tests/core/app_playback_test.cpp — playing a voice memo back on the form
// (core/app/playback_flow.hpp): the play button asks the shell to play only
// where it can, one sound at a time; every way playback stops (the resident,
// the end of the memo, the platform, a recording, removing the memo,
// leaving the form, hiding the page, discarding or replacing the draft, the
// end of a kiosk session); late answers for a stopped playback are dropped;
// a memo whose bytes are gone fails with a message in both languages, shown
// on its tile until it is removed; and a position report that does not move
// the seconds shown costs no frame (State::revision unchanged).
#include <doctest/doctest.h>

#include <functional>

#include "core/app/playback_flow.hpp"
#include "core/app/update.hpp"
#include "core/app/voice_flow.hpp"
#include "core/i18n/messages.hpp"

using namespace civic;
using namespace civic::app;

namespace {

constexpr std::int64_t kT0 = 1'795'760'284'000;
const char* kServices = R"([{"service_code":"n1","service_name":"夜间噪音","group":"噪音"},
                           {"service_code":"p1","service_name":"占道经营","group":"市容"}])";

template <class T>
std::vector<T> all(const std::vector<Effect>& fx) {
  std::vector<T> out;
  for (const auto& f : fx)
    if (auto* p = std::get_if<T>(&f)) out.push_back(*p);
  return out;
}

// A phone on the form of n1, filled in, with two memos recorded (voc-1: 18 s,
// voc-2: 5 s), where the shell can play (unless told otherwise).
struct Phone {
  State s;
  std::int64_t now = kT0;
  std::vector<Effect> fx;   // the last update's effects

  const std::vector<Effect>& apply(const Event& e) {
    fx = update(s, e, now);
    return fx;
  }
  explicit Phone(bool can_play = true) {
    Started st;
    st.server_base = "http://h/open311/v2/";
    st.lang = Lang::zh_CN;
    st.can_record = true;
    st.can_play = can_play;
    auto start = apply(st);
    apply(DraftLoaded{});
    for (const auto& r : all<HttpRequest>(start))
      if (r.url.find("services.json") != std::string::npos) apply(HttpDone{r.request_id, 200, kServices, "", {}});
    apply(ServiceChosen{"n1"});
    REQUIRE(s.draft.phase == Phase::ready);
    type("description", "楼下餐馆排风机每晚响到两点");
    type("phone", "13800138000");
    type("location", "科技园路 1 号");
    record(18'000);
    record(5'000);
    REQUIRE(attachment_count(s.draft, AttachmentKind::voice) == 2);
  }
  void type(const std::string& field, const std::string& text) {
    forms::FieldValue v;
    if (field == "location") v.location.address = text;
    else v.text = text;
    apply(FieldEdited{field, v});
  }
  void record(std::int64_t ms) {
    apply(RecordPressed{});
    const auto id = all<RecordStart>(fx).at(0).record_id;
    apply(RecordStarted{id});
    apply(RecordStopPressed{});
    apply(RecordStopped{id, "voc-" + std::to_string(id), static_cast<std::uint64_t>(ms * 4), ms, "audio/webm;codecs=opus", ""});
  }
  // Tap play on a memo; the shell starts it. Returns the play id.
  std::uint64_t play(const std::string& media = "voc-1") {
    apply(PlayPressed{media});
    auto plays = all<PlayMemo>(fx);
    REQUIRE(plays.size() == 1);
    CHECK(plays[0].media_id == media);
    CHECK(plays[0].content_type == "audio/webm");
    apply(PlaybackStarted{plays[0].play_id});
    REQUIRE(s.player.phase == PlayPhase::playing);
    return plays[0].play_id;
  }
  // The StopPlayback core asked for in the last update (exactly one).
  std::uint64_t stopped() {
    auto stops = all<StopPlayback>(fx);
    REQUIRE(stops.size() == 1);
    return stops[0].play_id;
  }
};

}  // namespace

TEST_CASE("a memo is played only where the shell can play, and the tile knows which") {
  Phone no(false);
  no.apply(PlayPressed{"voc-1"});
  CHECK(all<PlayMemo>(no.fx).empty());
  CHECK(no.s.player.phase == PlayPhase::idle);

  Phone p;
  p.apply(PlayPressed{"voc-9"});   // no such memo
  CHECK(all<PlayMemo>(p.fx).empty());
  const auto id = p.play("voc-1");
  CHECK(id != 0);
  REQUIRE(playing_memo(p.s) != nullptr);
  CHECK(playing_memo(p.s)->id == "voc-1");
  p.apply(PlayPressed{"voc-1"});   // a double tap starts nothing twice
  CHECK(p.fx.empty());
  CHECK(p.s.player.id == id);
}

TEST_CASE("one sound at a time: a second memo stops the first") {
  Phone p;
  const auto first = p.play("voc-1");
  p.apply(PlayPressed{"voc-2"});
  REQUIRE(p.fx.size() == 2);
  auto* stop = std::get_if<StopPlayback>(&p.fx[0]);   // stopped before the next starts
  auto* play = std::get_if<PlayMemo>(&p.fx[1]);
  REQUIRE(stop);
  REQUIRE(play);
  CHECK(stop->play_id == first);
  CHECK(play->media_id == "voc-2");
  CHECK(play->play_id != first);
  // The first one's late "ended" does not stop the second.
  p.apply(PlaybackEnded{first, PlaybackEnd::finished});
  CHECK(p.s.player.phase == PlayPhase::starting);
  CHECK(p.s.player.media_id == "voc-2");
}

TEST_CASE("playback stops, every way it can") {
  struct Row {
    const char* name;
    std::function<void(Phone&, std::uint64_t id)> act;
    bool asks_shell;   // core sends StopPlayback (else the shell said it is over)
    std::size_t memos_after;
  };
  const Row rows[] = {
      {"the resident taps stop", [](Phone& p, std::uint64_t) { p.apply(PlayStopPressed{}); }, true, 2},
      {"the memo plays to its end",
       [](Phone& p, std::uint64_t id) { p.apply(PlaybackEnded{id, PlaybackEnd::finished}); }, false, 2},
      {"the platform takes the sound away (a call)",
       [](Phone& p, std::uint64_t id) { p.apply(PlaybackEnded{id, PlaybackEnd::interrupted}); }, false, 2},
      {"a recording starts", [](Phone& p, std::uint64_t) {
         p.apply(RecordPressed{});
         CHECK(all<RecordStart>(p.fx).size() == 1);
       }, true, 2},
      {"the playing memo is removed", [](Phone& p, std::uint64_t) { p.apply(PhotoRemoved{"voc-1"}); }, true, 1},
      {"the resident goes on to the review", [](Phone& p, std::uint64_t) {
         p.apply(ReviewPressed{});
         CHECK(p.s.screen != Screen::form);
       }, true, 2},
      {"the resident goes back", [](Phone& p, std::uint64_t) { p.apply(BackPressed{}); }, true, 2},
      {"the resident goes home", [](Phone& p, std::uint64_t) { p.apply(HomePressed{}); }, true, 2},
      {"the page is hidden", [](Phone& p, std::uint64_t) { p.apply(PageVisibility{true}); }, true, 2},
      {"the draft is discarded", [](Phone& p, std::uint64_t) { p.apply(DraftDiscarded{}); }, true, 0},
      {"another service's form replaces the draft", [](Phone& p, std::uint64_t) { p.apply(ServiceChosen{"p1"}); },
       true, 0},
      {"a kiosk session ends", [](Phone& p, std::uint64_t) { p.apply(SessionEnded{}); }, true, 0},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      const auto id = p.play("voc-1");
      p.apply(PlaybackProgress{id, 4'200});
      r.act(p, id);
      if (r.asks_shell) CHECK(p.stopped() == id);
      else CHECK(all<StopPlayback>(p.fx).empty());
      CHECK(p.s.player.phase == PlayPhase::idle);
      CHECK(p.s.player.id == 0);
      CHECK(p.s.player.position_ms == 0);
      CHECK(playing_memo(p.s) == nullptr);
      CHECK_FALSE(p.s.player.error);
      CHECK(attachment_count(p.s.draft, AttachmentKind::voice) == r.memos_after);
      // Whatever the shell still says about it changes nothing.
      p.apply(PlaybackProgress{id, 5'000});
      p.apply(PlaybackStarted{id});
      p.apply(PlaybackFailed{id, PlaybackFailure::failed, "late"});
      CHECK(p.s.player.phase == PlayPhase::idle);
      CHECK_FALSE(p.s.player.error);
      // And a session's end keeps the next play id unused by the last resident's.
      if (p.s.player.available) CHECK(p.s.player.next_id > id);
    }
  }
}

TEST_CASE("no sound while the microphone is on") {
  Phone p;
  p.apply(RecordPressed{});
  REQUIRE(p.s.recorder.phase != RecordPhase::idle);
  p.apply(PlayPressed{"voc-1"});
  CHECK(all<PlayMemo>(p.fx).empty());
  CHECK(p.s.player.phase == PlayPhase::idle);
}

TEST_CASE("a memo that cannot be played says why, on its tile, in the resident's language") {
  struct Row {
    const char* name;
    PlaybackFailure failure;
    const char* id;
    const char* zh;
    const char* en;
  };
  const Row rows[] = {
      {"its bytes are gone from the device", PlaybackFailure::missing, "voice.play_missing",
       "这段语音的录音已不在本机，无法播放。请删除它，重新录一段",
       "This memo's recording is no longer on this device, so it cannot be played. Remove it and record it again."},
      {"this browser cannot decode it", PlaybackFailure::unsupported, "voice.play_unsupported",
       "这个浏览器无法播放这段语音，但它仍会随诉求一起发送",
       "This browser cannot play the memo back, but it will still be sent with the concern."},
      {"anything else", PlaybackFailure::failed, "voice.play_failed", "语音没有播放出来，请重试",
       "The memo could not be played. Please try again."},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      p.apply(PlayPressed{"voc-2"});
      const auto id = all<PlayMemo>(p.fx).at(0).play_id;
      p.apply(PlaybackFailed{id, r.failure, "NotFoundError: voc-2"});
      CHECK(p.s.player.phase == PlayPhase::idle);
      CHECK(p.s.player.error_media == "voc-2");
      REQUIRE(p.s.player.error);
      CHECK(p.s.player.error->id == r.id);
      CHECK(explain(Lang::zh_CN, *p.s.player.error) == r.zh);
      CHECK(explain(Lang::en, *p.s.player.error) == r.en);
      CHECK(attachment_count(p.s.draft, AttachmentKind::voice) == 2);   // nothing is taken away
      // Trying again clears it; removing the memo does too.
      p.apply(PlayPressed{"voc-2"});
      CHECK_FALSE(p.s.player.error);
      p.apply(PlaybackFailed{all<PlayMemo>(p.fx).at(0).play_id, r.failure, ""});
      REQUIRE(p.s.player.error);
      p.apply(PhotoRemoved{"voc-2"});
      CHECK_FALSE(p.s.player.error);
    }
  }
}

TEST_CASE("a position report draws a frame only when the seconds shown move") {
  struct Row {
    const char* name;
    std::int64_t from, to;
    bool redraw;
    std::int64_t kept;
  };
  const Row rows[] = {
      {"within the same second", 3'100, 3'350, false, 3'350},
      {"the same position again", 3'100, 3'100, false, 3'100},
      {"into the next second", 3'900, 4'050, true, 4'050},
      {"past the memo's length: held at its end", 18'000, 18'400, false, 18'000},
      {"a jump back (the shell rewound)", 9'000, 2'000, true, 2'000},
      {"a negative report", 500, -40, false, 0},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      const auto id = p.play("voc-1");
      p.apply(PlaybackProgress{id, r.from});
      const auto before = p.s.revision;
      CHECK(p.apply(PlaybackProgress{id, r.to}).empty());
      CHECK(p.s.player.position_ms == r.kept);
      CHECK((p.s.revision != before) == r.redraw);
    }
  }
  SUBCASE("a report for a playback already stopped") {
    Phone p;
    const auto id = p.play("voc-1");
    p.apply(PlayStopPressed{});
    const auto before = p.s.revision;
    p.apply(PlaybackProgress{id, 7'000});
    CHECK(p.s.revision == before);
    CHECK(p.s.player.position_ms == 0);
  }
  SUBCASE("the first report of a shell that never said started") {
    Phone p;
    p.apply(PlayPressed{"voc-1"});
    const auto id = all<PlayMemo>(p.fx).at(0).play_id;
    const auto before = p.s.revision;
    p.apply(PlaybackProgress{id, 200});
    CHECK(p.s.revision != before);
    CHECK(p.s.player.phase == PlayPhase::playing);
  }
}
