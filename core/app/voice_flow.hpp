// core/app/voice_flow.hpp — voice memos, the app's side: the resident taps
// "record", the shell records (Effect RecordStart: the web shell's
// MediaRecorder) and reports its progress; core stops it at the cap
// (kMaxVoiceMs or kMaxVoiceBytes, by the shell's progress or by a WakeAt of
// its own, whichever comes first), when the page is hidden or the resident
// goes on to review, and on the stop button; the memo the shell stored is
// checked (length, size, type) and becomes a ready attachment, uploaded by
// the outbox with its audio type. Every refusal is a voice.* message shown
// by the control, and nothing typed is touched. A recording whose draft is
// gone (discarded, another service, a kiosk session over) is stopped with
// discard, and a late answer for it is forgotten (MediaForget), never kept.
// Called only from update(): no I/O, no clock.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::app {

std::vector<Effect> record_pressed(State& s);
std::vector<Effect> record_stop_pressed(State& s);
std::vector<Effect> record_started(State& s, const RecordStarted& e);
std::vector<Effect> record_progress(State& s, const RecordProgress& e);
std::vector<Effect> record_stopped(State& s, const RecordStopped& e);
std::vector<Effect> record_failed(State& s, const RecordFailed& e);

// On every Tick: the cap, when the shell's progress has not reached it.
void voice_on_tick(State& s, std::vector<Effect>& fx);
// Stop the recording and keep the memo (the page is hidden, the resident
// goes on to review).
void voice_finish(State& s, std::vector<Effect>& fx);
// Stop the recording and keep nothing (its draft is gone).
void voice_abandon(State& s, std::vector<Effect>& fx);
// voice.still_recording while a memo is being recorded or stored.
std::optional<Error> voice_blocks_submit(const State& s);

// The type a memo is uploaded as: the recorder's type without parameters,
// lower case ("audio/webm;codecs=opus" → "audio/webm"), when it is one the
// server accepts (attachments.hpp); "" otherwise.
std::string voice_content_type(std::string_view recorded);

// How many attachments of this kind the draft holds (any phase).
std::size_t attachment_count(const Draft& d, AttachmentKind kind);

}  // namespace civic::app
