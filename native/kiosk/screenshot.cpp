// native/kiosk/screenshot.cpp — glReadPixels → stb_image_write PNG.
// stb's writer is compiled static here so it can never clash with another
// copy elsewhere in the program.
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>

#include <algorithm>
#include <filesystem>
#include <vector>

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
  for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;   // opaque
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  return stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(row)) != 0;
}

}  // namespace civic::kiosk
