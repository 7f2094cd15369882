// native/cli/support.cpp — helpers shared by the civic commands: errors in the
// user's language, HTTP through native/common, output.
#include <nlohmann/json.hpp>

#include "core/api/parse.hpp"
#include "native/cli/cli.hpp"
#include "native/common/http.hpp"

namespace civic::cli {

int fail(const Context& ctx, const Error& e, int code) {
  std::fprintf(stderr, "civic: %s\n", explain(ctx.lang, e).c_str());
  if (ctx.json) {
    nlohmann::json j;
    j["error"] = {{"id", e.id}, {"message", explain(ctx.lang, e)}, {"detail", e.detail}};
    out(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return code;
}

int usage_error(const Context& ctx, const std::string& message) {
  std::fprintf(stderr, "civic: %s\n%s\n", message.c_str(), std::string(tr(ctx.lang, "cli.usage")).c_str());
  return kExitUsage;
}

Result<std::string> get(const Context& ctx, const std::string& url) {
  app::HttpRequest req;
  req.url = url;
  req.headers = {{"Accept", "application/json"}, {"Accept-Language", std::string(lang_tag(ctx.lang))}};
  app::HttpDone d = native::http_perform(req);
  if (d.status == 0) return make_error("api.network", d.error);
  if (d.status < 200 || d.status >= 300) return api::error_from_reply(d.status, d.body);
  return std::move(d.body);
}

void out(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

}  // namespace civic::cli
