// tests/core/ime_dictionary_test.cpp — the pinyin dictionary: parsing its
// lines (and refusing bad ones), and the candidates residents see first for
// the words they most often type when filing a concern.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/ime/dictionary.hpp"
#include "tests/core/ime_test_dict.hpp"

using namespace civic::ime;

namespace {
std::vector<std::string> top(const Dictionary& d, const std::string& in, size_t n) {
  std::vector<std::string> out;
  for (const auto& c : candidates(d, in)) {
    if (out.size() == n) break;
    out.push_back(c.text);
  }
  return out;
}
}  // namespace

TEST_CASE("the generated dictionary loads") {
  const auto& d = test_pinyin_dict();
  CHECK(d.entries.size() > 50000);
  CHECK(d.skipped == 0);
}

TEST_CASE("concern words come first for their pinyin") {
  const auto& d = test_pinyin_dict();
  struct Row { const char* name; const char* in; const char* first; };
  Row rows[] = {
      {"noise", "zaoyin", "噪音"},
      {"street light", "ludeng", "路灯"},
      {"housing estate", "xiaoqu", "小区"},
      {"property management", "wuye", "物业"},
      {"complaint", "tousu", "投诉"},
      {"telephone", "dianhua", "电话"},
      {"Shenzhen", "shenzhen", "深圳"},
      {"repair", "weixiu", "维修"},
      {"Xi'an with the apostrophe", "xi'an", "西安"},
      {"xian alone is the common single character", "xian", "先"},
      {"v for u-umlaut", "lvse", "绿色"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto t = top(d, r.in, 1);
      REQUIRE(!t.empty());
      CHECK(t[0] == r.first);
    }
  }
}

TEST_CASE("an unfinished last syllable finds the word on the first page") {
  const auto& d = test_pinyin_dict();
  auto t = top(d, "zaoy", 6);
  CHECK(std::find(t.begin(), t.end(), "噪音") != t.end());
  auto s = top(d, "shenzh", 6);
  CHECK(std::find(s.begin(), s.end(), "深圳") != s.end());
}

TEST_CASE("candidates: whole-input words first, then words for a leading part") {
  const auto& d = test_pinyin_dict();
  auto c = candidates(d, "zaoyin");
  REQUIRE(c.size() > 3);
  CHECK(c[0].text == "噪音");
  CHECK(c[0].consumed == 6);
  CHECK(c[1].consumed == 3);   // 早, 造, … stand for "zao"
  CHECK(c[1].text == "早");
  for (size_t i = 1; i < c.size(); ++i) CHECK(c[i - 1].consumed >= c[i].consumed);
  auto x = candidates(d, "xi'an");
  REQUIRE(!x.empty());
  CHECK(x[0].consumed == 5);   // the apostrophe is consumed with the word
  CHECK(candidates(d, "i").empty());
  CHECK(candidates(d, "").empty());
  CHECK(candidates(d, "ZAO").empty());
}

TEST_CASE("parse_dictionary keeps good lines and counts bad ones") {
  struct Row { const char* name; std::string text; size_t entries, skipped; bool ok; };
  Row rows[] = {
      {"one entry", "噪音\tzao yin\t1187\n", 1, 0, true},
      {"comment and CRLF", "# c\r\n路灯\tlu deng\t548\r\n", 1, 0, true},
      {"no final newline", "路灯\tlu deng\t548", 1, 0, true},
      {"syllable count differs from characters", "路灯\tlu\t5\n路\tlu\t5\n", 1, 1, true},
      {"not a syllable", "路\tlx\t5\n路\tlu\t5\n", 1, 1, true},
      {"Latin word", "ab\tlu deng\t5\n路\tlu\t5\n", 1, 1, true},
      {"weight with a sign", "路\tlu\t-5\n路\tlu\t5\n", 1, 1, true},
      {"weight over 2^31-1", "路\tlu\t2147483648\n路\tlu\t5\n", 1, 1, true},
      {"extra column", "路\tlu\t5\tx\n路\tlu\t5\n", 1, 1, true},
      {"double space in reading", "路灯\tlu  deng\t5\n路\tlu\t5\n", 1, 1, true},
      {"invalid UTF-8", "\xE8\xB7\tlu\t5\n路\tlu\t5\n", 1, 1, true},
      {"nothing usable", "x\ty\tz\n", 0, 0, false},
      {"empty", "", 0, 0, false},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto d = parse_dictionary(r.text);
      CHECK(d.ok() == r.ok);
      if (d.ok()) {
        CHECK(d->entries.size() == r.entries);
        CHECK(d->skipped == r.skipped);
      } else {
        CHECK(d.error().id == "ime.dict_bad");
      }
    }
  }
}

TEST_CASE("parse_dictionary leaves out words the font cannot draw") {
  auto d = parse_dictionary("深圳\tshen zhen\t9\n深\tshen\t5\n", [](char32_t c) { return c != U'圳'; });
  REQUIRE(d.ok());
  REQUIRE(d->entries.size() == 1);
  CHECK(d->entries[0].word == "深");
}

TEST_CASE("parse_dictionary refuses input over its limits") {
  std::string big(kMaxDictBytes + 1, '#');
  auto d = parse_dictionary(big);
  REQUIRE(!d.ok());
  CHECK(d.error().id == "ime.dict_bad");
}
