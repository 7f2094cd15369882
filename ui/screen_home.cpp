// ui/screen_home.cpp — the start screen: the service groups fetched from the
// server (never compiled in), and the accessibility settings.
#include <imgui.h>

#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::screens {

bool catalog_ready(const app::State& s, const Dispatch& d) {
  const auto& cat = s.catalog;
  if (cat.phase == app::Phase::loading || cat.phase == app::Phase::idle) {
    if (cat.services.empty()) {
      w::status("status", std::string(tr(s.lang, "status.loading")));
      return false;
    }
    // A refresh (language switch) keeps the old list on screen meanwhile.
    return true;
  }
  if (cat.phase == app::Phase::failed) {
    w::alert("error", cat.error ? explain(s.lang, *cat.error) : std::string(tr(s.lang, "api.network")));
    if (w::button("retry", std::string(tr(s.lang, "status.retry")), w::Kind::primary)) d(app::RetryPressed{});
    return !cat.services.empty();
  }
  if (cat.services.empty()) {
    w::status("status", std::string(tr(s.lang, "services.none")));
    return false;
  }
  return true;
}

void home(const app::State& s, const Dispatch& d) {
  w::paragraph(std::string(tr(s.lang, "app.tagline")), true);
  session_finish(s, d);
  draft_card(s, d);
  if (!s.tickets.empty()) {
    std::string count = std::to_string(s.tickets.size());
    if (w::card("my_concerns", std::string(tr(s.lang, "home.my_concerns")), {}, count)) d(app::TicketsOpened{});
  }
  concern_box(s, d);
  search_box(s, d);
  w::heading("heading", std::string(tr(s.lang, "home.choose_group")));
  if (catalog_ready(s, d)) {
    auto groups = app::service_groups(s.catalog);
    for (size_t i = 0; i < groups.size(); ++i) {
      const auto& g = groups[i];
      std::string name = g.name.empty() ? std::string(tr(s.lang, "services.other_group")) : g.name;
      std::string count = format(s.lang, "home.services_count", {{"count", std::to_string(g.services.size())}});
      // Subtitle: the first services' names, so a resident recognises the group.
      std::string sample;
      for (size_t k = 0; k < g.services.size() && k < 3; ++k)
        sample += (k ? (s.lang == Lang::en ? ", " : "、") : "") + g.services[k]->name;
      if (w::card("group/" + std::to_string(i), name, sample, count)) d(app::GroupOpened{g.name});
    }
  }
  ImGui::Dummy(ImVec2(0, w::frame().touch / 2));
  w::heading("settings", std::string(tr(s.lang, "ui.settings")), 1.15f);
  app::Settings st = s.settings;
  if (w::toggle("settings/large_text", std::string(tr(s.lang, "ui.large_text")), st.large_text)) {
    st.large_text = !st.large_text;
    d(app::SettingsChanged{st});
  }
  st = s.settings;
  if (w::toggle("settings/high_contrast", std::string(tr(s.lang, "ui.high_contrast")), st.high_contrast)) {
    st.high_contrast = !st.high_contrast;
    d(app::SettingsChanged{st});
  }
}

}  // namespace civic::ui::screens
