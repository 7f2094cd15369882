// tests/core/forms_submission_test.cpp — "the server rejects what the client
// rejects, with the same message id": to_params() on the client, then
// check_submission() as the server runs it, over a table of forms.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/api/parse.hpp"
#include "core/api/url.hpp"
#include "core/forms/submission.hpp"
#include "core/forms/validators.hpp"

using namespace civic;
using namespace civic::forms;

namespace {
const char* kDefinition = R"({"service_code": "noise-night", "attributes": [
  {"variable": false, "code": "notice", "datatype": "string", "order": 1, "description": "说明"},
  {"code": "kind", "datatype": "singlevaluelist", "required": true, "order": 2,
   "values": [{"key": "machine", "name": "机械"}, {"key": "truck", "name": "车辆"}]},
  {"code": "db", "datatype": "number", "order": 3, "datatype_description": "0-200"},
  {"code": "days", "datatype": "multivaluelist", "order": 4, "values": [{"key": "mon"}, {"key": "tue"}]},
  {"code": "since", "datatype": "datetime", "order": 5}]})";

api::ServiceDefinition definition() { return *api::parse_service_definition(kDefinition); }

using Ids = std::vector<std::pair<std::string, std::string>>;   // (field, message id)

Ids ids(const std::vector<FieldError>& errors) {
  Ids out;
  for (const auto& e : errors) out.emplace_back(e.field, e.error.id);
  return out;
}

struct Edit { const char* field; std::string text; };
}  // namespace

TEST_CASE("client and server reach the same verdicts") {
  const auto def = definition();
  const FormSchema schema = build_schema(def);
  const std::vector<Edit> good = {{"description", "夜里两点还在打桩"}, {"attribute[kind]", "machine"},
                                  {"phone", "１３８００１３８０００"}};
  struct Row { const char* name; std::vector<Edit> edits; std::vector<std::string> days; bool with_location;
               Ids want; };
  Row rows[] = {
      {"a valid form", good, {"mon", "tue"}, true, {}},
      {"everything missing", {}, {}, false,
       {{"description", "forms.required"}, {"attribute[kind]", "forms.required"},
        {"location", "forms.location_required"}, {"phone", "forms.required"}}},
      {"description too short (CJK)", {{"description", "路灯"}, {"attribute[kind]", "truck"}, {"phone", "13800138000"}},
       {}, true, {{"description", "forms.too_short"}}},
      {"bidi override in the description", {{"description", "路灯不亮了\xE2\x80\xAE"}, {"attribute[kind]", "truck"},
       {"phone", "13800138000"}}, {}, true, {{"description", "forms.bidi_override"}}},
      {"number out of range, bad datetime", {{"description", "夜里两点还在打桩"}, {"attribute[kind]", "truck"},
       {"attribute[db]", "201"}, {"attribute[since]", "2026-05-01T02:00"}, {"phone", "13800138000"}}, {}, true,
       {{"attribute[db]", "forms.number_range"}, {"attribute[since]", "forms.datetime_zone"}}},
      {"unknown choice, repeated day", {{"description", "夜里两点还在打桩"}, {"attribute[kind]", "bus"},
       {"phone", "13800138000"}}, {"mon", "mon"}, true,
       {{"attribute[kind]", "forms.choice_invalid"}, {"attribute[days]", "forms.choice_repeated"}}},
      {"bad phone and e-mail", {{"description", "夜里两点还在打桩"}, {"attribute[kind]", "truck"},
       {"phone", "12345678901"}, {"email", "li@localhost"}}, {}, true,
       {{"phone", "forms.phone_mobile"}, {"email", "forms.email_invalid"}}},
      {"anonymous: no phone needed", {{"description", "夜里两点还在打桩"}, {"attribute[kind]", "truck"},
       {"anonymous", "true"}, {"phone", "not sent"}}, {}, true, {}},
      {"invalid UTF-8 in the name", {{"description", "夜里两点还在打桩"}, {"attribute[kind]", "truck"},
       {"phone", "13800138000"}, {"first_name", "李\xC0\xAF"}}, {}, true, {{"first_name", "forms.bad_utf8"}}},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      FormState st = start_form(schema);
      for (const auto& e : r.edits) set_text(st, schema, e.field, e.text);
      FieldValue days;
      days.keys = r.days;
      set_value(st, schema, "attribute[days]", days);
      if (r.with_location) {
        FieldValue loc;
        loc.location = {"22.543096", "114.057865", "", ""};
        set_value(st, schema, "location", loc);
      }
      CHECK(ids(form_errors(schema, st)) == r.want);
      // Through the wire format and back, as the server sees it.
      bool ok = false;
      api::Params decoded = api::form_decode(api::form_encode(to_params(schema, st, true)), &ok);
      REQUIRE(ok);
      CHECK(ids(validate_submission(def, decoded, {}, FormOptions{})) == r.want);
    }
  }
}

