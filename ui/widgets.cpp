// ui/widgets.cpp — controls drawn with ImGui, sized for fingers, recorded as
// semantic nodes. ImGui labels carry "##id" so the visible text can change
// with the language while the widget's identity (and focus) stays.
#include "ui/glyphs.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/cjk_wrap.hpp"
#include "ui/keyboard_hooks.hpp"
#include "ui/semantics.hpp"
#include "ui/ui.hpp"

namespace civic::ui::w {

namespace {
Frame g_frame;
bool g_drag_claimed = false;   // reset by set_frame(), once per frame

float avail_w() { return ImGui::GetContentRegionAvail().x; }

// Both go through cjk_wrap, so a card measures the lines it draws.
void draw_wrapped(ImDrawList* dl, ImVec2 pos, ImU32 col, const std::string& text, float wrap, float scale = 1) {
  ImFont* f = ImGui::GetFont();
  const std::string lines = cjk_wrap(text, wrap, f, ImGui::GetFontSize() * scale);
  dl->AddText(f, ImGui::GetFontSize() * scale, pos, col, lines.c_str(), lines.c_str() + lines.size(), wrap);
}
ImVec2 measure(const std::string& text, float wrap, float scale = 1) {
  ImFont* f = ImGui::GetFont();
  const std::string lines = cjk_wrap(text, wrap, f, ImGui::GetFontSize() * scale);
  return f->CalcTextSizeA(ImGui::GetFontSize() * scale, FLT_MAX, wrap, lines.c_str(), lines.c_str() + lines.size());
}
// Wrapped text at the cursor (ImGui's TextWrapped, with CJK line breaking).
void text_wrapped(const std::string& text) {
  const std::string lines = cjk_wrap(text, ImGui::GetContentRegionAvail().x);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(lines.c_str(), lines.c_str() + lines.size());
  ImGui::PopTextWrapPos();
}
}  // namespace

const Frame& frame() { return g_frame; }
void set_frame(const Frame& f) {
  g_frame = f;
  g_drag_claimed = false;
}
void claim_drag() { g_drag_claimed = true; }
bool drag_claimed() { return g_drag_claimed; }

bool button(const std::string& id, const std::string& label, Kind kind, float width, bool disabled) {
  const auto& c = theme::palette();
  int pushed = 0;
  if (kind != Kind::normal) {
    ImU32 bg = kind == Kind::primary ? c.accent : c.error;
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.text);
    ImGui::PushStyleColor(ImGuiCol_Text, c.accent_text);
    pushed = 4;
  }
  float w = width < 0 ? avail_w() : std::max(width, g_frame.touch);
  float text_w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  if (width == 0) w = std::max(text_w, g_frame.touch);
  ImGui::BeginDisabled(disabled);
  bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(w, g_frame.touch));
  ImGui::EndDisabled();
  if (pushed) ImGui::PopStyleColor(pushed);
  auto& n = sem::add_for_last_item(id, "button", label);
  n.disabled = disabled;
  n.text_w = ImGui::CalcTextSize(label.c_str()).x;
  n.text_room = n.w - ImGui::GetStyle().FramePadding.x * 2;
  bool by_id = sem::take_activation(id);
  return !disabled && (pressed || by_id);
}

float button_width(const std::string& label) {
  return std::max(ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2, g_frame.touch);
}

int button_pair(const PairButton& a, const PairButton& b) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (avail_w() - gap) / 2;
  const bool side = button_width(a.label) <= half && button_width(b.label) <= half;
  int pressed = 0;
  if (button(a.id, a.label, a.kind, side ? half : -1, a.disabled)) pressed = 1;
  if (side) ImGui::SameLine();
  if (button(b.id, b.label, b.kind, side ? half : -1, b.disabled)) pressed = 2;
  return pressed;
}

