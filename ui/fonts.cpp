// ui/fonts.cpp — loads the CJK font subset into ImGui's atlas.
// Limits: the subset holds ~4,100 glyphs (GB 2312 level 1 + the project's own
// characters); ImGui skips code points the font lacks, so we ask for the whole
// Chinese range. The raster size follows dpi_scale (and large-text mode) but is
// capped at theme::kMaxRasterPx: 4,100 CJK glyphs at 36 px fill a 4096×2048
// alpha atlas (32 MiB once ImGui expands it to RGBA for the GL backend);
// larger text is scaled from it. Horizontal oversampling is off: at these
// sizes CJK strokes need no sub-pixel positioning and it would triple the atlas.
// With Presentation::lazy_glyphs (web) only the characters in use are
// rasterised (ui/glyphs.hpp): ~1,000 glyphs at first instead of 4,100, in an
// atlas ImGui sizes itself, and the fallback font is merged for characters
// the subset lacks.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/glyphs.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"

namespace civic::ui {

namespace {
Presentation g_presentation;
}

Presentation& presentation() { return g_presentation; }

bool setup(const Presentation& p, const std::string& font_path) {
  g_presentation = p;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;   // nothing about a resident's session is written to disk
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  float want = theme::kBaseFontPx * std::max(0.5f, p.dpi_scale) * (p.large_text ? 1.5f : 1.f);
  float raster = std::min(want, theme::kMaxRasterPx);

  bool ok = false;
  if (std::FILE* f = std::fopen(font_path.c_str(), "rb")) {
    std::fclose(f);
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    io.Fonts->Clear();
    glyphs::enable(p.lazy_glyphs);
    io.Fonts->TexDesiredWidth = p.lazy_glyphs ? 0 : 4096;
    // ImGui's Chinese range lacks arrows (← on Back) and ★: add them.
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
      ImFontGlyphRangesBuilder b;
      b.AddRanges(io.Fonts->GetGlyphRangesChineseFull());
      static const ImWchar extra[] = {0x2190, 0x21FF, 0x2600, 0x26FF, 0};
      b.AddRanges(extra);
      b.BuildRanges(&ranges);
    }
    const ImWchar* want_ranges = p.lazy_glyphs ? glyphs::primary_ranges() : ranges.Data;
    ok = io.Fonts->AddFontFromFileTTF(font_path.c_str(), raster, &cfg, want_ranges) != nullptr;
    for (size_t i = 0; ok && p.lazy_glyphs && i < glyphs::fallback_count(); ++i) {
      const ImWchar* rare = glyphs::fallback_ranges(i);
      if (!rare) continue;
      ImFontConfig merge = cfg;
      merge.MergeMode = true;   // into the first font: one ImFont, one FindGlyph
      io.Fonts->AddFontFromFileTTF(glyphs::fallback_path(i).c_str(), raster, &merge, rare);
    }
    if (ok && p.lazy_glyphs) {
      io.Fonts->Build();
      glyphs::built(io.Fonts->Fonts[0]);
    }
  }
  if (!ok) {
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.SizePixels = 13.f;
    io.Fonts->AddFontDefault(&cfg);
    raster = 13.f;
  }
  theme::set_font_raster(raster);
  return ok;
}

}  // namespace civic::ui
