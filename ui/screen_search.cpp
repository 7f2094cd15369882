// ui/screen_search.cpp — finding the service: the search box (both
// languages' catalogues, core/catalog_search) with its results as cards, and
// the "describe your concern" box with up to three one-tap suggestions. The
// ranking lives in core (State::finder); this only draws it.
#include <imgui.h>

#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::screens {

namespace {

// The service in the screen's language (results are codes).
const api::Service* service(const app::State& s, const std::string& code) {
  for (const auto& svc : s.catalog.services)
    if (svc.code == code) return &svc;
  return nullptr;
}

std::string subtitle(const app::State& s, const api::Service& svc) {
  std::string group = svc.group.empty() ? std::string(tr(s.lang, "services.other_group")) : svc.group;
  return svc.description.empty() ? group : group + " · " + svc.description;
}

}  // namespace

void search_box(const app::State& s, const Dispatch& d) {
  std::string q = s.finder.query;
  if (w::text_input("search", std::string(tr(s.lang, "place.search")), &q, false, false,
                    std::string(tr(s.lang, "place.search_hint"))))
    d(app::SearchEdited{q});
  if (s.finder.query.empty() || s.catalog.services.empty()) return;
  if (s.finder.results.empty()) {
    w::status("search/none", std::string(tr(s.lang, "place.search_none")));
    return;
  }
  w::status("search/count",
            format(s.lang, "place.search_results", {{"count", std::to_string(s.finder.results.size())}}));
  for (const auto& code : s.finder.results)
    if (const api::Service* svc = service(s, code))
      if (w::card("search/" + code, svc->name, subtitle(s, *svc))) d(app::ServiceChosen{code});
  ImGui::Dummy(ImVec2(0, w::frame().touch / 4));
}

void concern_box(const app::State& s, const Dispatch& d) {
  std::string c = s.finder.concern;
  if (w::text_input("concern", std::string(tr(s.lang, "place.concern")), &c, true, false,
                    std::string(tr(s.lang, "place.concern_hint"))))
    d(app::ConcernEdited{c});
  if (s.finder.suggestions.empty()) return;
  w::paragraph(std::string(tr(s.lang, "place.suggested")), true);
  for (const auto& code : s.finder.suggestions)
    if (const api::Service* svc = service(s, code))
      if (w::card("suggest/" + code, svc->name, subtitle(s, *svc))) d(app::ServiceChosen{code});
  ImGui::Dummy(ImVec2(0, w::frame().touch / 4));
}

}  // namespace civic::ui::screens
