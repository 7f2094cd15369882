// core/forms/submission.cpp — form <-> POST fields (submission.hpp).
#include "core/forms/submission.hpp"

#include <set>
#include <string_view>
#include <unordered_map>

#include "core/forms/validators.hpp"

namespace civic::forms {

namespace {

void add(api::Params& out, std::string key, const std::string& value) {
  if (!value.empty()) out.emplace_back(std::move(key), value);
}

// A field name safe to put in a message: clean, short, else "?".
std::string shown_key(const std::string& key) {
  if (key.size() > 100 || check_clean_text(key, false)) return "?";
  return key;
}

}  // namespace

api::Params to_params(const FormSchema& schema, const FormState& state, bool civic_extensions) {
  api::Params out;
  if (state.fields.size() != schema.fields.size()) return out;
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    const Field& f = schema.fields[i];
    const FieldValue& v = state.fields[i].value;
    if (field_inactive(schema, state, i)) continue;
    switch (f.kind) {
      case FieldKind::note:
      case FieldKind::attachments: break;
      case FieldKind::location:
        add(out, "lat", v.location.lat);
        add(out, "long", v.location.lon);
        add(out, "address_string", v.location.address);
        add(out, "address_id", v.location.place_id);
        break;
      case FieldKind::multi_choice:
        for (const auto& k : v.keys) out.emplace_back(f.id + "[]", k);
        break;
      case FieldKind::flag:
        if (civic_extensions && !v.text.empty()) add(out, f.id, canonical_text(f, v, schema.options));
        break;
      default:
        if (!v.text.empty()) add(out, f.id, canonical_text(f, v, schema.options));
    }
  }
  return out;
}

Submission check_submission(const api::ServiceDefinition& definition, const api::Params& fields,
                            const std::vector<Attachment>& attachments, const FormOptions& options) {
  Submission s;
  s.schema = build_schema(definition, options);
  // last_name rides along on the server side only (see submission.hpp).
  Field last = s.schema.fields[static_cast<size_t>(field_index(s.schema, "first_name"))];
  last.id = "last_name";
  s.schema.fields.push_back(last);
  s.state.service_code = s.schema.service_code;
  s.state.fields.resize(s.schema.fields.size());

  // One lookup per POST field, whatever the number of fields or attributes.
  std::unordered_map<std::string_view, size_t> index;
  for (size_t k = 0; k < s.schema.fields.size(); ++k) index.emplace(s.schema.fields[k].id, k);
  auto find = [&](std::string_view key) -> int {
    auto it = index.find(key);
    return it == index.end() ? -1 : static_cast<int>(it->second);
  };
  std::set<std::string> seen;
  Location& where = s.state.fields[static_cast<size_t>(find("location"))].value.location;
  auto location = [&](const std::string& key) -> std::string* {
    if (key == "lat") return &where.lat;
    if (key == "long") return &where.lon;
    if (key == "address_string") return &where.address;
    if (key == "address_id") return &where.place_id;
    return nullptr;
  };

  for (const auto& [key, value] : fields) {
    int i = find(key);
    bool list_form = false;
    if (i < 0 && key.size() > 2 && key.compare(key.size() - 2, 2, "[]") == 0) {
      i = find(std::string_view(key).substr(0, key.size() - 2));
      list_form = i >= 0;
    }
    std::string name = list_form ? key.substr(0, key.size() - 2) : key;
    if (std::string* slot = location(key)) {
      if (!seen.insert(key).second) s.errors.push_back({key, make_error("forms.repeated", {}, {{"field", key}})});
      else *slot = value;
      continue;
    }
    if (i < 0 || s.schema.fields[static_cast<size_t>(i)].kind == FieldKind::location ||
        s.schema.fields[static_cast<size_t>(i)].kind == FieldKind::attachments) {
      if (name.rfind("attribute[", 0) == 0)
        s.errors.push_back({name, make_error("forms.unknown_field", {}, {{"field", shown_key(name)}})});
      continue;   // not a form key: the server's business
    }
    const Field& f = s.schema.fields[static_cast<size_t>(i)];
    FieldValue& v = s.state.fields[static_cast<size_t>(i)].value;
    if (f.kind == FieldKind::note) {
      s.errors.push_back({f.id, make_error("forms.not_editable", {}, {{"field", shown_key(f.id)}})});
    } else if (f.kind == FieldKind::multi_choice) {
      v.keys.push_back(value);
    } else if (!seen.insert(f.id).second) {
      s.errors.push_back({f.id, make_error("forms.repeated", {}, {{"field", shown_key(f.id)}})});
    } else {
      v.text = value;
    }
  }
  if (int m = find("media"); m >= 0)
    s.state.fields[static_cast<size_t>(m)].value.attachments = attachments;

  for (size_t i = 0; i < s.schema.fields.size(); ++i) recheck(s.state, s.schema, i);
  for (auto& e : form_errors(s.schema, s.state)) s.errors.push_back(std::move(e));
  return s;
}

std::vector<FieldError> validate_submission(const api::ServiceDefinition& definition, const api::Params& fields,
                                            const std::vector<Attachment>& attachments,
                                            const FormOptions& options) {
  return check_submission(definition, fields, attachments, options).errors;
}

}  // namespace civic::forms
