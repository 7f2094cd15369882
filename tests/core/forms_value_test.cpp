// tests/core/forms_value_test.cpp — check_value: "required" and the check of
// each field kind (list membership, flags, formats) on one field.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/forms/validators.hpp"

using namespace civic::forms;

namespace {
Field make(FieldKind kind, bool required) {
  Field f;
  f.id = "attribute[x]";
  f.kind = kind;
  f.required = required;
  f.choices = {{"machine", "机械"}, {"truck", "车辆"}, {"1", "一"}};
  return f;
}
}  // namespace

TEST_CASE("check_value by kind") {
  FormOptions opt;
  opt.today = 20261127;
  struct Row { const char* name; FieldKind kind; bool required; std::string text; std::vector<std::string> keys;
               std::string error; };
  Row rows[] = {
      {"single choice: a key", FieldKind::single_choice, true, "truck", {}, ""},
      {"single choice: numeric key", FieldKind::single_choice, true, "1", {}, ""},
      {"single choice: a name is not a key", FieldKind::single_choice, true, "车辆", {}, "forms.choice_invalid"},
      {"single choice: case matters", FieldKind::single_choice, true, "Truck", {}, "forms.choice_invalid"},
      {"single choice: required and empty", FieldKind::single_choice, true, "", {}, "forms.required"},
      {"single choice: optional and empty", FieldKind::single_choice, false, "", {}, ""},
      {"multi choice: two keys", FieldKind::multi_choice, true, "", {"machine", "truck"}, ""},
      {"multi choice: every key", FieldKind::multi_choice, true, "", {"machine", "truck", "1"}, ""},
      {"multi choice: a key twice", FieldKind::multi_choice, true, "", {"truck", "truck"}, "forms.choice_repeated"},
      {"multi choice: unknown key", FieldKind::multi_choice, true, "", {"truck", "bus"}, "forms.choice_invalid"},
      {"multi choice: required and none", FieldKind::multi_choice, true, "", {}, "forms.required"},
      {"multi choice: optional and none", FieldKind::multi_choice, false, "", {}, ""},
      {"flag: true", FieldKind::flag, false, "true", {}, ""},
      {"flag: 0", FieldKind::flag, false, "0", {}, ""},
      {"flag: yes is not a flag", FieldKind::flag, false, "yes", {}, "forms.flag_invalid"},
      {"phone: full-width mobile", FieldKind::phone, true, "１３８００１３８０００", {}, ""},
      {"phone: required and empty", FieldKind::phone, true, "  ", {}, "forms.required"},
      {"phone: control character before the format check", FieldKind::phone, true, "138\x01", {}, "forms.control_char"},
      {"phone: invalid UTF-8 before the format check", FieldKind::phone, true, "138\xFF", {}, "forms.bad_utf8"},
      // Sent normalized, without the tab: the server sees a clean number, so must the form.
      {"phone: a tab pasted after the number is trimmed away", FieldKind::phone, true, "0755-2345678\t", {}, ""},
      {"number: a line break after it is trimmed away", FieldKind::number, true, "7\n", {}, ""},
      {"email: optional and empty", FieldKind::email, false, "", {}, ""},
      {"email: bad", FieldKind::email, false, "li@", {}, "forms.email_invalid"},
      {"resident id: valid", FieldKind::resident_id, true, "11010519491231002X", {}, ""},
      {"resident id: future birth with today set", FieldKind::resident_id, true, "440301202611280014", {}, "forms.id_birthdate"},
      {"datetime: no zone", FieldKind::datetime, true, "2026-05-01T08:30", {}, "forms.datetime_zone"},
      {"number: not a number", FieldKind::number, true, "abc", {}, "forms.number_invalid"},
      {"note: never fails", FieldKind::note, true, "", {}, ""},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      FieldValue v;
      v.text = r.text;
      v.keys = r.keys;
      auto got = check_value(make(r.kind, r.required), v, opt);
      CHECK((got ? got->id : std::string()) == r.error);
    }
  }
}

TEST_CASE("canonical_text sends normalised values, and invalid ones as typed") {
  FormOptions opt;
  struct Row { const char* name; FieldKind kind; std::string text; std::string want; };
  Row rows[] = {
      {"phone", FieldKind::phone, "＋８６ １３８-００１３-８０００", "13800138000"},
      {"invalid phone as typed", FieldKind::phone, "12345", "12345"},
      {"email domain lower-cased", FieldKind::email, "Li@Example.com", "Li@example.com"},
      {"resident id X", FieldKind::resident_id, "11010519491231002x", "11010519491231002X"},
      {"number", FieldKind::number, "００７", "7"},
      {"flag 1", FieldKind::flag, "1", "true"},
      {"free text untouched", FieldKind::text, " 路灯 ", " 路灯 "},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      FieldValue v;
      v.text = r.text;
      CHECK(canonical_text(make(r.kind, false), v, opt) == r.want);
    }
  }
}
