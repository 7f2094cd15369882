// core/forms/submission.hpp — the form on the wire, both ways.
//
// The client turns a filled form into POST /requests.json fields with
// to_params(); the server (server/) turns the decoded POST fields back into
// the same form with check_submission() and runs the very same validators, so
// "the server rejects what the client rejects, with the same message id".
//
// For the server engineer — how to call it:
//
//     api::Params fields = api::form_decode(body, &ok);
//     forms::FormOptions opt;              // the desk's options (same as the clients')
//     opt.today = 20261127;                // YYYYMMDD, for resident-ID birth dates
//     std::vector<forms::Attachment> files = ...;   // media already uploaded for this request
//     forms::Submission s = forms::check_submission(definition, fields, files, opt);
//     if (!s.errors.empty()) -> 400 with one GeoReport error per entry:
//         {"code": 400, "description": explain(lang, e.error)}  (e.field names the field)
//     else store forms::canonical_text(s.schema.fields[i], s.state.fields[i].value, opt)
//
// Wire rules (check_submission):
//  - form keys: description, first_name, last_name, phone, email, anonymous,
//    lat, long, address_string, address_id, attribute[CODE], attribute[CODE][].
//    Every other key (api_key, service_code, jurisdiction_id, device_id,
//    account_id, media_url, ...) is the server's business and is ignored here.
//  - a form key given twice is forms.repeated {field}, except a multivaluelist
//    attribute, which takes attribute[CODE][] (or attribute[CODE]) repeatedly;
//  - attribute[CODE] with a CODE the definition lacks is forms.unknown_field
//    {field}; one for a variable=false attribute is forms.not_editable {field};
//  - last_name (not in the client's form, which writes the whole name to
//    first_name) is checked like first_name when present;
//  - "anonymous" is a Civic extension; without allow_anonymous it is ignored,
//    and then contact details are required as usual.
// Limits: the decoded body is the caller's to cap (bytes); any number of
// fields costs one hash lookup each; each value meets validators.hpp's
// limits; a multivaluelist takes at most 1,000 keys (forms.choice_invalid).
// Errors: structural ones first (in the order of the fields), then one per
// failing field in schema order — the same ids form_errors() gives the client.
#pragma once
#include <string>
#include <vector>

#include "core/api/models.hpp"
#include "core/api/url.hpp"
#include "core/forms/form_state.hpp"
#include "core/forms/schema.hpp"

namespace civic::forms {

// The form's POST fields (the caller adds service_code, api_key, media, ...).
// Phone numbers, e-mail, resident IDs and numbers go in canonical form; empty
// values and inactive contact fields are left out; `anonymous=true` is sent
// only when civic_extensions (a plain GeoReport server would reject the key).
api::Params to_params(const FormSchema& schema, const FormState& state, bool civic_extensions);

struct Submission {
  FormSchema schema;               // built from the definition and options
  FormState state;                 // the decoded values, every field checked
  std::vector<FieldError> errors;  // empty: accept
};

Submission check_submission(const api::ServiceDefinition& definition, const api::Params& fields,
                            const std::vector<Attachment>& attachments, const FormOptions& options = {});

// check_submission(...).errors.
std::vector<FieldError> validate_submission(const api::ServiceDefinition& definition, const api::Params& fields,
                                            const std::vector<Attachment>& attachments,
                                            const FormOptions& options = {});

}  // namespace civic::forms
