// tests/core/forms_schema_test.cpp — service definition -> form schema, with
// the conventions documented in core/forms/schema.hpp.
#include <doctest/doctest.h>

#include <string>

#include "core/api/parse.hpp"
#include "core/forms/schema.hpp"

using namespace civic;
using namespace civic::forms;

namespace {
const char* kDefinition = R"({
  "service_code": "noise-night",
  "attributes": [
    {"variable": false, "code": "notice", "datatype": "string", "order": 1,
     "description": "夜间施工须持有夜间施工许可证"},
    {"variable": true, "code": "kind", "datatype": "singlevaluelist", "required": "true", "order": 2,
     "description": "噪音类型", "values": [{"key": "machine", "name": "机械"}, {"key": "truck", "name": "车辆"}]},
    {"variable": true, "code": "db", "datatype": "number", "required": false, "order": 3,
     "datatype_description": "分贝，0-200，整数", "description": "噪音大小"},
    {"variable": true, "code": "since", "datatype": "datetime", "order": 4, "description": "开始时间"},
    {"variable": true, "code": "callback", "datatype": "string", "order": 5,
     "datatype_description": "[phone] 方便回访的电话", "description": "回访电话"},
    {"variable": true, "code": "id_card", "datatype": "string", "order": 6, "description": "身份证号"},
    {"variable": true, "code": "days", "datatype": "multivaluelist", "order": 7,
     "values": [{"key": 1, "name": "周一"}, {"key": 2}]},
    {"variable": true, "code": "kind", "datatype": "text", "order": 8, "description": "repeated code"},
    {"variable": true, "code": "a[b]", "datatype": "string", "order": 9},
    {"variable": true, "code": "details", "datatype": "text", "order": 10}
  ]})";
}  // namespace

TEST_CASE("build_schema maps every attribute and adds the common fields") {
  auto def = api::parse_service_definition(kDefinition);
  REQUIRE(def.ok());
  FormSchema s = build_schema(*def);
  CHECK(s.service_code == "noise-night");
  struct Row { const char* id; FieldKind kind; bool required; };
  Row rows[] = {
      {"description", FieldKind::text, true},
      {"attribute[notice]", FieldKind::note, false},
      {"attribute[kind]", FieldKind::single_choice, true},
      {"attribute[db]", FieldKind::number, false},
      {"attribute[since]", FieldKind::datetime, false},
      {"attribute[callback]", FieldKind::phone, false},
      {"attribute[id_card]", FieldKind::resident_id, false},
      {"attribute[days]", FieldKind::multi_choice, false},
      {"attribute[details]", FieldKind::text, false},
      {"location", FieldKind::location, true},
      {"media", FieldKind::attachments, false},
      {"anonymous", FieldKind::flag, false},
      {"first_name", FieldKind::line, false},
      {"phone", FieldKind::phone, true},
      {"email", FieldKind::email, false},
  };
  REQUIRE(s.fields.size() == std::size(rows));
  for (size_t i = 0; i < std::size(rows); ++i) {
    SUBCASE(rows[i].id) {
      CHECK(s.fields[i].id == rows[i].id);
      CHECK(s.fields[i].kind == rows[i].kind);
      CHECK(s.fields[i].required == rows[i].required);
    }
  }
}

TEST_CASE("details carried from the definition") {
  auto def = api::parse_service_definition(kDefinition);
  REQUIRE(def.ok());
  FormSchema s = build_schema(*def);
  auto f = [&](const char* id) -> const Field& { return s.fields[static_cast<size_t>(field_index(s, id))]; };
  SUBCASE("the number range and whole-number rule come from datatype_description") {
    CHECK(f("attribute[db]").number_min == "0");
    CHECK(f("attribute[db]").number_max == "200");
    CHECK(f("attribute[db]").integer_only);
  }
  SUBCASE("choices keep keys (numbers as strings) and names (key when missing)") {
    const auto& c = f("attribute[days]").choices;
    REQUIRE(c.size() == 2);
    CHECK(c[0].key == "1");
    CHECK(c[0].name == "周一");
    CHECK(c[1].name == "2");
  }
  SUBCASE("a repeated code keeps the first definition") { CHECK(f("attribute[kind]").kind == FieldKind::single_choice); }
  SUBCASE("a code with brackets cannot be posted and is skipped") { CHECK(field_index(s, "attribute[a[b]]") < 0); }
  SUBCASE("labels: the server's words for attributes, catalog ids for common fields") {
    CHECK(f("attribute[kind]").label == "噪音类型");
    CHECK(f("description").label_id == "forms.field.description");
    CHECK(f("description").max_chars == 4000);
    CHECK(f("description").min_chars == 5);
  }
  SUBCASE("contact fields depend on the anonymous flag") {
    for (const char* id : {"first_name", "phone", "email"}) {
      CHECK(f(id).contact);
      REQUIRE(f(id).depends_on.size() == 1);
      CHECK(f(id).depends_on[0] == "anonymous");
    }
  }
}

TEST_CASE("ranges read from datatype_description") {
  struct Row { const char* name; const char* description; const char* min; const char* max; bool integer; };
  Row rows[] = {
      {"plain A-B", "0-200", "0", "200", false},
      {"with words around", "年龄（18~120 岁）", "18", "120", false},
      {"full-width tilde and digits", "０～１００", "0", "100", false},
      {"Chinese 至", "1至5", "1", "5", false},
      {"en dash with spaces", "1.5 – 2.5 m", "1.5", "2.5", false},
      {"dot dot", "1..10", "1", "10", false},
      {"English 'to'", "from 1 to 10, integer", "1", "10", true},
      {"negative bounds", "-5--1", "-5", "-1", false},
      {"reversed range ignored", "10-1", "", "", false},
      {"no range", "any amount", "", "", false},
      {"whole number in words", "a whole number", "", "", true},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      api::ServiceDefinition def;
      api::Attribute a;
      a.code = "n";
      a.datatype = api::Datatype::number;
      a.datatype_description = r.description;
      def.attributes.push_back(a);
      FormSchema s = build_schema(def);
      const Field& f = s.fields[static_cast<size_t>(field_index(s, "attribute[n]"))];
      CHECK(f.number_min == r.min);
      CHECK(f.number_max == r.max);
      CHECK(f.integer_only == r.integer);
    }
  }
}

TEST_CASE("options shape the common fields") {
  FormOptions o;
  o.allow_anonymous = false;
  o.contact_phone_required = false;
  o.description_required = false;
  o.attachments_required = true;
  FormSchema s = build_schema(api::ServiceDefinition{"x", {}}, o);
  CHECK(field_index(s, "anonymous") < 0);
  CHECK_FALSE(s.fields[static_cast<size_t>(field_index(s, "phone"))].required);
  CHECK(s.fields[static_cast<size_t>(field_index(s, "phone"))].depends_on.empty());
  CHECK_FALSE(s.fields[static_cast<size_t>(field_index(s, "description"))].required);
  CHECK(s.fields[static_cast<size_t>(field_index(s, "media"))].required);
}
