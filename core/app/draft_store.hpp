// core/app/draft_store.hpp — the concern being written survives leaving the
// form, a reload, a closed browser and a crashed kiosk UI: core describes it
// as bytes (DraftSave) and a shell keeps them (web: localStorage; kiosk: a
// file sealed under a key held only in memory, so a draft never outlives the
// resident's session). At start core asks for them back (DraftLoad →
// DraftLoaded) and restores the form with no network: the bytes carry the
// service and its definition as the server sent it, not just the values.
//
// Saving is throttled: at most one DraftSave per kSaveDelayMs while typing
// (a WakeAt brings the trailing save), at once when the resident leaves the
// form or the page is hidden (the browser may never run another timer), and
// a DraftSave with no bytes forgets the stored draft (filed or discarded).
// Nothing is saved before DraftLoaded has come: an empty form must not
// overwrite a stored draft the shell has not handed back yet.
//
// Limits of parse_draft (the bytes come back from storage, which another
// build, a full disk or a curious user may have changed): at most
// kMaxDraftBytes, JSON object format v1, at most kMaxDraftFields fields and
// kMaxDraftAttachments attachments a field, kMaxPhotos photos,
// kMaxVoiceMemos memos (each within the memo caps) and kMaxVideos videos
// (each within kMaxVideoBytes), kMaxAttachments in all, every string at most
// kMaxDraftString bytes; anything else is refused whole (error "draft.bad").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/app/attachments.hpp"
#include "core/app/effect.hpp"
#include "core/forms/value.hpp"
#include "core/i18n/lang.hpp"
#include "core/result.hpp"

namespace civic::app {

struct State;

inline constexpr std::size_t kMaxDraftBytes = 512u << 10;
inline constexpr std::size_t kMaxDraftFields = 200;
inline constexpr std::size_t kMaxDraftAttachments = 20;
inline constexpr std::size_t kMaxDraftString = 256u << 10;
inline constexpr std::int64_t kSaveDelayMs = 400;

// What a stored draft holds, parsed.
struct StoredField {
  std::string id;
  forms::FieldValue value;
};
struct StoredDraft {
  Lang lang = Lang::zh_CN;
  std::string service_code, service_name, service_group;
  bool metadata = false;          // the service has a definition (then `definition` is its JSON)
  std::string definition;         // GET /services/{code}.json as the server answered
  bool on_form = false;           // the resident was on the form (or review) when it was saved
  std::vector<StoredField> fields;   // the fields the resident touched, in form order
  std::vector<Attachment> photos;    // compressed photos and memos (their bytes stay with the shell, by media id)
};

// Core's bookkeeping of what the shell holds (part of State).
struct DraftStore {
  bool loaded = false;            // DraftLoaded came: saving may begin
  bool stored = false;            // the shell holds a draft (saved this run or loaded)
  std::string digest;             // a hash of the bytes last saved (hex), never the bytes
  std::int64_t due_ms = 0;        // a throttled save is waiting for this time (0: none)
  bool flush = false;             // save at once (page hidden)
  std::uint64_t saves = 0;        // DraftSave effects so far (tests, benchmarks)
};

// The draft in State as bytes (JSON v1); empty when there is no draft.
std::string draft_bytes(const State& s);
Result<StoredDraft> parse_draft(std::string_view bytes);

// Puts a stored draft back into State (service, schema from the stored
// definition, the values through forms::set_value as if typed again) and
// onto the form when the resident was there. False when the draft cannot be
// used (a definition that no longer parses): the caller forgets it.
bool restore_draft(State& s, const StoredDraft& d);

// After every update(): saves the draft when it changed (throttled), or
// forgets the stored one when the draft is gone.
void draft_sync(State& s, std::vector<Effect>& fx);

}  // namespace civic::app
