// ui/screen_voice.cpp — voice memos on the form (core/app/voice_flow.hpp):
// the "record a voice memo" control (only where the shell can record), the
// recording state (elapsed time against the cap, the input level, a big stop
// button), the memo tiles (length, play/stop where the shell can play,
// remove; while a memo plays, its position against its length), and why a
// memo could not be made or played, in place. Every control is a semantic
// node: voice/record, voice/elapsed, voice/level, voice/stop, voice/N/info,
// voice/N/play (named "stop" and checked while that memo plays, so the
// page's gesture hook knows a tap on it starts no sound), voice/N/position,
// voice/N/remove, voice/N/error, voice/error.
#include <imgui.h>

#include <cstdio>

#include "core/app/playback_flow.hpp"
#include "core/app/voice_flow.hpp"
#include "core/i18n/messages.hpp"
#include "core/text/byte_size.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::screens {

// m:ss, as a phone's recorder shows it (an hour reads 60:00).
std::string minutes_seconds(std::int64_t ms) {
  const std::int64_t s = std::max<std::int64_t>(0, ms) / 1000;
  char out[24];
  std::snprintf(out, sizeof out, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return out;
}

bool voice_can_start(const app::State& s) {
  return s.recorder.available && s.recorder.phase == app::RecordPhase::idle &&
         app::attachment_count(s.draft, app::AttachmentKind::voice) < app::kMaxVoiceMemos;
}

void voice_tile(const app::State& s, const Dispatch& d, const app::Attachment& a, std::size_t n) {
  const Lang L = s.lang;
  const std::string id = "voice/" + std::to_string(n);
  ImGui::PushID(id.c_str());
  const std::string info =
      format(L, "ui.voice.memo", {{"n", std::to_string(n)}, {"duration", minutes_seconds(a.duration_ms)}});
  w::paragraph(info);
  auto& node = sem::add_for_last_item(id + "/info", "text", info);
  node.value = text::kilobytes(a.size) + " KB";
  const app::Player& p = s.player;
  const bool playing = app::playing_memo(s) == &a;
  if (playing) {
    const std::string where =
        format(L, "ui.voice.position",
               {{"position", minutes_seconds(p.position_ms)}, {"duration", minutes_seconds(a.duration_ms)}});
    const int pct = a.duration_ms > 0 ? static_cast<int>(p.position_ms * 100 / a.duration_ms) : 0;
    w::progress(id + "/position", where, where, pct);
  }
  if (p.error && p.error_media == a.id) w::alert(id + "/error", explain(L, *p.error));
  const std::string remove_label = format(L, "ui.voice.remove", {{"n", std::to_string(n)}});
  if (!p.available) {
    if (w::button(id + "/remove", remove_label, w::Kind::danger)) d(app::PhotoRemoved{a.id});
    ImGui::PopID();
    return;
  }
  // Play and remove side by side, thumb-sized like a photo's edit/remove.
  // No sound while the microphone is on: play waits for the recording.
  const std::string play_label = format(L, playing ? "ui.voice.play_stop" : "ui.voice.play", {{"n", std::to_string(n)}});
  const bool mic = s.recorder.phase != app::RecordPhase::idle;
  const int pressed = w::button_pair({id + "/play", play_label, playing ? w::Kind::primary : w::Kind::normal, mic && !playing},
                                     {id + "/remove", remove_label, w::Kind::danger, false});
  if (auto* node = sem::drawn(id + "/play")) node->checked = playing;
  if (pressed == 1) {
    if (playing) d(app::PlayStopPressed{});
    else d(app::PlayPressed{a.id});
  } else if (pressed == 2) {
    d(app::PhotoRemoved{a.id});
  }
  ImGui::PopID();
}

void voice_recording(const app::State& s, const Dispatch& d) {
  const app::Recorder& r = s.recorder;
  const Lang L = s.lang;
  const float touch = w::frame().touch;
  if (r.error) w::alert("voice/error", explain(L, *r.error));
  switch (r.phase) {
    case app::RecordPhase::idle: return;
    case app::RecordPhase::starting:
      w::status("voice/elapsed", std::string(tr(L, "ui.voice.starting")));
      break;
    case app::RecordPhase::recording: {
      w::status("voice/elapsed",
                format(L, "ui.voice.recording",
                       {{"elapsed", minutes_seconds(r.elapsed_ms)}, {"max", minutes_seconds(app::kMaxVoiceMs)}}));
      ImGui::ProgressBar(r.level / 100.0f, ImVec2(-1, touch / 4), "");
      auto& level = sem::add_for_last_item("voice/level", "progressbar", std::string(tr(L, "ui.voice.level")));
      level.value = std::to_string(r.level) + "%";
      break;
    }
    case app::RecordPhase::stopping:
      w::status("voice/elapsed", std::string(tr(L, "ui.voice.saving")));
      return;
  }
  // Big: a resident who is talking should not have to aim.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(ImGui::GetStyle().FramePadding.x, ImGui::GetStyle().FramePadding.y + touch / 3));
  if (w::button("voice/stop", std::string(tr(L, "ui.voice.stop")), w::Kind::danger)) d(app::RecordStopPressed{});
  ImGui::PopStyleVar();
}

}  // namespace civic::ui::screens
