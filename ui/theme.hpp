// ui/theme.hpp — colours and sizes. One place decides how big a touch target
// is, how large text is, and which palette (calm or high contrast) is used.
#pragma once
#include <imgui.h>

#include "core/app/state.hpp"
#include "ui/ui.hpp"

namespace civic::ui::theme {

// Pixels per logical px for this frame: dpi_scale × (1.5 in large-text mode).
float scale(const Presentation& p, const app::Settings& s);

// Logical sizes (multiply by scale()).
inline constexpr float kBaseFontPx = 18.f;     // body text at 1x
inline constexpr float kTouchPx = 48.f;        // minimum touch target (WCAG 2.5.5 / platform guides)
inline constexpr float kKioskTouchPx = 64.f;   // ≥ 9 mm on a 24" hall screen
inline constexpr float kMaxContentPx = 720.f;  // readable line length on wide screens

float touch_px(const Presentation& p, const app::Settings& s);

// fonts.cpp tells the theme the pixel size the atlas was rasterised at.
void set_font_raster(float px);
inline constexpr float kMaxRasterPx = 36.f;   // caps the CJK atlas at 4096×2048 (measured in setup)

// Applies palette and scaled sizes to ImGui's style; cheap when unchanged.
void apply(const Presentation& p, const app::Settings& s);

struct Palette {
  ImU32 bg, surface, surface_hover, surface_active, text, text_muted, accent, accent_text, error, ok, border;
};
const Palette& palette();

}  // namespace civic::ui::theme
