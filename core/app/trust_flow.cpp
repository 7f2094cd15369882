// core/app/trust_flow.cpp — see trust_flow.hpp.
#include "core/app/trust_flow.hpp"

#include <algorithm>

#include "core/api/url.hpp"
#include "core/crypto/seal_form.hpp"
#include "core/crypto/server_keys.hpp"
#include "core/tracking/iso_time.hpp"

namespace civic::app {

namespace {

// An unreadable pin store is never overwritten: "" leaves it as stored.
TrustSave save(const State& s) {
  return TrustSave{s.trust.pins_error ? std::string() : crypto::pin_store_to_json(s.trust.pins),
                   s.trust.capabilities};
}

}  // namespace

bool has_clear_personal(const api::Params& form) {
  static constexpr const char* kPersonal[] = {"first_name", "last_name", "phone", "email", "id_number"};
  return std::any_of(form.begin(), form.end(), [](const auto& kv) {
    return !kv.second.empty() && std::any_of(std::begin(kPersonal), std::end(kPersonal),
                                             [&](const char* k) { return kv.first == k; });
  });
}

std::vector<Effect> trust_start(State& s, const Started& e) {
  s.trust = Trust{};
  if (!e.pins_unreadable.empty()) {
    s.trust.pins_error = make_error("crypto.pins_unreadable", e.pins_unreadable);
  } else if (!e.pins_json.empty()) {
    auto pins = crypto::pin_store_from_json(e.pins_json);
    if (pins)
      s.trust.pins = std::move(pins).value();
    else
      s.trust.pins_error = pins.error();
  }
  if (!e.capabilities_json.empty() && e.capabilities_json.size() <= crypto::kMaxCapabilitiesBytes) {
    s.trust.capabilities = e.capabilities_json;
    s.trust.known = true;   // last run's answer: good enough to seal to, confirmed below
  }
  std::vector<Effect> fx;
  trust_refresh(s, fx);
  return fx;
}

void trust_refresh(State& s, std::vector<Effect>& fx) {
  if (s.server_base.empty() || s.trust.phase == Phase::loading) return;
  if (s.trust.retry_at_ms > s.now_ms) return;
  HttpRequest r;
  r.request_id = s.next_request_id++;
  r.url = api::endpoint_url(s.server_base, "civic/capabilities.json");
  r.headers = {{"Accept", "application/json"}};
  s.pending[r.request_id] = Pending{Purpose::capabilities, s.lang, {}};
  s.trust.phase = Phase::loading;
  fx.push_back(std::move(r));
}

std::vector<Effect> trust_on_reply(State& s, const HttpDone& d) {
  std::vector<Effect> fx;
  Trust& t = s.trust;
  std::string caps;
  if (d.status == 200) {
    // Too large to be a capabilities document: as if none were offered.
    if (d.body.size() <= crypto::kMaxCapabilitiesBytes) caps = d.body;
  } else if (d.status == 0 || d.status >= 500 || d.status == 429) {
    // No answer: keep what the shell remembered and try again later.
    t.phase = Phase::failed;
    t.failures++;
    std::int64_t wait = std::min(kTrustRetryMaxMs, kTrustRetryFirstMs << std::min(t.failures - 1, 5));
    t.retry_at_ms = s.now_ms + wait;
    return fx;
  }
  // 200, or a 4xx (a plain GeoReport v2 server has no such document).
  t.phase = Phase::ready;
  t.failures = 0;
  t.retry_at_ms = 0;
  bool changed = !t.known || caps != t.capabilities;
  t.capabilities = std::move(caps);
  t.known = true;
  if (changed) fx.push_back(save(s));
  return fx;
}

Result<bool> trust_seal(State& s, api::Params& form, std::vector<Effect>& fx) {
  Trust& t = s.trust;
  std::string server = api::origin_of(s.server_base);
  if (!has_clear_personal(form)) return false;
  if (t.pins_error) return *t.pins_error;   // which keys were pinned is unknown: send nothing personal
  std::string now = tracking::format_iso8601_utc(s.now_ms / 1000);
  auto out = crypto::seal_form_for_server(form, t.capabilities, t.pins, server, now);
  if (!out) return out.error();
  // A server whose key we pinned offered sealing before: a document without
  // it now is a downgrade (or an impostor), not a plain GeoReport server.
  if (!out->offered && crypto::find_pin(t.pins, server))
    return make_error("crypto.sealing_withdrawn", server, {{"server", crypto::pin_server_name(server)}});
  if (out->first_use) fx.push_back(save(s));
  return out->sealed;
}

}  // namespace civic::app
