// shaders/photo_preview_gl.hpp — the photo editor's GPU preview: GL 3.3 core
// (kiosk, tests under xvfb + Mesa llvmpipe) or WebGL2 / GLSL ES 3.00 (web).
//  [x] compiles photo_edit.{vert,frag} with the platform's #version line
//  [x] one RGBA8 texture of stored pixels per media id (set_pixels)
//  [x] renders a ui::PhotoQuad into a texture per id (ImGui shows it)
//  [x] read(): the rendered RGB rows, top row first (tests)
//  [ ] blur regions (the editor offers pixelate only; core/media has both)
// Call only with the GL context current; GL state it changes (framebuffer,
// viewport, program, texture, VAO) is restored before returning.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ui/photo_preview.hpp"

namespace civic::shaders {

enum class GlFlavor { gl33_core, gles300 };

class PhotoPreviewGl {
 public:
  // Compiles the program; false (with the log in error()) if it fails.
  bool init(GlFlavor flavor);
  void shutdown();
  const std::string& error() const { return error_; }

  // Stored pixels (RGBA, rows top first, EXIF orientation not applied).
  void set_pixels(const std::string& id, int width, int height, int orientation, const std::uint8_t* rgba);
  void forget(const std::string& id);
  std::optional<ui::PhotoPixels> pixels(const std::string& id) const;

  // Draws the quad into the id's target texture; its GL name, or 0.
  std::uintptr_t render(const ui::PhotoQuad& q);
  // render() and read the result back: out_w * out_h * 3 bytes, top row first.
  bool read(const ui::PhotoQuad& q, std::vector<std::uint8_t>* rgb);

 private:
  struct Photo {
    ui::PhotoPixels px;
    unsigned texture = 0;
    unsigned target = 0, fbo = 0;
    int target_w = 0, target_h = 0;
  };
  std::map<std::string, Photo> photos_;
  unsigned program_ = 0, vao_ = 0;
  int u_image_ = -1, u_stored_ = -1, u_orientation_ = -1, u_turns_ = -1, u_crop_ = -1, u_regions_ = -1,
      u_region_ = -1;
  std::string error_;
};

}  // namespace civic::shaders
