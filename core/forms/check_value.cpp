// core/forms/check_value.cpp — one field's verdict: "required" first, then the
// checks of its kind (validators.hpp).
#include <algorithm>

#include "core/forms/validators.hpp"
#include "core/text/normalize.hpp"

namespace civic::forms {

namespace {

bool has_key(const Field& f, std::string_view key) {
  return std::any_of(f.choices.begin(), f.choices.end(), [&](const Choice& c) { return c.key == key; });
}

bool empty_value(const Field& f, const FieldValue& v) {
  switch (f.kind) {
    case FieldKind::multi_choice: return v.keys.empty();
    case FieldKind::attachments: return v.attachments.empty();
    case FieldKind::location:
      return text::trim_spaces(v.location.lat).empty() && text::trim_spaces(v.location.lon).empty() &&
             text::trim_spaces(v.location.address).empty() && v.location.place_id.empty();
    case FieldKind::note: return true;
    default: return text::trim_spaces(v.text).empty();
  }
}

template <class T>
std::optional<Error> error_of(const Result<T>& r) {
  if (r) return std::nullopt;
  return r.error();
}

// A value its kind normalizes (a phone number, an e-mail, a number, a
// resident ID) is sent normalized (canonical_text), so what the normalizer
// trims away — a tab pasted after a phone number — reaches the server as
// nothing and must not be an error here either: client and server must
// agree on every value (the forms fuzz target's oracle found this one).
bool sent_clean_after_normalizing(const Field& f, const FieldValue& v, const FormOptions& options) {
  auto clean = [](const Result<std::string>& n) {
    return n && !n.value().empty() && !check_clean_text(n.value(), false);
  };
  switch (f.kind) {
    case FieldKind::number: return clean(normalize_number(v.text, f.number_min, f.number_max, f.integer_only));
    case FieldKind::phone: return clean(normalize_phone(v.text));
    case FieldKind::email: return clean(normalize_email(v.text));
    case FieldKind::resident_id: return clean(normalize_resident_id(v.text, options.today));
    default: return false;
  }
}

}  // namespace

std::optional<Error> check_value(const Field& f, const FieldValue& v, const FormOptions& options) {
  if (f.kind == FieldKind::note) return std::nullopt;
  // Bytes first: "required" must not be fooled by a value that is only a
  // control character, and no later check may see invalid UTF-8.
  bool free_text = f.kind == FieldKind::text || f.kind == FieldKind::line;
  if (sent_clean_after_normalizing(f, v, options)) return std::nullopt;
  if (f.kind != FieldKind::multi_choice && f.kind != FieldKind::attachments && f.kind != FieldKind::location)
    if (auto e = check_clean_text(v.text, f.kind == FieldKind::text)) return e;
  if (empty_value(f, v)) {
    if (f.kind == FieldKind::location) return make_error("forms.location_required");
    if (f.kind == FieldKind::attachments && f.required) return make_error("forms.attachments_required");
    return f.required ? std::optional<Error>(make_error("forms.required")) : std::nullopt;
  }
  if (free_text) return check_length(v.text, f.min_chars, f.max_chars);
  switch (f.kind) {
    case FieldKind::number: return error_of(normalize_number(v.text, f.number_min, f.number_max, f.integer_only));
    case FieldKind::datetime: return check_datetime(v.text);
    case FieldKind::phone: return error_of(normalize_phone(v.text));
    case FieldKind::email: return error_of(normalize_email(v.text));
    case FieldKind::resident_id: return error_of(normalize_resident_id(v.text, options.today));
    case FieldKind::location: return check_location(v.location);
    case FieldKind::attachments: return check_attachments(v.attachments, options, f.required);
    case FieldKind::single_choice:
      return has_key(f, v.text) ? std::nullopt : std::optional<Error>(make_error("forms.choice_invalid"));
    case FieldKind::multi_choice:
      if (v.keys.size() > 1000) return make_error("forms.choice_invalid");   // parse.cpp caps values at 1000
      for (size_t i = 0; i < v.keys.size(); ++i) {
        if (!has_key(f, v.keys[i])) return make_error("forms.choice_invalid");
        for (size_t k = 0; k < i; ++k)
          if (v.keys[k] == v.keys[i]) return make_error("forms.choice_repeated");
      }
      return std::nullopt;
    case FieldKind::flag: {
      const std::string& t = v.text;
      if (t == "true" || t == "false" || t == "1" || t == "0") return std::nullopt;
      return make_error("forms.flag_invalid");
    }
    default: return std::nullopt;
  }
}

std::string canonical_text(const Field& f, const FieldValue& v, const FormOptions& options) {
  auto pick = [&](const Result<std::string>& r) { return r ? r.value() : v.text; };
  switch (f.kind) {
    case FieldKind::number: return pick(normalize_number(v.text, f.number_min, f.number_max, f.integer_only));
    case FieldKind::phone: return pick(normalize_phone(v.text));
    case FieldKind::email: return pick(normalize_email(v.text));
    case FieldKind::resident_id: return pick(normalize_resident_id(v.text, options.today));
    case FieldKind::flag:
      if (v.text == "1") return "true";
      if (v.text == "0") return "false";
      return v.text;
    default: return v.text;
  }
}

}  // namespace civic::forms
