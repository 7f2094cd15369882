// core/app/search_flow.cpp — see search_flow.hpp.
#include "core/app/search_flow.hpp"

#include "core/api/parse.hpp"
#include "core/forms/form_state.hpp"
#include "core/i18n/messages.hpp"

namespace civic::app {

namespace {

Lang other_lang(Lang l) { return l == Lang::zh_CN ? Lang::en : Lang::zh_CN; }

// The other language's catalogue, once (again after a failure).
std::vector<Effect> fetch_other(State& s) {
  Catalog& o = s.finder.other;
  Lang want = other_lang(s.lang);
  if (s.server_base.empty() || o.phase == Phase::loading || (o.phase == Phase::ready && o.lang == want)) return {};
  o.phase = Phase::loading;
  o.lang = want;
  HttpRequest r;
  r.request_id = s.next_request_id++;
  r.url = api::services_url(s.server_base, want);
  r.headers = {{"Accept", "application/json"}, {"Accept-Language", std::string(lang_tag(want))}};
  s.pending[r.request_id] = Pending{Purpose::other_services, want, {}};
  return {r};
}

std::vector<const std::vector<api::Service>*> catalogues(const State& s) {
  std::vector<const std::vector<api::Service>*> c = {&s.catalog.services};
  if (s.finder.other.phase == Phase::ready && s.finder.other.lang != s.catalog.lang)
    c.push_back(&s.finder.other.services);
  return c;
}

// Only codes the screen's catalogue has can be opened (ServiceChosen).
std::vector<std::string> openable(const State& s, const std::vector<catalog_search::Match>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits)
    for (const auto& svc : s.catalog.services)
      if (svc.code == h.code) {
        out.push_back(h.code);
        break;
      }
  return out;
}

}  // namespace

void search_refresh(State& s) {
  Finder& f = s.finder;
  f.results = openable(s, catalog_search::search(catalogues(s), f.query, f.readings.get()));
  f.suggestions = openable(s, catalog_search::suggest(catalogues(s), f.concern));
}

std::vector<Effect> search_edited(State& s, const SearchEdited& e) {
  s.finder.query = e.text;
  search_refresh(s);
  return fetch_other(s);
}

std::vector<Effect> concern_edited(State& s, const ConcernEdited& e) {
  s.finder.concern = e.text;
  search_refresh(s);
  return fetch_other(s);
}

void search_on_other(State& s, const Pending& p, const HttpDone& d) {
  Catalog& o = s.finder.other;
  if (p.lang != o.lang || o.phase != Phase::loading) return;   // the language changed meanwhile
  auto parsed = d.status >= 200 && d.status < 300 ? api::parse_services(d.body)
                                                  : Result<std::vector<api::Service>>(make_error("api.network"));
  if (!parsed) {
    // The search still works in the screen's language; the next keystroke asks again.
    o.phase = Phase::failed;
    o.error = parsed.error();
    return;
  }
  o.services = std::move(parsed).value();
  o.phase = Phase::ready;
  o.error.reset();
  search_refresh(s);
}

void search_language_switched(State& s, Lang was) {
  Catalog& o = s.finder.other;
  if (o.phase == Phase::loading) o.phase = Phase::idle;   // its reply is for the wrong side now
  if (s.catalog.phase == Phase::ready && s.catalog.lang == was) {
    o = s.catalog;   // what was on screen is the other language now
  } else if (o.lang != other_lang(s.lang)) {
    o = Catalog{};
  }
  search_refresh(s);
}

void search_offer_concern(State& s) {
  const std::string& c = s.finder.concern;
  Draft& d = s.draft;
  int i = forms::field_index(d.schema, "description");
  if (c.empty() || i < 0 || static_cast<size_t>(i) >= d.form.fields.size()) return;
  const forms::FieldState& st = d.form.fields[static_cast<size_t>(i)];
  if (st.touched || !st.value.text.empty()) return;
  forms::FieldValue v = st.value;
  v.text = c;
  forms::set_value(d.form, d.schema, "description", std::move(v));
}

void search_clear(State& s) {
  s.finder.query.clear();
  s.finder.concern.clear();
  s.finder.results.clear();
  s.finder.suggestions.clear();
}

}  // namespace civic::app
