// core/forms/schema.cpp — service definition + common fields -> FormSchema,
// following the conventions written in schema.hpp.
#include "core/forms/schema.hpp"

#include <algorithm>

#include "core/forms/decimal.hpp"
#include "core/text/ascii.hpp"
#include "core/text/normalize.hpp"

namespace civic::forms {

namespace {

FieldKind string_kind(const api::Attribute& a) {
  std::string d = text::lower_ascii(text::trim_spaces(text::fullwidth_to_ascii(a.datatype_description)));
  std::string code = text::lower_ascii(a.code);
  if (d.rfind("[phone]", 0) == 0 || code == "phone" || code == "mobile" || code == "tel") return FieldKind::phone;
  if (d.rfind("[email]", 0) == 0 || code == "email") return FieldKind::email;
  if (d.rfind("[resident_id]", 0) == 0 || code == "resident_id" || code == "id_card" || code == "id_number")
    return FieldKind::resident_id;
  return FieldKind::line;
}

// A decimal at s[i] ("-" allowed only when not glued to a digit before it).
size_t decimal_at(std::string_view s, size_t i) {
  size_t j = i;
  if (j < s.size() && s[j] == '-' && (i == 0 || !text::is_digit(s[i - 1]))) ++j;
  size_t d0 = j;
  while (j < s.size() && text::is_digit(s[j])) ++j;
  if (j == d0) return 0;
  if (j + 1 < s.size() && s[j] == '.' && text::is_digit(s[j + 1])) {
    ++j;
    while (j < s.size() && text::is_digit(s[j])) ++j;
  }
  return j - i;
}

size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// The first "A<sep>B" range in a datatype_description (schema.hpp).
void read_range(std::string_view description, Field& f) {
  std::string s = text::fullwidth_to_ascii(description);   // "０～２００" too; "～" is U+FF5E -> '~'
  static constexpr std::string_view kSeps[] = {"..", "-", "~", "\xE2\x80\x93", "\xE2\x80\x94",
                                               "\xE8\x87\xB3", "\xE5\x88\xB0", "to"};
  for (size_t i = 0; i < s.size() && i < 1000; ++i) {
    if (i > 0 && (text::is_digit(s[i - 1]) || s[i - 1] == '.')) continue;
    size_t a = decimal_at(s, i);
    if (!a) continue;
    size_t j = skip_spaces(s, i + a);
    for (std::string_view sep : kSeps) {
      if (s.compare(j, sep.size(), sep) != 0) continue;
      size_t k = skip_spaces(s, j + sep.size());
      size_t b = decimal_at(s, k);
      if (!b) continue;
      auto lo = parse_decimal(std::string_view(s).substr(i, a));
      auto hi = parse_decimal(std::string_view(s).substr(k, b));
      if (lo && hi && compare(*lo, *hi) <= 0) {
        f.number_min = to_string(*lo);
        f.number_max = to_string(*hi);
        return;
      }
    }
  }
}

bool says_integer(std::string_view description) {
  std::string d = text::lower_ascii(description);
  return d.find("integer") != std::string::npos || d.find("whole number") != std::string::npos ||
         d.find("\xE6\x95\xB4\xE6\x95\xB0") != std::string::npos;   // 整数
}

Field attribute_field(const api::Attribute& a) {
  Field f;
  f.id = "attribute[" + a.code + "]";
  f.required = a.required && a.variable;
  f.label = a.description;
  f.hint = a.datatype_description;
  if (!a.variable) {
    f.kind = FieldKind::note;
    return f;
  }
  switch (a.datatype) {
    case api::Datatype::string:
      f.kind = string_kind(a);
      if (f.kind == FieldKind::line) f.max_chars = kStringMaxChars;
      break;
    case api::Datatype::text:
      f.kind = FieldKind::text;
      f.max_chars = kDescriptionMaxChars;
      break;
    case api::Datatype::number:
      f.kind = FieldKind::number;
      read_range(a.datatype_description, f);
      f.integer_only = says_integer(a.datatype_description);
      break;
    case api::Datatype::datetime: f.kind = FieldKind::datetime; break;
    case api::Datatype::singlevaluelist:
    case api::Datatype::multivaluelist:
      f.kind = a.datatype == api::Datatype::singlevaluelist ? FieldKind::single_choice : FieldKind::multi_choice;
      for (const auto& v : a.values) f.choices.push_back({v.key, v.name});
      break;
  }
  return f;
}

Field common(std::string id, FieldKind kind, bool required, std::string label_id) {
  Field f;
  f.id = std::move(id);
  f.kind = kind;
  f.required = required;
  f.label_id = std::move(label_id);
  return f;
}

}  // namespace

FormSchema build_schema(const api::ServiceDefinition& def, const FormOptions& options) {
  FormSchema s;
  s.service_code = def.service_code;
  s.options = options;

  Field description = common("description", FieldKind::text, options.description_required, "forms.field.description");
  description.min_chars = options.description_min_chars;
  description.max_chars = kDescriptionMaxChars;
  s.fields.push_back(std::move(description));

  for (const auto& a : def.attributes) {
    if (a.code.find_first_of("[]") != std::string::npos) continue;   // not writable in a POST body
    std::string id = "attribute[" + a.code + "]";
    if (field_index(s, id) >= 0) continue;   // a repeated code: the first one wins
    s.fields.push_back(attribute_field(a));
  }

  s.fields.push_back(common("location", FieldKind::location, true, "forms.field.location"));
  s.fields.push_back(common("media", FieldKind::attachments, options.attachments_required, "forms.field.media"));
  if (options.allow_anonymous) s.fields.push_back(common("anonymous", FieldKind::flag, false, "forms.field.anonymous"));

  Field name = common("first_name", FieldKind::line, false, "forms.field.name");
  name.max_chars = kNameMaxChars;
  Field phone = common("phone", FieldKind::phone, options.contact_phone_required, "forms.field.phone");
  Field email = common("email", FieldKind::email, false, "forms.field.email");
  for (Field* f : {&name, &phone, &email}) {
    f->contact = true;
    if (options.allow_anonymous) f->depends_on = {"anonymous"};
    s.fields.push_back(std::move(*f));
  }
  return s;
}

int field_index(const FormSchema& schema, std::string_view id) {
  for (size_t i = 0; i < schema.fields.size(); ++i)
    if (schema.fields[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace civic::forms
