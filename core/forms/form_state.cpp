// core/forms/form_state.cpp — incremental validation (form_state.hpp).
#include "core/forms/form_state.hpp"

#include <algorithm>

#include "core/forms/validators.hpp"

namespace civic::forms {

bool field_inactive(const FormSchema& schema, const FormState& state, size_t index) {
  if (!schema.fields[index].contact) return false;
  int a = field_index(schema, "anonymous");
  if (a < 0) return false;
  const std::string& t = state.fields[static_cast<size_t>(a)].value.text;
  return t == "true" || t == "1";
}

void recheck(FormState& state, const FormSchema& schema, size_t index) {
  ++state.checks;
  FieldState& fs = state.fields[index];
  if (field_inactive(schema, state, index)) fs.verdict.reset();
  else fs.verdict = check_value(schema.fields[index], fs.value, schema.options);
}

FormState start_form(const FormSchema& schema) {
  FormState st;
  st.service_code = schema.service_code;
  st.fields.resize(schema.fields.size());
  for (size_t i = 0; i < schema.fields.size(); ++i) recheck(st, schema, i);
  return st;
}

bool set_value(FormState& state, const FormSchema& schema, std::string_view id, FieldValue value) {
  int i = field_index(schema, id);
  if (i < 0 || state.fields.size() != schema.fields.size()) return false;
  FieldState& fs = state.fields[static_cast<size_t>(i)];
  fs.value = std::move(value);
  fs.touched = true;
  fs.prefilled = false;
  recheck(state, schema, static_cast<size_t>(i));
  for (size_t k = 0; k < schema.fields.size(); ++k) {
    const auto& deps = schema.fields[k].depends_on;
    if (std::find(deps.begin(), deps.end(), id) != deps.end()) recheck(state, schema, k);
  }
  return true;
}

bool set_text(FormState& state, const FormSchema& schema, std::string_view id, std::string text) {
  int i = field_index(schema, id);
  if (i < 0 || state.fields.size() != schema.fields.size()) return false;
  FieldValue v = state.fields[static_cast<size_t>(i)].value;
  v.text = std::move(text);
  return set_value(state, schema, id, std::move(v));
}

void blur(FormState& state, const FormSchema& schema, std::string_view id) {
  int i = field_index(schema, id);
  if (i >= 0 && state.fields.size() == schema.fields.size()) state.fields[static_cast<size_t>(i)].blurred = true;
}

bool submit(FormState& state) {
  state.submitted = true;
  return std::none_of(state.fields.begin(), state.fields.end(),
                      [](const FieldState& f) { return f.verdict.has_value(); });
}

const Error* shown_error(const FormState& state, const FormSchema& schema, std::string_view id) {
  int i = field_index(schema, id);
  if (i < 0 || state.fields.size() != schema.fields.size()) return nullptr;
  const FieldState& fs = state.fields[static_cast<size_t>(i)];
  if (!fs.verdict || !(fs.blurred || state.submitted)) return nullptr;
  return &*fs.verdict;
}

std::vector<FieldError> form_errors(const FormSchema& schema, const FormState& state) {
  std::vector<FieldError> out;
  for (size_t i = 0; i < schema.fields.size() && i < state.fields.size(); ++i)
    if (state.fields[i].verdict) out.push_back({schema.fields[i].id, *state.fields[i].verdict});
  return out;
}

}  // namespace civic::forms
