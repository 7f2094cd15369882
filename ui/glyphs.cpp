// ui/glyphs.cpp — the lazily built atlas's character sets (glyphs.hpp).
#include "ui/glyphs.hpp"

#include <algorithm>
#include <set>

#include "core/i18n/messages.hpp"
#include "core/text/utf8.hpp"

namespace civic::ui::glyphs {

namespace {

constexpr size_t kPlane = 0x10000;
bool g_lazy = false;
std::vector<bool> g_requested(kPlane, false);   // asked of the first font
std::vector<bool> g_absent(kPlane, false);      // asked, and the first font has none
std::vector<bool> g_unavailable(kPlane, false); // neither font has it: never asked again
std::vector<bool> g_partial_tried(kPlane, false); // asked of the partial fallbacks, which lack it
size_t g_count = 0;
bool g_pending = false;          // requested since the last build
bool g_fallback_dirty = false;   // a fallback font arrived (or grew its list) since the last build
struct Fallback {
  std::string path;
  ImWchar first = 0, last = 0;
  bool partial = false;
  std::vector<ImWchar> ranges;   // what was asked of it at the last build
};
std::vector<Fallback> g_fallbacks;
ImFont* g_font = nullptr;
std::set<char32_t> g_missing;    // drawn this frame as the fallback box
std::vector<ImWchar> g_primary_ranges;
int g_rebuilds = 0;

void request(char32_t cp) {
  if (cp >= kPlane || g_requested[cp] || g_count >= kMaxRequested) return;
  g_requested[cp] = true;
  g_count++;
  g_pending = true;
}

void request_range(char32_t a, char32_t b) {
  for (char32_t c = a; c <= b; ++c) request(c);
}

// What every screen may show before any server text: the catalogue's words.
void request_base() {
  request_range(0x20, 0x7E);
  request_range(0xA0, 0xFF);
  request_range(0x2010, 0x2027);   // dashes, quotes, ellipsis
  request_range(0x2190, 0x2193);   // arrows (← on Back)
  request(0x2605);                 // ★
  request_range(0x3000, 0x3011);   // CJK punctuation in use
  request_range(0xFF01, 0xFF5E);   // full-width forms
  request(0xFFFD);
  for (const auto& m : message_catalog())
    for (std::string_view s : {m.zh_CN, m.en})
      for (size_t i = 0; i < s.size();) {
        auto st = text::utf8_decode(s, i);
        if (st.ok) request(st.cp);
        i += st.len;
      }
}

bool in(const Fallback& f, size_t c) { return c >= f.first && c <= f.last; }

// A fallback will be (or was) asked for c: an exhaustive one in range, or a
// partial one that has not been tried for c yet.
bool covered(size_t c) {
  for (const auto& f : g_fallbacks)
    if (in(f, c) && (!f.partial || !g_partial_tried[c])) return true;
  return false;
}

std::vector<ImWchar> ranges_of(const std::vector<bool>& set, const std::vector<bool>* minus = nullptr,
                               size_t from = 1, size_t to = kPlane - 1) {
  std::vector<ImWchar> r;
  for (size_t c = std::max<size_t>(from, 1); c <= to; ++c) {
    if (!set[c] || (minus && (*minus)[c])) continue;
    size_t e = c;
    while (e + 1 <= to && set[e + 1] && !(minus && (*minus)[e + 1])) ++e;
    r.push_back(static_cast<ImWchar>(c));
    r.push_back(static_cast<ImWchar>(e));
    c = e;
  }
  r.push_back(0);
  return r;
}

}  // namespace

void enable(bool lazy) {
  g_lazy = lazy;
  if (lazy && g_count == 0) request_base();
}
bool lazy() { return g_lazy; }

void note(std::string_view s) {
  if (!g_lazy) return;
  for (size_t i = 0; i < s.size();) {
    auto st = text::utf8_decode(s, i);
    i += st.len;
    char32_t cp = st.ok ? st.cp : 0xFFFD;
    if (cp < 0x20 || cp == 0x7F) continue;
    if (cp >= kPlane) {   // beyond ImWchar16: drawn as the box
      g_missing.insert(cp);
      continue;
    }
    if (g_font && g_font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) continue;
    g_missing.insert(cp);
    request(cp);
  }
}

void expect(std::string_view s) {
  if (!g_lazy) return;
  for (size_t i = 0; i < s.size();) {
    auto st = text::utf8_decode(s, i);
    i += st.len;
    if (!st.ok || st.cp < 0x20 || st.cp == 0x7F || st.cp >= kPlane) continue;
    if (g_font && g_font->FindGlyphNoFallback(static_cast<ImWchar>(st.cp))) continue;
    request(st.cp);
  }
}

void begin_frame() { g_missing.clear(); }

bool rebuild_wanted() { return g_lazy && (g_pending || g_fallback_dirty); }

int missing_last_frame() { return static_cast<int>(g_missing.size()); }

std::vector<ImWchar> uncovered() {
  std::vector<ImWchar> out;
  for (size_t c = 1; c < kPlane; ++c)
    if (g_absent[c] && !g_unavailable[c] && !covered(c)) out.push_back(static_cast<ImWchar>(c));
  return out;
}

void add_fallback_font(const std::string& path, ImWchar first, ImWchar last, bool partial) {
  for (const auto& f : g_fallbacks)
    if (f.path == path) return;
  g_fallbacks.push_back({path, first, last, partial, {}});
  g_fallback_dirty = true;
}

const ImWchar* primary_ranges() {
  g_primary_ranges = ranges_of(g_requested, &g_absent);
  return g_primary_ranges.data();
}

size_t fallback_count() { return g_fallbacks.size(); }
const std::string& fallback_path(size_t i) { return g_fallbacks[i].path; }

const ImWchar* fallback_ranges(size_t i) {
  Fallback& f = g_fallbacks[i];
  std::vector<bool> want(kPlane, false);
  bool any = false;
  for (size_t c = f.first; c <= f.last; ++c)
    if (g_absent[c] && !g_unavailable[c] && !(f.partial && g_partial_tried[c])) want[c] = any = true;
  f.ranges = any ? ranges_of(want, nullptr, f.first, f.last) : std::vector<ImWchar>{};
  return any ? f.ranges.data() : nullptr;
}

void built(ImFont* font) {
  g_font = font;
  g_pending = false;
  g_fallback_dirty = false;
  g_rebuilds++;
  if (!g_lazy || !font) return;
  for (size_t c = 0x20; c < kPlane; ++c) {
    if (!g_requested[c] || font->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
    if (g_absent[c] && covered(c)) {
      // Asked of every fallback in range (all were in this build): the
      // partial ones lack it; after an exhaustive one, no font has it.
      for (const auto& f : g_fallbacks) {
        if (!in(f, c)) continue;
        if (f.partial) g_partial_tried[c] = true;
        else g_unavailable[c] = true;
      }
    } else if (!g_absent[c]) {
      g_absent[c] = true;        // the first font lacks it: a fallback's job
      if (covered(c)) g_fallback_dirty = true;
    }
  }
}

int rebuilds() { return g_rebuilds; }

}  // namespace civic::ui::glyphs
