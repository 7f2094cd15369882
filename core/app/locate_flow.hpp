// core/app/locate_flow.hpp — where the concern is. Four sources fill the
// draft's location field (GeoReport v2: lat & long, and/or address_string):
//   the device's position  LocatePressed → LocateRequest → Located (web:
//                          navigator.geolocation; kiosk: its hall)
//   a photo's GPS, the hall LocationChosen{where}
//   a typed address        FieldEdited on the location field (update.cpp)
// A refusal or failure is shown in the resident's language and changes
// nothing the resident entered. Values live in the form, so a language switch
// keeps them (adopt_schema). Called only from update().
#pragma once
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

std::vector<Effect> locate_pressed(State& s);
void located(State& s, const Located& e);
void location_chosen(State& s, const LocationChosen& e);
// The error a failure is shown with: place.denied / place.unavailable / place.timeout.
Error locate_error(LocateFailure f);

}  // namespace civic::app
