// server/catalogue.hpp — the service catalogue, loaded once from the
// database (it changes only through migrations) and kept in memory in both
// languages, so listing services and validating a submission cost no query.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/api/models.hpp"
#include "core/i18n/lang.hpp"
#include "server/db.hpp"
#include "server/util.hpp"

namespace civic::server {

struct Text {
  std::string zh, en;
  const std::string& in(Lang l) const { return l == Lang::en ? en : zh; }
};

struct CatalogueValue {
  std::string key;
  Text name;
};

struct CatalogueAttribute {
  std::string code;
  int order = 0;
  api::Datatype datatype = api::Datatype::string;
  bool required = false;
  bool variable = true;
  Text description, datatype_description;
  std::vector<CatalogueValue> values;
};

struct CatalogueService {
  std::string code, group_code, type, department;
  Text name, description, keywords, group_name;
  int sla_hours = 24;
  std::vector<CatalogueAttribute> attributes;   // by order
};

struct Catalogue {
  std::vector<CatalogueService> services;       // group order, then service order
  std::map<std::string, Text> departments;
  const CatalogueService* find(std::string_view code) const;
  const Text* department(std::string_view code) const;
};

// Empty error string on success.
std::string load_catalogue(Db& db, Catalogue& out);

// GeoReport v2 JSON for GET /services.json and GET /services/{code}.json.
json services_json(const Catalogue& c, Lang lang);
json definition_json(const CatalogueService& s, Lang lang);
// The same definition as core's model, for validation shared with clients.
api::ServiceDefinition to_definition(const CatalogueService& s, Lang lang);

}  // namespace civic::server
