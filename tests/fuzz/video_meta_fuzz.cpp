// tests/fuzz/video_meta_fuzz.cpp — any bytes as a picked video whose location
// is blanked in place: no crash, no overread, no hang; the size never
// changes; a refusal leaves every byte as it was; a second pass over a
// cleaned file removes nothing more and changes nothing; and a file the
// server would keep is still kept once cleaned (the boxes still tile it).
// Seeds (tests/fuzz/seeds/video_meta/): an Android MP4 with udta/©xyz, an
// iPhone-style MOV with keys/ilst location items, moov after mdat, and a
// 64-bit largesize mdat, and a WebM with Segment/Info's Duration — the
// layouts tests/core/media_video_meta_test.cpp builds.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/media/upload_check.hpp"
#include "core/media/video_meta.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<uint8_t> original(data, data + size);
  std::vector<uint8_t> b = original;
  auto r = civic::media::blank_video_location(b);
  if (b.size() != size) __builtin_trap();
  if (!r) {
    if (b != original) __builtin_trap();
    return 0;
  }
  if (!r->bmff_ok && b != original) __builtin_trap();
  std::vector<uint8_t> again = b;
  auto r2 = civic::media::blank_video_location(again);
  if (!r2 || r2->blanked != 0 || again != b || r2->duration_ms != r->duration_ms) __builtin_trap();
  if (!civic::media::check_upload_content("video/mp4", original) && civic::media::check_upload_content("video/mp4", b))
    __builtin_trap();
  return 0;
}
