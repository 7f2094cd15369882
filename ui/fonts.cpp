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
#include <map>
#include <vector>

#include "ui/glyphs.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"

namespace civic::ui {

namespace {
Presentation g_presentation;
std::map<std::string, std::vector<unsigned char>> g_memory_fonts;   // provide_font()

// A font by name: bytes given to provide_font(), else a file at that path
// (never opened for an empty name: the web build has no file system).
ImFont* add_font(const std::string& name, float px, ImFontConfig cfg, const ImWchar* ranges) {
  ImGuiIO& io = ImGui::GetIO();
  if (auto it = g_memory_fonts.find(name); it != g_memory_fonts.end()) {
    cfg.FontDataOwnedByAtlas = false;   // kept here across the atlas's rebuilds
    return io.Fonts->AddFontFromMemoryTTF(it->second.data(), int(it->second.size()), px, &cfg, ranges);
  }
  return io.Fonts->AddFontFromFileTTF(name.c_str(), px, &cfg, ranges);
}

bool font_exists(const std::string& name) {
  if (g_memory_fonts.count(name)) return true;
  if (name.empty()) return false;
  std::FILE* f = std::fopen(name.c_str(), "rb");
  if (f) std::fclose(f);
  return f != nullptr;
}
}  // namespace

void provide_font(const std::string& name, std::vector<unsigned char> bytes) {
  g_memory_fonts[name] = std::move(bytes);
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
  if (font_exists(font_path)) {
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
    ok = add_font(font_path, raster, cfg, want_ranges) != nullptr;
    for (size_t i = 0; ok && p.lazy_glyphs && i < glyphs::fallback_count(); ++i) {
      const ImWchar* rare = glyphs::fallback_ranges(i);
      if (!rare) continue;
      ImFontConfig merge = cfg;
      merge.MergeMode = true;   // into the first font: one ImFont, one FindGlyph
      if (font_exists(glyphs::fallback_path(i))) add_font(glyphs::fallback_path(i), raster, merge, rare);
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
