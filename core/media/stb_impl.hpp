// core/media/stb_impl.hpp — the few stb calls media uses, behind plain
// functions so that stb's macros and static symbols stay in stb_impl.cpp.
#pragma once
#include <cstdint>

namespace civic::media::stb {

// PNG only. 8 bits per channel, the file's own channel count (1..4). Null on failure.
uint8_t* load(const uint8_t* data, int len, int* w, int* h, int* comp);
void free_pixels(uint8_t* p);

}  // namespace civic::media::stb
