// core/app/nearby_flow.cpp — see nearby_flow.hpp.
#include "core/app/nearby_flow.hpp"

#include <cstdlib>

#include "core/api/nearby.hpp"
#include "core/api/parse.hpp"
#include "core/app/outbox_flow.hpp"
#include "core/forms/form_state.hpp"
#include "core/i18n/messages.hpp"

namespace civic::app {

namespace {

HttpRequest get(State& s, std::string url, Purpose purpose, std::string key) {
  HttpRequest r;
  r.request_id = s.next_request_id++;
  r.url = std::move(url);
  r.headers = {{"Accept", "application/json"}, {"Accept-Language", std::string(lang_tag(s.lang))}};
  s.pending[r.request_id] = Pending{purpose, s.lang, std::move(key)};
  return r;
}

const forms::Location* draft_point(const State& s) {
  int i = forms::field_index(s.draft.schema, "location");
  if (i < 0 || static_cast<size_t>(i) >= s.draft.form.fields.size()) return nullptr;
  const forms::Location& l = s.draft.form.fields[static_cast<size_t>(i)].value.location;
  return l.lat.empty() || l.lon.empty() ? nullptr : &l;
}

// What a check is about: the service and the point.
std::string place_key(const State& s) {
  const forms::Location* p = draft_point(s);
  return p ? s.draft.service.code + "|" + p->lat + "|" + p->lon : std::string();
}

std::vector<Effect> to_review(State& s) {
  s.nearby.phase = Phase::idle;
  s.screen = Screen::review;
  return {};
}

}  // namespace

std::vector<Effect> nearby_before_review(State& s) {
  Nearby& n = s.nearby;
  std::string key = place_key(s);
  if (key.empty() || key == n.checked) return to_review(s);
  if (n.phase == Phase::loading) return {};   // a check is out; its answer moves on
  s.screen = Screen::form;
  if (n.caps != Phase::ready && s.trust.known) {
    // The capabilities document the app already keeps (trust_flow): no second fetch.
    auto offer = api::nearby_offer(s.trust.capabilities);
    n.caps = Phase::ready;
    n.offered = offer.has_value();
    n.max_radius_m = offer ? offer->default_radius_m : 0;
  }
  if (n.caps == Phase::idle || n.caps == Phase::failed) {
    n.caps = Phase::loading;
    n.phase = Phase::loading;
    return {get(s, api::endpoint_url(s.server_base, "civic/capabilities.json"), Purpose::nearby_caps, key)};
  }
  if (n.caps != Phase::ready || !n.offered) return to_review(s);
  const forms::Location* p = draft_point(s);
  n.phase = Phase::loading;
  return {get(s, api::nearby_url(s.server_base, s.draft.service.code, p->lat, p->lon, n.max_radius_m, s.lang),
              Purpose::nearby, key)};
}

std::vector<Effect> nearby_on_reply(State& s, const Pending& p, const HttpDone& d) {
  Nearby& n = s.nearby;
  bool ok = d.status >= 200 && d.status < 300;
  if (p.purpose == Purpose::nearby_caps) {
    // A plain Open311 server has no such document (404): no extension. A
    // network failure is asked again next time.
    auto offer = ok ? api::nearby_offer(d.body) : std::nullopt;
    n.caps = ok || (d.status >= 400 && d.status < 500) ? Phase::ready : Phase::failed;
    n.offered = offer.has_value();
    n.max_radius_m = offer ? offer->default_radius_m : 0;
    n.phase = Phase::idle;
    if (s.screen != Screen::form || p.key != place_key(s)) return {};
    if (!n.offered) return to_review(s);
    return nearby_before_review(s);
  }
  if (n.phase != Phase::loading || s.screen != Screen::form || p.key != place_key(s)) {
    n.phase = Phase::idle;
    return {};
  }
  n.checked = p.key;
  n.found.clear();
  auto list = ok ? api::parse_requests(d.body) : Result<std::vector<api::ServiceRequest>>(make_error("api.network"));
  const forms::Location* pt = draft_point(s);
  if (list && pt) {
    std::vector<std::string> mine;
    for (const auto& t : s.tickets)
      if (!t.id.empty()) mine.push_back(t.id);
    n.found = api::nearby_filter(*list, s.draft.service.code, std::strtod(pt->lat.c_str(), nullptr),
                                 std::strtod(pt->lon.c_str(), nullptr), n.max_radius_m, mine);
  }
  if (n.found.empty()) return to_review(s);   // nothing near, or the check failed: file as usual
  n.phase = Phase::ready;
  s.screen = Screen::nearby;
  return {};
}

std::vector<Effect> follow_nearby(State& s, const FollowNearbyPressed& e) {
  for (const auto& r : s.nearby.found)
    if (r.id == e.id) {
      s.announcement = format(s.lang, "place.announce_following", {{"id", r.id}});
      return outbox_keep_followed(s, r);
    }
  return {};
}

}  // namespace civic::app
