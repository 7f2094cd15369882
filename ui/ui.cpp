// ui/ui.cpp — one frame: theme, the fixed top bar, the current screen in a
// centred scrolling column, touch drag-to-scroll, and the semantic record.
#include "ui/ui.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "ui/glyphs.hpp"
#include "ui/keyboard_hooks.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace civic::ui {

namespace {

bool g_needs_redraw = false;

// ImGui has no kinetic scrolling: a finger dragged more than a few px over the
// column scrolls it, and the control under the finger is released unpressed
// (so a scroll never turns into a tap).
void drag_scroll() {
  ImGuiIO& io = ImGui::GetIO();
  static bool dragging = false;
  if (!io.MouseDown[0] || w::drag_claimed()) {
    dragging = false;
    return;
  }
  if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows))
    return;
  float threshold = 12.f * w::frame().scale;
  if (!dragging && ImGui::IsMouseDragging(0, threshold) && !ImGui::GetIO().WantTextInput) {
    dragging = true;
    ImGui::ClearActiveID();
  }
  if (dragging) ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

}  // namespace

void draw(const app::State& state, const Dispatch& dispatch) {
  const Presentation& p = presentation();
  theme::apply(p, state.settings);
  w::set_frame({theme::scale(p, state.settings), theme::touch_px(p, state.settings)});
  sem::begin_frame();
  glyphs::begin_frame();
  const kb::Hooks* keys = p.kiosk ? kb::hooks() : nullptr;
  if (keys) keys->draw(state);   // first, so a key's edit reaches its field this frame

  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  // No background: the shell's clear is it (background()), one full-screen layer fewer.
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                           ImGuiWindowFlags_NoBackground;
  ImGui::Begin("civic", nullptr, flags);
  screens::top_bar(state, dispatch);

  // The column: at most kMaxContentPx wide, centred, scrolling under the bar.
  float avail = ImGui::GetContentRegionAvail().x;
  float col = std::min(avail, theme::kMaxContentPx * w::frame().scale);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - col) / 2);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::BeginChild("column", ImVec2(col, 0), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar();
  switch (state.screen) {
    case app::Screen::home: screens::home(state, dispatch); break;
    case app::Screen::group: screens::group(state, dispatch); break;
    case app::Screen::form: screens::form(state, dispatch); break;
    case app::Screen::review: screens::review(state, dispatch); break;
    case app::Screen::receipt: screens::receipt(state, dispatch); break;
    case app::Screen::tickets: screens::tickets(state, dispatch); break;
    case app::Screen::ticket: screens::ticket(state, dispatch); break;
    case app::Screen::photo: screens::photo_editor(state, dispatch); break;
    case app::Screen::nearby: screens::nearby(state, dispatch); break;
  }
  // Room to scroll the last card clear of the edge and of the on-screen keyboard.
  ImGui::Dummy(ImVec2(0, w::frame().touch + (keys ? keys->height() : 0.f)));
  drag_scroll();
  ImGui::EndChild();
  ImGui::End();
  screens::session_prompt(state, dispatch);
  sem::end_frame();
  g_needs_redraw = keys && keys->changed_this_frame();
}

bool needs_redraw() { return g_needs_redraw; }

std::array<float, 4> background() {
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(theme::palette().bg);
  return {c.x, c.y, c.z, c.w};
}

}  // namespace civic::ui
