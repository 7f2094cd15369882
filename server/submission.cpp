// server/submission.cpp — see submission.hpp.
#include "server/submission.hpp"

#include <set>

#include "core/api/url.hpp"
#include "core/crypto/sealed.hpp"
#include "core/forms/submission.hpp"
#include "core/forms/validators.hpp"
#include "server/util.hpp"

namespace civic::server {

namespace {

// Keys core/forms reads (the resident's form).
const std::set<std::string> kFormKeys = {"description", "first_name", "last_name", "phone", "email",
                                         "anonymous", "lat", "long", "address_string", "address_id"};
// Keys that are the server's business, with their byte caps.
const std::map<std::string, size_t> kServerKeys = {
    {"api_key", 256},    {"service_code", 128}, {"jurisdiction_id", 128}, {"device_id", 128},
    {"account_id", 128}, {"media_url", 2048},   {"sealed_personal", 4096}, {"locale", 35}};

constexpr size_t kMaxMedia = 9;  // core/forms FormOptions::max_attachments

bool is_attribute_key(const std::string& k) {
  return k.rfind("attribute[", 0) == 0 && (k.back() == ']') && k.size() > 11;
}

int today_yyyymmdd() {
  std::string d = iso8601(now_seconds());  // YYYY-MM-DDT...
  return std::stoi(d.substr(0, 4)) * 10000 + std::stoi(d.substr(5, 2)) * 100 + std::stoi(d.substr(8, 2));
}

ParsedSubmission reject(int status, std::string field, std::string id, std::map<std::string, std::string> p = {}) {
  ParsedSubmission out;
  out.status = status;
  out.errors.push_back(SubmissionError{std::move(field), std::move(id), std::move(p)});
  return out;
}

const std::string* first(const api::Params& fields, const std::string& key) {
  for (const auto& [k, v] : fields)
    if (k == key) return &v;
  return nullptr;
}

}  // namespace

ParsedSubmission parse_submission(const Context& ctx, const HttpRequest& req) {
  std::string ctype = req.header("content-type");
  if (ctype.rfind("application/x-www-form-urlencoded", 0) != 0)
    return reject(400, "", "server.bad_content_type");
  bool ok = true;
  api::Params fields = api::form_decode(req.body, &ok);
  if (!ok) return reject(400, "", "server.bad_form");

  std::map<std::string, int> seen;
  for (const auto& [k, v] : fields) {
    if (!valid_text(k) || k.size() > 256) return reject(400, "", "server.bad_utf8", {{"field", "?"}});
    // Values get the very check the clients run (core/forms), so the server
    // refuses bad text with the resident's own message id.
    if (auto bad = forms::check_clean_text(v, /*multiline=*/true)) {
      auto params = bad->params;
      params.emplace("field", k);
      return reject(400, k, bad->id, params);
    }
    auto cap = kServerKeys.find(k);
    if (cap != kServerKeys.end()) {
      if (k == "media_url") {  // one per attachment (Civic clients send several)
        if (++seen[k] > static_cast<int>(kMaxMedia))
          return reject(400, k, "server.too_many_media", {{"max", std::to_string(kMaxMedia)}});
      } else if (++seen[k] > 1) {
        return reject(400, k, "server.duplicate_field", {{"field", k}});
      }
      if (v.size() > cap->second)
        return reject(400, k, "server.field_too_long", {{"field", k}, {"max", std::to_string(cap->second)}});
    } else if (!kFormKeys.count(k) && !is_attribute_key(k)) {
      return reject(400, k, "server.unknown_field", {{"field", k}});
    }
  }

  if (!ctx.options.api_keys.empty()) {
    const std::string* key = first(fields, "api_key");
    bool good = false;
    for (const auto& allowed : ctx.options.api_keys) good = good || (key && *key == allowed);
    if (!good) return reject(403, "api_key", "server.bad_api_key");
  }

  const std::string* code = first(fields, "service_code");
  if (!code || code->empty()) return reject(400, "service_code", "server.missing_service_code");
  const CatalogueService* service = ctx.catalogue.find(*code);
  if (!service) return reject(400, "service_code", "server.unknown_service", {{"code", *code}});

  std::vector<std::string> media;
  for (const auto& [k, v] : fields)
    if (k == "media_url" && !v.empty()) {
      if (!api::is_http_url(v)) return reject(400, "media_url", "server.bad_media_url");
      media.push_back(v);
    }

  // Sealed personal fields (Civic extension) stand in for the plain ones.
  if (const std::string* sealed = first(fields, "sealed_personal"); sealed && !sealed->empty()) {
    for (const char* plain : {"first_name", "last_name", "phone", "email"})
      if (first(fields, plain)) return reject(400, plain, "server.duplicate_field", {{"field", plain}});
    auto opened = crypto::open_personal(*sealed, ctx.keys.seal);
    if (!opened) {
      ParsedSubmission out;
      out.status = 400;
      out.errors.push_back(SubmissionError{"sealed_personal", opened.error().id, opened.error().params});
      return out;
    }
    crypto::PersonalFields p = std::move(opened.value());
    if (!p.name.empty()) fields.emplace_back("first_name", p.name);
    if (!p.phone.empty()) fields.emplace_back("phone", p.phone);
    if (!p.email.empty()) fields.emplace_back("email", p.email);
    crypto::wipe(p);
  }

  Lang lang = req.lang();
  forms::FormOptions opt;
  opt.today = today_yyyymmdd();
  forms::Submission s = forms::check_submission(to_definition(*service, lang), fields, {}, opt);
  ParsedSubmission out;
  out.service = service;
  if (!s.errors.empty()) {
    out.status = 400;
    for (const auto& e : s.errors) out.errors.push_back(SubmissionError{e.field, e.error.id, e.error.params});
    return out;
  }

  Ticket& t = out.ticket;
  json attrs = json::object();
  for (size_t i = 0; i < s.schema.fields.size() && i < s.state.fields.size(); ++i) {
    const forms::Field& f = s.schema.fields[i];
    const forms::FieldValue& v = s.state.fields[i].value;
    std::string text = forms::canonical_text(f, v, opt);
    if (f.id == "description") t.description = text;
    else if (f.id == "first_name") t.first_name = text;
    else if (f.id == "last_name") t.last_name = text;
    else if (f.id == "phone") t.phone = text;
    else if (f.id == "email") t.email = text;
    else if (f.id == "location") {
      if (!v.location.lat.empty()) t.lat = std::strtod(v.location.lat.c_str(), nullptr);
      if (!v.location.lon.empty()) t.lon = std::strtod(v.location.lon.c_str(), nullptr);
      t.address = v.location.address;
      t.address_id = v.location.place_id;
    } else if (f.id.rfind("attribute[", 0) == 0 && f.kind != forms::FieldKind::note) {
      std::string acode = f.id.substr(10, f.id.size() - 11);
      if (f.kind == forms::FieldKind::multi_choice) {
        if (!v.keys.empty()) attrs[acode] = v.keys;
      } else if (!text.empty()) {
        attrs[acode] = text;
      }
    }
  }
  if (const std::string* anon = first(fields, "anonymous"); anon && (*anon == "true" || *anon == "1")) {
    t.first_name.clear();
    t.last_name.clear();
    t.phone.clear();
    t.email.clear();
  }
  t.attributes_json = dump(attrs);
  // GeoReport v2 has one media_url; further ones travel space-separated
  // (a space cannot occur in a URL), the first stays the GeoReport value.
  for (size_t i = 0; i < media.size(); ++i) t.media_url += (i ? " " : "") + media[i];
  if (const std::string* d = first(fields, "device_id")) t.device_id = *d;
  if (const std::string* a = first(fields, "account_id")) t.account_id = *a;
  t.locale = std::string(lang_tag(lang));
  return out;
}

}  // namespace civic::server
