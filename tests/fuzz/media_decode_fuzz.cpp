// tests/fuzz/media_decode_fuzz.cpp — any bytes through the JPEG/PNG decoders
// (header walk, then stb_image restricted to JPEG and PNG) and the whole
// compress pipeline: errors are fine, crashes, overreads and aborts are not.
// The pixel limit is lowered to 4 MP so one input cannot take seconds.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/media/compress.hpp"
#include "core/media/decode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> b(data, size);
  civic::media::DecodeLimits limits;
  limits.max_pixels = 4'000'000;
  auto d = civic::media::decode(b, limits);
  if (d.ok() && d.value().image.rgb.size() != static_cast<size_t>(d.value().image.width) * d.value().image.height * 3)
    __builtin_trap();
  if (d.ok() && size < 4096) {
    civic::media::CompressOptions opt;
    opt.limits = limits;
    opt.max_edge = 64;
    opt.max_bytes = 2000;
    opt.redactions = {{{1, 1, 20, 20}, civic::media::RedactStyle::blur}};
    (void)civic::media::compress(b, opt);
  }
  return 0;
}
