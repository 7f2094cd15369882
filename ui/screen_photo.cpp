// ui/screen_photo.cpp — the attachments row on the form (add photo,
// thumbnails, a progress bar while compressing, remove, errors in place) and
// the photo editor screen (preview, rotate, crop, hide areas by dragging).
// Pictures are drawn by the shell's PhotoRenderer (ui/photo_preview.hpp);
// every control is a semantic node. The edit math is core's
// (core/media/edit.hpp); this file only turns drags into fractions.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/app/voice_flow.hpp"
#include "core/i18n/messages.hpp"
#include "core/text/byte_size.hpp"
#include "ui/photo_preview.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/widgets.hpp"

namespace civic::ui {

namespace {
std::function<void()> g_picker;
}

bool drag_surface_at(float x, float y) {
  const SemanticNode* n = find_node("photo/preview");
  return n && x >= n->x && x < n->x + n->w && y >= n->y && y < n->y + n->h;
}

void set_photo_picker(std::function<void()> pick) { g_picker = std::move(pick); }
bool has_photo_picker() { return static_cast<bool>(g_picker); }
void call_photo_picker() {
  if (g_picker) g_picker();
}

}  // namespace civic::ui

namespace civic::ui::screens {

namespace {

std::string num(std::size_t n) { return std::to_string(n); }

// The picture of photo `id` with `edit`, fitted into max_w x max_h at the
// cursor; returns its screen rectangle (p0, size) or a zero size when the
// shell has no pixels for it (yet).
bool picture(const std::string& id, const media::PhotoEdit& edit, float max_w, float max_h, ImVec2* p0,
             ImVec2* size) {
  const PhotoRenderer* r = photo_renderer();
  if (!r || !r->pixels) return false;
  auto px = r->pixels(id);
  if (!px) return false;
  auto quad = photo_quad(id, *px, edit);
  if (!quad) return false;
  std::uintptr_t tex = r->render(*quad);
  if (!tex) return false;
  const float k = std::min(max_w / quad->out_w, max_h / quad->out_h);
  *size = ImVec2(quad->out_w * k, quad->out_h * k);
  *p0 = ImGui::GetCursorScreenPos();
  ImGui::Image(reinterpret_cast<ImTextureID>(tex), *size);
  return true;
}

std::string edit_summary(Lang lang, const media::PhotoEdit& e) {
  std::string out = format(lang, "ui.photo.turns", {{"deg", std::to_string(e.quarter_turns * 90)}});
  out += lang == Lang::en ? ", " : "，";
  out += format(lang, "ui.photo.regions", {{"n", num(e.redactions.size())}});
  return out;
}

}  // namespace

void attachments_row(const app::State& s, const Dispatch& d, const std::string& label) {
  const auto& dr = s.draft;
  const Lang L = s.lang;
  const float touch = w::frame().touch;
  const bool record = s.recorder.available;
  if (!has_photo_picker() && !record && dr.attachments.empty()) {   // no source here (a kiosk without a camera)
    w::paragraph(label + " — " + std::string(tr(L, "ui.attachments_later")), true);
    return;
  }
  const std::size_t photos = app::attachment_count(dr, app::AttachmentKind::photo);
  const std::size_t memos = app::attachment_count(dr, app::AttachmentKind::voice);
  const std::size_t videos = app::attachment_count(dr, app::AttachmentKind::video);
  const bool film = picker_takes_video();
  std::string counts = label + "  " + format(L, "ui.photo.count", {{"n", num(photos)}, {"max", num(app::kMaxPhotos)}});
  if (record || memos)
    counts += (L == Lang::en ? "; " : "；") +
              format(L, "ui.voice.count", {{"n", num(memos)}, {"max", num(app::kMaxVoiceMemos)}});
  if (film || videos)
    counts += (L == Lang::en ? "; " : "；") +
              format(L, "ui.video.count", {{"n", num(videos)}, {"max", num(app::kMaxVideos)}});
  w::paragraph(counts, true);
  if (dr.attach_error) w::alert("photo/error", explain(L, *dr.attach_error));
  std::size_t photo_n = 0, memo_n = 0, video_n = 0;
  for (std::size_t i = 0; i < dr.attachments.size(); ++i) {
    const app::Attachment& a = dr.attachments[i];
    if (a.kind == app::AttachmentKind::voice) {
      voice_tile(s, d, a, ++memo_n);
      continue;
    }
    if (a.kind == app::AttachmentKind::video) {
      video_tile(s, d, a, ++video_n);
      continue;
    }
    const std::string n = num(++photo_n);
    const std::string id = "photo/" + n;
    ImGui::PushID(id.c_str());
    ImVec2 p0, size;
    const bool ready = a.phase == app::AttachmentPhase::ready;
    const std::string edit_label = format(L, "ui.photo.edit", {{"n", n}});
    const std::string remove_label = format(L, "ui.photo.remove", {{"n", n}});
    if (ready && picture(a.id, a.edit, touch * 2.5f, touch * 2.5f, &p0, &size)) {
      auto& node = sem::add_for_last_item(id + "/thumb", "img", format(L, "ui.photo.thumb", {{"n", n}}));
      node.value = edit_summary(L, a.edit);
      // Beside the thumbnail while its buttons still fit there at full
      // width; under it otherwise (large text on a phone).
      const float beside = ImGui::GetContentRegionAvail().x - size.x - ImGui::GetStyle().ItemSpacing.x;
      if (beside >= std::max(w::button_width(edit_label), w::button_width(remove_label))) ImGui::SameLine();
    }
    ImGui::BeginGroup();
    if (a.phase == app::AttachmentPhase::compressing) {
      const std::string what = format(L, "ui.photo.compressing", {{"n", n}});
      w::paragraph(what, true);
      char pct[16];
      std::snprintf(pct, sizeof pct, "%d%%", a.progress);
      ImGui::ProgressBar(a.progress / 100.0f, ImVec2(-1, touch / 2), pct);
      auto& node = sem::add_for_last_item(id + "/progress", "progressbar", what);
      node.value = pct;
    } else if (ready) {
      const std::string info = format(L, "ui.photo.ready", {{"width", std::to_string(a.width)},
                                                             {"height", std::to_string(a.height)},
                                                             {"kb", text::kilobytes(a.size)}});
      w::paragraph(info, true);
      sem::add_for_last_item(id + "/info", "text", info);   // read out, and checked by tests
      if (a.gps) {
        w::paragraph(std::string(tr(L, "ui.photo.has_gps")), true);
        sem::add_for_last_item(id + "/gps", "text", std::string(tr(L, "ui.photo.has_gps")));
      }
    }
    if (a.error) w::alert(id + "/error", format(L, "ui.photo.thumb", {{"n", n}}) + ": " + explain(L, *a.error));
    switch (w::button_pair({id + "/edit", edit_label, w::Kind::normal, !ready},
                           {id + "/remove", remove_label, w::Kind::danger, false})) {
      case 1: d(app::PhotoEditOpened{a.id}); break;
      case 2: d(app::PhotoRemoved{a.id}); break;
      default: break;
    }
    ImGui::EndGroup();
    ImGui::PopID();
  }
  // "Add photo" and "Record a voice memo" side by side (stacked when their
  // labels do not fit); the recording itself under them.
  const bool add = has_photo_picker() && dr.attachments.size() < app::kMaxAttachments &&
                   (photos < app::kMaxPhotos || (film && videos < app::kMaxVideos));
  const bool talk = voice_can_start(s);
  const std::string add_label(tr(L, film ? "ui.video.add" : "ui.photo.add")), talk_label(tr(L, "ui.voice.record"));
  if (add && talk) {
    switch (w::button_pair({"photo/add", add_label}, {"voice/record", talk_label})) {
      case 1: call_photo_picker(); break;
      case 2: d(app::RecordPressed{}); break;
      default: break;
    }
  } else if (add) {
    if (w::button("photo/add", add_label)) call_photo_picker();
  } else if (talk) {
    if (w::button("voice/record", talk_label)) d(app::RecordPressed{});
  }
  if (add && film) w::paragraph(format(L, "ui.video.hint", {{"mb", num(app::kMaxVideoBytes >> 20)}}), true);
  if (talk) w::paragraph(format(L, "ui.voice.hint", {{"seconds", num(app::kMaxVoiceMs / 1000)}}), true);
  if (record) voice_recording(s, d);
}

void photo_editor(const app::State& s, const Dispatch& d) {
  const Lang L = s.lang;
  const app::PhotoEditor& ed = s.editor;
  const media::PhotoEdit& e = ed.edit;
  static bool crop_mode = false;
  static bool dragging = false;
  static ImVec2 drag_from;
  // The mode and a drag belong to one visit of the editor: coming back to it
  // (another photo, the next resident) starts in "hide areas", with no drag.
  static int last_frame = -2;
  if (ImGui::GetFrameCount() != last_frame + 1) crop_mode = dragging = false;
  last_frame = ImGui::GetFrameCount();
  w::heading("heading", std::string(tr(L, "ui.photo.editor_title")));
  w::paragraph(std::string(tr(L, crop_mode ? "ui.photo.hint_crop" : "ui.photo.hint_redact")), true);

  // In crop mode the whole turned photo shows, with the crop outlined.
  media::PhotoEdit shown = e;
  if (crop_mode) {
    shown.crop = {};
    shown.redactions.clear();
  }
  const float col = ImGui::GetContentRegionAvail().x;
  const float max_h = std::max(ImGui::GetIO().DisplaySize.y * 0.5f, w::frame().touch * 4);
  ImVec2 p0, size;
  if (picture(ed.id, shown, col, max_h, &p0, &size)) {
    auto& node = sem::add_for_last_item("photo/preview", "img", std::string(tr(L, "ui.photo.preview")));
    node.value = edit_summary(L, e);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto& c = theme::palette();
    auto at = [&](float fx, float fy) { return ImVec2(p0.x + fx * size.x, p0.y + fy * size.y); };
    if (crop_mode)
      dl->AddRect(at(e.crop.x, e.crop.y), at(e.crop.x + e.crop.w, e.crop.y + e.crop.h), c.accent, 0, 0,
                  3 * w::frame().scale);
    // A drag over the picture: a region to hide, or the part to keep.
    ImGuiIO& io = ImGui::GetIO();
    const bool over = ImGui::IsItemHovered();
    auto frac = [&](ImVec2 m) { return ImVec2((m.x - p0.x) / size.x, (m.y - p0.y) / size.y); };
    if (over && ImGui::IsMouseClicked(0)) {
      dragging = true;
      drag_from = frac(io.MousePos);
    }
    if (dragging) {
      w::claim_drag();   // the finger draws a rectangle; the column must not scroll under it
      const ImVec2 to = frac(io.MousePos);
      dl->AddRect(at(std::clamp(std::min(drag_from.x, to.x), 0.f, 1.f), std::clamp(std::min(drag_from.y, to.y), 0.f, 1.f)),
                  at(std::clamp(std::max(drag_from.x, to.x), 0.f, 1.f), std::clamp(std::max(drag_from.y, to.y), 0.f, 1.f)),
                  c.error, 0, 0, 3 * w::frame().scale);
      if (!io.MouseDown[0]) {
        dragging = false;
        const media::RectF r = media::span(drag_from.x, drag_from.y, to.x, to.y);
        d(app::PhotoEditChanged{crop_mode ? media::crop_edit(e, r) : media::add_region(e, r)});
      }
    }
  } else {
    w::paragraph(std::string(tr(L, "ui.photo.preview")), true);
  }
  switch (w::button_pair({"photo/rotate_left", std::string(tr(L, "ui.photo.rotate_left"))},
                         {"photo/rotate_right", std::string(tr(L, "ui.photo.rotate_right"))})) {
    case 1: d(app::PhotoEditChanged{media::turn_edit(e, 3)}); break;
    case 2: d(app::PhotoEditChanged{media::turn_edit(e, 1)}); break;
    default: break;
  }
  if (w::toggle("photo/mode_crop", std::string(tr(L, "ui.photo.mode_crop")), crop_mode)) crop_mode = !crop_mode;
  switch (w::button_pair({"photo/undo_redact", std::string(tr(L, "ui.photo.undo_redact")), w::Kind::normal,
                          e.redactions.empty()},
                         {"photo/reset", std::string(tr(L, "ui.photo.reset")), w::Kind::normal, e.empty()})) {
    case 1: {
      media::PhotoEdit u = e;
      u.redactions.pop_back();
      d(app::PhotoEditChanged{u});
      break;
    }
    case 2: d(app::PhotoEditChanged{media::PhotoEdit{}}); break;
    default: break;
  }
  if (w::button("photo/apply", std::string(tr(L, "ui.photo.apply")), w::Kind::primary)) {
    crop_mode = false;
    d(app::PhotoEditClosed{true});
  }
  if (w::button("photo/cancel", std::string(tr(L, "ui.photo.cancel")))) {
    crop_mode = false;
    d(app::PhotoEditClosed{false});
  }
}

}  // namespace civic::ui::screens
