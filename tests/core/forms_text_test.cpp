// tests/core/forms_text_test.cpp — free text: bytes first (UTF-8, controls,
// bidi), then length in user-perceived characters, as check_value applies
// them to the description (5..4,000 characters) and to string attributes.
#include <doctest/doctest.h>

#include <string>

#include "core/forms/validators.hpp"

using namespace civic::forms;

namespace {
std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}
std::string verdict(const Field& f, const std::string& text) {
  FieldValue v;
  v.text = text;
  auto e = check_value(f, v, FormOptions{});
  return e ? e->id : "";
}
}  // namespace

TEST_CASE("the description: required, at least 5 and at most 4,000 characters, clean bytes") {
  Field d;
  d.id = "description";
  d.kind = FieldKind::text;
  d.required = true;
  d.min_chars = 5;
  d.max_chars = kDescriptionMaxChars;
  const std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
  struct Row { const char* name; std::string in; std::string error; };
  Row rows[] = {
      {"CJK, five characters (minimum)", "路灯不亮了", ""},
      {"CJK, four characters", "路灯不亮", "forms.too_short"},
      {"4,000 CJK characters (12,000 bytes)", repeat("路", 4000), ""},
      {"4,001 CJK characters", repeat("路", 4001), "forms.too_long"},
      {"3,000 ZWJ families (54,000 bytes) count as 3,000", repeat(family, 3000), ""},
      {"4,000 e + combining accent", repeat("e\xCC\x81", 4000), ""},
      {"4,001 e + combining accent", repeat("e\xCC\x81", 4001), "forms.too_long"},
      {"outer spaces do not count", "  路灯不亮  ", "forms.too_short"},
      {"five emoji", repeat("\xF0\x9F\x98\xA1", 5), ""},
      {"four emoji with skin tones", repeat("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", 4), "forms.too_short"},
      {"line breaks are fine here", "路灯\n不亮了", ""},
      {"empty", "", "forms.required"},
      {"only ideographic spaces", "\xE3\x80\x80\xE3\x80\x80", "forms.required"},
      {"overlong UTF-8", "路灯不亮了\xC0\xAF", "forms.bad_utf8"},
      {"surrogate", "路灯不亮了\xED\xA0\x80", "forms.bad_utf8"},
      {"truncated sequence", "路灯不亮了\xE8\xB7", "forms.bad_utf8"},
      {"only a NUL is not empty", std::string(1, '\0'), "forms.control_char"},
      {"escape sequence", "路灯不亮了\x1B[2J", "forms.control_char"},
      {"RLO override", "路灯不亮了\xE2\x80\xAE", "forms.bidi_override"},
      {"isolate FSI", "\xE2\x81\xA8路灯不亮了", "forms.bidi_override"},
      {"a zalgo character of 70,000 bytes", "a" + repeat("\xCC\x81", 35000), "forms.too_long_bytes"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(verdict(d, r.in) == r.error); }
  }
}

TEST_CASE("a string attribute: one line, at most 255 characters") {
  Field f;
  f.id = "attribute[plate]";
  f.kind = FieldKind::line;
  f.max_chars = kStringMaxChars;
  struct Row { const char* name; std::string in; std::string error; };
  Row rows[] = {
      {"optional and empty", "", ""},
      {"plate number", "粤B·12345", ""},
      {"255 characters", repeat("字", 255), ""},
      {"256 characters", repeat("字", 256), "forms.too_long"},
      {"a newline is a control character in one line", "粤B\n12345", "forms.control_char"},
      {"a tab too", "粤B\t12345", "forms.control_char"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(verdict(f, r.in) == r.error); }
  }
}

TEST_CASE("too_short and too_long say how many characters") {
  auto e = check_length("路灯", 5, 0);
  REQUIRE(e);
  CHECK(e->params.at("min") == "5");
  auto l = check_length(repeat("路", 12), 0, 10);
  REQUIRE(l);
  CHECK(l->params.at("max") == "10");
  CHECK(l->params.at("count") == "12");
}
