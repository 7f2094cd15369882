// web/video_web.hpp — the browser side of videos (core/app/video_flow.hpp):
// the bridge that turns a picked video into Event VideoPicked.
//
// Backend checklist:
//  [X] Picker: the photos' one <input type=file accept="image/*,video/*"
//      multiple> without `capture` (web/civic-page.js), so a phone's chooser
//      offers the camera (photo or video) and the gallery; the button says
//      "Add photo or video" (ui::set_picker_takes_video).
//  [X] Routing: web/civic-photos.js sends a file whose type is video/* (or,
//      with no type, whose name ends in a video extension) down the video
//      path: no recompression — a phone's encoder already made it small,
//      re-encoding in wasm would cost seconds and battery — only the
//      worker's in-place location blanking below.
//  [X] A file above kMaxVideoBytes is reported unread (core says the limit).
//  [X] Location out: the media worker (civic-media.wasm, not civic.wasm)
//      blanks the MP4/MOV location metadata in place (core/media/
//      video_meta) and reads the duration from mvhd; a video it could not
//      check is refused as video.clean_failed, never sent with its place.
//  [X] Stored as picked otherwise: a Blob of the cleaned bytes in IndexedDB
//      ("civic" database, store "media") under vid-<hex>, committed before
//      VideoPicked, with the SHA-256 of exactly those bytes (crypto.subtle)
//      and their first kVideoHeadBytes for core's magic check; the outbox's
//      tus PATCH bodies read 1 MiB slices of the Blob (never the whole file)
//      after a reload.
//  [X] MediaForget deletes it (web/photos_web.cpp, shared).
//  [X] Duration for the tile: MP4/MOV from mvhd, WebM from Segment/Info
//      (when the recorder wrote one: Chrome's MediaRecorder does not).
//  [ ] A poster frame (would need a <video> element decode).
#pragma once

namespace civic::web {

// After photos_init: installs Module.civicVideoBridge and tells ui/ that
// the picker offers videos.
void video_init();

}  // namespace civic::web
