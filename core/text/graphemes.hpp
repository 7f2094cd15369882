// core/text/graphemes.hpp — counting user-perceived characters ("字"), so a
// length limit means what the resident sees, not bytes or code points.
//
// A cluster follows UAX #29's extended grapheme clusters, simplified:
//  [x] base + combining marks (Mn, Me, Mc), ZWNJ, half-width kana sound marks
//  [x] variation selectors (U+FE00..FE0F, U+E0100..E01EF), emoji modifiers
//      (U+1F3FB..1F3FF) and tag characters (flag subdivisions)
//  [x] emoji ZWJ sequences (pictograph ZWJ pictograph ...)
//  [x] regional-indicator pairs (flags), CR LF
//  [x] Hangul jamo: L+ V+ T*, LV/LVT syllables + V/T
//  [x] Indic conjuncts: consonant + virama + consonant (Unicode 15.1 GB9c)
//  [ ] Prepend characters (GB9b) count apart; a spacing mark between a
//      pictograph and a ZWJ still lets the next pictograph join (GB11)
// Limits: any length, one linear pass, no allocation. Invalid UTF-8 bytes
// count one each (callers reject invalid UTF-8 before counting anyway).
#pragma once
#include <cstddef>
#include <string_view>

namespace civic::text {

size_t count_graphemes(std::string_view s);

// Mn, Me or Mc in Unicode 14 (combining_marks.cpp).
bool is_combining_mark(char32_t cp);

}  // namespace civic::text
