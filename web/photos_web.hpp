// web/photos_web.hpp — the browser side of core's attachments
// (core/app/attachments.hpp): the "Add photo" picker, Effect PhotoCompress
// and MediaForget, and the photo editor's WebGL2 preview.
//
// Backend checklist:
//  [X] Picker: web/civic-page.js opens a hidden <input type=file
//      accept="image/*,video/*" multiple> inside the tap, click or key press on the
//      add-photo button (browsers open a chooser only in a user gesture);
//      the ImGui button's own press opens it too when the page did not.
//  [X] Picked files: bytes stored in IndexedDB ("civic" database, store
//      "media") under a fresh media id, then PhotoPicked; a file above
//      kMaxPhotoRawBytes is reported unread (core refuses it by size).
//  [X] PhotoCompress: the raw bytes from IndexedDB go to the civic-media
//      Web Worker (core/media in its own wasm module); the JPEG is stored in
//      IndexedDB before PhotoCompressed is reported, so the outbox's tus
//      PATCH bodies (effects_web.cpp) read it from there after a reload.
//      PhotoProgress at each stage (read, compressed, stored).
//  [X] MediaForget: the ids are deleted from IndexedDB and the preview.
//  [X] Preview: stored-orientation RGBA (<= ui::kPreviewEdge) made by the
//      worker from the raw bytes, drawn by shaders/photo_preview_gl
//      (GLSL ES 3.00); after a reload a restored draft's photos are
//      previewed again on first sight.
//  [X] Videos: the same picker; civic-photos.js stores them as picked and
//      web/video_web.cpp reports them (no worker, no preview).
// The page code (civic-photos.js and the worker) loads only when photos are
// used, so it costs nothing before the first frame.
#pragma once
#include "core/app/effect.hpp"

namespace civic::web {

// After ImGui is up: the picker and the preview renderer for ui/. The
// preview's WebGL2 program is compiled on first use, in a frame (when it does
// not compile, photos show as cards and everything else works).
bool photos_init();

void photos_compress(const app::PhotoCompress& job);
void photos_forget(const app::MediaForget& forget);

// True once after preview pixels arrived: draw a frame to show them.
bool photos_take_redraw();

}  // namespace civic::web
