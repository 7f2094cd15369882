// native/cli/cmd_service.cpp — `civic service CODE`: one service's form, i.e.
// its GeoReport service definition (attributes in order, with datatype,
// required flag and the allowed values of list attributes).
#include <nlohmann/json.hpp>

#include "core/api/parse.hpp"
#include "core/api/url.hpp"
#include "native/cli/cli.hpp"

namespace civic::cli {

int cmd_service(Context& ctx) {
  if (ctx.args.empty()) return usage_error(ctx, format(ctx.lang, "cli.missing_argument", {{"argument", "CODE"}}));
  if (ctx.args.size() > 1)
    return usage_error(ctx, format(ctx.lang, "cli.unexpected_argument", {{"argument", ctx.args[1]}}));
  const std::string& code = ctx.args[0];

  // The name and description come from the list; the form from the definition.
  auto list_body = get(ctx, api::services_url(ctx.server, ctx.lang));
  if (!list_body) return fail(ctx, list_body.error());
  auto services = api::parse_services(*list_body);
  if (!services) return fail(ctx, services.error());
  const api::Service* svc = nullptr;
  for (const auto& s : *services)
    if (s.code == code) svc = &s;
  if (!svc) return fail(ctx, make_error("api.not_found", code, {{"what", code}}));

  api::ServiceDefinition def;
  def.service_code = code;
  if (svc->metadata) {   // GeoReport v2: a definition exists only when metadata is true
    auto body = get(ctx, api::service_definition_url(ctx.server, code, ctx.lang));
    if (!body) return fail(ctx, body.error());
    auto parsed = api::parse_service_definition(*body);
    if (!parsed) return fail(ctx, parsed.error());
    def = std::move(parsed).value();
  }

  if (ctx.json) {
    nlohmann::json attrs = nlohmann::json::array();
    for (const auto& a : def.attributes) {
      nlohmann::json values = nlohmann::json::array();
      for (const auto& v : a.values) values.push_back({{"key", v.key}, {"name", v.name}});
      attrs.push_back({{"code", a.code},
                       {"variable", a.variable},
                       {"datatype", api::datatype_name(a.datatype)},
                       {"required", a.required},
                       {"datatype_description", a.datatype_description},
                       {"order", a.order},
                       {"description", a.description},
                       {"values", std::move(values)}});
    }
    nlohmann::json j = {{"service_code", svc->code},   {"service_name", svc->name}, {"description", svc->description},
                        {"group", svc->group},         {"keywords", svc->keywords}, {"metadata", svc->metadata},
                        {"attributes", std::move(attrs)}};
    out(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    return kExitOk;
  }
  std::string text = svc->name + " (" + svc->code + ")";
  if (!svc->group.empty()) text += " · " + svc->group;
  if (!svc->description.empty()) text += "\n" + svc->description;
  if (def.attributes.empty()) text += "\n" + std::string(tr(ctx.lang, "cli.no_attributes"));
  for (const auto& a : def.attributes) {
    if (!a.variable) {
      text += "\n  " + a.description;
      continue;
    }
    text += "\n  " + a.code + "\t" + a.description + " [" + api::datatype_name(a.datatype) + ", " +
            std::string(tr(ctx.lang, a.required ? "cli.required" : "cli.optional")) + "]";
    for (const auto& v : a.values) text += "\n      " + v.key + "\t" + v.name;
  }
  out(text);
  return kExitOk;
}

}  // namespace civic::cli
