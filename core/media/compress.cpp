// core/media/compress.cpp — the photo pipeline (see compress.hpp).
#include "core/media/compress.hpp"

#include <algorithm>
#include <chrono>

#include "core/media/hash.hpp"
#include "core/media/orient.hpp"
#include "core/media/resize.hpp"

namespace civic::media {

namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Rectangles in the upright source's pixels, checked and scaled to the output.
Result<std::vector<Redaction>> redactions_for(std::vector<Redaction> redactions, int source_w, int source_h,
                                              Size upright) {
  for (Redaction& r : redactions) {
    const Rect inside = clip(r.rect, source_w, source_h);
    if (r.rect.w <= 0 || r.rect.h <= 0 || inside.w == 0)
      return make_error("media.bad_redaction", {}, {{"rect", std::to_string(r.rect.x) + "," + std::to_string(r.rect.y) + "," +
                                                               std::to_string(r.rect.w) + "," + std::to_string(r.rect.h)}});
    r.rect = scale_rect(inside, source_w, source_h, upright.width, upright.height);
  }
  return redactions;
}

void take_encoded(Compressed& c, Encoded&& enc) {
  c.jpeg = std::move(enc.bytes);
  c.quality = enc.quality;
  c.width = enc.width;
  c.height = enc.height;
  c.encode_attempts = enc.attempts;
}

// The content hash, and the total time since t0.
void finish(Compressed& c, Clock::time_point t0) {
  const auto t = Clock::now();
  c.hash_hex = content_hash_hex(c.jpeg);
  c.ms.hash = ms_since(t);
  c.ms.total = ms_since(t0);
}

BudgetOptions budget_of(const CompressOptions& opt) {
  BudgetOptions budget;
  budget.max_bytes = opt.max_bytes;
  budget.max_quality = std::clamp(opt.quality, 1, 100);
  budget.min_quality = std::min(budget.min_quality, budget.max_quality);
  return budget;
}
}  // namespace

Result<Compressed> compress(std::span<const uint8_t> input, const CompressOptions& opt) {
  const auto t0 = Clock::now();
  Compressed c;
  auto t = Clock::now();
  auto probed = probe(input, opt.limits);
  if (!probed) return probed.error();
  c.ms.probe = ms_since(t);
  const Layout& L = probed.value().layout;
  c.orientation = probed.value().exif.orientation;
  c.gps = probed.value().exif.gps;
  c.source_format = L.format;
  const bool swap = orientation_swaps_axes(c.orientation);
  c.source_width = swap ? L.height : L.width;
  c.source_height = swap ? L.width : L.height;

  const int max_edge = std::clamp(opt.max_edge, 16, 16384);
  const Size upright = fit_within(c.source_width, c.source_height, max_edge);
  const Size stored = swap ? Size{upright.height, upright.width} : upright;

  // Redactions are checked before the expensive work.
  auto scaled_redactions = redactions_for(opt.redactions, c.source_width, c.source_height, upright);
  if (!scaled_redactions) return scaled_redactions.error();
  const std::vector<Redaction>& redactions = scaled_redactions.value();

  t = Clock::now();
  double resize_ms = 0;
  // A JPEG is decoded at the smallest DCT scale that still covers `stored`.
  auto decoded = decode_scaled_with(input, opt.limits, stored.width, stored.height, [&](const ImageView& v) {
    const auto tr = Clock::now();
    Image img = resize(v, stored.width, stored.height);
    resize_ms = ms_since(tr);
    return img;
  });
  if (!decoded) return decoded.error();
  c.ms.resize = resize_ms;
  c.ms.decode = ms_since(t) - resize_ms;

  t = Clock::now();
  Image img = apply_orientation(std::move(decoded.value().image), c.orientation);
  c.ms.orient = ms_since(t);

  t = Clock::now();
  if (!redactions.empty()) {
    auto r = redact(img, redactions);
    if (!r) return r.error();
  }
  c.ms.redact = ms_since(t);

  // An input that already fits is the upper bound for the output.
  // (A PNG becomes a JPEG whatever its size: there the bound does not apply.)
  const bool input_fits = L.format == Format::jpeg && c.source_width <= max_edge && c.source_height <= max_edge &&
                          (opt.max_bytes == 0 || input.size() <= opt.max_bytes);
  const BudgetOptions budget = budget_of(opt);
  BudgetOptions bounded = budget;
  if (input_fits) bounded.max_bytes = input.size();

  t = Clock::now();
  const bool may_pass = input_fits && L.format == Format::jpeg && L.components != 4 && c.orientation == 1 &&
                        redactions.empty();
  std::vector<uint8_t> stripped;
  if (may_pass) stripped = strip_jpeg_metadata(input);
  auto enc = encode_within(view(img), bounded);
  // A tiny rotated JPEG may not fit its own size once turned: then the
  // resident's budget is the bound (the input itself would be sideways).
  if (!enc && input_fits && !may_pass) enc = encode_within(view(img), budget);
  if (!enc && stripped.empty()) return enc.error();
  if (enc && (stripped.empty() || enc.value().bytes.size() <= stripped.size())) {
    take_encoded(c, std::move(enc.value()));
  } else {
    c.jpeg = std::move(stripped);
    c.passthrough = true;
    c.width = img.width;
    c.height = img.height;
    if (enc) c.encode_attempts = enc.value().attempts;
  }
  c.ms.encode = ms_since(t);
  finish(c, t0);
  return c;
}

Result<Compressed> compress_pixels(const ImageView& upright, const CompressOptions& opt) {
  const auto t0 = Clock::now();
  Compressed c;
  if (upright.width <= 0 || upright.height <= 0 || !upright.rgb) return make_error("media.corrupt", "no pixels");
  if (static_cast<uint64_t>(upright.width) * static_cast<uint64_t>(upright.height) > opt.limits.max_pixels)
    return make_error("media.too_large", "pixels handed over", {{"width", std::to_string(upright.width)},
                                                                 {"height", std::to_string(upright.height)}});
  c.source_width = upright.width;
  c.source_height = upright.height;
  const Size size = fit_within(upright.width, upright.height, std::clamp(opt.max_edge, 16, 16384));
  auto redactions = redactions_for(opt.redactions, c.source_width, c.source_height, size);
  if (!redactions) return redactions.error();

  auto t = Clock::now();
  Image img = resize(upright, size.width, size.height);
  c.ms.resize = ms_since(t);
  t = Clock::now();
  if (!redactions.value().empty()) {
    auto r = redact(img, redactions.value());
    if (!r) return r.error();
  }
  c.ms.redact = ms_since(t);
  t = Clock::now();
  auto enc = encode_within(view(img), budget_of(opt));
  if (!enc) return enc.error();
  take_encoded(c, std::move(enc.value()));
  c.ms.encode = ms_since(t);
  finish(c, t0);
  return c;
}

}  // namespace civic::media
