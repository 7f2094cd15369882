// ui/screen_location.cpp — the location field's other sources, under the
// typed address: the device's position (LocatePressed; the web shell asks the
// browser, the kiosk answers with its hall), the hall itself on a kiosk, and
// the point found (or the reason there is none) in the resident's language.
//  [x] device position, with denied / unavailable / timeout shown here
//  [x] the kiosk's hall (LocationChosen with State::hall)
//  [ ] a photo's GPS: when core/app's attachments carry GPS (the photos
//      work), a "place/photo" button dispatching LocationChosen{that point}
#include <imgui.h>

#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::screens {

void location_sources(const app::State& s, const Dispatch& d) {
  int i = forms::field_index(s.draft.schema, "location");
  if (i < 0 || static_cast<size_t>(i) >= s.draft.form.fields.size()) return;
  const forms::Location& l = s.draft.form.fields[static_cast<size_t>(i)].value.location;
  if (!l.lat.empty() && !l.lon.empty())
    w::status("place/point", format(s.lang, "place.located", {{"lat", l.lat}, {"long", l.lon}}));
  const app::Locating& loc = s.locating;
  bool busy = loc.phase == app::Phase::loading;
  if (busy) w::status("place/locating", std::string(tr(s.lang, "place.locating")));
  if (loc.error) w::alert("place/error", explain(s.lang, *loc.error));
  if (w::button("place/locate", std::string(tr(s.lang, "place.use_position")), w::Kind::normal, -1, busy))
    d(app::LocatePressed{});
  bool at_hall = l.lat == s.hall.lat && l.lon == s.hall.lon && l.address == s.hall.name;
  if (!s.hall.empty() && !at_hall && w::button("place/hall", std::string(tr(s.lang, "place.use_hall")))) {
    forms::Location hall;
    hall.lat = s.hall.lat;
    hall.lon = s.hall.lon;
    hall.address = s.hall.name;
    d(app::LocationChosen{hall});
  }
}

}  // namespace civic::ui::screens
