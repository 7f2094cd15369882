// native/cli/cmd_file.cpp — `civic file`: file a concern through the outbox.
//   civic file --service CODE [--description T] [--attr CODE=VALUE]...
//              [--lat N --long N | --address T] [--email E] [--phone P]
//              [--first-name T] [--last-name T]
// When the server publishes a certified sealing key, name, phone and email
// are queued and sent only inside `sealed_personal` (seal.hpp); when the
// resident is signed in (civic signin), the concern is filed under the account.
// The concern is written to DATA_DIR/outbox (fsync'd) with a fresh
// idempotency key BEFORE anything is sent, then delivered once. Exit 0 with
// the ticket number; 75 (EX_TEMPFAIL) when the server cannot be reached or
// is busy — the concern stays queued for `civic outbox flush`; 1 when the
// server refuses the content (kept, marked failed, shown by `outbox list`).
// $CIVIC_API_KEY, when set, is sent as GeoReport's api_key.
#include <cstdlib>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "core/outbox/delivery.hpp"
#include "native/cli/cli.hpp"
#include "native/cli/seal.hpp"
#include "native/cli/session.hpp"
#include "native/common/outbox_deliver.hpp"

namespace civic::cli {

outbox::DeliveryConfig delivery_config(const Context& ctx) {
  outbox::DeliveryConfig c;
  c.base = ctx.server;
  c.lang = ctx.lang;
  if (const char* k = std::getenv("CIVIC_API_KEY"); k && *k) c.api_key = k;
  c.authorization = session_authorization(ctx);  // signed in: the concern is filed under the account
  return c;
}

int report_delivery(const Context& ctx, const outbox::OutboxEntry& e, const native::DeliverOutcome& d) {
  if (d.storage_error) return fail(ctx, *d.storage_error);
  switch (d.state) {
    case outbox::EntryState::delivered: {
      std::string id = e.service_request_id.empty() ? e.token : e.service_request_id;
      if (ctx.json)
        out(nlohmann::json{{"service_request_id", e.service_request_id}, {"token", e.token}, {"idempotency_key", e.key}}
                .dump());
      else
        out(format(ctx.lang, "outbox.delivered_as", {{"id", id}}));
      return kExitOk;
    }
    case outbox::EntryState::failed_needs_input:
      return fail(ctx, e.last_error.value_or(make_error("api.http_status", "", {{"status", "4xx"}})));
    default: {
      std::string why = e.last_error ? explain(ctx.lang, *e.last_error) : std::string();
      std::fprintf(stderr, "civic: %s%s%s\n", format(ctx.lang, "outbox.queued_exit", {{"key", e.key}}).c_str(),
                   why.empty() ? "" : "\n  ", why.c_str());
      if (ctx.json) out(nlohmann::json{{"queued", true}, {"idempotency_key", e.key}}.dump());
      return kExitTempFail;
    }
  }
}

int cmd_file(Context& ctx) {
  std::string service;
  api::Params form;
  std::map<std::string, int> attr_count;
  std::vector<std::pair<std::string, std::string>> attrs;
  static const std::map<std::string, std::string> kFields = {
      {"--description", "description"}, {"--lat", "lat"},     {"--long", "long"},
      {"--address", "address_string"},  {"--email", "email"}, {"--phone", "phone"},
      {"--first-name", "first_name"},   {"--last-name", "last_name"}};
  for (std::size_t i = 0; i < ctx.args.size(); ++i) {
    const std::string& opt = ctx.args[i];
    if (i + 1 >= ctx.args.size())
      return usage_error(ctx, format(ctx.lang, "cli.missing_value", {{"option", opt}}));
    const std::string& v = ctx.args[++i];
    if (opt == "--service") {
      service = v;
    } else if (opt == "--attr") {
      auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0)
        return usage_error(ctx, format(ctx.lang, "cli.missing_value", {{"option", "--attr CODE=VALUE"}}));
      attrs.emplace_back(v.substr(0, eq), v.substr(eq + 1));
      ++attr_count[v.substr(0, eq)];
    } else if (auto f = kFields.find(opt); f != kFields.end()) {
      form.emplace_back(f->second, v);
    } else {
      return usage_error(ctx, format(ctx.lang, "cli.unknown_option", {{"option", opt}}));
    }
  }
  if (service.empty()) return usage_error(ctx, format(ctx.lang, "cli.missing_argument", {{"argument", "--service"}}));
  form.insert(form.begin(), {"service_code", service});
  // GeoReport v2: attribute[CODE] once, attribute[CODE][] for each value of a list.
  for (const auto& [code, value] : attrs)
    form.emplace_back("attribute[" + code + "]" + (attr_count[code] > 1 ? "[]" : ""), value);

  // Personal fields are sealed to the server's key before the form is queued.
  auto sealed = seal_for_server(ctx, form);
  if (!sealed) return fail(ctx, sealed.error());
  std::string title;
  for (const auto& [k, v] : form)
    if (k == "description") title = v.substr(0, 120);
  native::OutboxStore store(ctx.data_dir);
  outbox::OutboxEntry e = outbox::make_entry(service, title, form, std::time(nullptr));
  if (auto saved = store.save(e); !saved) return fail(ctx, saved.error());
  if (!store.try_lock()) return report_delivery(ctx, e, {});  // another civic is delivering: stay queued
  return report_delivery(ctx, e, native::deliver_entry(store, e, delivery_config(ctx), false));
}

}  // namespace civic::cli
