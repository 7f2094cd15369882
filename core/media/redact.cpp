// core/media/redact.cpp — pixelate and blur rectangles (rules in redact.hpp).
#include "core/media/redact.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace civic::media {

namespace {

std::string rect_text(Rect r) {
  return std::to_string(r.x) + "," + std::to_string(r.y) + "," + std::to_string(r.w) + "," + std::to_string(r.h);
}

void pixelate(Image& img, Rect r) {
  const int block = std::max(8, (std::max(r.w, r.h) + 5) / 6);
  for (int by = r.y; by < r.y + r.h; by += block) {
    const int y1 = std::min(by + block, r.y + r.h);
    for (int bx = r.x; bx < r.x + r.w; bx += block) {
      const int x1 = std::min(bx + block, r.x + r.w);
      uint64_t sum[3] = {0, 0, 0};
      for (int y = by; y < y1; ++y)
        for (int x = bx; x < x1; ++x)
          for (int c = 0; c < 3; ++c) sum[c] += img.pixel(x, y)[c];
      const uint64_t n = static_cast<uint64_t>(y1 - by) * (x1 - bx);
      uint8_t mean[3];
      for (int c = 0; c < 3; ++c) mean[c] = static_cast<uint8_t>((sum[c] + n / 2) / n);
      for (int y = by; y < y1; ++y)
        for (int x = bx; x < x1; ++x)
          for (int c = 0; c < 3; ++c) img.pixel(x, y)[c] = mean[c];
    }
  }
}

// One box-blur pass over `n` samples spaced `stride` bytes apart, edges repeated.
void box_line(uint8_t* p, int n, size_t stride, int radius, std::vector<uint8_t>& tmp) {
  tmp.resize(static_cast<size_t>(n) * 3);
  for (int i = 0; i < n; ++i)
    for (int c = 0; c < 3; ++c) tmp[3 * i + c] = p[i * stride + c];
  const int width = 2 * radius + 1;
  for (int c = 0; c < 3; ++c) {
    int sum = 0;
    for (int i = -radius; i <= radius; ++i) sum += tmp[3 * std::clamp(i, 0, n - 1) + c];
    for (int i = 0; i < n; ++i) {
      p[i * stride + c] = static_cast<uint8_t>((sum + width / 2) / width);
      sum += tmp[3 * std::min(i + radius + 1, n - 1) + c] - tmp[3 * std::max(i - radius, 0) + c];
    }
  }
}

void blur(Image& img, Rect r) {
  const int radius = std::max(4, (std::max(r.w, r.h) + 7) / 8);
  std::vector<uint8_t> tmp;
  const size_t row_stride = static_cast<size_t>(img.width) * 3;
  for (int pass = 0; pass < 3; ++pass) {
    for (int y = r.y; y < r.y + r.h; ++y) box_line(img.pixel(r.x, y), r.w, 3, radius, tmp);
    for (int x = r.x; x < r.x + r.w; ++x) box_line(img.pixel(x, r.y), r.h, row_stride, radius, tmp);
  }
}

}  // namespace

Rect clip(Rect r, int width, int height) {
  const long x0 = std::max<long>(r.x, 0), y0 = std::max<long>(r.y, 0);
  const long x1 = std::min<long>(static_cast<long>(r.x) + std::max(r.w, 0), width);
  const long y1 = std::min<long>(static_cast<long>(r.y) + std::max(r.h, 0), height);
  if (x1 <= x0 || y1 <= y0) return {static_cast<int>(x0), static_cast<int>(y0), 0, 0};
  return {static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0)};
}

Rect scale_rect(Rect r, int from_w, int from_h, int to_w, int to_h) {
  if (from_w <= 0 || from_h <= 0) return {};
  const double sx = static_cast<double>(to_w) / from_w, sy = static_cast<double>(to_h) / from_h;
  const long x0 = static_cast<long>(std::floor(r.x * sx)), y0 = static_cast<long>(std::floor(r.y * sy));
  const long x1 = static_cast<long>(std::ceil((static_cast<double>(r.x) + r.w) * sx));
  const long y1 = static_cast<long>(std::ceil((static_cast<double>(r.y) + r.h) * sy));
  auto c = [](long v) { return static_cast<int>(std::clamp<long>(v, -(1L << 30), 1L << 30)); };
  return {c(x0), c(y0), c(x1 - x0), c(y1 - y0)};
}

Result<bool> redact(Image& img, const std::vector<Redaction>& redactions) {
  std::vector<Rect> clipped;
  for (const Redaction& r : redactions) {
    const Rect c = clip(r.rect, img.width, img.height);
    if (r.rect.w <= 0 || r.rect.h <= 0 || c.w == 0 || c.h == 0)
      return make_error("media.bad_redaction", {}, {{"rect", rect_text(r.rect)}});
    clipped.push_back(c);
  }
  for (size_t i = 0; i < redactions.size(); ++i) {
    if (redactions[i].style == RedactStyle::pixelate) pixelate(img, clipped[i]);
    else blur(img, clipped[i]);
  }
  return true;
}

}  // namespace civic::media
