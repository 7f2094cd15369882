// core/ime/composer.hpp — the state of one pinyin composition: the letters
// typed and not yet converted, the words already chosen for their leading
// part, and the page of candidates shown. Plain functions over a plain struct
// so the keyboard (ui/keyboard.cpp) and doctest drive it the same way.
//
// Typing "zaoyin" and choosing 早 (which stands for "zao") leaves "yin" to
// convert; choosing 音 then finishes the composition and yields "早音" to be
// inserted into the field. Backspace first removes letters, then un-chooses.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/ime/dictionary.hpp"

namespace civic::ime {

struct Composer {
  std::string input;                                  // letters and apostrophes still to convert
  std::vector<std::pair<std::string, std::string>> picks;   // chosen word, the letters it used
  std::vector<Candidate> list;                        // candidates for `input`
  size_t page = 0;
  size_t page_size = 6;
};

bool composing(const Composer& c);
// What the composition shows: the chosen words then the letters ("早yin").
std::string preedit(const Composer& c);

// A letter a–z or the apostrophe; others are ignored. False (nothing
// changed) when the composition already holds kMaxInput letters.
bool type(Composer& c, const Dictionary& d, char letter);
// Removes the last letter, or un-chooses the last word; false when idle.
bool backspace(Composer& c, const Dictionary& d);
// Chooses candidate `index` of the current page. Returns the text to insert
// when the whole input has been converted, or an empty string (still composing).
std::string choose(Composer& c, const Dictionary& d, size_t index_on_page);
// Space: the first candidate; with no candidate, the letters as typed.
std::string choose_first(Composer& c, const Dictionary& d);
// Enter: the chosen words and the remaining letters as typed.
std::string commit_raw(Composer& c);
void clear(Composer& c);

size_t page_count(const Composer& c);
void next_page(Composer& c);
void prev_page(Composer& c);
// The candidates on the current page.
std::vector<Candidate> page(const Composer& c);

}  // namespace civic::ime
