// ui/screen_nearby.cpp — "already reported nearby": open concerns of the same
// service close to the draft's point (core/app/nearby_flow.cpp), each with
// "follow this one"; "file mine anyway" goes on to the review page. The draft
// is kept either way.
#include <imgui.h>

#include <cmath>
#include <cstdlib>

#include "core/api/nearby.hpp"
#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::screens {

namespace {

const forms::Location* draft_point(const app::State& s) {
  int i = forms::field_index(s.draft.schema, "location");
  if (i < 0 || static_cast<size_t>(i) >= s.draft.form.fields.size()) return nullptr;
  return &s.draft.form.fields[static_cast<size_t>(i)].value.location;
}

bool followed(const app::State& s, const std::string& id) {
  for (const auto& t : s.tickets)
    if (t.id == id) return true;
  return false;
}

}  // namespace

void nearby(const app::State& s, const Dispatch& d) {
  w::heading("heading", std::string(tr(s.lang, "place.nearby_title")));
  w::paragraph(std::string(tr(s.lang, "place.nearby_intro")), true);
  if (!s.announcement.empty()) w::status("announcement", s.announcement);
  const forms::Location* p = draft_point(s);
  double lat = p ? std::strtod(p->lat.c_str(), nullptr) : 0, lon = p ? std::strtod(p->lon.c_str(), nullptr) : 0;
  for (const auto& r : s.nearby.found) {
    long metres = r.lat && r.lon ? std::lround(api::distance_m(lat, lon, *r.lat, *r.lon)) : 0;
    std::string status = r.status == "open" ? std::string(tr(s.lang, "ui.status.open")) : r.status;
    std::string line = format(s.lang, "place.nearby_item",
                              {{"id", r.id}, {"metres", std::to_string(metres)}, {"status", status}});
    std::string text = r.description.empty() ? line : r.description + "\n" + line;
    bool on = followed(s, r.id);
    w::card("nearby/" + r.id, r.service_name.empty() ? s.draft.service.name : r.service_name, text,
            on ? std::string(tr(s.lang, "place.following")) : std::string());
    if (!on && w::button("nearby/" + r.id + "/follow", std::string(tr(s.lang, "place.follow"))))
      d(app::FollowNearbyPressed{r.id});
  }
  ImGui::Dummy(ImVec2(0, w::frame().touch / 4));
  if (w::button("file_anyway", std::string(tr(s.lang, "place.file_anyway")), w::Kind::primary))
    d(app::FileAnywayPressed{});
  if (w::button("edit", std::string(tr(s.lang, "ui.edit")))) d(app::BackPressed{});
}

}  // namespace civic::ui::screens
