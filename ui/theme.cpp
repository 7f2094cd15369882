// ui/theme.cpp — a calm, legible public-service theme (light, blue accent),
// and a high-contrast variant (black on white, bold borders) as required of
// public-service apps. Text is never below 4.5:1 contrast in either palette,
// and the borders that outline fields and switches are at least 3:1 (WCAG
// 1.4.11); tests/ui/layout_test.cpp checks both.
#include "ui/theme.hpp"

#include <algorithm>

namespace civic::ui::theme {

namespace {
Palette g_palette;
float g_applied_scale = -1;
bool g_applied_contrast = false;
float g_font_raster_px = 0;   // set by fonts.cpp through set_font_raster

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }

Palette calm() {
  return {rgb(0xF4, 0xF6, 0xF8), rgb(0xFF, 0xFF, 0xFF), rgb(0xE8, 0xF0, 0xFB), rgb(0xD0, 0xE1, 0xF7),
          rgb(0x1F, 0x29, 0x33), rgb(0x52, 0x5F, 0x6B), rgb(0x1A, 0x5F, 0xB4), rgb(0xFF, 0xFF, 0xFF),
          rgb(0xB3, 0x26, 0x1E), rgb(0x1E, 0x7B, 0x34), rgb(0x80, 0x8D, 0x9A)};
}
Palette contrast() {
  return {rgb(0xFF, 0xFF, 0xFF), rgb(0xFF, 0xFF, 0xFF), rgb(0xFF, 0xF3, 0x8A), rgb(0xFF, 0xE0, 0x00),
          rgb(0x00, 0x00, 0x00), rgb(0x00, 0x00, 0x00), rgb(0x00, 0x00, 0xB0), rgb(0xFF, 0xFF, 0xFF),
          rgb(0x9A, 0x00, 0x00), rgb(0x00, 0x55, 0x00), rgb(0x00, 0x00, 0x00)};
}
ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }
}  // namespace

void set_font_raster(float px) { g_font_raster_px = px; }

float scale(const Presentation& p, const app::Settings& s) {
  return std::max(0.5f, p.dpi_scale) * (s.large_text ? 1.5f : 1.f);
}

float touch_px(const Presentation& p, const app::Settings& s) {
  return (p.kiosk ? kKioskTouchPx : kTouchPx) * scale(p, s);
}

const Palette& palette() { return g_palette; }

void apply(const Presentation& p, const app::Settings& s) {
  float sc = scale(p, s);
  // A new ImGui context (tests make one per case) has default styles again:
  // its FrameRounding is 0, ours never is.
  if (sc == g_applied_scale && s.high_contrast == g_applied_contrast && ImGui::GetStyle().FrameRounding == 8 * sc)
    return;
  g_applied_scale = sc;
  g_applied_contrast = s.high_contrast;
  g_palette = s.high_contrast ? contrast() : calm();

  ImGuiStyle st;   // fresh defaults, then scale: ScaleAllSizes is not idempotent
  st.WindowRounding = 0;
  st.FrameRounding = 8;
  st.GrabRounding = 8;
  st.ScrollbarRounding = 8;
  st.WindowBorderSize = 0;
  st.FrameBorderSize = s.high_contrast ? 2.f : 1.f;
  st.WindowPadding = ImVec2(16, 16);
  st.FramePadding = ImVec2(12, 10);
  st.ItemSpacing = ImVec2(12, 12);
  st.ItemInnerSpacing = ImVec2(8, 8);
  st.ScrollbarSize = 10;
  st.TouchExtraPadding = ImVec2(0, 0);
  st.ScaleAllSizes(sc);

  const Palette& c = g_palette;
  ImVec4* col = st.Colors;
  col[ImGuiCol_WindowBg] = v4(c.bg);
  col[ImGuiCol_ChildBg] = v4(c.bg);
  col[ImGuiCol_PopupBg] = v4(c.surface);
  col[ImGuiCol_Text] = v4(c.text);
  col[ImGuiCol_TextDisabled] = v4(c.text_muted);
  col[ImGuiCol_Border] = v4(c.border);
  col[ImGuiCol_FrameBg] = v4(c.surface);
  col[ImGuiCol_FrameBgHovered] = v4(c.surface_hover);
  col[ImGuiCol_FrameBgActive] = v4(c.surface_active);
  col[ImGuiCol_Button] = v4(c.surface);
  col[ImGuiCol_ButtonHovered] = v4(c.surface_hover);
  col[ImGuiCol_ButtonActive] = v4(c.surface_active);
  col[ImGuiCol_Header] = v4(c.surface_hover);
  col[ImGuiCol_HeaderHovered] = v4(c.surface_hover);
  col[ImGuiCol_HeaderActive] = v4(c.surface_active);
  col[ImGuiCol_CheckMark] = v4(c.accent);
  col[ImGuiCol_SliderGrab] = v4(c.accent);
  col[ImGuiCol_SliderGrabActive] = v4(c.accent);
  col[ImGuiCol_ScrollbarBg] = v4(c.bg);
  col[ImGuiCol_ScrollbarGrab] = v4(c.border);
  col[ImGuiCol_Separator] = v4(c.border);
  col[ImGuiCol_NavHighlight] = v4(c.accent);
  col[ImGuiCol_TextSelectedBg] = v4(c.surface_active);
  if (p.kiosk) {
    // A touch screen has no hover: the last finger's spot would stay lit.
    col[ImGuiCol_ButtonHovered] = col[ImGuiCol_Button];
    col[ImGuiCol_FrameBgHovered] = col[ImGuiCol_FrameBg];
    col[ImGuiCol_HeaderHovered] = col[ImGuiCol_Header];
  }
  ImGui::GetStyle() = st;

  // Text: the atlas was rasterised once at setup; scale it to this frame's size.
  if (g_font_raster_px > 0) ImGui::GetIO().FontGlobalScale = kBaseFontPx * sc / g_font_raster_px;
}

}  // namespace civic::ui::theme
