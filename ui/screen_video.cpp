// ui/screen_video.cpp — videos on the form (core/app/video_flow.hpp): one
// tile per video (the word "video", its file name, its length as m:ss when
// the shell's walk of its boxes found one — the app never decodes a video —
// its size in MB, and a remove button) and whether the shell's chooser
// offers videos beside photos (the web's does; the kiosk's document camera
// takes photos only).
// Semantic nodes: video/N/info, video/N/remove.
#include <imgui.h>

#include "core/app/video_flow.hpp"
#include "core/i18n/messages.hpp"
#include "core/text/byte_size.hpp"
#include "ui/photo_preview.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/widgets.hpp"

namespace civic::ui {

namespace {
bool g_picker_videos = false;
}

void set_picker_takes_video(bool videos) { g_picker_videos = videos; }
bool picker_takes_video() { return g_picker_videos && has_photo_picker(); }

}  // namespace civic::ui

namespace civic::ui::screens {

void video_tile(const app::State& s, const Dispatch& d, const app::Attachment& a, std::size_t n) {
  const Lang L = s.lang;
  const std::string id = "video/" + std::to_string(n);
  ImGui::PushID(id.c_str());
  const std::string size_mb = text::megabytes(a.size, text::Round::nearest);
  const std::string info =
      a.duration_ms > 0
          ? format(L, "ui.video.tile_duration", {{"n", std::to_string(n)}, {"name", a.name},
                                                 {"duration", minutes_seconds(a.duration_ms)},
                                                 {"size_mb", size_mb}})
          : format(L, "ui.video.tile", {{"n", std::to_string(n)}, {"name", a.name}, {"size_mb", size_mb}});
  w::paragraph(info);
  auto& node = sem::add_for_last_item(id + "/info", "text", info);
  node.value = a.content_type;
  if (w::button(id + "/remove", format(L, "ui.video.remove", {{"n", std::to_string(n)}}), w::Kind::danger))
    d(app::PhotoRemoved{a.id});
  ImGui::PopID();
}

}  // namespace civic::ui::screens