bool card(const std::string& id, const std::string& title, const std::string& subtitle, const std::string& badge) {
  const auto& c = theme::palette();
  const ImGuiStyle& st = ImGui::GetStyle();
  float w = avail_w();
  float pad = st.FramePadding.x * 1.5f;
  float badge_w = badge.empty() ? 0 : ImGui::CalcTextSize(badge.c_str()).x + pad * 2;
  float wrap = w - pad * 2 - badge_w;
  ImVec2 ts = measure(title, wrap, 1.1f);
  ImVec2 ss = subtitle.empty() ? ImVec2(0, 0) : measure(subtitle, wrap);
  float h = std::max(g_frame.touch, pad * 2 + ts.y + (subtitle.empty() ? 0 : st.ItemInnerSpacing.y + ss.y));
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(w, h));
  bool hovered = !presentation().kiosk && ImGui::IsItemHovered(), held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p1(p0.x + w, p0.y + h);
  float round = st.FrameRounding;
  dl->AddRectFilled(p0, p1, held ? c.surface_active : hovered ? c.surface_hover : c.surface, round);
  dl->AddRect(p0, p1, c.border, round, 0, st.FrameBorderSize * 1.5f);
  dl->AddRectFilled(p0, ImVec2(p0.x + 6 * g_frame.scale, p1.y), c.accent, round, ImDrawFlags_RoundCornersLeft);
  draw_wrapped(dl, ImVec2(p0.x + pad, p0.y + pad), c.text, title, wrap, 1.1f);
  if (!subtitle.empty())
    draw_wrapped(dl, ImVec2(p0.x + pad, p0.y + pad + ts.y + st.ItemInnerSpacing.y), c.text_muted, subtitle, wrap);
  if (!badge.empty()) {
    ImVec2 bs = ImGui::CalcTextSize(badge.c_str());
    ImVec2 b0(p1.x - pad - bs.x - pad / 2, p0.y + pad - 2);
    dl->AddRectFilled(b0, ImVec2(b0.x + bs.x + pad, b0.y + bs.y + 4), c.accent, bs.y);
    dl->AddText(ImVec2(b0.x + pad / 2, b0.y + 2), c.accent_text, badge.c_str());
  }
  auto& n = sem::add_for_last_item(id, "button", title);
  n.value = badge.empty() ? subtitle : badge;
  if (!badge.empty()) n.description = subtitle;   // a screen reader hears what is drawn under the title too
  n.text_px = ImGui::GetFontSize() * 1.1f;
  // The title wraps; the badge does not, and must leave the title at least
  // two characters a line.
  n.text_w = badge_w;
  n.text_room = w - pad * 2 - n.text_px * 2;
  return pressed || sem::take_activation(id);
}

bool toggle(const std::string& id, const std::string& label, bool checked) {
  const auto& c = theme::palette();
  const ImGuiStyle& st = ImGui::GetStyle();
  float w = avail_w();
  float th = ImGui::GetFontSize();
  float sw = th * 2.2f, sh = th * 1.2f;
  // A long label (large text, a narrow phone) wraps; the row grows with it.
  float room = w - st.FramePadding.x * 2 - sw - st.ItemInnerSpacing.x;
  ImVec2 ls = measure(label, room);
  float h = std::max(g_frame.touch, ls.y + st.FramePadding.y * 2);
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(w, h));
  bool hovered = !presentation().kiosk && ImGui::IsItemHovered();   // a touch screen has no hover
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), hovered ? c.surface_hover : c.surface, st.FrameRounding);
  draw_wrapped(dl, ImVec2(p0.x + st.FramePadding.x, p0.y + (h - ls.y) / 2), c.text, label, room);
  // The switch: a pill with a knob, plus the state in words for colour-blind users.
  ImVec2 s0(p0.x + w - st.FramePadding.x - sw, p0.y + (h - sh) / 2);
  dl->AddRectFilled(s0, ImVec2(s0.x + sw, s0.y + sh), checked ? c.accent : c.border, sh / 2);
  float kx = checked ? s0.x + sw - sh / 2 : s0.x + sh / 2;
  dl->AddCircleFilled(ImVec2(kx, s0.y + sh / 2), sh / 2 - 3 * g_frame.scale, c.surface);
  auto& n = sem::add_for_last_item(id, "checkbox", label);
  n.checked = checked;
  n.text_w = ls.x;
  n.text_room = room;
  return pressed || sem::take_activation(id);
}

