// core/media/compress.cpp — the photo pipeline (see compress.hpp).
#include "core/media/compress.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

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

// Where the edit puts the output: the size the whole upright photo is
// resized to, and the crop of it once turned, so that the crop comes out
// within max_edge without ever holding the source at full size.
struct Geometry {
  EditPlan plan;        // at source resolution
  Size whole;           // upright, resized
  Rect crop;            // in the turned frame of `whole`
};
Result<Geometry> geometry_for(const PhotoEdit& edit, int source_w, int source_h, int max_edge) {
  auto plan = plan_edit(edit, source_w, source_h);
  if (!plan) return plan.error();
  Geometry g;
  g.plan = std::move(plan).value();
  const EditPlan& p = g.plan;
  const Size out = fit_within(p.crop.w, p.crop.h, max_edge);
  Size turned = out;
  if (p.crop.w != p.turned_w || p.crop.h != p.turned_h) {
    const double s = static_cast<double>(out.width) / p.crop.w;
    turned = {std::max(1, static_cast<int>(std::lround(p.turned_w * s))),
              std::max(1, static_cast<int>(std::lround(p.turned_h * s)))};
  }
  g.whole = turn_swaps_axes(p.quarter_turns) ? Size{turned.height, turned.width} : turned;
  g.crop = clip(scale_rect(p.crop, p.turned_w, p.turned_h, turned.width, turned.height), turned.width,
                turned.height);
  if (g.crop.w <= 0 || g.crop.h <= 0) g.crop = {0, 0, turned.width, turned.height};
  return g;
}

// The upright photo at g.whole, turned, cropped and pixelated as the edit
// says (apply_edit with the crop already in pixels of this size).
Result<Image> edited(Image upright, const Geometry& g, const PhotoEdit& edit) {
  PhotoEdit at_size = edit;
  const bool swap = turn_swaps_axes(g.plan.quarter_turns);
  const int tw = swap ? upright.height : upright.width, th = swap ? upright.width : upright.height;
  at_size.crop = {static_cast<float>(g.crop.x) / tw, static_cast<float>(g.crop.y) / th,
                  static_cast<float>(g.crop.w) / tw, static_cast<float>(g.crop.h) / th};
  if (edit.empty()) return upright;
  return apply_edit(std::move(upright), at_size);
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
  // The edit and the redactions are checked before the expensive work.
  auto geometry = geometry_for(opt.edit, c.source_width, c.source_height, max_edge);
  if (!geometry) return geometry.error();
  const Geometry& g = geometry.value();
  const Size upright = g.whole;
  const Size stored = swap ? Size{upright.height, upright.width} : upright;

  auto scaled_redactions =
      redactions_for(opt.redactions, g.plan.crop.w, g.plan.crop.h, Size{g.crop.w, g.crop.h});
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
  auto edit = edited(std::move(img), g, opt.edit);
  if (!edit) return edit.error();
  img = std::move(edit).value();
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
                        redactions.empty() && opt.edit.empty();
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
  auto geometry = geometry_for(opt.edit, c.source_width, c.source_height, std::clamp(opt.max_edge, 16, 16384));
  if (!geometry) return geometry.error();
  const Geometry& g = geometry.value();
  auto redactions = redactions_for(opt.redactions, g.plan.crop.w, g.plan.crop.h, Size{g.crop.w, g.crop.h});
  if (!redactions) return redactions.error();

  auto t = Clock::now();
  Image img = resize(upright, g.whole.width, g.whole.height);
  c.ms.resize = ms_since(t);
  t = Clock::now();
  auto edit = edited(std::move(img), g, opt.edit);
  if (!edit) return edit.error();
  img = std::move(edit).value();
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