TEST_CASE("to_params writes GeoReport fields in canonical form") {
  const auto def = definition();
  const FormSchema schema = build_schema(def);
  FormState st = start_form(schema);
  set_text(st, schema, "description", "夜里两点还在打桩");
  set_text(st, schema, "attribute[db]", "０８５");
  set_text(st, schema, "phone", "+86 138-0013-8000");
  FieldValue days;
  days.keys = {"mon", "tue"};
  set_value(st, schema, "attribute[days]", days);
  FieldValue hall;
  hall.location = {"22.5", "114.0", "福田区市民中心", "hall:futian-01"};
  set_value(st, schema, "location", hall);
  api::Params want = {{"description", "夜里两点还在打桩"}, {"attribute[db]", "85"},
                      {"attribute[days][]", "mon"}, {"attribute[days][]", "tue"},
                      {"lat", "22.5"}, {"long", "114.0"}, {"address_string", "福田区市民中心"},
                      {"address_id", "hall:futian-01"}, {"phone", "13800138000"}};
  CHECK(to_params(schema, st, true) == want);
  SUBCASE("anonymous: contact left out; the flag only for Civic servers") {
    set_text(st, schema, "anonymous", "true");
    auto with = to_params(schema, st, true);
    auto without = to_params(schema, st, false);
    auto has = [](const api::Params& p, const char* k) {
      return std::any_of(p.begin(), p.end(), [&](const auto& kv) { return kv.first == k; });
    };
    CHECK(has(with, "anonymous"));
    CHECK_FALSE(has(with, "phone"));
    CHECK_FALSE(has(without, "anonymous"));
  }
}

TEST_CASE("the server also rejects what no client of ours would send") {
  const auto def = definition();
  const api::Params base = {{"description", "夜里两点还在打桩"}, {"attribute[kind]", "truck"},
                            {"lat", "22.5"}, {"long", "114.0"}, {"phone", "13800138000"},
                            {"api_key", "k"}, {"service_code", "noise-night"}};
  struct Row { const char* name; api::Params extra; std::vector<Attachment> files; Ids want; };
  Row rows[] = {
      {"server-only keys are ignored", {{"jurisdiction_id", "sz"}, {"media_url", "http://x/a.jpg"}}, {}, {}},
      {"unknown attribute", {{"attribute[colour]", "red"}}, {}, {{"attribute[colour]", "forms.unknown_field"}}},
      {"display-only attribute", {{"attribute[notice]", "x"}}, {}, {{"attribute[notice]", "forms.not_editable"}}},
      {"description twice", {{"description", "again"}}, {}, {{"description", "forms.repeated"}}},
      {"lat twice", {{"lat", "1"}}, {}, {{"lat", "forms.repeated"}}},
      {"single list sent as a list", {{"attribute[db][]", "5"}}, {}, {}},
      {"last_name checked like first_name", {{"last_name", "\x1B"}}, {}, {{"last_name", "forms.control_char"}}},
      {"ten attachments", {}, std::vector<Attachment>(10, {"a.jpg", "image/jpeg", 10}),
       {{"media", "forms.attachments_too_many"}}},
      {"an SVG attachment", {}, {{"a.svg", "image/svg+xml", 10}}, {{"media", "forms.attachment_type"}}},
      {"anonymous as yes", {{"anonymous", "yes"}}, {}, {{"anonymous", "forms.flag_invalid"}}},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      api::Params p = base;
      p.insert(p.end(), r.extra.begin(), r.extra.end());
      CHECK(ids(validate_submission(def, p, r.files)) == r.want);
    }
  }
  SUBCASE("a Civic desk that forbids anonymous filing still asks for the phone") {
    FormOptions o;
    o.allow_anonymous = false;
    api::Params p = {{"description", "夜里两点还在打桩"}, {"attribute[kind]", "truck"}, {"lat", "22.5"},
                     {"long", "114.0"}, {"anonymous", "true"}};
    CHECK(ids(validate_submission(def, p, {}, o)) == Ids{{"phone", "forms.required"}});
  }
  SUBCASE("check_submission hands back canonical values to store") {
    api::Params p = base;
    p.emplace_back("email", "Li@Example.COM");
    Submission s = check_submission(def, p, {});
    REQUIRE(s.errors.empty());
    int i = field_index(s.schema, "email");
    CHECK(canonical_text(s.schema.fields[static_cast<size_t>(i)], s.state.fields[static_cast<size_t>(i)].value,
                         s.schema.options) == "Li@example.com");
  }
}
