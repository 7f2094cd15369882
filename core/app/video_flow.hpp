// core/app/video_flow.hpp — videos, the app's side: the resident picks a
// video from the camera or the gallery (the same chooser as photos); the
// shell stores the file as picked but with its location metadata blanked
// in place (core/media/video_meta; a file that cannot be checked is refused
// as video.clean_failed), with the SHA-256 of those bytes, and reports its
// name, declared type, size, first bytes and duration (Event VideoPicked;
// the duration is shown on the tile when known); core decides
// whether it can go: an accepted type (video_content_type), bytes that
// really are that container (core/media check_upload_magic, the server's
// own first check), within kMaxVideoBytes, kMaxVideos and kMaxAttachments.
// A video kept becomes a ready attachment (id == stored: nothing to
// compress) that the outbox uploads by tus with its video type; a refusal
// is a video.* message shown in place (Draft::attach_error) and the bytes
// are forgotten (MediaForget); nothing typed is touched. Removal and
// discard go through photo_flow (PhotoRemoved, forget_attachments).
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

std::vector<Effect> video_picked(State& s, const VideoPicked& e);

// The type a picked video is uploaded as: the declared type without
// parameters, lower case, when the server accepts it (video/mp4,
// video/quicktime, video/webm); when the browser declared none, the one its
// file name's extension says (.mp4 .m4v → video/mp4, .mov → video/quicktime,
// .webm → video/webm); "" otherwise.
std::string video_content_type(std::string_view declared, std::string_view name);

// video.too_big for a file of `bytes` named `name`, with the cap and its
// size in MB (rounded up to 0.1 MB) — also what `civic file --video` says.
Error video_too_big(std::string_view name, std::uint64_t bytes);

// forms.attachments_too_many when the draft already holds kMaxAttachments
// attachments of all kinds (any phase): checked before a photo, a memo or a
// video is added.
std::optional<Error> attachments_full(const Draft& d);

}  // namespace civic::app
