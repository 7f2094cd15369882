// native/kiosk/screenshot.hpp — the current back buffer as a PNG file.
#pragma once
#include <string>

namespace civic::kiosk {

// Reads the framebuffer (width × height, RGBA) with glReadPixels after the
// frame has been rendered and before the buffers are swapped; returns false
// when the file cannot be written.
bool save_screenshot(const std::string& path, int width, int height);

}  // namespace civic::kiosk
