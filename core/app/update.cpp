// core/app/update.cpp — every flow of the app, one Event at a time.
#include "core/app/update.hpp"

#include "core/api/parse.hpp"
#include "core/api/url.hpp"

namespace civic::app {

namespace {

template <class... Ts>
struct overloaded : Ts... { using Ts::operator()...; };
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

HttpRequest get(State& s, std::string url, Purpose purpose) {
  HttpRequest r;
  r.request_id = s.next_request_id++;
  r.url = std::move(url);
  r.headers = {{"Accept", "application/json"}, {"Accept-Language", std::string(lang_tag(s.lang))}};
  s.pending[r.request_id] = Pending{purpose, s.lang};
  return r;
}

std::vector<Effect> fetch_catalog(State& s) {
  if (s.server_base.empty()) return {};
  s.catalog.phase = Phase::loading;
  s.catalog.error.reset();
  return {get(s, api::services_url(s.server_base, s.lang), Purpose::services)};
}

void on_services(State& s, const Pending& p, const HttpDone& d) {
  if (p.lang != s.lang) return;  // the resident switched language meanwhile; a newer request is out
  if (d.status < 200 || d.status >= 300) {
    s.catalog.phase = Phase::failed;
    s.catalog.error = d.status == 0 ? make_error("api.network", d.error) : api::error_from_reply(d.status, d.body);
    return;
  }
  auto parsed = api::parse_services(d.body);
  if (!parsed) {
    s.catalog.phase = Phase::failed;
    s.catalog.error = parsed.error();
    return;
  }
  s.catalog.services = std::move(parsed).value();
  s.catalog.lang = p.lang;
  s.catalog.phase = Phase::ready;
  s.catalog.error.reset();
  // Groups are named per language: find the open group again by a service
  // code it holds, so a language switch keeps the resident where they were.
  if (s.screen == Screen::group) {
    bool found = false;
    for (const auto& g : service_groups(s.catalog))
      for (const auto* svc : g.services)
        if (!found && svc->code == s.open_group_anchor) {
          s.open_group = g.name;
          found = true;
        }
    if (!found) s.screen = Screen::home;
  }
}

}  // namespace

std::vector<Effect> update(State& s, const Event& event) {
  s.revision++;
  return std::visit(
      overloaded{
          [&](const Started& e) -> std::vector<Effect> {
            s.server_base = api::normalize_base(e.server_base);
            s.lang = e.lang;
            s.settings = e.settings;
            return fetch_catalog(s);
          },
          [&](const HttpDone& e) -> std::vector<Effect> {
            auto it = s.pending.find(e.request_id);
            if (it == s.pending.end()) return {};
            Pending p = it->second;
            s.pending.erase(it);
            switch (p.purpose) {
              case Purpose::services: on_services(s, p, e); break;
            }
            return {};
          },
          [&](const LanguageChosen& e) -> std::vector<Effect> {
            if (e.lang == s.lang) return {};
            s.lang = e.lang;
            return fetch_catalog(s);
          },
          [&](const GroupOpened& e) -> std::vector<Effect> {
            s.screen = Screen::group;
            s.open_group = e.group;
            s.open_group_anchor.clear();
            for (const auto& g : service_groups(s.catalog))
              if (g.name == e.group && !g.services.empty()) s.open_group_anchor = g.services.front()->code;
            return {};
          },
          [&](const BackPressed&) -> std::vector<Effect> {
            s.screen = Screen::home;
            return {};
          },
          [&](const RetryPressed&) -> std::vector<Effect> { return fetch_catalog(s); },
          [&](const SettingsChanged& e) -> std::vector<Effect> {
            s.settings = e.settings;
            return {};
          },
      },
      event);
}

}  // namespace civic::app
