// core/forms/prefill.hpp — "never type the same basic information twice":
// the resident's name, phone, e-mail and last location, kept only with their
// consent, offered (never forced) in the next form.
//
// Plain data: the app state holds a Prefill and persists prefill_to_json()'s
// bytes wherever it keeps settings; a shell never interprets them.
// Limits of prefill_from_json (the bytes come back from disk or IndexedDB and
// may be stale or damaged): at most 16 KiB, each string at most 1 KiB and
// valid UTF-8; unknown keys are ignored; anything else is forms.prefill_bad
// and the resident simply starts with an empty form.
#pragma once
#include <string>
#include <string_view>

#include "core/forms/form_state.hpp"
#include "core/forms/value.hpp"
#include "core/result.hpp"

namespace civic::forms {

struct Prefill {
  bool consent = false;   // the resident said "remember my details"
  std::string name;
  std::string phone;
  std::string email;
  Location location;      // last point or address (never a kiosk hall)
};

// What to keep after a filing. Without consent: nothing at all (an empty
// Prefill, so saving it erases what was kept). With consent: `before`, updated
// with every valid, non-empty name/phone/email (canonical form; not when the
// filing was anonymous) and the location when it is a valid point or address.
Prefill remember(const Prefill& before, const FormSchema& schema, const FormState& state, bool consent);

// Offers the kept details: fills each contact and location field the resident
// has not touched and that is still empty, marks it prefilled and re-checks it.
// Does nothing without consent.
void apply_prefill(FormState& state, const FormSchema& schema, const Prefill& prefill);

std::string prefill_to_json(const Prefill& prefill);
Result<Prefill> prefill_from_json(std::string_view bytes);

}  // namespace civic::forms
