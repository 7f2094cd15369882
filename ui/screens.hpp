// ui/screens.hpp — one function per screen; each reads State, draws with
// widgets.hpp and dispatches Events. No screen changes State itself.
#pragma once
#include <string>

#include "core/app/state.hpp"
#include "ui/ui.hpp"

namespace civic::ui::screens {

void top_bar(const app::State& s, const Dispatch& d);
void home(const app::State& s, const Dispatch& d);
void group(const app::State& s, const Dispatch& d);
void form(const app::State& s, const Dispatch& d);
void review(const app::State& s, const Dispatch& d);
void receipt(const app::State& s, const Dispatch& d);
void tickets(const app::State& s, const Dispatch& d);
void ticket(const app::State& s, const Dispatch& d);
void nearby(const app::State& s, const Dispatch& d);   // screen_nearby.cpp

// Finding the service (screen_search.cpp): the search box with its results,
// and "describe your concern" with its suggestions.
void search_box(const app::State& s, const Dispatch& d);
void concern_box(const app::State& s, const Dispatch& d);
// The location field's sources (screen_location.cpp): device position, the
// hall, a photo's GPS, beside the typed address.
void location_sources(const app::State& s, const Dispatch& d);

// Kiosk sessions (screen_session.cpp): the "still there?" prompt over
// everything, and Finish on the home screen while a resident is here.
void session_prompt(const app::State& s, const Dispatch& d);
void session_finish(const app::State& s, const Dispatch& d);
// The kept draft on the home screen: continue or discard (screen_draft.cpp).
void draft_card(const app::State& s, const Dispatch& d);

// Photos (screen_photo.cpp): the form's attachments row and the editor.
void attachments_row(const app::State& s, const Dispatch& d, const std::string& label);
// Voice memos (screen_voice.cpp): may a recording start now; one memo's
// tile (n counts memos from 1); the control while recording, and its errors;
// a length as a phone's recorder shows it, "m:ss".
bool voice_can_start(const app::State& s);
std::string minutes_seconds(std::int64_t ms);
void voice_tile(const app::State& s, const Dispatch& d, const app::Attachment& a, std::size_t n);
void voice_recording(const app::State& s, const Dispatch& d);
// Videos (screen_video.cpp): one video's tile (n counts videos from 1).
void video_tile(const app::State& s, const Dispatch& d, const app::Attachment& a, std::size_t n);
void photo_editor(const app::State& s, const Dispatch& d);

// How far a queued concern's attachments have gone up ("上传附件 43%"), where a
// queued concern is shown (screen_upload.cpp); nothing when it has none.
void upload_bar(const app::State& s, const app::Ticket& t, const std::string& id);

// Shared pieces: the catalogue's loading / error / empty states.
// Returns true when the catalogue is ready to draw.
bool catalog_ready(const app::State& s, const Dispatch& d);

}  // namespace civic::ui::screens
