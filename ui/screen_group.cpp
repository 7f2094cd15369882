// ui/screen_group.cpp — one service group: its services as cards.
#include <imgui.h>

#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::screens {

void group(const app::State& s, const Dispatch& d) {
  std::string title = s.open_group.empty() ? std::string(tr(s.lang, "services.other_group")) : s.open_group;
  w::heading("heading", title);
  search_box(s, d);
  w::paragraph(std::string(tr(s.lang, "ui.services_in_group")), true);
  if (!catalog_ready(s, d)) return;
  for (const auto& g : app::service_groups(s.catalog)) {
    if (g.name != s.open_group) continue;
    for (const auto* svc : g.services)
      if (w::card("service/" + svc->code, svc->name, svc->description)) d(app::ServiceChosen{svc->code});
  }
}

}  // namespace civic::ui::screens
