// tests/fuzz/upload_check_fuzz.cpp — any bytes as an upload of every accepted
// type, and as a file name: no crash, no overread, no hang; a verdict that
// keeps a file must agree with the magic check.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "core/media/upload_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> b(data, size);
  for (std::string_view type : {"image/jpeg", "image/png", "image/webp", "video/mp4", "video/quicktime",
                                "video/webm", "audio/mp4", "audio/mpeg", "audio/aac", "audio/webm", "audio/ogg"}) {
    auto verdict = civic::media::check_upload_content(type, b);
    if (!verdict && civic::media::check_upload_magic(type, b)) __builtin_trap();
  }
  (void)civic::media::check_upload_name(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
