// tests/core/ime_composer_test.cpp — one pinyin composition as the on-screen
// keyboard drives it: typing, choosing (whole or part), paging, backspace.
#include <doctest/doctest.h>

#include <string>

#include "core/ime/composer.hpp"
#include "core/ime/syllables.hpp"
#include "tests/core/ime_test_dict.hpp"

using namespace civic::ime;

namespace {
std::string type_all(Composer& c, const Dictionary& d, const std::string& s) {
  for (char ch : s) type(c, d, ch);
  return preedit(c);
}
}  // namespace

TEST_CASE("composer: the ways a composition ends") {
  const auto& d = test_pinyin_dict();
  struct Row { const char* name; std::string letters; std::vector<int> picks; bool space, enter; std::string out; };
  Row rows[] = {
      {"space takes the first candidate", "zaoyin", {}, true, false, "噪音"},
      {"tapping the first candidate", "ludeng", {0}, false, false, "路灯"},
      {"a part (早 for zao), then the rest (因 for yin)", "zaoyin", {1, 0}, false, false, "早因"},
      {"enter types the letters", "wifi", {}, false, true, "wifi"},
      {"space with no candidate types the letters", "wuye'", {}, true, false, "物业"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Composer c;
      type_all(c, d, r.letters);
      std::string out;
      for (int p : r.picks) out += choose(c, d, static_cast<size_t>(p));
      if (r.space) out += choose_first(c, d);
      if (r.enter) out += commit_raw(c);
      CHECK(out == r.out);
      CHECK(!composing(c));
    }
  }
}

TEST_CASE("composer: preedit, backspace and un-choosing") {
  const auto& d = test_pinyin_dict();
  Composer c;
  CHECK(type_all(c, d, "zaoyin") == "zaoyin");
  CHECK(choose(c, d, 1).empty());   // 早 for "zao"
  CHECK(preedit(c) == "早yin");
  CHECK(backspace(c, d));
  CHECK(preedit(c) == "早yi");
  CHECK(backspace(c, d));
  CHECK(backspace(c, d));
  CHECK(preedit(c) == "早");
  CHECK(backspace(c, d));           // un-chooses 早: its letters come back
  CHECK(preedit(c) == "zao");
  CHECK(backspace(c, d));
  CHECK(backspace(c, d));
  CHECK(backspace(c, d));
  CHECK(!composing(c));
  CHECK(!backspace(c, d));          // idle: the field's own backspace applies
}

TEST_CASE("composer: paging through candidates") {
  const auto& d = test_pinyin_dict();
  Composer c;
  c.page_size = 5;
  type_all(c, d, "shi");
  REQUIRE(page_count(c) > 2);
  auto first = page(c);
  CHECK(first.size() == 5);
  prev_page(c);
  CHECK(c.page == 0);
  next_page(c);
  CHECK(c.page == 1);
  auto second = page(c);
  CHECK(second[0].text != first[0].text);
  std::string chosen = choose(c, d, 0);
  CHECK(chosen == second[0].text);
  for (size_t i = 0; i < 1000; ++i) next_page(c);
  CHECK(c.page == 0);   // idle composer: no pages
  CHECK(choose(c, d, 7).empty());
}

TEST_CASE("composer: input limits") {
  const auto& d = test_pinyin_dict();
  Composer c;
  CHECK(!type(c, d, '\''));    // no leading apostrophe
  CHECK(!type(c, d, 'A'));
  CHECK(!type(c, d, '1'));
  for (size_t i = 0; i < kMaxInput; ++i) CHECK(type(c, d, 'a'));
  CHECK(!type(c, d, 'a'));
  CHECK(c.input.size() == kMaxInput);
}

TEST_CASE("composer: choosing a word teaches the engine nothing") {
  // A shared kiosk must not reveal what an earlier resident chose.
  const auto& d = test_pinyin_dict();
  auto before = candidates(d, "shi");
  REQUIRE(before.size() > 10);
  for (int i = 0; i < 5; ++i) {
    Composer c;
    type_all(c, d, "shi");
    c.page = 1;
    CHECK(!choose(c, d, 3).empty());   // a word far down the list, five times
  }
  auto after = candidates(d, "shi");
  REQUIRE(after.size() == before.size());
  for (size_t i = 0; i < before.size(); ++i) CHECK(after[i].text == before[i].text);
}
