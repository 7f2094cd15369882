// core/ime/dictionary.hpp — the pinyin dictionary the on-screen keyboard's
// Chinese input looks words up in, and the candidate list for typed letters.
//
// The data is generated at build time (scripts/make-pinyin-dict.mjs) from
// Debian's rime-data-pinyin-simp (Apache-2.0, derived from the Android Pinyin
// IME's frequency list) and handed to parse_dictionary() as bytes by the shell
// (core never opens files). Lines: WORD TAB SYLLABLES TAB WEIGHT, e.g.
//   噪音<TAB>zao yin<TAB>1187
// Limits: at most kMaxDictBytes of input and kMaxEntries entries; a word is
// 1–kMaxWordChars CJK characters, one syllable (from syllables.hpp) per
// character; a weight is at most 10 digits and ≤ 2^31-1. Lines that break a
// rule are skipped and counted (Dictionary::skipped), '#' lines are comments;
// bytes after kMaxDictBytes or kMaxEntries make the whole parse fail.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace civic::ime {

inline constexpr size_t kMaxDictBytes = 16u << 20;
inline constexpr size_t kMaxEntries = 300000;
inline constexpr size_t kMaxWordChars = 8;
inline constexpr size_t kMaxCandidates = 256;

struct Entry {
  std::string key;        // "zao yin"
  std::string word;       // "噪音"
  std::uint32_t weight = 0;
  std::uint8_t syllables = 0;
};

struct Dictionary {
  std::vector<Entry> entries;   // by key, then weight (highest first), then word
  size_t skipped = 0;           // lines that broke a rule
};

// `drawable` (optional) tells whether the screen's font has a character;
// words with a character it lacks are left out, so a candidate never shows
// as a missing-glyph box.
Result<Dictionary> parse_dictionary(std::string_view text,
                                    const std::function<bool(char32_t)>& drawable = {});

struct Candidate {
  std::string text;
  size_t consumed = 0;      // bytes of the input the word stands for (apostrophes included)
  std::uint32_t weight = 0;
};

// The words for typed letters: first those that stand for the whole input,
// then those for a leading part of it (longer part first), each group by
// weight; no text twice; at most kMaxCandidates. Deterministic: ties go to
// the byte order of the text.
std::vector<Candidate> candidates(const Dictionary& dict, std::string_view input);

}  // namespace civic::ime
