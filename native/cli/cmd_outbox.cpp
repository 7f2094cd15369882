// native/cli/cmd_outbox.cpp — `civic outbox list|flush`: what is waiting in
// DATA_DIR/outbox, and delivering it now.
//   list   one line per entry: key, state, attempts, next attempt, title, last error
//   flush  delivers every queued entry now (ignoring its backoff); exit 0 when
//          the outbox is empty afterwards, 75 when some are still queued,
//          1 when some were refused and need the resident's input
#include <nlohmann/json.hpp>

#include "core/outbox/delivery.hpp"
#include "native/cli/cli.hpp"
#include "native/cli/upload_meter.hpp"
#include "native/common/outbox_deliver.hpp"

namespace civic::cli {

outbox::DeliveryConfig delivery_config(const Context& ctx);

namespace {

nlohmann::json entry_json(const Context& ctx, const outbox::OutboxEntry& e) {
  nlohmann::json j = {{"idempotency_key", e.key},
                      {"state", std::string(outbox::state_name(e.state))},
                      {"service_code", e.service_code},
                      {"title", e.title},
                      {"attempts", e.attempts},
                      {"next_attempt_ms", e.next_attempt_ms},
                      {"created_at", e.created_at}};
  if (e.last_error) j["error"] = {{"id", e.last_error->id}, {"message", explain(ctx.lang, *e.last_error)}};
  return j;
}

int list(Context& ctx) {
  native::OutboxStore store(ctx.data_dir);
  std::vector<std::string> aside;
  auto entries = store.load_all(&aside);
  for (const auto& name : aside)
    std::fprintf(stderr, "civic: %s (%s)\n", std::string(tr(ctx.lang, "outbox.corrupt")).c_str(), name.c_str());
  if (ctx.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : entries) arr.push_back(entry_json(ctx, e));
    out(arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    return kExitOk;
  }
  if (entries.empty()) {
    out(std::string(tr(ctx.lang, "outbox.empty")));
    return kExitOk;
  }
  const std::int64_t now = native::unix_ms_now();
  for (const auto& e : entries) {
    std::string line = e.key + "  " + std::string(tr(ctx.lang, outbox::state_message_id(e.state))) + "  " +
                       e.service_code + (e.title.empty() ? "" : "  " + e.title);
    if (e.state == outbox::EntryState::queued && e.next_attempt_ms > now)
      line += "\n    " + format(ctx.lang, "outbox.next_attempt",
                                {{"seconds", std::to_string((e.next_attempt_ms - now + 999) / 1000)}});
    if (e.last_error) line += "\n    " + explain(ctx.lang, *e.last_error);
    out(line);
  }
  return kExitOk;
}

int flush(Context& ctx) {
  native::OutboxStore store(ctx.data_dir);
  if (!store.try_lock()) {
    std::fprintf(stderr, "civic: %s\n", std::string(tr(ctx.lang, "outbox.busy")).c_str());
    return kExitTempFail;
  }
  const outbox::DeliveryConfig cfg = delivery_config(ctx);
  int queued = 0, refused = 0;
  nlohmann::json results = nlohmann::json::array();
  for (auto& e : store.load_all()) {
    if (e.state == outbox::EntryState::failed_needs_input) {
      ++refused;
      results.push_back(entry_json(ctx, e));
      continue;
    }
    native::DeliverOutcome d;
    {
      UploadMeter meter(ctx);   // this entry's photos going up, on a terminal
      d = native::deliver_entry(store, e, cfg, true, meter.callback());
    }
    if (d.storage_error) return fail(ctx, *d.storage_error);
    nlohmann::json j = entry_json(ctx, e);
    if (d.state == outbox::EntryState::delivered) {
      j["service_request_id"] = e.service_request_id;
      j["token"] = e.token;
      if (!ctx.json)
        out(format(ctx.lang, "outbox.delivered_as",
                   {{"id", e.service_request_id.empty() ? e.token : e.service_request_id}}));
    } else if (d.state == outbox::EntryState::failed_needs_input) {
      ++refused;
      if (!ctx.json) std::fprintf(stderr, "civic: %s: %s\n", e.key.c_str(), explain(ctx.lang, *e.last_error).c_str());
    } else {
      ++queued;
      if (!ctx.json)
        std::fprintf(stderr, "civic: %s\n", format(ctx.lang, "outbox.queued_exit", {{"key", e.key}}).c_str());
    }
    results.push_back(std::move(j));
  }
  if (ctx.json) out(results.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  if (refused) return kExitFailure;
  return queued ? kExitTempFail : kExitOk;
}

}  // namespace

int cmd_outbox(Context& ctx) {
  if (ctx.args.size() != 1 || (ctx.args[0] != "list" && ctx.args[0] != "flush"))
    return usage_error(ctx, format(ctx.lang, "cli.missing_argument", {{"argument", "list|flush"}}));
  return ctx.args[0] == "list" ? list(ctx) : flush(ctx);
}

}  // namespace civic::cli
