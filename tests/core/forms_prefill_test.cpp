// tests/core/forms_prefill_test.cpp — the resident's details offered again,
// only with consent, and kept as plain JSON the app persists.
#include <doctest/doctest.h>

#include <string>

#include "core/forms/prefill.hpp"

using namespace civic;
using namespace civic::forms;

namespace {
struct Filled {
  FormSchema schema = build_schema(api::ServiceDefinition{"streetlight-out", {}});
  FormState state = start_form(schema);
  Filled() {
    set_text(state, schema, "description", "路灯不亮已经三天了");
    FieldValue here;
    here.location = {"22.543096", "114.057865", "福田区福中三路", ""};
    set_value(state, schema, "location", here);
    set_text(state, schema, "first_name", "李明");
    set_text(state, schema, "phone", "１３８ ００１３ ８０００");
    set_text(state, schema, "email", "bad@");
  }
};
const std::string& text_of(const FormState& st, const FormSchema& s, const char* id) {
  return st.fields[static_cast<size_t>(field_index(s, id))].value.text;
}
}  // namespace

TEST_CASE("remember keeps valid details only with consent") {
  Filled f;
  SUBCASE("without consent nothing is kept, and earlier details are dropped") {
    Prefill before;
    before.consent = true;
    before.phone = "13900139000";
    Prefill p = remember(before, f.schema, f.state, false);
    CHECK_FALSE(p.consent);
    CHECK(p.phone.empty());
    CHECK(p.name.empty());
  }
  SUBCASE("with consent: canonical phone, name, location; the invalid e-mail is not kept") {
    Prefill before;
    before.email = "old@example.com";
    Prefill p = remember(before, f.schema, f.state, true);
    CHECK(p.consent);
    CHECK(p.name == "李明");
    CHECK(p.phone == "13800138000");
    CHECK(p.email == "old@example.com");
    CHECK(p.location.lat == "22.543096");
    CHECK(p.location.address == "福田区福中三路");
  }
  SUBCASE("an anonymous filing leaves the kept contact details alone") {
    set_text(f.state, f.schema, "anonymous", "true");
    Prefill before;
    before.phone = "13900139000";
    Prefill p = remember(before, f.schema, f.state, true);
    CHECK(p.phone == "13900139000");
    CHECK(p.name.empty());
  }
  SUBCASE("a kiosk hall is never remembered as the resident's location") {
    FieldValue hall;
    hall.location = {"", "", "", "hall:futian-01"};
    set_value(f.state, f.schema, "location", hall);
    Prefill p = remember({}, f.schema, f.state, true);
    CHECK(p.location.place_id.empty());
    CHECK(p.location.lat.empty());
  }
}

TEST_CASE("apply_prefill offers details in untouched, empty fields") {
  FormSchema s = build_schema(api::ServiceDefinition{"x", {}});
  Prefill p;
  p.consent = true;
  p.name = "李明";
  p.phone = "13800138000";
  p.location = {"22.5", "114.0", "", ""};
  SUBCASE("fills and marks prefilled; the verdict is computed") {
    FormState st = start_form(s);
    apply_prefill(st, s, p);
    CHECK(text_of(st, s, "phone") == "13800138000");
    CHECK(st.fields[static_cast<size_t>(field_index(s, "phone"))].prefilled);
    CHECK_FALSE(st.fields[static_cast<size_t>(field_index(s, "phone"))].verdict.has_value());
    CHECK_FALSE(st.fields[static_cast<size_t>(field_index(s, "location"))].verdict.has_value());
  }
  SUBCASE("never overwrites what the resident typed") {
    FormState st = start_form(s);
    set_text(st, s, "phone", "13900139000");
    apply_prefill(st, s, p);
    CHECK(text_of(st, s, "phone") == "13900139000");
  }
  SUBCASE("without consent nothing is offered") {
    FormState st = start_form(s);
    p.consent = false;
    apply_prefill(st, s, p);
    CHECK(text_of(st, s, "phone").empty());
  }
}

TEST_CASE("prefill JSON round-trips and refuses damaged bytes") {
  Prefill p;
  p.consent = true;
  p.name = "李明";
  p.phone = "13800138000";
  p.email = "li@example.com";
  p.location = {"22.5", "114.0", "福田区", ""};
  auto back = prefill_from_json(prefill_to_json(p));
  REQUIRE(back.ok());
  CHECK(back->name == p.name);
  CHECK(back->phone == p.phone);
  CHECK(back->email == p.email);
  CHECK(back->location.address == p.location.address);

  struct Row { const char* name; std::string bytes; bool ok; };
  Row rows[] = {
      {"no consent stores nothing else", R"({"consent":false,"name":"李明"})", true},
      {"not JSON", "{", false},
      {"an array", "[]", false},
      {"consent missing", R"({"name":"x"})", false},
      {"consent as a string", R"({"consent":"true"})", false},
      {"name as a number", R"({"consent":true,"name":5})", false},
      {"location as a string", R"({"consent":true,"location":"here"})", false},
      {"string over 1 KiB", R"({"consent":true,"name":")" + std::string(1025, 'a') + "\"}", false},
      {"unknown keys ignored", R"({"consent":true,"theme":"dark"})", true},
      {"over 16 KiB", std::string(16 * 1024 + 1, ' '), false},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto got = prefill_from_json(r.bytes);
      CHECK(got.ok() == r.ok);
      if (!got.ok()) CHECK(got.error().id == "forms.prefill_bad");
    }
  }
  SUBCASE("without consent the JSON holds no personal data") {
    Prefill q = p;
    q.consent = false;
    CHECK(prefill_to_json(q) == R"({"consent":false})");
  }
}
