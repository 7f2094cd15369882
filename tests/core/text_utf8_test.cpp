// tests/core/text_utf8_test.cpp — strict UTF-8 (RFC 3629), full-width
// folding, trimming, ASCII case folding and the unsafe-character scan of
// core/text.
#include <doctest/doctest.h>

#include <string>

#include "core/text/ascii.hpp"
#include "core/text/normalize.hpp"
#include "core/text/unsafe_chars.hpp"
#include "core/text/utf8.hpp"

using namespace civic::text;

TEST_CASE("utf8_valid accepts well-formed text and rejects every malformed form") {
  struct Row { const char* name; std::string bytes; bool valid; };
  Row rows[] = {
      {"empty", "", true},
      {"ascii", "street light", true},
      {"CJK", "路灯不亮", true},
      {"emoji (4 bytes)", "\xF0\x9F\x98\x80", true},
      {"NUL is valid UTF-8", std::string("a\0b", 3), true},
      {"largest scalar U+10FFFF", "\xF4\x8F\xBF\xBF", true},
      {"last before surrogates U+D7FF", "\xED\x9F\xBF", true},
      {"first after surrogates U+E000", "\xEE\x80\x80", true},
      {"overlong '/' in 2 bytes", "\xC0\xAF", false},
      {"overlong NUL C0 80", "\xC0\x80", false},
      {"overlong in 3 bytes", "\xE0\x80\xAF", false},
      {"overlong in 4 bytes", "\xF0\x80\x80\xAF", false},
      {"C1 lead", "\xC1\xBF", false},
      {"high surrogate U+D800", "\xED\xA0\x80", false},
      {"low surrogate U+DFFF", "\xED\xBF\xBF", false},
      {"above U+10FFFF", "\xF4\x90\x80\x80", false},
      {"F5 lead", "\xF5\x80\x80\x80", false},
      {"FF byte", "\xFF", false},
      {"stray continuation", "a\x80" "b", false},
      {"truncated 2-byte at end", "\xC3", false},
      {"truncated 3-byte at end", "\xE8\xB7", false},
      {"truncated 4-byte mid-text", "\xF0\x9F\x98 ok", false},
      {"lead then ASCII", "\xE8" "abc", false},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(utf8_valid(r.bytes) == r.valid); }
  }
}

TEST_CASE("utf8_append round-trips through utf8_decode") {
  struct Row { const char* name; char32_t cp; size_t len; };
  Row rows[] = {{"ASCII", U'A', 1}, {"2 bytes", 0xE9, 2}, {"3 bytes CJK", 0x8DEF, 3},
                {"4 bytes emoji", 0x1F600, 4}, {"U+10FFFF", 0x10FFFF, 4}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      std::string s;
      utf8_append(s, r.cp);
      REQUIRE(s.size() == r.len);
      Utf8Step st = utf8_decode(s, 0);
      CHECK(st.ok);
      CHECK(st.cp == r.cp);
      CHECK(st.len == r.len);
    }
  }
}

TEST_CASE("fullwidth_to_ascii folds what Chinese input methods type") {
  struct Row { const char* name; std::string in; std::string want; };
  Row rows[] = {
      {"full-width digits", "１３８００１３８０００", "13800138000"},
      {"full-width plus and hyphen", "＋８６－７５５", "+86-755"},
      {"full-width at sign and letters", "ｎａｍｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "name@example.com"},
      {"ideographic space", "0755\xE3\x80\x80" "1234", "0755 1234"},
      {"CJK untouched", "路灯", "路灯"},
      {"ASCII untouched", "abc 123", "abc 123"},
      {"invalid bytes copied as they are", "\xFF\x31", "\xFF\x31"},
      {"already folded is unchanged (idempotent)", "+86 138", "+86 138"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      CHECK(fullwidth_to_ascii(r.in) == r.want);
      CHECK(fullwidth_to_ascii(fullwidth_to_ascii(r.in)) == r.want);
    }
  }
}

TEST_CASE("trim_spaces removes ASCII, no-break and ideographic spaces at both ends") {
  struct Row { const char* name; std::string in; std::string want; };
  Row rows[] = {
      {"nothing to trim", "路灯", "路灯"},
      {"ASCII both ends", " \t路灯\n ", "路灯"},
      {"ideographic spaces", "\xE3\x80\x80路灯\xE3\x80\x80", "路灯"},
      {"no-break space", "\xC2\xA0" "a" "\xC2\xA0", "a"},
      {"inner spaces kept", " a b ", "a b"},
      {"only spaces", " \xE3\x80\x80 ", ""},
      {"empty", "", ""},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(std::string(trim_spaces(r.in)) == r.want); }
  }
}

TEST_CASE("find_unsafe flags controls and bidi overrides, allows line breaks in multi-line text") {
  struct Row { const char* name; std::string in; bool multiline; Unsafe want; size_t offset; };
  Row rows[] = {
      {"plain CJK", "路灯不亮", false, Unsafe::none, 0},
      {"newline in multi-line", "第一行\n第二行\r\n", true, Unsafe::none, 0},
      {"tab in multi-line", "a\tb", true, Unsafe::none, 0},
      {"newline in one line", "a\nb", false, Unsafe::control, 1},
      {"NUL", std::string("ab\0", 3), true, Unsafe::control, 2},
      {"escape", "\x1B[31m", true, Unsafe::control, 0},
      {"DEL", "a\x7F", true, Unsafe::control, 1},
      {"C1 control U+0085", "a\xC2\x85", true, Unsafe::control, 1},
      {"line separator in one line", "a\xE2\x80\xA8", false, Unsafe::control, 1},
      {"line separator in multi-line", "a\xE2\x80\xA8", true, Unsafe::none, 0},
      {"noncharacter U+FFFF", "\xEF\xBF\xBF", true, Unsafe::control, 0},
      {"RLO U+202E", "abc\xE2\x80\xAE" "fdp.exe", false, Unsafe::bidi, 3},
      {"LRE U+202A", "\xE2\x80\xAA", true, Unsafe::bidi, 0},
      {"RLI U+2067", "x\xE2\x81\xA7", true, Unsafe::bidi, 1},
      {"PDI U+2069", "\xE2\x81\xA9", true, Unsafe::bidi, 0},
      {"RLM U+200F is harmless", "a\xE2\x80\x8F" "b", false, Unsafe::none, 0},
      {"ZWJ emoji is fine", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", false, Unsafe::none, 0},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UnsafeFind f = find_unsafe(r.in, r.multiline);
      CHECK(f.kind == r.want);
      if (r.want != Unsafe::none) CHECK(f.offset == r.offset);
    }
  }
}

TEST_CASE("lower_ascii folds A..Z only, whatever the C locale says") {
  struct Row { const char* name; std::string in, out; };
  Row rows[] = {
      {"empty", "", ""},
      {"media type", "Audio/WebM", "audio/webm"},
      {"letters around the ASCII range", "@AZ[`az{", "@az[`az{"},
      {"UTF-8 bytes unchanged", "\xC3\x9C \xE8\xB7\xAF\xE7\x81\xAF", "\xC3\x9C \xE8\xB7\xAF\xE7\x81\xAF"},
      {"full-width letters are not ASCII", "\xEF\xBC\xA1", "\xEF\xBC\xA1"},
      {"NUL kept", std::string("A\0B", 3), std::string("a\0b", 3)},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) { CHECK(lower_ascii(r.in) == r.out); }
  }
}
