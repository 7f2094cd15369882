// core/forms/prefill.cpp — consented prefill (prefill.hpp).
#include "core/forms/prefill.hpp"

#include <nlohmann/json.hpp>

#include "core/forms/validators.hpp"
#include "core/text/utf8.hpp"

namespace civic::forms {

namespace {

using json = nlohmann::json;

constexpr size_t kMaxPrefillBytes = 16u << 10;
constexpr size_t kMaxPrefillString = 1024;

const FieldState* valid_field(const FormSchema& schema, const FormState& state, std::string_view id) {
  int i = field_index(schema, id);
  if (i < 0 || static_cast<size_t>(i) >= state.fields.size()) return nullptr;
  const FieldState& fs = state.fields[static_cast<size_t>(i)];
  if (fs.verdict || field_inactive(schema, state, static_cast<size_t>(i))) return nullptr;
  return &fs;
}

void keep(std::string& slot, const FormSchema& schema, const FormState& state, std::string_view id) {
  int i = field_index(schema, id);
  const FieldState* fs = valid_field(schema, state, id);
  if (!fs || fs->value.text.empty()) return;
  slot = canonical_text(schema.fields[static_cast<size_t>(i)], fs->value, schema.options);
}

void offer(FormState& state, const FormSchema& schema, std::string_view id, const FieldValue& v) {
  int i = field_index(schema, id);
  if (i < 0 || static_cast<size_t>(i) >= state.fields.size()) return;
  FieldState& fs = state.fields[static_cast<size_t>(i)];
  const FieldValue& cur = fs.value;
  bool empty = cur.text.empty() && cur.location.lat.empty() && cur.location.lon.empty() &&
               cur.location.address.empty() && cur.location.place_id.empty();
  if (fs.touched || !empty) return;
  fs.value = v;
  fs.prefilled = true;
  recheck(state, schema, static_cast<size_t>(i));
}

bool read_string(const json& o, const char* key, std::string& out) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  const auto& s = it->get_ref<const std::string&>();
  if (s.size() > kMaxPrefillString || !text::utf8_valid(s)) return false;
  out = s;
  return true;
}

}  // namespace

Prefill remember(const Prefill& before, const FormSchema& schema, const FormState& state, bool consent) {
  if (!consent) return {};
  Prefill p = before;
  p.consent = true;
  keep(p.name, schema, state, "first_name");
  keep(p.phone, schema, state, "phone");
  keep(p.email, schema, state, "email");
  if (const FieldState* loc = valid_field(schema, state, "location");
      loc && loc->value.location.place_id.empty()) {
    p.location = loc->value.location;
  }
  return p;
}

void apply_prefill(FormState& state, const FormSchema& schema, const Prefill& prefill) {
  if (!prefill.consent || state.fields.size() != schema.fields.size()) return;
  auto text_value = [](const std::string& t) {
    FieldValue v;
    v.text = t;
    return v;
  };
  if (!prefill.name.empty()) offer(state, schema, "first_name", text_value(prefill.name));
  if (!prefill.phone.empty()) offer(state, schema, "phone", text_value(prefill.phone));
  if (!prefill.email.empty()) offer(state, schema, "email", text_value(prefill.email));
  const Location& l = prefill.location;
  if (!l.lat.empty() || !l.lon.empty() || !l.address.empty()) {
    FieldValue v;
    v.location = l;
    v.location.place_id.clear();
    offer(state, schema, "location", v);
  }
}

std::string prefill_to_json(const Prefill& p) {
  json o = json::object();
  o["consent"] = p.consent;
  if (p.consent) {
    o["name"] = p.name;
    o["phone"] = p.phone;
    o["email"] = p.email;
    o["location"] = {{"lat", p.location.lat}, {"long", p.location.lon}, {"address", p.location.address}};
  }
  // Replace, never throw, should a string hold invalid UTF-8.
  return o.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Prefill> prefill_from_json(std::string_view bytes) {
  Error bad = make_error("forms.prefill_bad");
  if (bytes.size() > kMaxPrefillBytes) return bad;
  json o = json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (o.is_discarded() || !o.is_object()) return bad;
  Prefill p;
  auto c = o.find("consent");
  if (c == o.end() || !c->is_boolean()) return bad;
  p.consent = c->get<bool>();
  if (!p.consent) return Prefill{};
  if (!read_string(o, "name", p.name) || !read_string(o, "phone", p.phone) || !read_string(o, "email", p.email))
    return bad;
  if (auto l = o.find("location"); l != o.end() && !l->is_null()) {
    if (!l->is_object()) return bad;
    if (!read_string(*l, "lat", p.location.lat) || !read_string(*l, "long", p.location.lon) ||
        !read_string(*l, "address", p.location.address))
      return bad;
  }
  return p;
}

}  // namespace civic::forms
