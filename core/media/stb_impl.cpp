// core/media/stb_impl.cpp — the one translation unit that compiles stb_image,
// with only the PNG loader (JPEG goes through libjpeg-turbo; stb's GIF, PSD,
// PIC, PNM, TGA, BMP and HDR loaders carry unfixed CVEs and are not built),
// no stdio, and static linkage so no other stb copy in the program clashes.
#include "core/media/stb_impl.hpp"

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Weverything"
#elif defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#endif

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_NO_HDR
#define STBI_NO_LINEAR
#define STBI_NO_FAILURE_STRINGS
#include <stb/stb_image.h>

#if defined(__clang__)
#pragma clang diagnostic pop
#elif defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace civic::media::stb {

uint8_t* load(const uint8_t* data, int len, int* w, int* h, int* comp) {
  return stbi_load_from_memory(data, len, w, h, comp, 0);
}

void free_pixels(uint8_t* p) { stbi_image_free(p); }

}  // namespace civic::media::stb
