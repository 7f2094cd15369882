// native/kiosk/screenshot.cpp — glReadPixels → stb_image_write PNG.
// stb's writer is compiled static here so it can never clash with another
// copy elsewhere in the program.
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include <zlib.h>

#include <cstdlib>
#include <cstring>

// stb's own deflate is slow (a 1080×1920 frame took ~0.7 s); zlib's level 1
// is ~20× faster and still small for flat UI colours. stb frees the buffer
// with STBIW_FREE (free), so it is malloc'ed here.
static unsigned char* civic_zlib_compress(unsigned char* data, int len, int* out_len, int) {
  uLongf n = compressBound(static_cast<uLong>(len));
  auto* out = static_cast<unsigned char*>(std::malloc(n));
  if (!out || compress2(out, &n, data, static_cast<uLong>(len), 1) != Z_OK) {
    std::free(out);
    return nullptr;
  }
  *out_len = static_cast<int>(n);
  return out;
}
#define STBIW_ZLIB_COMPRESS civic_zlib_compress
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>

#include "native/kiosk/screenshot.hpp"

namespace civic::kiosk {

bool save_screenshot(const std::string& path, int width, int height) {
  std::vector<unsigned char> px(static_cast<size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  // GL's origin is bottom-left; PNG rows go top-down.
  std::vector<unsigned char> flipped(px.size());
  size_t row = static_cast<size_t>(width) * 4;
  for (int y = 0; y < height; ++y)
    std::copy_n(px.data() + (height - 1 - y) * row, row, flipped.data() + y * row);
  // Opaque RGB (a screen has no alpha) and one fixed row filter: stb's
  // default tries five filters per row; UI pixels compress well either way.
  std::vector<unsigned char> rgb(static_cast<size_t>(width) * height * 3);
  for (size_t i = 0, o = 0; i < flipped.size(); i += 4, o += 3) {
    rgb[o] = flipped[i];
    rgb[o + 1] = flipped[i + 1];
    rgb[o + 2] = flipped[i + 2];
  }
  stbi_write_force_png_filter = 1;   // Sub: flat UI colours become runs of zeros
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  return stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3) != 0;
}

}  // namespace civic::kiosk
