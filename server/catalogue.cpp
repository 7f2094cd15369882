// server/catalogue.cpp — see catalogue.hpp.
#include "server/catalogue.hpp"

#include "core/api/parse.hpp"

namespace civic::server {

const CatalogueService* Catalogue::find(std::string_view code) const {
  for (const auto& s : services)
    if (s.code == code) return &s;
  return nullptr;
}

const Text* Catalogue::department(std::string_view code) const {
  auto it = departments.find(std::string(code));
  return it == departments.end() ? nullptr : &it->second;
}

std::string load_catalogue(Db& db, Catalogue& out) {
  auto guard = db.lock();
  out = Catalogue{};
  {
    Stmt s(db.handle(), "SELECT code, name_zh, name_en FROM departments");
    while (s.step()) out.departments[s.text(0)] = Text{s.text(1), s.text(2)};
    if (!s.done_ok()) return s.error();
  }
  {
    Stmt s(db.handle(),
           "SELECT s.code, s.group_code, s.type, s.department, s.name_zh, s.name_en, s.description_zh, "
           "s.description_en, s.keywords_zh, s.keywords_en, g.name_zh, g.name_en, s.sla_hours "
           "FROM services s JOIN service_groups g ON g.code = s.group_code ORDER BY g.sort, s.sort, s.code");
    while (s.step()) {
      CatalogueService svc;
      svc.code = s.text(0);
      svc.group_code = s.text(1);
      svc.type = s.text(2);
      svc.department = s.text(3);
      svc.name = {s.text(4), s.text(5)};
      svc.description = {s.text(6), s.text(7)};
      svc.keywords = {s.text(8), s.text(9)};
      svc.group_name = {s.text(10), s.text(11)};
      svc.sla_hours = static_cast<int>(s.integer(12));
      out.services.push_back(std::move(svc));
    }
    if (!s.done_ok()) return s.error();
  }
  {
    Stmt s(db.handle(),
           "SELECT service_code, code, ord, datatype, required, variable, description_zh, description_en, "
           "dtdesc_zh, dtdesc_en FROM attributes ORDER BY service_code, ord, code");
    while (s.step()) {
      auto* svc = const_cast<CatalogueService*>(out.find(s.text(0)));
      if (!svc) continue;
      CatalogueAttribute a;
      a.code = s.text(1);
      a.order = static_cast<int>(s.integer(2));
      auto dt = api::parse_datatype(s.text(3));
      if (!dt) return "attribute " + a.code + ": unknown datatype";
      a.datatype = *dt;
      a.required = s.integer(4) != 0;
      a.variable = s.integer(5) != 0;
      a.description = {s.text(6), s.text(7)};
      a.datatype_description = {s.text(8), s.text(9)};
      svc->attributes.push_back(std::move(a));
    }
    if (!s.done_ok()) return s.error();
  }
  {
    Stmt s(db.handle(),
           "SELECT service_code, attribute_code, key, name_zh, name_en FROM attribute_values "
           "ORDER BY service_code, attribute_code, ord, key");
    while (s.step()) {
      auto* svc = const_cast<CatalogueService*>(out.find(s.text(0)));
      if (!svc) continue;
      std::string code = s.text(1);
      for (auto& a : svc->attributes)
        if (a.code == code) a.values.push_back(CatalogueValue{s.text(2), Text{s.text(3), s.text(4)}});
    }
    if (!s.done_ok()) return s.error();
  }
  return {};
}

json services_json(const Catalogue& c, Lang lang) {
  json out = json::array();
  for (const auto& s : c.services) {
    out.push_back({{"service_code", s.code},
                   {"service_name", s.name.in(lang)},
                   {"description", s.description.in(lang)},
                   {"metadata", !s.attributes.empty()},
                   {"type", s.type},
                   {"keywords", s.keywords.in(lang)},
                   {"group", s.group_name.in(lang)}});
  }
  return out;
}

json definition_json(const CatalogueService& s, Lang lang) {
  json attrs = json::array();
  for (const auto& a : s.attributes) {
    json values = json::array();
    for (const auto& v : a.values) values.push_back({{"key", v.key}, {"name", v.name.in(lang)}});
    attrs.push_back({{"variable", a.variable},
                     {"code", a.code},
                     {"datatype", api::datatype_name(a.datatype)},
                     {"required", a.required},
                     {"datatype_description", a.datatype_description.in(lang)},
                     {"order", a.order},
                     {"description", a.description.in(lang)},
                     {"values", values}});
  }
  return {{"service_code", s.code}, {"attributes", attrs}};
}

api::ServiceDefinition to_definition(const CatalogueService& s, Lang lang) {
  api::ServiceDefinition d;
  d.service_code = s.code;
  for (const auto& a : s.attributes) {
    api::Attribute x;
    x.variable = a.variable;
    x.code = a.code;
    x.datatype = a.datatype;
    x.required = a.required;
    x.datatype_description = a.datatype_description.in(lang);
    x.order = a.order;
    x.description = a.description.in(lang);
    for (const auto& v : a.values) x.values.push_back({v.key, v.name.in(lang)});
    d.attributes.push_back(std::move(x));
  }
  return d;
}

}  // namespace civic::server
