// tests/core/text_graphemes_test.cpp — user-perceived characters: what a
// resident counts when the form says "at most 4,000 characters".
#include <doctest/doctest.h>

#include <string>

#include "core/text/graphemes.hpp"

using civic::text::count_graphemes;
using civic::text::is_combining_mark;

TEST_CASE("count_graphemes counts what a reader sees") {
  struct Row { const char* name; std::string in; size_t want; };
  Row rows[] = {
      {"empty", "", 0},
      {"ASCII", "light", 5},
      {"CJK", "路灯不亮", 4},
      {"CJK with full-width punctuation", "路灯不亮！", 5},
      {"e + combining acute", "e\xCC\x81", 1},
      {"precomposed é", "\xC3\xA9", 1},
      {"base with three marks (zalgo)", "a\xCC\x81\xCC\x82\xCC\x83" "b", 2},
      {"Vietnamese with two marks", "e\xCC\x82\xCC\x81", 1},
      {"Devanagari consonant + vowel sign (Mc)", "\xE0\xA4\x95\xE0\xA4\xBE", 1},
      {"Devanagari conjunct ksha (ka virama ssa)", "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7", 1},
      {"conjunct with ZWJ after the virama", "\xE0\xA4\x95\xE0\xA5\x8D\xE2\x80\x8D\xE0\xA4\xB7", 1},
      {"virama then an independent vowel", "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\x85", 2},
      {"virama without a consonant before it", "a\xE0\xA5\x8D\xE0\xA4\x95", 2},
      {"emoji", "\xF0\x9F\x98\x80", 1},
      {"emoji + skin tone", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", 1},
      {"family ZWJ sequence", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", 1},
      {"rainbow flag: VS16 + ZWJ", "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88", 1},
      {"heart with VS16", "\xE2\x9D\xA4\xEF\xB8\x8F", 1},
      {"keycap 1", "1\xEF\xB8\x8F\xE2\x83\xA3", 1},
      {"CJK ideograph + variation selector (IVS)", "\xE8\x91\x9B\xF3\xA0\x84\x80", 1},
      {"flag CN (regional-indicator pair)", "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3", 1},
      {"two flags", "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3\xF0\x9F\x87\xAD\xF0\x9F\x87\xB0", 2},
      {"three regional indicators", "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3\xF0\x9F\x87\xAD", 2},
      {"England flag (tag sequence)",
       "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xA5\xF3\xA0\x81\xAE\xF3\xA0\x81\xA7\xF3\xA0\x81\xBF",
       1},
      {"Hangul syllables", "\xED\x95\x9C\xEA\xB8\x80", 2},
      {"Hangul jamo L V T", "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", 1},
      {"Hangul LV syllable + T jamo", "\xEA\xB0\x80\xE1\x86\xA8", 1},
      {"Hangul jamo L L V", "\xE1\x84\x80\xE1\x84\x80\xE1\x85\xA1", 1},
      {"half-width katakana + voiced mark", "\xEF\xBD\xB6\xEF\xBE\x9E", 1},
      {"CR LF is one", "a\r\nb", 3},
      {"LF CR is two", "\n\r", 2},
      {"mark after newline stands alone", "\n\xCC\x81", 2},
      {"ZWJ between letters does not join them", "a\xE2\x80\x8D" "b", 2},
      {"two ZWJs between emoji do not join them", "\xF0\x9F\x98\x80\xE2\x80\x8D\xE2\x80\x8D\xF0\x9F\x98\x80", 2},
      {"ZWJ then emoji after a letter does not join", "a\xE2\x80\x8D\xF0\x9F\x98\x80", 2},
      {"invalid bytes count one each", "\xFF\xFE" "a", 3},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(count_graphemes(r.in) == r.want); }
  }
}

TEST_CASE("is_combining_mark follows Unicode's Mn, Me and Mc") {
  struct Row { const char* name; char32_t cp; bool want; };
  Row rows[] = {{"combining acute U+0301", 0x301, true},  {"enclosing keycap U+20E3", 0x20E3, true},
                {"Devanagari AA sign (Mc)", 0x93E, true}, {"VS16 U+FE0F", 0xFE0F, true},
                {"IVS U+E0100", 0xE0100, true},           {"letter a", U'a', false},
                {"CJK 路", 0x8DEF, false},                  {"last in table U+E01EF", 0xE01EF, true},
                {"after table U+E01F0", 0xE01F0, false},  {"U+10FFFF", 0x10FFFF, false}};
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(is_combining_mark(r.cp) == r.want); }
  }
}
