// core/media/jpeg_codec.hpp — JPEG through libjpeg-turbo (Debian's natively,
// built from Debian's source package for wasm): decoding scaled in the DCT
// domain and encoding with optimised Huffman tables.
//
// Why libjpeg-turbo and not stb: a 48 MP photo that ends up 2048 px wide is
// decoded at 3/8 scale straight from its DCT coefficients — a ninth of the
// pixels, about a ninth of the memory, and no full-size buffer to resize —
// and its encoder is SIMD-accelerated natively and writes ~10% fewer bytes
// at the same quality (optimised Huffman). Measured in tests/bench/media.
//
// Limits: the caller has already checked the container (container.hpp: the
// size, pixel count, markers and EOI), so these functions see only files that
// passed those limits; libjpeg's own errors (bad Huffman data, unsupported
// precision) come back as media.corrupt, never abort or longjmp out of here.
// Colour: YCbCr, RGB and greyscale come out as RGB; CMYK and YCCK (Adobe
// APP14, inverted ink) are mixed onto RGB as R = C*K/255 like stb_image did.
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/media/image.hpp"
#include "core/result.hpp"

namespace civic::media::jpeg {

// The smallest scale M/8 (M in 1..8) whose output is at least min_w x min_h
// for a w x h image; 8 (full size) when nothing smaller is big enough.
int scale_eighths_for(int w, int h, int min_w, int min_h);

// Output size of a w x h image decoded at M/8 (libjpeg rounds up).
inline int scaled(int n, int eighths) { return (n * eighths + 7) / 8; }

// Decodes at eighths/8 of the stored size and hands the RGB pixels to keep
// (whose result is returned): keep may downscale before the buffer is freed.
Result<Image> decode(std::span<const uint8_t> bytes, int eighths, const std::function<Image(const ImageView&)>& keep);

// Baseline JPEG at quality 1..100: 4:2:0 chroma up to 90, 4:4:4 above;
// only SOI, JFIF APP0, tables, one frame and EOI (no metadata can pass).
Result<std::vector<uint8_t>> encode(const ImageView& img, int quality);

}  // namespace civic::media::jpeg
