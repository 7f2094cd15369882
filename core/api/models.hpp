// core/api/models.hpp — Open311 GeoReport v2 models, as plain aggregates.
// Field names follow GeoReport v2 (wiki.open311.org/GeoReport_v2); Civic
// extensions are marked. Strings are UTF-8.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace civic::api {

// GET /services.json — one entry.
struct Service {
  std::string code;          // service_code
  std::string name;          // service_name
  std::string description;
  bool metadata = false;     // true: a service definition with attributes exists
  std::string type;          // realtime | batch | blackbox
  std::vector<std::string> keywords;
  std::string group;
};

enum class Datatype { string, number, datetime, text, singlevaluelist, multivaluelist };

struct AttributeValue {
  std::string key;
  std::string name;
};

// GET /services/{code}.json — one attribute.
struct Attribute {
  bool variable = true;      // false: display-only text, nothing to enter
  std::string code;
  Datatype datatype = Datatype::string;
  bool required = false;
  std::string datatype_description;
  int order = 0;
  std::string description;
  std::vector<AttributeValue> values;
};

struct ServiceDefinition {
  std::string service_code;
  std::vector<Attribute> attributes;   // sorted by order, stable
};

// GET /requests.json and /requests/{id}.json — one entry.
struct ServiceRequest {
  std::string id;            // service_request_id: a number or a string on the wire
  std::string status;        // open | closed (Civic servers may say more, see status_detail)
  std::string status_notes;
  std::string service_name;
  std::string service_code;
  std::string description;
  std::string agency_responsible;
  std::string service_notice;
  std::string requested_datetime;
  std::string updated_datetime;
  std::string expected_datetime;
  std::string address;
  std::string zipcode;
  std::optional<double> lat;
  std::optional<double> lon;
  std::string media_url;
  std::string token;         // from POST when the id is not known yet
};

// POST /requests.json answer: either an id or a token (GeoReport v2 §POST).
struct SubmitReceipt {
  std::string service_request_id;
  std::string token;
  std::string service_notice;
  std::string account_id;
  std::string signed_receipt;   // Civic receipts: the "receipt" object as JSON text, or empty
};

// GeoReport errors: [{code, description}].
struct ServerError {
  std::string code;
  std::string description;
};

// GET /discovery.json — one endpoint.
struct Endpoint {
  std::string specification;   // e.g. http://wiki.open311.org/GeoReport_v2
  std::string url;
  std::string changeset;
  std::string type;            // production | test
  std::vector<std::string> formats;
};

struct Discovery {
  std::string changeset;
  std::string contact;
  std::string key_service;
  std::vector<Endpoint> endpoints;
};

const char* datatype_name(Datatype d);

}  // namespace civic::api
