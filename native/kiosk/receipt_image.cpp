// native/kiosk/receipt_image.cpp — see receipt_image.hpp. The one unit that
// compiles stb_truetype and stb_image_write for the receipt, static, so no
// other copy in the program (ImGui's, the screenshot's) can clash.
#include "native/kiosk/receipt_image.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#endif
#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include <stb/stb_truetype.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace civic::kiosk {

namespace {

constexpr int kMargin = 24;
constexpr size_t kMaxFontBytes = 32u << 20;

// Next code point of UTF-8 text (invalid bytes become U+FFFD).
unsigned next_cp(const std::string& s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i++]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  unsigned cp = extra == 3 ? c & 0x07 : extra == 2 ? c & 0x0F : extra == 1 ? c & 0x1F : c;
  if (c >= 0x80 && extra == 0) return 0xFFFD;
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

struct Typesetter {
  std::string font_bytes;
  stbtt_fontinfo font{};
  bool ok = false;

  explicit Typesetter(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return;
    font_bytes.assign(std::istreambuf_iterator<char>(in), {});
    if (font_bytes.empty() || font_bytes.size() > kMaxFontBytes) return;
    const auto* data = reinterpret_cast<const unsigned char*>(font_bytes.data());
    ok = stbtt_InitFont(&font, data, stbtt_GetFontOffsetForIndex(data, 0)) != 0;
  }

  // Lays `text` out in lines no wider than `width`; draws when img is set.
  // Returns the height used.
  int set(const std::string& text, float px, int x0, int y0, int width, GrayImage* img) {
    if (!ok) return 0;
    float scale = stbtt_ScaleForPixelHeight(&font, px);
    int ascent, descent, gap;
    stbtt_GetFontVMetrics(&font, &ascent, &descent, &gap);
    int line_h = static_cast<int>((ascent - descent + gap) * scale) + 4;
    int base = static_cast<int>(ascent * scale);
    float x = 0;
    int y = 0;
    for (size_t i = 0; i < text.size();) {
      unsigned cp = next_cp(text, i);
      int adv, lsb;
      stbtt_GetCodepointHMetrics(&font, static_cast<int>(cp), &adv, &lsb);
      if (x + adv * scale > width) {
        x = 0;
        y += line_h;
      }
      if (img) {
        int bx0, by0, bx1, by1;
        stbtt_GetCodepointBitmapBox(&font, static_cast<int>(cp), scale, scale, &bx0, &by0, &bx1, &by1);
        int gw = bx1 - bx0, gh = by1 - by0;
        if (gw > 0 && gh > 0) {
          std::vector<unsigned char> glyph(static_cast<size_t>(gw) * gh);
          stbtt_MakeCodepointBitmap(&font, glyph.data(), gw, gh, gw, scale, scale, static_cast<int>(cp));
          int ox = x0 + static_cast<int>(x) + bx0, oy = y0 + y + base + by0;
          for (int gy = 0; gy < gh; ++gy)
            for (int gx = 0; gx < gw; ++gx) {
              int px_x = ox + gx, px_y = oy + gy;
              if (px_x < 0 || px_y < 0 || px_x >= img->width || px_y >= img->height) continue;
              auto& p = img->px[static_cast<size_t>(px_y) * img->width + px_x];
              p = static_cast<std::uint8_t>(std::min<int>(p, 255 - glyph[static_cast<size_t>(gy) * gw + gx]));
            }
        }
      }
      x += adv * scale;
    }
    return y + line_h;
  }
};

int qr_module(const QrMatrix& qr) {
  return qr.size > 0 ? std::max(4, (kReceiptWidth - 2 * kMargin) / (qr.size + 8)) : 0;
}

// Lays the receipt out; draws when img is set; returns the height.
int layout(Typesetter& t, const PrintedReceipt& r, GrayImage* img) {
  int y = kMargin, w = kReceiptWidth - 2 * kMargin;
  for (size_t i = 0; i < r.lines_before.size(); ++i)
    y += t.set(r.lines_before[i], i == 1 ? 48.f : 26.f, kMargin, y, w, img) + 6;
  if (int m = qr_module(r.qr)) {
    int side = m * (r.qr.size + 8);
    int x0 = (kReceiptWidth - side) / 2 + 4 * m, y0 = y + 4 * m;
    if (img)
      for (int qy = 0; qy < r.qr.size; ++qy)
        for (int qx = 0; qx < r.qr.size; ++qx)
          if (r.qr.dark[static_cast<size_t>(qy) * r.qr.size + qx])
            for (int dy = 0; dy < m; ++dy)
              std::fill_n(&img->px[static_cast<size_t>(y0 + qy * m + dy) * img->width + x0 + qx * m], m, 0);
    y += side;
  }
  for (const auto& line : r.lines_after) y += t.set(line, 20.f, kMargin, y, w, img) + 4;
  return y + kMargin;
}

void sink(void* ctx, void* data, int size) {
  static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<size_t>(size));
}

}  // namespace

GrayImage render_receipt(const PrintedReceipt& r, const std::string& font_path) {
  Typesetter t(font_path);
  GrayImage img;
  img.width = kReceiptWidth;
  img.height = layout(t, r, nullptr);
  img.px.assign(static_cast<size_t>(img.width) * img.height, 255);
  layout(t, r, &img);
  return img;
}

bool write_png(const std::string& path, const GrayImage& img) {
  std::string bytes;
  if (!stbi_write_png_to_func(sink, &bytes, img.width, img.height, 1, img.px.data(), img.width)) return false;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out.flush());
}

std::string zlib_compress(const std::uint8_t* data, size_t n) {
  int len = 0;
  unsigned char* z = stbi_zlib_compress(const_cast<unsigned char*>(data), static_cast<int>(n), &len, 8);
  if (!z) return {};
  std::string out(reinterpret_cast<const char*>(z), static_cast<size_t>(len));
  STBIW_FREE(z);
  return out;
}

}  // namespace civic::kiosk
