// core/media/encode.cpp — libjpeg-turbo plus a quality search (see encode.hpp).
#include "core/media/encode.hpp"

#include <algorithm>
#include <string>

#include "core/media/resize.hpp"
#include "core/media/jpeg_codec.hpp"

namespace civic::media {

Result<std::vector<uint8_t>> encode_jpeg(const ImageView& img, int quality) {
  return jpeg::encode(img, quality);
}

Result<Encoded> encode_within(const ImageView& src, const BudgetOptions& opt) {
  const int qmax = std::clamp(opt.max_quality, 1, 100);
  const int qmin = std::clamp(opt.min_quality, 1, qmax);
  Image shrunk;
  ImageView img = src;
  Encoded best;
  for (int shrink = 0; shrink <= opt.max_shrinks; ++shrink) {
    auto first = encode_jpeg(img, qmax);
    if (!first) return first.error();
    ++best.attempts;
    if (opt.max_bytes == 0 || first.value().size() <= opt.max_bytes) {
      best.bytes = std::move(first.value());
      best.quality = qmax;
      best.width = img.width;
      best.height = img.height;
      return best;
    }
    // Binary search for the highest quality that fits: lo fits (or is untested), hi does not.
    int lo = qmin, hi = qmax;
    std::vector<uint8_t> fit;
    int fit_q = 0;
    while (lo < hi) {
      const int mid = (lo + hi) / 2;
      auto e = encode_jpeg(img, mid);
      if (!e) return e.error();
      ++best.attempts;
      if (e.value().size() <= opt.max_bytes) {
        fit = std::move(e.value());
        fit_q = mid;
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (fit_q > 0) {
      best.bytes = std::move(fit);
      best.quality = fit_q;
      best.width = img.width;
      best.height = img.height;
      return best;
    }
    // Not even qmin fits: keep 80% of each side and search again.
    const int w = std::max(1, img.width * 4 / 5), h = std::max(1, img.height * 4 / 5);
    if (w == img.width && h == img.height) break;
    shrunk = resize(img, w, h);
    img = view(shrunk);
  }
  return make_error("media.budget_unreachable", {}, {{"max_bytes", std::to_string(opt.max_bytes)}});
}

}  // namespace civic::media