bool text_input(const std::string& id, const std::string& label, std::string* text, bool multiline, bool invalid,
                const std::string& hint, bool digits) {
  const auto& c = theme::palette();
  if (!label.empty()) paragraph(label);
  std::string queued;
  bool changed = false;
  if (sem::take_text(id, &queued)) {
    *text = queued;
    changed = true;
  }
  // Kiosk: a tap (or ui::activate) focuses the field for the on-screen
  // keyboard, whose keys' edits land here before the field is drawn.
  const kb::Hooks* keys = presentation().kiosk ? kb::hooks() : nullptr;
  const bool tapped = sem::take_activation(id);
  if (keys && keys->before_field(id, text)) changed = true;
  int cursor = -1;   // ImGui's caret while it edits the field (physical keyboard, system IME)
  auto track = [](ImGuiInputTextCallbackData* d) {
    *static_cast<int*>(d->UserData) = d->CursorPos;
    return 0;
  };
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackAlways;
  if (invalid) {
    ImGui::PushStyleColor(ImGuiCol_Border, c.error);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.5f * g_frame.scale);
  }
  ImGui::SetNextItemWidth(avail_w());
  std::string lbl = "##" + id;
  if (multiline)
    changed |= ImGui::InputTextMultiline(lbl.c_str(), text, ImVec2(avail_w(), g_frame.touch * 2.5f), flags, track,
                                         &cursor);
  else {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, (g_frame.touch - ImGui::GetFontSize()) / 2));
    changed |= ImGui::InputTextWithHint(lbl.c_str(), hint.c_str(), text, flags, track, &cursor);
    ImGui::PopStyleVar();
  }
  if (invalid) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
  }
  if (keys) {
    kb::FieldReport r;
    r.input = digits ? kb::Input::digits : kb::Input::text;
    r.multiline = multiline;
    r.activated = ImGui::IsItemActivated() || tapped;
    r.imgui_active = ImGui::IsItemActive();
    r.imgui_cursor = cursor;
    keys->after_field(id, *text, r);
  }
  auto& n = sem::add_for_last_item(id, "textbox", label);
  n.value = *text;
  n.invalid = invalid;
  n.checked = ImGui::IsItemActive() || (keys && keys->target() == id);   // focused: the keyboard types here
  return changed;
}

void heading(const std::string& id, const std::string& text, float size) {
  ImGui::SetWindowFontScale(size);
  text_wrapped(text);
  ImGui::SetWindowFontScale(1.f);
  if (!id.empty()) sem::add_for_last_item(id, "heading", text).text_px = ImGui::GetFontSize() * size;
}

void paragraph(const std::string& text, bool muted) {
  glyphs::note(text);   // text with no semantic node (ticket notes, agency)
  if (muted) ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_muted);
  text_wrapped(text);
  if (muted) ImGui::PopStyleColor();
}

void status(const std::string& id, const std::string& text) {
  paragraph(text, true);
  sem::add_for_last_item(id, "status", text);
}

void alert(const std::string& id, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().error);
  text_wrapped(text);
  ImGui::PopStyleColor();
  sem::add_for_last_item(id, "alert", text);
}

void progress(const std::string& id, const std::string& name, const std::string& text, int percent) {
  percent = percent < 0 ? 0 : percent > 100 ? 100 : percent;
  paragraph(text, true);
  ImGui::ProgressBar(static_cast<float>(percent) / 100.f, ImVec2(-1, g_frame.touch / 4), "");
  sem::add_for_last_item(id, "progressbar", name).value = std::to_string(percent) + "%";
}

}  // namespace civic::ui::w
