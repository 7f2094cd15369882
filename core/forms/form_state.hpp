// core/forms/form_state.hpp — a form being filled in, validated as the
// resident types.
//
//  - Incremental: set_value() re-checks the edited field and the fields that
//    depend on it (Field::depends_on: the contact fields on "anonymous"), and
//    nothing else; FormState::checks counts validator runs so a test can see it.
//  - Polite: every field always has an up-to-date verdict, but shown_error()
//    reveals it only after the resident has left the field (blur) or tried to
//    submit: no red text while the first letter is being typed.
//  - Language-free: verdicts are message ids with parameters, so switching
//    language re-renders every visible message with explain(lang, error).
// Plain data throughout: the app state holds a FormSchema and a FormState.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/forms/schema.hpp"
#include "core/forms/value.hpp"
#include "core/result.hpp"

namespace civic::forms {

struct FieldState {
  FieldValue value;
  bool touched = false;     // changed by the resident
  bool blurred = false;     // left at least once
  bool prefilled = false;   // offered from the resident's saved details (prefill.hpp)
  std::optional<Error> verdict;
};

struct FormState {
  std::string service_code;
  std::vector<FieldState> fields;   // parallel to FormSchema::fields
  bool submitted = false;           // the resident pressed submit at least once
  std::uint64_t checks = 0;         // validator runs so far
};

struct FieldError {
  std::string field;   // Field::id
  Error error;
};

// Empty values, every verdict computed (none shown yet).
FormState start_form(const FormSchema& schema);

// The resident changed a field: store, mark touched, re-check it and its
// dependents. False (and nothing changes) for an unknown id.
bool set_value(FormState& state, const FormSchema& schema, std::string_view id, FieldValue value);
// set_value for the fields whose value is text.
bool set_text(FormState& state, const FormSchema& schema, std::string_view id, std::string text);

// The resident left a field: its verdict may show from now on.
void blur(FormState& state, const FormSchema& schema, std::string_view id);

// The resident pressed submit: every verdict may show. True when none fails.
bool submit(FormState& state);

// The message to show under a field now, or nullptr.
const Error* shown_error(const FormState& state, const FormSchema& schema, std::string_view id);

// Every failing field in schema order (whether shown or not).
std::vector<FieldError> form_errors(const FormSchema& schema, const FormState& state);

// True when the field takes no part in this filing (contact details while
// filing anonymously): it is neither checked nor sent.
bool field_inactive(const FormSchema& schema, const FormState& state, size_t index);

// Re-checks field `index` with the rest of the form as context.
void recheck(FormState& state, const FormSchema& schema, size_t index);

}  // namespace civic::forms
