// tests/core/ime_syllables_test.cpp — splitting typed letters into pinyin
// syllables (core/ime/syllables): the readings an input method must offer.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/ime/syllables.hpp"

using namespace civic::ime;

namespace {
std::vector<std::string> readings(const std::string& in) {
  std::vector<std::string> out;
  for (const auto& s : split(in)) out.push_back(join(s.syllables) + (s.partial_last ? "*" : ""));
  return out;
}
std::string show(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " | ") + x;
  return s;
}
}  // namespace

TEST_CASE("split reads typed letters as pinyin syllables") {
  struct Row { const char* name; std::string in; std::vector<std::string> want; };
  Row rows[] = {
      {"two syllables: zaoyin", "zaoyin", {"zao yin", "za o yin"}},
      {"ludeng", "ludeng", {"lu deng"}},
      {"xiaoqu", "xiaoqu", {"xiao qu", "xia o qu", "xi ao qu", "xi a o qu"}},
      {"xian is one syllable or two", "xian", {"xian", "xi an"}},
      {"apostrophe forces xi'an", "xi'an", {"xi an"}},
      {"apostrophe at the end is ignored", "xian'", {"xian", "xi an"}},
      {"shenzhen: zh is one initial", "shenzhen", {"shen zhen"}},
      {"last syllable only begun", "zaoy", {"zao y*", "za o y*"}},
      {"an initial alone", "zh", {"zh*"}},
      {"v stands for u-umlaut", "lvse", {"lv se"}},
      {"a vowel syllable", "e", {"e"}},
      {"longest first syllable first", "zhuangchuang", {"zhuang chuang", "zhuang chu ang", "zhu ang chuang", "zhu ang chu ang"}},
      {"no syllable starts with i", "i", {}},
      {"upper case is not pinyin", "Zao", {}},
      {"digits are not pinyin", "zao1", {}},
      {"empty input", "", {}},
      {"only an apostrophe", "'", {}},
      {"more than kMaxInput letters", std::string(kMaxInput + 1, 'a'), {}},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(show(readings(r.in)) == show(r.want)); }
  }
}

TEST_CASE("split stays bounded on the most ambiguous input") {
  // "a" repeated: every letter is a syllable, "ai"/"an"… are not formed, but
  // "xianxianxian…" has 2^n readings; the splitter must cap them.
  std::string in;
  for (int i = 0; i < 5; ++i) in += "xian";
  in += "xia";
  auto s = split(in);
  CHECK(s.size() <= kMaxSplits);
  CHECK(!s.empty());
  CHECK(join(s.front().syllables) == "xian xian xian xian xian xia");
}

TEST_CASE("is_syllable and is_syllable_prefix") {
  struct Row { const char* name; const char* s; bool syllable, prefix; };
  Row rows[] = {
      {"complete", "zhuang", true, true},
      {"initial only", "zh", false, true},
      {"single letter syllable", "a", true, true},
      {"letter that starts nothing", "v", false, false},
      {"too long", "zhuangg", false, false},
      {"empty", "", false, false},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      CHECK(is_syllable(r.s) == r.syllable);
      CHECK(is_syllable_prefix(r.s) == r.prefix);
    }
  }
}
