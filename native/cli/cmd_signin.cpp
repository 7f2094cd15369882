// native/cli/cmd_signin.cpp — verified sign-in from the command line:
//   civic signin PHONE               asks the server for a code, then reads it on stdin
//   civic signin PHONE --send-only   only asks for the code (scripts)
//   civic signin PHONE --code N      signs in with a code received earlier
//   civic signout                    revokes the token on the server and wipes this
//                                    device's sign-in and ticket list; the outbox
//                                    (concerns not delivered yet) is KEPT and counted
//   civic mine [--json]              the signed-in account's concerns, from any device
// The endpoints come from the server's capabilities (extension `signin`); a
// server without it gets api.signin_unsupported (filing stays anonymous).
// The session lives in DATA_DIR/session.json (session.hpp); `civic file`
// sends its token so the concern is filed under the account.
// Exit codes: 0 done, 1 refused or unreachable, 2 usage.
#include <ctime>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/api/parse.hpp"
#include "core/api/signin.hpp"
#include "core/forms/validators.hpp"
#include "native/cli/cli.hpp"
#include "native/cli/session.hpp"
#include "native/common/http.hpp"
#include "native/common/outbox_store.hpp"

namespace civic::cli {

namespace {

Result<api::SigninEndpoints> endpoints(const Context& ctx) {
  auto caps = get(ctx, api::endpoint_url(ctx.server, "civic/capabilities.json"));
  if (!caps) {
    // A plain GeoReport v2 server has no capabilities document at all.
    if (caps.error().params.count("status") && caps.error().params.at("status") == "404")
      return make_error("api.signin_unsupported", "no civic/capabilities.json");
    return caps.error();
  }
  return api::signin_endpoints(caps.value());
}

app::HttpDone send(const Context& ctx, std::string method, const std::string& url, const api::Params& form,
                   const std::string& authorization = {}) {
  app::HttpRequest req;
  req.method = std::move(method);
  req.url = url;
  req.headers = {{"Accept", "application/json"}, {"Accept-Language", std::string(lang_tag(ctx.lang))}};
  if (!form.empty() || req.method == "POST") {
    req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    req.body = api::form_encode(form);
  }
  if (!authorization.empty()) req.headers.emplace_back("Authorization", authorization);
  return native::http_perform(req);
}

Error reply_error(const app::HttpDone& d) {
  if (d.status == 0) return make_error("api.network", d.error);
  return api::signin_error(d.status, d.body);
}

int verify(Context& ctx, const api::SigninEndpoints& ep, const std::string& phone, const std::string& typed) {
  auto code = api::normalize_signin_code(typed, ep.code_length);
  if (!code) return fail(ctx, code.error());
  app::HttpDone d = send(ctx, "POST", ep.verify, api::signin_verify_form(phone, code.value()));
  if (d.status != 200) return fail(ctx, reply_error(d));
  auto s = api::parse_signin_session(d.body);
  if (!s) return fail(ctx, s.error());
  Session session{ctx.server, s->access_token, s->account_id, s->phone,
                  static_cast<std::int64_t>(std::time(nullptr)) + s->expires_in};
  if (auto saved = save_session(ctx, session); !saved) return fail(ctx, saved.error());
  if (ctx.json)
    out(nlohmann::json{{"account_id", s->account_id}, {"phone", s->phone}, {"expires_in", s->expires_in}}.dump());
  else
    out(format(ctx.lang, "signin.signed_in",
               {{"phone", s->phone}, {"account", s->account_id}, {"minutes", std::to_string(s->expires_in / 60)}}));
  return kExitOk;
}

}  // namespace

int cmd_signin(Context& ctx) {
  std::string phone, code;
  bool send_only = false, have_code = false;
  for (std::size_t i = 0; i < ctx.args.size(); ++i) {
    const std::string& a = ctx.args[i];
    if (a == "--send-only") {
      send_only = true;
    } else if (a == "--code") {
      if (i + 1 >= ctx.args.size()) return usage_error(ctx, format(ctx.lang, "cli.missing_value", {{"option", a}}));
      code = ctx.args[++i];
      have_code = true;
    } else if (phone.empty() && a.rfind("--", 0) != 0) {
      phone = a;
    } else {
      return usage_error(ctx, format(ctx.lang, "cli.unknown_option", {{"option", a}}));
    }
  }
  if (phone.empty()) return usage_error(ctx, format(ctx.lang, "cli.missing_argument", {{"argument", "PHONE"}}));
  if (send_only && have_code) return usage_error(ctx, format(ctx.lang, "cli.unknown_option", {{"option", "--send-only --code"}}));
  // The same check the server makes, before anything is sent.
  auto canonical = forms::normalize_phone(phone);
  if (!canonical) return fail(ctx, canonical.error(), kExitUsage);
  auto ep = endpoints(ctx);
  if (!ep) return fail(ctx, ep.error());
  if (have_code) return verify(ctx, ep.value(), canonical.value(), code);

  app::HttpDone d = send(ctx, "POST", ep->request_code, api::signin_code_form(canonical.value()));
  if (d.status != 202 && d.status != 200) return fail(ctx, reply_error(d));
  auto c = api::parse_signin_challenge(d.body);
  if (!c) return fail(ctx, c.error());
  std::string sent = format(ctx.lang, "signin.code_sent",
                            {{"phone", c->phone}, {"minutes", std::to_string((c->expires_in + 59) / 60)}});
  if (send_only) {
    out(sent);
    return kExitOk;
  }
  std::fprintf(stderr, "%s\n%s", sent.c_str(), std::string(tr(ctx.lang, "signin.prompt")).c_str());
  std::fflush(stderr);
  std::string line;
  if (!std::getline(std::cin, line)) return fail(ctx, make_error("signin.code_format", "no code on stdin"));
  return verify(ctx, ep.value(), canonical.value(), line);
}

int cmd_signout(Context& ctx) {
  if (!ctx.args.empty()) return usage_error(ctx, format(ctx.lang, "cli.unknown_option", {{"option", ctx.args[0]}}));
  std::optional<Error> revoke_error;
  bool had_session = false;
  if (auto s = load_session(ctx)) {
    had_session = true;
    auto ep = endpoints(ctx);
    if (!ep) {
      revoke_error = ep.error();
    } else {
      app::HttpDone d = send(ctx, "POST", ep->signout, {}, api::bearer_header(s->access_token));
      // 401: the server already forgot it (expired or revoked): nothing left to revoke.
      if (d.status != 204 && d.status != 200 && d.status != 401) revoke_error = reply_error(d);
    }
  }
  // Local personal data goes whatever the server said: the sign-in and the
  // list of tickets this device filed. The outbox is never touched.
  bool wiped = wipe_file(session_path(ctx));
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(ctx.data_dir + "/tickets", ec))
    if (f.is_regular_file(ec)) wiped = wipe_file(f.path().string()) && wiped;
  native::OutboxStore store(ctx.data_dir);
  std::size_t kept = store.load_all().size();
  if (!wiped) return fail(ctx, make_error("signin.wipe_failed", ctx.data_dir, {{"path", ctx.data_dir}}));
  if (ctx.json) {
    nlohmann::json j = {{"signed_out", had_session}, {"revoked", had_session && !revoke_error}, {"outbox_kept", kept}};
    out(j.dump());
  } else {
    out(std::string(tr(ctx.lang, had_session ? "signin.signed_out" : "signin.not_signed_in_wiped")));
    if (kept > 0) out(format(ctx.lang, "signin.outbox_kept", {{"count", std::to_string(kept)}}));
  }
  if (revoke_error) {
    std::fprintf(stderr, "civic: %s\n  %s\n", std::string(tr(ctx.lang, "signin.revoke_failed")).c_str(),
                 explain(ctx.lang, *revoke_error).c_str());
    return kExitFailure;
  }
  return kExitOk;
}

