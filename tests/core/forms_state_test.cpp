// tests/core/forms_state_test.cpp — incremental validation: one edit re-checks
// one field (and its dependents), messages appear only after blur or submit,
// and switching language re-renders them.
#include <doctest/doctest.h>

#include <string>

#include "core/forms/form_state.hpp"
#include "core/i18n/messages.hpp"

using namespace civic;
using namespace civic::forms;

namespace {
FormSchema schema_with_attributes(size_t n) {
  api::ServiceDefinition def{"streetlight-out", {}};
  for (size_t i = 0; i < n; ++i) {
    api::Attribute a;
    a.code = "a" + std::to_string(i);
    a.datatype = api::Datatype::string;
    def.attributes.push_back(a);
  }
  return build_schema(def);
}
std::string id_of(const FormState& st, const FormSchema& s, const char* field) {
  const auto& v = st.fields[static_cast<size_t>(field_index(s, field))].verdict;
  return v ? v->id : "";
}
}  // namespace

TEST_CASE("one edit re-checks only that field and its dependents") {
  FormSchema s = schema_with_attributes(50);
  FormState st = start_form(s);
  CHECK(st.checks == s.fields.size());
  struct Row { const char* name; const char* field; std::string text; uint64_t rechecked; };
  Row rows[] = {
      {"typing in the description checks the description", "description", "路", 1},
      {"an attribute checks itself", "attribute[a7]", "x", 1},
      {"the phone checks itself", "phone", "138", 1},
      {"the anonymous flag also re-checks name, phone and e-mail", "anonymous", "true", 4},
      {"an unknown field checks nothing", "no-such-field", "x", 0},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      uint64_t before = st.checks;
      set_text(st, s, r.field, r.text);
      CHECK(st.checks - before == r.rechecked);
    }
  }
}

TEST_CASE("a message shows only after the resident leaves the field or submits") {
  FormSchema s = schema_with_attributes(0);
  FormState st = start_form(s);
  SUBCASE("untouched: verdict known, nothing shown") {
    CHECK(id_of(st, s, "description") == "forms.required");
    CHECK(shown_error(st, s, "description") == nullptr);
  }
  SUBCASE("typing the first character shows nothing") {
    set_text(st, s, "description", "路");
    CHECK(id_of(st, s, "description") == "forms.too_short");
    CHECK(shown_error(st, s, "description") == nullptr);
  }
  SUBCASE("after blur the message shows, and follows later edits") {
    set_text(st, s, "description", "路");
    blur(st, s, "description");
    REQUIRE(shown_error(st, s, "description") != nullptr);
    CHECK(shown_error(st, s, "description")->id == "forms.too_short");
    set_text(st, s, "description", "路灯不亮了");
    CHECK(shown_error(st, s, "description") == nullptr);
  }
  SUBCASE("submit shows every message, even on untouched fields") {
    CHECK_FALSE(submit(st));
    REQUIRE(shown_error(st, s, "location") != nullptr);
    CHECK(shown_error(st, s, "location")->id == "forms.location_required");
    CHECK(shown_error(st, s, "phone")->id == "forms.required");
  }
}

TEST_CASE("anonymous filing switches the contact fields off and on") {
  FormSchema s = schema_with_attributes(0);
  FormState st = start_form(s);
  set_text(st, s, "phone", "bad phone");
  CHECK(id_of(st, s, "phone") == "forms.phone_invalid");
  set_text(st, s, "anonymous", "true");
  CHECK(id_of(st, s, "phone") == "");
  CHECK(field_inactive(s, st, static_cast<size_t>(field_index(s, "phone"))));
  set_text(st, s, "anonymous", "false");
  CHECK(id_of(st, s, "phone") == "forms.phone_invalid");
}

TEST_CASE("a complete form submits") {
  FormSchema s = schema_with_attributes(0);
  FormState st = start_form(s);
  set_text(st, s, "description", "路灯不亮已经三天了");
  FieldValue here;
  here.location = {"22.543096", "114.057865", "", ""};
  set_value(st, s, "location", here);
  set_text(st, s, "phone", "13800138000");
  CHECK(form_errors(s, st).empty());
  CHECK(submit(st));
}

TEST_CASE("switching language re-renders the visible message from its id") {
  FormSchema s = schema_with_attributes(0);
  FormState st = start_form(s);
  set_text(st, s, "description", "路灯");
  blur(st, s, "description");
  const Error* e = shown_error(st, s, "description");
  REQUIRE(e);
  struct Row { const char* name; Lang lang; std::string want; };
  Row rows[] = {{"zh-CN", Lang::zh_CN, "至少 5 个字"}, {"en", Lang::en, "At least 5 characters"}};
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(explain(r.lang, *e) == r.want); }
  }
}
