// tests/fuzz/forms_fuzz.cpp — arbitrary service definitions and arbitrary
// values through the schema builder, every validator, prefill and the
// client -> wire -> server round trip.
//
// Input layout: a service definition (JSON, parsed by core/api's
// parse_service_definition) up to the first NUL byte; after it, NUL-separated
// values given in turn to the form's fields (a value for a multivaluelist is
// split on '|', for the location on '|' into lat|long|address|place, for the
// attachments on '|' into name|mime|bytes). With no definition that parses,
// an empty definition is used, so the bytes still reach the validators.
//
// Beyond "no crash, no leak, no UB", it checks an oracle: the server
// (check_submission over the form-encoded to_params) reports exactly the
// client's verdicts — the promise core/forms/submission.hpp makes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/parse.hpp"
#include "core/api/url.hpp"
#include "core/forms/prefill.hpp"
#include "core/forms/submission.hpp"
#include "core/forms/validators.hpp"
#include "core/text/graphemes.hpp"
#include "core/text/normalize.hpp"
#include "core/text/unsafe_chars.hpp"
#include "core/text/utf8.hpp"

using namespace civic;
using namespace civic::forms;

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t at = s.find(sep, pos);
    out.emplace_back(s.substr(pos, at == std::string_view::npos ? std::string_view::npos : at - pos));
    if (at == std::string_view::npos) return out;
    pos = at + 1;
  }
}

FieldValue value_for(const Field& f, const FieldValue& current, std::string_view raw) {
  FieldValue v = current;
  auto parts = split(raw, '|');
  switch (f.kind) {
    case FieldKind::multi_choice: v.keys = parts; break;
    case FieldKind::location:
      parts.resize(4);
      v.location = {parts[0], parts[1], parts[2], parts[3]};
      break;
    case FieldKind::attachments: {
      parts.resize(3);
      uint64_t bytes = 0;
      for (char c : parts[2]) bytes = bytes * 31 + static_cast<unsigned char>(c);
      v.attachments.push_back({parts[0], parts[1], bytes});
      break;
    }
    default: v.text = std::string(raw);
  }
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nul = in.find('\0');
  std::string_view def_text = in.substr(0, nul);
  std::string_view rest = nul == std::string_view::npos ? std::string_view() : in.substr(nul + 1);

  // The text helpers on the raw bytes.
  (void)text::utf8_valid(in);
  (void)text::count_graphemes(in);
  (void)text::find_unsafe(in, true);
  (void)text::trim_spaces(text::fullwidth_to_ascii(in));
  (void)normalize_phone(def_text);
  (void)normalize_email(def_text);
  (void)normalize_resident_id(def_text, 20261127);
  (void)check_datetime(def_text);
  (void)normalize_number(def_text, "-5", "200", false);
  (void)prefill_from_json(def_text);

  auto parsed = api::parse_service_definition(def_text);
  api::ServiceDefinition def = parsed ? parsed.value() : api::ServiceDefinition{};
  FormOptions opt;
  opt.today = 20261127;
  FormSchema schema = build_schema(def, opt);
  FormState st = start_form(schema);

  size_t i = 0;
  for (const auto& raw : split(rest, '\0')) {
    if (rest.empty() || schema.fields.empty()) break;
    size_t k = i++ % schema.fields.size();
    const Field& f = schema.fields[k];
    set_value(st, schema, f.id, value_for(f, st.fields[k].value, raw));
    blur(st, schema, f.id);
    (void)canonical_text(f, st.fields[k].value, opt);
  }
  submit(st);
  Prefill p = remember({}, schema, st, true);
  auto back = prefill_from_json(prefill_to_json(p));
  if (!back) std::abort();   // what we write, we must be able to read
  FormState again = start_form(schema);
  apply_prefill(again, schema, *back);

  // The oracle: the server sees what the client sent and says the same.
  std::vector<FieldError> client = form_errors(schema, st);
  std::vector<Attachment> files;
  if (int m = field_index(schema, "media"); m >= 0) files = st.fields[static_cast<size_t>(m)].value.attachments;
  bool ok = false;
  api::Params wire = api::form_decode(api::form_encode(to_params(schema, st, true)), &ok);
  if (!ok) std::abort();
  std::vector<FieldError> server = validate_submission(def, wire, files, opt);
  if (server.size() != client.size()) std::abort();
  for (size_t e = 0; e < client.size(); ++e)
    if (server[e].field != client[e].field || server[e].error.id != client[e].error.id) std::abort();
  return 0;
}
