// core/app/search_flow.hpp — finding the service: the search box and the
// "describe your concern" box (core/catalog_search ranks; this keeps State's
// results current). The other language's catalogue is fetched the first time
// either box is used and kept, so a search matches both languages whatever is
// on screen. Called only from update().
#pragma once
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

std::vector<Effect> search_edited(State& s, const SearchEdited& e);
std::vector<Effect> concern_edited(State& s, const ConcernEdited& e);
void search_on_other(State& s, const Pending& p, const HttpDone& d);
// Results and suggestions again (a catalogue or the readings arrived).
void search_refresh(State& s);
// The language changed from `was`: the catalogue on screen becomes the other one.
void search_language_switched(State& s, Lang was);
// A new draft's form is ready: the concern the resident described becomes
// its description (only into an empty, untouched field).
void search_offer_concern(State& s);
// The concern was filed: the boxes start empty for the next one.
void search_clear(State& s);

}  // namespace civic::app
