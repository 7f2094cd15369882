// core/app/photo_flow.hpp — the app's side of attachments (attachments.hpp):
// a picked photo is checked against the limits and compressed by the shell
// (PhotoCompress → PhotoProgress… → PhotoCompressed); the editor (rotate,
// crop, redact) recompresses from the raw bytes with the new edit; errors
// stay on the attachment, in place, and nothing the resident entered is
// touched; at submit the compressed photos become the outbox entry's media
// (as `civic file --photo` does), and bytes nobody needs any more are
// forgotten (MediaForget). Called only from update(): no I/O, no clock.
#pragma once
#include <optional>
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/app/state.hpp"
#include "core/outbox/outbox_entry.hpp"

namespace civic::app {

std::vector<Effect> photo_picked(State& s, const PhotoPicked& e);
std::vector<Effect> photo_progress(State& s, const PhotoProgress& e);
std::vector<Effect> photo_compressed(State& s, const PhotoCompressed& e);
std::vector<Effect> photo_removed(State& s, const PhotoRemoved& e);
std::vector<Effect> photo_edit_opened(State& s, const PhotoEditOpened& e);
std::vector<Effect> photo_edit_changed(State& s, const PhotoEditChanged& e);
std::vector<Effect> photo_edit_closed(State& s, const PhotoEditClosed& e);

// The form's "media" field mirrors the attachments that are ready (photos
// and memos), so the form's own checks (required, too many, type) see them.
void sync_attachments_field(Draft& d);

// Why the draft cannot be submitted yet (a photo is still being made
// small), or nothing.
std::optional<Error> attachments_block_submit(const Draft& d);
// The outbox media of a draft: every ready attachment, in order.
std::vector<outbox::MediaItem> attachment_media(const Draft& d);
// The first photo's GPS position, if any photo had one (a location to offer).
std::optional<media::GeoPoint> attachments_gps(const Draft& d);
// Effects that drop the bytes of every attachment of `d` (raw and compressed).
void forget_attachments(const Draft& d, std::vector<Effect>& fx);
// The raw bytes only (the compressed ones are now the outbox's; a voice
// memo's one copy is the outbox's too, so it stays).
void forget_raw(const Draft& d, std::vector<Effect>& fx);

}  // namespace civic::app
