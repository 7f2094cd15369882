// core/api/parse.cpp — GeoReport v2 replies into models. See parse.hpp for limits.
#include "core/api/parse.hpp"

#include <algorithm>

#include "core/api/json_read.hpp"

namespace civic::api {

namespace {

// Accept a bare array, or an object wrapping it under `key`.
Result<json> array_of(std::string_view body, const char* key) {
  auto j = parse_json(body);
  if (!j) return j.error();
  json& v = j.value();
  if (v.is_object()) {
    auto it = v.find(key);
    if (it == v.end() || !it->is_array()) return shape_error(key);
    json inner = std::move(*it);
    v = std::move(inner);
  }
  if (!v.is_array()) return shape_error(key);
  if (v.size() > kMaxListItems) return shape_error(key);
  return std::move(j).value();
}

std::string item(const char* list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

#define CIVIC_TRY_ASSIGN(dst, expr)     \
  do {                                  \
    auto _r = (expr);                   \
    if (!_r) return _r.error();         \
    dst = std::move(_r).value();        \
  } while (0)

Result<Service> service_from(const json& o, const std::string& where) {
  if (!o.is_object()) return shape_error(where);
  Service s;
  CIVIC_TRY_ASSIGN(s.code, read_id(o, "service_code", where, true));
  CIVIC_TRY_ASSIGN(s.name, read_string(o, "service_name", where));
  CIVIC_TRY_ASSIGN(s.description, read_string(o, "description", where));
  CIVIC_TRY_ASSIGN(s.metadata, read_bool(o, "metadata", where, false));
  CIVIC_TRY_ASSIGN(s.type, read_string(o, "type", where));
  CIVIC_TRY_ASSIGN(s.group, read_string(o, "group", where));
  // keywords: GeoReport says a comma-separated string; some servers send an array.
  if (auto it = o.find("keywords"); it != o.end() && !it->is_null()) {
    if (it->is_string()) {
      const auto& k = it->get_ref<const std::string&>();
      size_t pos = 0;
      while (pos <= k.size()) {
        size_t c = k.find(',', pos);
        if (c == std::string::npos) c = k.size();
        std::string w = k.substr(pos, c - pos);
        w.erase(0, w.find_first_not_of(' '));
        if (auto e = w.find_last_not_of(' '); e != std::string::npos) w.erase(e + 1);
        if (!w.empty()) s.keywords.push_back(w);
        pos = c + 1;
      }
    } else if (it->is_array()) {
      for (const auto& w : *it)
        if (w.is_string()) s.keywords.push_back(w.get<std::string>());
    } else {
      return shape_error(where + ".keywords");
    }
  }
  if (s.name.empty()) s.name = s.code;
  return s;
}

}  // namespace

Result<Datatype> parse_datatype(std::string_view n) {
  if (n == "string") return Datatype::string;
  if (n == "number") return Datatype::number;
  if (n == "datetime") return Datatype::datetime;
  if (n == "text") return Datatype::text;
  if (n == "singlevaluelist") return Datatype::singlevaluelist;
  if (n == "multivaluelist") return Datatype::multivaluelist;
  return shape_error("datatype");
}

const char* datatype_name(Datatype d) {
  switch (d) {
    case Datatype::string: return "string";
    case Datatype::number: return "number";
    case Datatype::datetime: return "datetime";
    case Datatype::text: return "text";
    case Datatype::singlevaluelist: return "singlevaluelist";
    case Datatype::multivaluelist: return "multivaluelist";
  }
  return "string";
}

Result<std::vector<Service>> parse_services(std::string_view body) {
  auto j = array_of(body, "services");
  if (!j) return j.error();
  std::vector<Service> out;
  out.reserve(j->size());
  for (size_t i = 0; i < j->size(); ++i) {
    auto s = service_from((*j)[i], item("services", i));
    if (!s) return s.error();
    out.push_back(std::move(s).value());
  }
  return out;
}

Result<ServiceDefinition> parse_service_definition(std::string_view body) {
  auto j = parse_json(body);
  if (!j) return j.error();
  const json& o = *j;
  if (!o.is_object()) return shape_error("service_definition");
  ServiceDefinition def;
  CIVIC_TRY_ASSIGN(def.service_code, read_id(o, "service_code", "service_definition"));
  auto attrs = o.find("attributes");
  if (attrs != o.end() && !attrs->is_null()) {
    if (!attrs->is_array() || attrs->size() > 500) return shape_error("attributes");
    for (size_t i = 0; i < attrs->size(); ++i) {
      const json& a = (*attrs)[i];
      std::string where = item("attributes", i);
      if (!a.is_object()) return shape_error(where);
      Attribute at;
      CIVIC_TRY_ASSIGN(at.variable, read_bool(a, "variable", where, true));
      CIVIC_TRY_ASSIGN(at.code, read_id(a, "code", where, true));
      std::string dt;
      CIVIC_TRY_ASSIGN(dt, read_string(a, "datatype", where));
      if (dt.empty()) dt = "string";
      auto d = parse_datatype(dt);
      if (!d) return shape_error(where + ".datatype");
      at.datatype = *d;
      CIVIC_TRY_ASSIGN(at.required, read_bool(a, "required", where, false));
      CIVIC_TRY_ASSIGN(at.datatype_description, read_string(a, "datatype_description", where));
      CIVIC_TRY_ASSIGN(at.order, read_int(a, "order", where, static_cast<int>(i)));
      CIVIC_TRY_ASSIGN(at.description, read_string(a, "description", where));
      if (auto v = a.find("values"); v != a.end() && !v->is_null()) {
        if (!v->is_array() || v->size() > 1000) return shape_error(where + ".values");
        for (size_t k = 0; k < v->size(); ++k) {
          std::string vw = where + ".values[" + std::to_string(k) + "]";
          AttributeValue av;
          CIVIC_TRY_ASSIGN(av.key, read_id((*v)[k], "key", vw, true));
          CIVIC_TRY_ASSIGN(av.name, read_string((*v)[k], "name", vw));
          if (av.name.empty()) av.name = av.key;
          at.values.push_back(std::move(av));
        }
      }
      def.attributes.push_back(std::move(at));
    }
  }
  std::stable_sort(def.attributes.begin(), def.attributes.end(),
                   [](const Attribute& a, const Attribute& b) { return a.order < b.order; });
  return def;
}

Result<std::vector<ServiceRequest>> parse_requests(std::string_view body) {
  auto j = array_of(body, "service_requests");
  if (!j) return j.error();
  std::vector<ServiceRequest> out;
  for (size_t i = 0; i < j->size(); ++i) {
    const json& o = (*j)[i];
    std::string where = item("service_requests", i);
    if (!o.is_object()) return shape_error(where);
    ServiceRequest r;
    CIVIC_TRY_ASSIGN(r.id, read_id(o, "service_request_id", where));
    CIVIC_TRY_ASSIGN(r.token, read_id(o, "token", where));
    if (r.id.empty() && r.token.empty()) return shape_error(where + ".service_request_id");
    CIVIC_TRY_ASSIGN(r.status, read_string(o, "status", where));
    CIVIC_TRY_ASSIGN(r.status_notes, read_string(o, "status_notes", where));
    CIVIC_TRY_ASSIGN(r.service_name, read_string(o, "service_name", where));
    CIVIC_TRY_ASSIGN(r.service_code, read_id(o, "service_code", where));
    CIVIC_TRY_ASSIGN(r.description, read_string(o, "description", where));
    CIVIC_TRY_ASSIGN(r.agency_responsible, read_string(o, "agency_responsible", where));
    CIVIC_TRY_ASSIGN(r.service_notice, read_string(o, "service_notice", where));
    CIVIC_TRY_ASSIGN(r.requested_datetime, read_string(o, "requested_datetime", where));
    CIVIC_TRY_ASSIGN(r.updated_datetime, read_string(o, "updated_datetime", where));
    CIVIC_TRY_ASSIGN(r.expected_datetime, read_string(o, "expected_datetime", where));
    CIVIC_TRY_ASSIGN(r.address, read_string(o, "address", where));
    CIVIC_TRY_ASSIGN(r.zipcode, read_string(o, "zipcode", where));
    CIVIC_TRY_ASSIGN(r.lat, read_number(o, "lat", where));
    CIVIC_TRY_ASSIGN(r.lon, read_number(o, "long", where));
    CIVIC_TRY_ASSIGN(r.media_url, read_string(o, "media_url", where));
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<SubmitReceipt>> parse_submit(std::string_view body) {
  auto j = array_of(body, "service_requests");
  if (!j) return j.error();
  std::vector<SubmitReceipt> out;
  for (size_t i = 0; i < j->size(); ++i) {
    const json& o = (*j)[i];
    std::string where = item("service_requests", i);
    SubmitReceipt r;
    CIVIC_TRY_ASSIGN(r.service_request_id, read_id(o, "service_request_id", where));
    CIVIC_TRY_ASSIGN(r.token, read_id(o, "token", where));
    CIVIC_TRY_ASSIGN(r.service_notice, read_string(o, "service_notice", where));
    CIVIC_TRY_ASSIGN(r.account_id, read_id(o, "account_id", where));
    // Civic `receipts`: kept as its JSON text, checked by core/crypto/receipt
    // (which enforces its own 16 KiB limit) where a pinned key is at hand.
    if (auto rc = o.find("receipt"); rc != o.end() && rc->is_object())
      r.signed_receipt = rc->dump(-1, ' ', false, json::error_handler_t::replace);
    if (r.service_request_id.empty() && r.token.empty()) return shape_error(where + ".service_request_id");
    out.push_back(std::move(r));
  }
  if (out.empty()) return shape_error("service_requests");
  return out;
}

Result<Discovery> parse_discovery(std::string_view body) {
  auto j = parse_json(body);
  if (!j) return j.error();
  const json& o = *j;
  if (!o.is_object()) return shape_error("discovery");
  Discovery d;
  CIVIC_TRY_ASSIGN(d.changeset, read_string(o, "changeset", "discovery"));
  CIVIC_TRY_ASSIGN(d.contact, read_string(o, "contact", "discovery"));
  CIVIC_TRY_ASSIGN(d.key_service, read_string(o, "key_service", "discovery"));
  if (auto e = o.find("endpoints"); e != o.end() && !e->is_null()) {
    if (!e->is_array() || e->size() > 100) return shape_error("endpoints");
    for (size_t i = 0; i < e->size(); ++i) {
      std::string where = item("endpoints", i);
      const json& eo = (*e)[i];
      Endpoint ep;
      CIVIC_TRY_ASSIGN(ep.specification, read_string(eo, "specification", where));
      CIVIC_TRY_ASSIGN(ep.url, read_string(eo, "url", where, true));
      CIVIC_TRY_ASSIGN(ep.changeset, read_string(eo, "changeset", where));
      CIVIC_TRY_ASSIGN(ep.type, read_string(eo, "type", where));
      if (auto f = eo.find("formats"); f != eo.end() && f->is_array())
        for (const auto& x : *f)
          if (x.is_string()) ep.formats.push_back(x.get<std::string>());
      d.endpoints.push_back(std::move(ep));
    }
  }
  return d;
}

std::vector<ServerError> parse_errors(std::string_view body) {
  std::vector<ServerError> out;
  auto j = parse_json(body);
  if (!j) return out;
  const json* arr = &*j;
  if (arr->is_object()) {  // {"errors":[...]} or a single {code, description}
    if (auto it = arr->find("errors"); it != arr->end()) arr = &*it;
    else {
      ServerError e;
      auto c = read_id(*arr, "code", "error");
      auto d = read_string(*arr, "description", "error");
      if (c && d && !d->empty()) out.push_back({*c, *d});
      return out;
    }
  }
  if (!arr->is_array()) return out;
  for (size_t i = 0; i < arr->size() && i < 50; ++i) {
    auto c = read_id((*arr)[i], "code", "error");
    auto d = read_string((*arr)[i], "description", "error");
    if (c && d) out.push_back({*c, *d});
  }
  return out;
}

Error error_from_reply(int status, std::string_view body) {
  auto errs = parse_errors(body);
  if (!errs.empty() && !errs[0].description.empty()) {
    std::string all;
    for (const auto& e : errs) {
      if (!all.empty()) all += "; ";
      all += e.description;
    }
    return make_error("api.server_error", "HTTP " + std::to_string(status) + " code " + errs[0].code,
                      {{"description", all}, {"status", std::to_string(status)}, {"code", errs[0].code}});
  }
  if (status == 0) return make_error("api.network", "no reply");
  return make_error("api.http_status", std::string(body.substr(0, 200)), {{"status", std::to_string(status)}});
}

}  // namespace civic::api
