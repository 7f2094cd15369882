// core/text/graphemes.cpp — the cluster rules listed in graphemes.hpp.
#include "core/text/graphemes.hpp"

#include "core/text/utf8.hpp"

namespace civic::text {

namespace {

enum class Gb { other, cr, lf, control, extend, zwj, ri, l, v, t, lv, lvt, pict };

bool extended_pictographic(char32_t c) {
  // The blocks Unicode's Extended_Pictographic property draws from; close
  // enough for counting (every emoji a keyboard offers is inside).
  return c == 0xA9 || c == 0xAE || c == 0x203C || c == 0x2049 || c == 0x2122 || c == 0x2139 ||
         (c >= 0x2194 && c <= 0x21AA) || (c >= 0x231A && c <= 0x23FF) || (c >= 0x24C2 && c <= 0x24C2) ||
         (c >= 0x25AA && c <= 0x25FE) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2934 && c <= 0x2935) ||
         (c >= 0x2B05 && c <= 0x2B55) || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299 ||
         (c >= 0x1F000 && c <= 0x1F1E5) || (c >= 0x1F200 && c <= 0x1F3FA) || (c >= 0x1F400 && c <= 0x1FAFF) ||
         (c >= 0x1FC00 && c <= 0x1FFFD);
}

Gb classify(char32_t c) {
  if (c == '\r') return Gb::cr;
  if (c == '\n') return Gb::lf;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029) return Gb::control;
  if (c < 0x300) return (c == 0xA9 || c == 0xAE) ? Gb::pict : Gb::other;
  // CJK Unified Ideographs (and Extension A): most of what residents type here,
  // and no marks, jamo or pictographs among them.
  if (c >= 0x3400 && c <= 0x9FFF) return Gb::other;
  if (c == 0x200D) return Gb::zwj;
  if (c == 0x200C || (c >= 0xFF9E && c <= 0xFF9F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
      (c >= 0xE0020 && c <= 0xE007F) || is_combining_mark(c))
    return Gb::extend;
  if (c >= 0x1F1E6 && c <= 0x1F1FF) return Gb::ri;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C)) return Gb::l;
  if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6)) return Gb::v;
  if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB)) return Gb::t;
  if (c >= 0xAC00 && c <= 0xD7A3) return (c - 0xAC00) % 28 == 0 ? Gb::lv : Gb::lvt;
  if (extended_pictographic(c)) return Gb::pict;
  return Gb::other;
}

// Indic_Conjunct_Break (UAX #29 GB9c, Unicode 15.1): a virama ("linker")
// joins the consonants on both sides into one conjunct, as in क्ष.
bool incb_linker(char32_t c) {
  return c == 0x94D || c == 0x9CD || c == 0xACD || c == 0xB4D || c == 0xC4D || c == 0xD4D;
}

bool incb_consonant(char32_t c) {
  struct R { char32_t a, b; };
  static constexpr R kRanges[] = {
      {0x915, 0x939}, {0x958, 0x95F}, {0x978, 0x97F},                                    // Devanagari
      {0x995, 0x9A8}, {0x9AA, 0x9B0}, {0x9B2, 0x9B2}, {0x9B6, 0x9B9}, {0x9DC, 0x9DD},
      {0x9DF, 0x9DF}, {0x9F0, 0x9F1},                                                    // Bengali
      {0xA95, 0xAA8}, {0xAAA, 0xAB0}, {0xAB2, 0xAB3}, {0xAB5, 0xAB9}, {0xAF9, 0xAF9},  // Gujarati
      {0xB15, 0xB28}, {0xB2A, 0xB30}, {0xB32, 0xB33}, {0xB35, 0xB39}, {0xB5C, 0xB5D},
      {0xB5F, 0xB5F}, {0xB71, 0xB71},                                                    // Oriya
      {0xC15, 0xC28}, {0xC2A, 0xC39}, {0xC58, 0xC5A},                                    // Telugu
      {0xD15, 0xD3A},                                                                    // Malayalam
  };
  if (c < 0x915 || c > 0xD3A) return false;
  for (const R& r : kRanges)
    if (c >= r.a && c <= r.b) return true;
  return false;
}

}  // namespace

size_t count_graphemes(std::string_view s) {
  size_t count = 0;
  Gb prev = Gb::control;
  int pict = 0;                  // GB11: 1 inside "pictograph Extend*", 2 right after its ZWJ
  size_t ri_run = 0;             // regional indicators in a row (GB12/13 pair them)
  int conjunct = 0;              // GB9c: 1 after a consonant (+ extends), 2 once a linker followed
  for (size_t i = 0; i < s.size();) {
    Utf8Step st = utf8_decode(s, i);
    i += st.len;
    Gb cur = st.ok ? classify(st.cp) : Gb::control;
    bool join = false;
    if (count > 0) {
      if (prev == Gb::cr && cur == Gb::lf) join = true;                                   // GB3
      else if (prev == Gb::cr || prev == Gb::lf || prev == Gb::control) join = false;     // GB4
      else if (cur == Gb::cr || cur == Gb::lf || cur == Gb::control) join = false;        // GB5
      else if (prev == Gb::l && (cur == Gb::l || cur == Gb::v || cur == Gb::lv || cur == Gb::lvt))
        join = true;                                                                      // GB6
      else if ((prev == Gb::lv || prev == Gb::v) && (cur == Gb::v || cur == Gb::t)) join = true;  // GB7
      else if ((prev == Gb::lvt || prev == Gb::t) && cur == Gb::t) join = true;           // GB8
      else if (cur == Gb::extend || cur == Gb::zwj) join = true;                          // GB9, GB9a
      else if (prev == Gb::zwj && cur == Gb::pict && pict == 2) join = true;               // GB11
      else if (prev == Gb::ri && cur == Gb::ri && ri_run % 2 == 1) join = true;           // GB12, GB13
      else if (conjunct == 2 && st.ok && incb_consonant(st.cp)) join = true;             // GB9c
    }
    if (st.ok && incb_consonant(st.cp)) conjunct = 1;
    else if (st.ok && incb_linker(st.cp)) conjunct = conjunct ? 2 : 0;
    else if (cur != Gb::extend && cur != Gb::zwj) conjunct = 0;
    if (!join) ++count;
    if (cur == Gb::pict) pict = 1;
    else if (cur == Gb::extend) pict = pict == 1 ? 1 : 0;
    else if (cur == Gb::zwj) pict = pict == 1 ? 2 : 0;
    else pict = 0;
    ri_run = cur == Gb::ri ? ri_run + 1 : 0;
    prev = cur;
  }
  return count;
}

}  // namespace civic::text
