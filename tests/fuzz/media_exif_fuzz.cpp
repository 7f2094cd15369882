// tests/fuzz/media_exif_fuzz.cpp — any bytes as an EXIF/TIFF block, and as a
// JPEG or PNG container to walk and strip: no crash, no overread, no hang.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/media/container.hpp"
#include "core/media/exif.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> b(data, size);
  const civic::media::ExifFacts f = civic::media::read_exif(b);
  if (f.orientation < 1 || f.orientation > 8) __builtin_trap();
  if (f.gps && (f.gps->lat < -90 || f.gps->lat > 90 || f.gps->lon < -180 || f.gps->lon > 180)) __builtin_trap();
  auto layout = civic::media::read_layout(b);
  if (layout.ok()) (void)civic::media::read_exif(layout.value().exif);
  (void)civic::media::strip_jpeg_metadata(b);
  return 0;
}