int cmd_mine(Context& ctx) {
  if (!ctx.args.empty()) return usage_error(ctx, format(ctx.lang, "cli.unknown_option", {{"option", ctx.args[0]}}));
  auto s = load_session(ctx);
  if (!s) return fail(ctx, make_error("signin.token_missing", "no session for " + ctx.server));
  auto ep = endpoints(ctx);
  if (!ep) return fail(ctx, ep.error());
  app::HttpDone d = send(ctx, "GET", ep->my_requests + "?locale=" + std::string(lang_tag(ctx.lang)),
                         {}, api::bearer_header(s->access_token));
  if (d.status != 200) return fail(ctx, reply_error(d));
  auto list = api::parse_requests(d.body);
  if (!list) return fail(ctx, list.error());
  if (ctx.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : list.value())
      arr.push_back({{"service_request_id", r.id}, {"status", r.status}, {"service_code", r.service_code},
                     {"service_name", r.service_name}, {"requested_datetime", r.requested_datetime}, {"token", r.token}});
    out(arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return kExitOk;
  }
  out(format(ctx.lang, "signin.mine_header", {{"phone", s->phone}, {"count", std::to_string(list->size())}}));
  for (const auto& r : list.value())
    out("  " + r.id + "  " + r.status + "  " + r.service_name + "  " + r.requested_datetime);
  return kExitOk;
}

}  // namespace civic::cli
