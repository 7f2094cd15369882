// ui/photo_preview.hpp — how the photo screens ask for a GPU preview without
// touching GL: they describe the quad (the edited size) and the shader's
// uniforms (orientation, turns, crop, regions) as a PhotoQuad; the shell's
// renderer (shaders/photo_preview_gl, GL 3.3 or WebGL2) draws it with
// shaders/photo_edit.frag into a texture that ImGui then shows. The pixels
// are the shell's downscaled copy of the stored photo (kPreviewEdge); what
// is uploaded always comes from core/media's CPU path.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/media/edit.hpp"

namespace civic::ui {

inline constexpr int kPreviewEdge = 1024;   // longer edge of the preview pixels

// The preview pixels a shell holds for a media id: as stored (EXIF
// orientation not applied), at most kPreviewEdge on the longer edge.
struct PhotoPixels {
  int width = 0, height = 0;
  int orientation = 1;
};

// One draw of photo_edit.frag: the target is out_w x out_h (the crop).
struct PhotoQuad {
  std::string id;
  int out_w = 0, out_h = 0;
  int stored_w = 0, stored_h = 0, orientation = 1;
  int turns = 0;
  media::Rect crop;                      // in the turned frame
  std::vector<media::Rect> regions;      // in the edited frame (at most 16)
};

struct PhotoRenderer {
  std::function<std::optional<PhotoPixels>(const std::string& id)> pixels;
  // A texture handle (GL name) holding the quad, valid until the next
  // render() of the same id; 0 when it cannot be drawn.
  std::function<std::uintptr_t(const PhotoQuad&)> render;
};

// Set by the shell once its GL context is up; none: photos show as cards.
void set_photo_renderer(PhotoRenderer r);
const PhotoRenderer* photo_renderer();

// The shell's way to pick a photo (web: an <input type=file> opened in the
// tap's gesture; kiosk: the document camera's folder). None: no "Add photo".
void set_photo_picker(std::function<void()> pick);
bool has_photo_picker();
void call_photo_picker();
// Whether that picker offers videos too (the web's <input accept="image/*,
// video/*">): then the button says "Add photo or video" (ui/screen_video.cpp).
void set_picker_takes_video(bool videos);
bool picker_takes_video();

// True when (x, y) (ImGui display px) is on the photo editor's picture as
// last drawn, where a drag frames an area: a touch shell keeps such a drag
// a press instead of scrolling the screen.
bool drag_surface_at(float x, float y);

// The quad for photo `id` (pixels as the shell holds them) with this edit.
std::optional<PhotoQuad> photo_quad(const std::string& id, const PhotoPixels& px, const media::PhotoEdit& edit);

}  // namespace civic::ui
