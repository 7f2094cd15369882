// core/media/edit.cpp — turns, crop and pixelated regions (see edit.hpp).
#include "core/media/edit.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/media/orient.hpp"

namespace civic::media {

namespace {

float unit(float v) { return std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 0.0f; }

std::string rect_text(Rect r) {
  return std::to_string(r.x) + "," + std::to_string(r.y) + "," + std::to_string(r.w) + "," + std::to_string(r.h);
}

// Upright pixel (ux, uy) to stored pixel, for EXIF orientation o: the
// inverse of orient.cpp's map, written the same way (display → stored).
Point upright_to_stored(int dx, int dy, int W, int H, int o) {
  switch (o) {
    case 2: return {W - 1 - dx, dy};
    case 3: return {W - 1 - dx, H - 1 - dy};
    case 4: return {dx, H - 1 - dy};
    case 5: return {dy, dx};
    case 6: return {dy, H - 1 - dx};
    case 7: return {W - 1 - dy, H - 1 - dx};
    case 8: return {W - 1 - dy, dx};
    default: return {dx, dy};
  }
}

}  // namespace

int turn_orientation(int quarter_turns) {
  static const int kOrientation[4] = {1, 6, 3, 8};
  return kOrientation[((quarter_turns % 4) + 4) % 4];
}

Rect to_pixels(RectF r, int w, int h) {
  const float x0 = unit(r.x), y0 = unit(r.y);
  const float x1 = unit(r.x + std::max(0.0f, std::isfinite(r.w) ? r.w : 0.0f));
  const float y1 = unit(r.y + std::max(0.0f, std::isfinite(r.h) ? r.h : 0.0f));
  const int px0 = static_cast<int>(std::lround(x0 * w)), py0 = static_cast<int>(std::lround(y0 * h));
  const int px1 = static_cast<int>(std::lround(x1 * w)), py1 = static_cast<int>(std::lround(y1 * h));
  return clip({px0, py0, std::max(0, px1 - px0), std::max(0, py1 - py0)}, w, h);
}

Result<EditPlan> plan_edit(const PhotoEdit& edit, int upright_w, int upright_h) {
  if (upright_w <= 0 || upright_h <= 0) return make_error("media.bad_dimensions", "empty photo");
  if (edit.redactions.size() > kMaxRedactions)
    return make_error("media.bad_redaction", "too many regions", {{"rect", std::to_string(edit.redactions.size())}});
  EditPlan p;
  p.quarter_turns = ((edit.quarter_turns % 4) + 4) % 4;
  const bool swap = turn_swaps_axes(p.quarter_turns);
  p.turned_w = swap ? upright_h : upright_w;
  p.turned_h = swap ? upright_w : upright_h;
  p.crop = to_pixels(edit.crop, p.turned_w, p.turned_h);
  if (p.crop.w <= 0 || p.crop.h <= 0) return make_error("media.bad_crop", rect_text(p.crop));
  for (const RectF& f : edit.redactions) {
    Rect r = to_pixels(f, p.crop.w, p.crop.h);
    if (r.w <= 0 || r.h <= 0) return make_error("media.bad_redaction", {}, {{"rect", rect_text(r)}});
    p.redactions.push_back(r);
  }
  return p;
}

Result<Image> apply_edit(Image upright, const PhotoEdit& edit) {
  auto plan = plan_edit(edit, upright.width, upright.height);
  if (!plan) return plan.error();
  const EditPlan& p = plan.value();
  Image img = apply_orientation(std::move(upright), turn_orientation(p.quarter_turns));
  if (p.crop.x != 0 || p.crop.y != 0 || p.crop.w != img.width || p.crop.h != img.height) {
    Image cut;
    cut.width = p.crop.w;
    cut.height = p.crop.h;
    cut.rgb.resize(static_cast<size_t>(cut.width) * cut.height * 3);
    for (int y = 0; y < cut.height; ++y)
      std::copy_n(img.pixel(p.crop.x, p.crop.y + y), static_cast<size_t>(cut.width) * 3, cut.pixel(0, y));
    img = std::move(cut);
  }
  std::vector<Redaction> regions;
  for (const Rect& r : p.redactions) regions.push_back({r, RedactStyle::pixelate});
  if (!regions.empty()) {
    auto r = redact(img, regions);
    if (!r) return r.error();
  }
  return img;
}

namespace {
// One clockwise quarter turn of a rectangle in fractions of its frame.
RectF turn_cw(RectF r) { return {1.0f - r.y - r.h, r.x, r.h, r.w}; }
bool usable(RectF r) { return r.w > 1e-4f && r.h > 1e-4f; }
}  // namespace

RectF span(float x0, float y0, float x1, float y1) {
  const float a = unit(std::min(x0, x1)), b = unit(std::min(y0, y1));
  return {a, b, unit(std::max(x0, x1)) - a, unit(std::max(y0, y1)) - b};
}

PhotoEdit turn_edit(const PhotoEdit& edit, int clockwise) {
  PhotoEdit e = edit;
  const int n = ((clockwise % 4) + 4) % 4;
  e.quarter_turns = (((edit.quarter_turns + n) % 4) + 4) % 4;
  for (int i = 0; i < n; ++i) {
    e.crop = turn_cw(e.crop);
    for (RectF& r : e.redactions) r = turn_cw(r);   // the edited frame turns with the crop
  }
  return e;
}

PhotoEdit crop_edit(const PhotoEdit& edit, RectF crop) {
  crop = span(crop.x, crop.y, crop.x + crop.w, crop.y + crop.h);
  if (!usable(crop)) return edit;
  PhotoEdit e = edit;
  e.crop = crop;
  e.redactions.clear();
  const RectF& old = edit.crop;
  for (const RectF& r : edit.redactions) {
    // edited (old crop) → turned → edited (new crop)
    const float tx0 = old.x + r.x * old.w, ty0 = old.y + r.y * old.h;
    const float tx1 = tx0 + r.w * old.w, ty1 = ty0 + r.h * old.h;
    RectF n = span((tx0 - crop.x) / crop.w, (ty0 - crop.y) / crop.h, (tx1 - crop.x) / crop.w, (ty1 - crop.y) / crop.h);
    if (usable(n)) e.redactions.push_back(n);
  }
  return e;
}

PhotoEdit add_region(const PhotoEdit& edit, RectF region) {
  region = span(region.x, region.y, region.x + region.w, region.y + region.h);
  if (!usable(region) || edit.redactions.size() >= kMaxRedactions) return edit;
  PhotoEdit e = edit;
  e.redactions.push_back(region);
  return e;
}

Point edit_source_pixel(int x, int y, int stored_w, int stored_h, int orientation, const EditPlan& plan) {
  // edited → turned: shift by the crop.
  const int tx = x + plan.crop.x, ty = y + plan.crop.y;
  // turned → upright: the inverse of the turn (orientation 6 / 3 / 8 maps
  // display → source the way orient.cpp does, on the upright frame).
  const bool swap = orientation_swaps_axes(orientation);
  const int uw = swap ? stored_h : stored_w, uh = swap ? stored_w : stored_h;
  const Point u = upright_to_stored(tx, ty, uw, uh, turn_orientation(plan.quarter_turns));
  // upright → stored.
  return upright_to_stored(u.x, u.y, stored_w, stored_h, orientation);
}

}  // namespace civic::media
