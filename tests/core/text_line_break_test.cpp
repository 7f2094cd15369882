// tests/core/text_line_break_test.cpp — a proposed wrap of Chinese text is
// moved so closing punctuation never starts a line, opening never ends one.
#include <doctest/doctest.h>

#include <string>

#include "core/text/line_break.hpp"

using civic::text::adjust_line_break;

namespace {
// Byte offset of the n-th character (code point) of s.
size_t at_char(const std::string& s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return i;
}
}  // namespace

TEST_CASE("a proposed line break obeys the CJK punctuation rules") {
  struct Row {
    const char* name;
    std::string text;
    int line_start;   // in characters
    int proposed;
    int expected;
  };
  const Row rows[] = {
      {"between two hanzi: kept", "夜间施工噪音商铺", 0, 4, 4},
      {"before 、: the hanzi before it moves down too", "夜间施工噪音、商铺经营", 0, 6, 5},
      {"after 、: kept", "夜间施工噪音、商铺经营", 0, 7, 7},
      {"before ，", "修得很快，但是", 0, 4, 3},
      {"before 。at the end of a sentence", "已办结。谢谢", 0, 3, 2},
      {"after an opening bracket: the bracket moves down", "说说您的意见（可不填）", 0, 7, 6},
      {"before a closing bracket", "意见（可不填）好", 0, 6, 5},
      {"a closing bracket then 。: pulled past both", "（可不填）。好的", 0, 4, 3},
      {"the end of the text: kept", "路灯不亮。", 0, 5, 5},
      {"never back to the line's start", "、、、、好", 0, 1, 1},
      {"a run longer than the pull-back limit: as proposed", "好、、、、、", 0, 5, 5},
      {"Latin text at a space: kept", "Street light out", 0, 6, 6},
      {"ASCII punctuation is the renderer's business", "lights, out", 0, 6, 6},
      {"a later line", "一键反映，全程可查，按时办结", 5, 9, 8},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      size_t got = adjust_line_break(r.text, at_char(r.text, r.line_start), at_char(r.text, r.proposed));
      CHECK(got == at_char(r.text, r.expected));
    }
  }
}

TEST_CASE("broken UTF-8 leaves the proposed break where it was") {
  const std::string bad = std::string("好\xE3\x80", 5) + "、好";
  CHECK(adjust_line_break(bad, 0, 5) == 5);
  CHECK(adjust_line_break("", 0, 0) == 0);
  CHECK(adjust_line_break("好", 0, 99) == 99);
}
