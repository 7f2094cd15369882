// native/cli/cmd_services.cpp — `civic services`: the catalogue by group.
// Human output: one block per group (server order), one line per service
// (code, name, description). --json: {"groups":[{"name","services":[...]}]}.
#include <nlohmann/json.hpp>

#include "core/api/parse.hpp"
#include "core/api/url.hpp"
#include "core/app/state.hpp"
#include "native/cli/cli.hpp"

namespace civic::cli {

int cmd_services(Context& ctx) {
  if (!ctx.args.empty())
    return usage_error(ctx, format(ctx.lang, "cli.unexpected_argument", {{"argument", ctx.args[0]}}));
  auto body = get(ctx, api::services_url(ctx.server, ctx.lang));
  if (!body) return fail(ctx, body.error());
  auto services = api::parse_services(*body);
  if (!services) return fail(ctx, services.error());
  app::Catalog cat;
  cat.services = std::move(services).value();
  auto groups = app::service_groups(cat);

  if (ctx.json) {
    nlohmann::json j = {{"groups", nlohmann::json::array()}};
    for (const auto& g : groups) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto* s : g.services)
        list.push_back({{"service_code", s->code},
                        {"service_name", s->name},
                        {"description", s->description},
                        {"metadata", s->metadata},
                        {"type", s->type},
                        {"keywords", s->keywords},
                        {"group", s->group}});
      j["groups"].push_back({{"name", g.name}, {"services", std::move(list)}});
    }
    out(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    return kExitOk;
  }
  if (groups.empty()) {
    out(std::string(tr(ctx.lang, "services.none")));
    return kExitOk;
  }
  std::string text;
  for (const auto& g : groups) {
    std::string name = g.name.empty() ? std::string(tr(ctx.lang, "services.other_group")) : g.name;
    text += name + " (" + format(ctx.lang, "home.services_count", {{"count", std::to_string(g.services.size())}}) +
            ")\n";
    for (const auto* s : g.services) {
      text += "  " + s->code + "\t" + s->name;
      if (!s->description.empty()) text += " — " + s->description;
      text += "\n";
    }
  }
  text.pop_back();
  out(text);
  return kExitOk;
}

}  // namespace civic::cli
