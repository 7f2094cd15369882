// core/app/locate_flow.cpp — see locate_flow.hpp.
#include "core/app/locate_flow.hpp"

#include <cmath>

#include "core/forms/form_state.hpp"

namespace civic::app {

namespace {

constexpr const char* kField = "location";   // core/forms/schema.cpp's common location field

const forms::FieldState* location_state(const State& s) {
  int i = forms::field_index(s.draft.schema, kField);
  if (i < 0 || static_cast<size_t>(i) >= s.draft.form.fields.size()) return nullptr;
  return &s.draft.form.fields[static_cast<size_t>(i)];
}

void put(State& s, forms::FieldValue v) {
  forms::set_value(s.draft.form, s.draft.schema, kField, std::move(v));
  forms::blur(s.draft.form, s.draft.schema, kField);   // show its verdict now
}

}  // namespace

Error locate_error(LocateFailure f) {
  switch (f) {
    case LocateFailure::denied: return make_error("place.denied");
    case LocateFailure::timeout: return make_error("place.timeout");
    default: return make_error("place.unavailable");
  }
}

std::vector<Effect> locate_pressed(State& s) {
  if (!location_state(s) || s.locating.phase == Phase::loading) return {};
  s.locating.phase = Phase::loading;
  s.locating.error.reset();
  s.locating.id = s.locating.next_id++;
  return {LocateRequest{s.locating.id}};
}

void located(State& s, const Located& e) {
  Locating& l = s.locating;
  if (e.locate_id != l.id || l.phase != Phase::loading) return;   // late, or for an earlier draft
  const forms::FieldState* st = location_state(s);
  bool usable = e.failure == LocateFailure::none && std::isfinite(e.lat) && std::isfinite(e.lon) &&
                std::fabs(e.lat) <= 90 && std::fabs(e.lon) <= 180;
  if (!usable || !st) {
    l.phase = Phase::failed;
    l.error = locate_error(e.failure == LocateFailure::none ? LocateFailure::unavailable : e.failure);
    return;
  }
  l.phase = Phase::ready;
  l.error.reset();
  forms::FieldValue v = st->value;
  v.location.lat = forms::format_coordinate(e.lat);
  v.location.lon = forms::format_coordinate(e.lon);
  v.location.place_id.clear();
  // A typed address stays beside the point (GeoReport accepts both); the
  // hall's name does not describe where this device is now.
  if (!s.hall.empty() && v.location.address == s.hall.name && v.location.lat != s.hall.lat) v.location.address.clear();
  put(s, std::move(v));
}

void location_chosen(State& s, const LocationChosen& e) {
  const forms::FieldState* st = location_state(s);
  if (!st) return;
  s.locating.phase = Phase::idle;   // a late device answer must not overwrite this choice
  s.locating.error.reset();
  forms::FieldValue v = st->value;
  v.location = e.where;
  put(s, std::move(v));
}

}  // namespace civic::app
