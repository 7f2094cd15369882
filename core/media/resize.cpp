// core/media/resize.cpp — box pre-shrink + Lanczos-3 in linear light (see resize.hpp).
#include "core/media/resize.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace civic::media {

namespace {

constexpr int kLinearSteps = 16384;  // linear -> sRGB table size: < 0.25 level error in the darks

struct Tables {
  std::array<float, 256> to_linear{};
  std::vector<uint8_t> to_srgb;
  Tables() : to_srgb(kLinearSteps + 1) {
    for (int i = 0; i < 256; ++i) {
      const double c = i / 255.0;
      to_linear[i] = static_cast<float>(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
    }
    for (int i = 0; i <= kLinearSteps; ++i) {
      const double l = static_cast<double>(i) / kLinearSteps;
      const double s = l <= 0.0031308 ? l * 12.92 : 1.055 * std::pow(l, 1 / 2.4) - 0.055;
      to_srgb[i] = static_cast<uint8_t>(std::lround(std::clamp(s, 0.0, 1.0) * 255));
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

inline uint8_t encode_srgb(const Tables& t, float linear) {
  const float v = linear * kLinearSteps + 0.5f;
  const int i = v <= 0 ? 0 : v >= kLinearSteps ? kLinearSteps : static_cast<int>(v);
  return t.to_srgb[i];
}

double lanczos3(double x) {
  x = std::fabs(x);
  if (x < 1e-9) return 1;
  if (x >= 3) return 0;
  const double px = std::numbers::pi * x;
  return 3 * std::sin(px) * std::sin(px / 3) / (px * px);
}

double tent(double x) {
  x = std::fabs(x);
  return x < 1 ? 1 - x : 0;
}

// Filter taps for one axis: destination i reads source [first[i], first[i]+taps)
// with weights[i*taps + t]; taps is the same for all i (zero-padded). Taps
// outside the source are dropped and the rest renormalised.
struct Axis {
  int taps = 0;
  std::vector<int> first;
  std::vector<int> count;
  std::vector<float> weights;
};

// out_size results from in_size samples; `step` source samples per result
// (the centre of result i is at (i + 0.5) * step - 0.5); the kernel has
// radius `radius` in kernel units, stretched by `widen` source samples.
Axis make_axis(int in_size, double step, int out_size, double (*kernel)(double), double radius, double widen) {
  Axis a;
  const double reach = radius * widen;
  a.taps = static_cast<int>(std::ceil(2 * reach)) + 1;
  a.first.resize(out_size);
  a.count.resize(out_size);
  a.weights.assign(static_cast<size_t>(out_size) * a.taps, 0.f);
  std::vector<double> w;
  for (int i = 0; i < out_size; ++i) {
    const double center = (i + 0.5) * step - 0.5;
    int lo = std::max(static_cast<int>(std::ceil(center - reach)), 0);
    int hi = std::min(static_cast<int>(std::floor(center + reach)), in_size - 1);
    if (hi - lo + 1 > a.taps) hi = lo + a.taps - 1;
    w.assign(hi >= lo ? hi - lo + 1 : 0, 0.0);
    double sum = 0;
    for (int j = lo; j <= hi; ++j) sum += w[j - lo] = kernel((j - center) / widen);
    if (hi < lo || std::fabs(sum) < 1e-12) {  // nothing in reach: nearest sample
      lo = hi = std::clamp(static_cast<int>(std::lround(center)), 0, in_size - 1);
      w.assign(1, 1.0);
      sum = 1;
    }
    // Trailing zero weights need no samples (lets the streaming pass finish rows early).
    while (hi > lo && w[hi - lo] == 0.0) --hi;
    a.first[i] = lo;
    a.count[i] = hi - lo + 1;
    for (int j = lo; j <= hi; ++j) a.weights[static_cast<size_t>(i) * a.taps + (j - lo)] = static_cast<float>(w[j - lo] / sum);
  }
  return a;
}

// dst (n results) = axis applied to src. Pixels are 4 floats (R, G, B,
// unused) so that one tap is one 4-wide multiply-add the compiler vectorises.
inline void filter_row(const Axis& a, const float* __restrict src, float* __restrict dst, int n) {
  for (int x = 0; x < n; ++x) {
    const float* w = a.weights.data() + static_cast<size_t>(x) * a.taps;
    const float* s = src + 4 * static_cast<size_t>(a.first[x]);
    float acc[4] = {0, 0, 0, 0};
    for (int t = 0, c = a.count[x]; t < c; ++t)
      for (int ch = 0; ch < 4; ++ch) acc[ch] += w[t] * s[4 * t + ch];
    for (int ch = 0; ch < 4; ++ch) dst[4 * x + ch] = acc[ch];
  }
}

// Rows come in order; each output row is a weighted sum of a window of them.
// Keeps the window in a ring and calls emit(row, values) as soon as a row is complete.
struct VerticalPass {
  const Axis& axis;
  int width3;  // values per row
  std::vector<float> ring;
  std::vector<float> acc;
  int next = 0;
  VerticalPass(const Axis& a, int w3) : axis(a), width3(w3), ring(static_cast<size_t>(a.taps) * w3), acc(w3) {}
  float* slot(int row) { return ring.data() + static_cast<size_t>(row % axis.taps) * width3; }
  template <class Emit>
  void rows_ready(int last_row, Emit&& emit) {
    const int n_out = static_cast<int>(axis.first.size());
    while (next < n_out && axis.first[next] + axis.count[next] - 1 <= last_row) {
      float* __restrict a = acc.data();
      std::fill(acc.begin(), acc.end(), 0.f);
      const float* w = axis.weights.data() + static_cast<size_t>(next) * axis.taps;
      for (int t = 0; t < axis.count[next]; ++t) {
        const float wt = w[t];
        const float* __restrict r = slot(axis.first[next] + t);
        for (int i = 0; i < width3; ++i) a[i] += wt * r[i];
      }
      emit(next, acc.data());
      ++next;
    }
  }
};

}  // namespace

Size fit_within(int width, int height, int max_edge) {
  if (width <= 0 || height <= 0) return {0, 0};
  if (max_edge <= 0 || (width <= max_edge && height <= max_edge)) return {width, height};
  const double s = static_cast<double>(max_edge) / std::max(width, height);
  return {std::max(1, static_cast<int>(std::lround(width * s))), std::max(1, static_cast<int>(std::lround(height * s)))};
}

Image resize(const ImageView& src, int dw, int dh) {
  const Tables& T = tables();
  const int sw = src.width, sh = src.height;
  Image out;
  out.width = dw;
  out.height = dh;
  out.rgb.resize(static_cast<size_t>(dw) * dh * 3);
  if (dw == sw && dh == sh) {
    std::copy(src.rgb, src.rgb + out.rgb.size(), out.rgb.begin());
    return out;
  }

  // Stage 1: a tent of radius k with stride k (k = whole part of the scale
  // factor): cheap like a box, but its response at the new Nyquist frequency
  // is sinc^2, so fine stripes do not beat (a box leaves ~10% moire there).
  const double factor = std::min(static_cast<double>(sw) / dw, static_cast<double>(sh) / dh);
  const int k = std::max(1, static_cast<int>(std::floor(factor)));
  const int iw = k > 1 ? (sw + k - 1) / k : sw, ih = k > 1 ? (sh + k - 1) / k : sh;
  // Stage 2: Lanczos-3 over the remaining factor (1..2).
  const double rx = static_cast<double>(sw) / k / dw, ry = static_cast<double>(sh) / k / dh;
  const Axis ax2 = make_axis(iw, rx, dw, lanczos3, 3, std::max(rx, 1.0));
  const Axis ay2 = make_axis(ih, ry, dh, lanczos3, 3, std::max(ry, 1.0));
  VerticalPass v2(ay2, dw * 4);
  auto emit_out = [&](int row, const float* values) {
    uint8_t* o = out.rgb.data() + static_cast<size_t>(row) * dw * 3;
    for (int x = 0; x < dw; ++x)
      for (int ch = 0; ch < 3; ++ch) o[3 * x + ch] = encode_srgb(T, values[4 * x + ch]);
  };
  // An intermediate row is ready: filter it across, then down when possible.
  auto push_mid = [&](int j, const float* values) {
    filter_row(ax2, values, v2.slot(j), dw);
    v2.rows_ready(j, emit_out);
  };

  std::vector<float> linear(static_cast<size_t>(sw) * 4, 0.f);
  auto to_linear = [&](int y) {
    const uint8_t* __restrict row = src.rgb + static_cast<size_t>(y) * sw * 3;
    float* __restrict l = linear.data();
    const float* __restrict lut = T.to_linear.data();
    for (int x = 0; x < sw; ++x, row += 3, l += 4) {
      l[0] = lut[row[0]];
      l[1] = lut[row[1]];
      l[2] = lut[row[2]];
    }
  };
  if (k == 1) {
    for (int y = 0; y < sh && v2.next < dh; ++y) {
      to_linear(y);
      push_mid(y, linear.data());
    }
    return out;
  }
  const Axis ax1 = make_axis(sw, k, iw, tent, 1, k);
  const Axis ay1 = make_axis(sh, k, ih, tent, 1, k);
  VerticalPass v1(ay1, iw * 4);
  for (int y = 0; y < sh && v2.next < dh; ++y) {
    to_linear(y);
    filter_row(ax1, linear.data(), v1.slot(y), iw);
    v1.rows_ready(y, push_mid);
  }
  return out;
}

}  // namespace civic::media
