// core/ime/syllables.hpp — the syllables of Hanyu Pinyin as typed on a
// keyboard without tones ("ü" typed as "v": lv, nv, lve, nve; lue/nue also
// accepted), and the splitting of a typed string into them.
//
// Limits: input is lowercase a–z and the apostrophe (the syllable separator,
// as in "xi'an"); anything else makes split() return no segmentation. At most
// kMaxInput letters are considered and at most kMaxSplits segmentations are
// returned (longest first syllable first), so a long run of letters can never
// make the work explode.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace civic::ime {

inline constexpr size_t kMaxInput = 32;    // letters in one composition
inline constexpr size_t kMaxSplits = 64;   // segmentations split() returns at most

// True when s is one complete syllable ("zhuang", "lv", "a").
bool is_syllable(std::string_view s);
// True when s begins at least one syllable ("zh", "x", "xia").
bool is_syllable_prefix(std::string_view s);

// One way to read the input: syllables in order. The last one may be
// incomplete (a prefix of a syllable, e.g. "zao y") when `partial_last`.
struct Split {
  std::vector<std::string> syllables;
  bool partial_last = false;
};

// Every reading of `input` as syllables, apostrophes forcing a boundary.
// When no complete reading exists, a final fragment that only begins a
// syllable ("zaoy") is kept as a partial syllable. Complete readings come first, fewer syllables first, then by the
// longest first syllable ("xian" → [xian], [xi an]). Empty when the input
// cannot be read (a letter no syllable starts with, such as "v" alone or "i").
std::vector<Split> split(std::string_view input);

// "zao yin" — the key a dictionary entry is stored under.
std::string join(const std::vector<std::string>& syllables);

}  // namespace civic::ime
