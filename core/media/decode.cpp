// core/media/decode.cpp — header checks, then libjpeg-turbo or stb_image (limits in decode.hpp).
#include "core/media/decode.hpp"

#include <cstdio>
#include <string>

#include "core/media/jpeg_codec.hpp"
#include "core/media/stb_impl.hpp"

namespace civic::media {

namespace {

Error too_large(const Layout& L, uint64_t max_pixels) {
  const double mp = static_cast<double>(L.width) * L.height / 1e6;
  char mp_text[32], limit_text[32];
  std::snprintf(mp_text, sizeof mp_text, "%.1f", mp);
  std::snprintf(limit_text, sizeof limit_text, "%.0f", static_cast<double>(max_pixels) / 1e6);
  return make_error("media.too_large", "header says " + std::to_string(L.width) + "x" + std::to_string(L.height),
                    {{"width", std::to_string(L.width)},
                     {"height", std::to_string(L.height)},
                     {"megapixels", mp_text},
                     {"limit", limit_text}});
}

// comp channels (1..4) -> RGB, alpha composited onto white: out = a*c + (1-a)*255.
Image to_rgb(const uint8_t* p, int w, int h, int comp) {
  Image img;
  img.width = w;
  img.height = h;
  const size_t n = static_cast<size_t>(w) * h;
  img.rgb.resize(n * 3);
  uint8_t* o = img.rgb.data();
  for (size_t i = 0; i < n; ++i, o += 3) {
    switch (comp) {
      case 1: o[0] = o[1] = o[2] = p[i]; break;
      case 2: o[0] = o[1] = o[2] = over_white(p[2 * i], p[2 * i + 1]); break;
      case 3: o[0] = p[3 * i]; o[1] = p[3 * i + 1]; o[2] = p[3 * i + 2]; break;
      default: {
        const unsigned a = p[4 * i + 3];
        o[0] = over_white(p[4 * i], a);
        o[1] = over_white(p[4 * i + 1], a);
        o[2] = over_white(p[4 * i + 2], a);
      }
    }
  }
  return img;
}

}  // namespace

Result<Decoded> probe(std::span<const uint8_t> bytes, const DecodeLimits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    return make_error("media.too_big_file", {},
                      {{"bytes", std::to_string(bytes.size())}, {"limit", std::to_string(limits.max_file_bytes)}});
  auto header = read_header(bytes);
  if (!header) return header.error();
  if (static_cast<uint64_t>(header->width) * static_cast<uint64_t>(header->height) > limits.max_pixels)
    return too_large(header.value(), limits.max_pixels);
  auto layout = read_layout(bytes);
  if (!layout) return layout.error();
  const Layout& L = layout.value();
  Decoded d;
  d.layout = L;
  d.exif = read_exif(L.exif);
  d.had_alpha = L.format == Format::png && (L.components == 2 || L.components == 4);
  return d;
}

Result<Decoded> decode(std::span<const uint8_t> bytes, const DecodeLimits& limits) {
  return decode_with(bytes, limits, [](const ImageView& v) {
    Image img;
    img.width = v.width;
    img.height = v.height;
    img.rgb.assign(v.rgb, v.rgb + static_cast<size_t>(v.width) * v.height * 3);
    return img;
  });
}

Result<Decoded> decode_with(std::span<const uint8_t> bytes, const DecodeLimits& limits,
                            const std::function<Image(const ImageView&)>& keep) {
  return decode_scaled_with(bytes, limits, 0x7FFFFFFF, 0x7FFFFFFF, keep);
}

Result<Decoded> decode_scaled_with(std::span<const uint8_t> bytes, const DecodeLimits& limits, int min_width,
                                   int min_height, const std::function<Image(const ImageView&)>& keep) {
  auto probed = probe(bytes, limits);
  if (!probed) return probed;
  Decoded d = std::move(probed.value());
  if (bytes.size() > 0x7FFFFFFF) return make_error("media.too_big_file");
  const Layout& L = d.layout;
  if (L.format == Format::jpeg) {
    const int eighths = jpeg::scale_eighths_for(L.width, L.height, min_width, min_height);
    auto img = jpeg::decode(bytes, eighths, keep);
    if (!img) return img.error();
    d.image = std::move(img.value());
    return d;
  }
  int w = 0, h = 0, comp = 0;
  uint8_t* p = stb::load(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &comp);
  if (!p) return make_error("media.corrupt", "stb_image refused the data");
  if (w != L.width || h != L.height || comp < 1 || comp > 4) {
    stb::free_pixels(p);
    return make_error("media.corrupt", "decoded size differs from the header");
  }
  d.had_alpha = comp == 2 || comp == 4;
  if (comp == 3) {  // stb's buffer is already RGB: no copy
    d.image = keep(ImageView{p, w, h});
    stb::free_pixels(p);
  } else {
    Image rgb = to_rgb(p, w, h, comp);
    stb::free_pixels(p);
    d.image = keep(view(rgb));
  }
  return d;
}

}  // namespace civic::media
