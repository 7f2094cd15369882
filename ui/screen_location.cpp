// ui/screen_location.cpp — the location field's other sources, under the
// typed address: the device's position (LocatePressed; the web shell asks the
// browser, the kiosk answers with its hall), the hall itself on a kiosk, and
// the point found (or the reason there is none) in the resident's language.
//  [x] device position, with denied / unavailable / timeout shown here
//  [x] the kiosk's hall (LocationChosen with State::hall)
//  [x] a photo's GPS (the first attached photo that had one, photo_flow.hpp),
//      offered until the field holds that point
#include <imgui.h>

#include "core/app/photo_flow.hpp"
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
  if (auto gps = app::attachments_gps(s.draft)) {
    forms::Location photo;
    photo.lat = forms::format_coordinate(gps->lat);
    photo.lon = forms::format_coordinate(gps->lon);
    photo.address = l.address;   // a typed address stays beside the point
    if ((photo.lat != l.lat || photo.lon != l.lon) &&
        w::button("place/photo", std::string(tr(s.lang, "place.use_photo"))))
      d(app::LocationChosen{photo});
  }
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
