// core/media/stb_impl.hpp — the few stb calls media uses, behind plain
// functions so that stb's macros and static symbols stay in stb_impl.cpp.
#pragma once
#include <cstdint>

namespace civic::media::stb {

// 8 bits per channel, the file's own channel count (1..4). Null on failure.
uint8_t* load(const uint8_t* data, int len, int* w, int* h, int* comp);
void free_pixels(uint8_t* p);

// Baseline JPEG (stb_image_write): 4:2:0 at quality <= 90, 4:4:4 above, no metadata.
bool write_jpeg(int w, int h, int comp, const uint8_t* pixels, int quality,
                void (*sink)(void* ctx, void* data, int size), void* ctx);

}  // namespace civic::media::stb
