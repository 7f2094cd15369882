// server/georeport_catalogue.cpp — GeoReport v2 catalogue and discovery:
//   GET /open311/v2/services.json            service list (locale= or Accept-Language)
//   GET /open311/v2/services/{code}.json     service definition
//   GET /open311/discovery.json, /open311/v2/discovery.json
#include "core/i18n/messages.hpp"
#include "server/router.hpp"

namespace civic::server {

namespace {
// The date this API surface last changed (GeoReport discovery "changeset").
constexpr const char* kChangeset = "2026-11-27T00:00:00Z";

HttpResponse services(Context& ctx, const HttpRequest& req, const Captures&) {
  return json_response(services_json(ctx.catalogue, req.lang()));
}

HttpResponse definition(Context& ctx, const HttpRequest& req, const Captures& caps) {
  const CatalogueService* s = ctx.catalogue.find(caps[0]);
  if (!s) return error_response(req, 404, "server.unknown_service", {{"code", caps[0]}});
  return json_response(definition_json(*s, req.lang()));
}

HttpResponse discovery(Context& ctx, const HttpRequest& req, const Captures&) {
  std::string base = endpoint_base(req, ctx.options);
  json formats = json::array({"application/json"});
  json endpoints = json::array();
  endpoints.push_back({{"specification", "http://wiki.open311.org/GeoReport_v2"},
                       {"url", base},
                       {"changeset", kChangeset},
                       {"type", "production"},
                       {"formats", formats}});
  endpoints.push_back({{"specification", "urn:civic-desk:georeport-extensions:1"},
                       {"url", base + "civic/capabilities.json"},
                       {"changeset", kChangeset},
                       {"type", "production"},
                       {"formats", formats}});
  return json_response({{"changeset", kChangeset},
                        {"contact", format(req.lang(), "app.title")},
                        {"key_service", origin_of(req, ctx.options) + "/"},
                        {"endpoints", endpoints}});
}
}  // namespace

void add_catalogue_routes(Router& r) {
  r.add("GET", "/open311/v2/services.json", services);
  r.add("GET", "/open311/v2/services/{}.json", definition);
  r.add("GET", "/open311/discovery.json", discovery);
  r.add("GET", "/open311/v2/discovery.json", discovery);
}

}  // namespace civic::server
