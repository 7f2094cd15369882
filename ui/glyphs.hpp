// ui/glyphs.hpp — which characters the font atlas holds, built lazily (web).
//
// Why: rasterising the whole 4,100-glyph CJK subset at 3x is ~0.5–1 s of
// wasm and a 4096×2048 RGBA texture (32 MiB) before the phone's first frame,
// while a screen shows a few hundred distinct characters. With lazy glyphs
// (Presentation::lazy_glyphs) the atlas starts with ASCII, Latin-1,
// punctuation, arrows and every character of the message catalogue; the
// widgets note() the text they draw, and a character not yet in the atlas is
// requested: after the frame the shell sees rebuild_wanted() and calls
// ui::setup() again (the glyph shows from the next frame on).
//
// A requested character the first font lacks is absent: the shell may
// fetch a fallback font covering it (web: a slice of the rare-character font,
// scripts/make-rare-font.mjs) and add it with add_fallback_font(); setup()
// then merges each fallback for exactly the absent characters in its range,
// in the order they were added. A fallback is exhaustive (a slice: what it
// lacks in its range, no font has) or partial (web: civic-common.ttf, the
// everyday hanzi the first font leaves out, over the whole CJK range): a
// character a partial fallback lacks is uncovered again, so the shell can
// still fetch the slice that holds it.
// missing_last_frame() counts the distinct characters the last frame drew as
// the fallback box — the test's "no tofu" counter.
//
// Limits: ImWchar is 16-bit in Dear ImGui 1.86 as built here, so characters
// beyond U+FFFF (CJK Ext. B, e.g. 𠮷) cannot be drawn and are counted as
// missing; at most kMaxRequested characters are requested (a paste of a
// whole novel must not grow the atlas without bound).
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace civic::ui::glyphs {

inline constexpr size_t kMaxRequested = 12000;

// Text drawn this frame (UTF-8). Cheap when lazy glyphs are off.
void note(std::string_view utf8);
// Text a coming frame will draw (a reply just applied, ui::expect_text): its
// characters are requested now, so the shell rebuilds the atlas before that
// frame rather than drawing it twice. Not counted as missing.
void expect(std::string_view utf8);
void begin_frame();
// True when characters were requested that the atlas does not hold yet.
bool rebuild_wanted();
int missing_last_frame();
// Requested characters the first font lacks and no fallback font covers yet.
std::vector<ImWchar> uncovered();
// A fallback font (a file) for the characters [first, last] the first font lacks.
void add_fallback_font(const std::string& path, ImWchar first, ImWchar last, bool partial = false);

// For ui::setup(): turn lazy mode on or off, the ranges to load from the
// first font and from the fallback, and the report after the atlas is built.
void enable(bool lazy);
bool lazy();
const ImWchar* primary_ranges();
size_t fallback_count();
const std::string& fallback_path(size_t i);
const ImWchar* fallback_ranges(size_t i);   // nullptr when nothing absent is in its range
void built(ImFont* font);
int rebuilds();

}  // namespace civic::ui::glyphs
