// core/media/edit.hpp — the resident's edits to a photo before it is sent:
// quarter turns, a crop and regions to pixelate. This is the CPU reference
// of the photo editor: the GPU preview (shaders/photo_edit.frag) maps every
// output pixel back to a stored pixel with the same integer rules
// (edit_source_pixel) and must match these pixels (tests/ui/photo_gpu_test).
//
// Frames, in the order the edits apply:
//   stored  — pixels as decoded (EXIF orientation not yet applied)
//   upright — after the EXIF orientation (orient.hpp)
//   turned  — after `quarter_turns` clockwise quarter turns of the upright photo
//   edited  — the crop rectangle of the turned photo; redactions live here
// Fractions (0..1 of the frame's width and height) describe the crop and the
// redactions so one edit fits the photo at any resolution (the preview, the
// 2048 px output, the source).
//
// Limits: quarter_turns is taken modulo 4; fractions are clamped to 0..1; a
// crop or redaction that rounds to no pixel is refused (media.bad_crop,
// media.bad_redaction); at most kMaxRedactions regions.
#pragma once
#include <vector>

#include "core/media/image.hpp"
#include "core/media/redact.hpp"
#include "core/result.hpp"

namespace civic::media {

inline constexpr std::size_t kMaxRedactions = 16;

struct RectF {
  float x = 0, y = 0, w = 1, h = 1;
  bool operator==(const RectF&) const = default;
};

struct PhotoEdit {
  int quarter_turns = 0;              // clockwise, applied to the upright photo
  RectF crop;                         // of the turned frame; {0,0,1,1}: none
  std::vector<RectF> redactions;      // of the edited frame; pixelated
  bool operator==(const PhotoEdit&) const = default;
  bool empty() const { return quarter_turns % 4 == 0 && crop == RectF{} && redactions.empty(); }
};

// The EXIF orientation (1, 6, 3, 8) that turns a photo clockwise q times.
int turn_orientation(int quarter_turns);

// Width and height after q quarter turns.
inline bool turn_swaps_axes(int quarter_turns) { return ((quarter_turns % 4) + 4) % 4 % 2 == 1; }

// A fraction rectangle in pixels of a w x h frame: edges rounded to the
// nearest pixel, clipped, at least 0 wide (check w, h before use).
Rect to_pixels(RectF r, int w, int h);

// The edit as pixel rectangles for an upright photo of upright_w x upright_h.
struct EditPlan {
  int quarter_turns = 0;              // 0..3
  int turned_w = 0, turned_h = 0;
  Rect crop;                          // in the turned frame
  std::vector<Rect> redactions;       // in the edited frame (crop.w x crop.h)
};
Result<EditPlan> plan_edit(const PhotoEdit& edit, int upright_w, int upright_h);

// The edited photo: turned, cropped, the regions pixelated (redact.hpp rules).
Result<Image> apply_edit(Image upright, const PhotoEdit& edit);

// Editing steps that keep what was done so far where the resident put it:
// a turn carries the crop and the regions round with the photo; a new crop
// maps the regions into it (those left outside are dropped); a region is
// clipped to the photo (an empty one changes nothing).
PhotoEdit turn_edit(const PhotoEdit& edit, int clockwise_quarter_turns);
PhotoEdit crop_edit(const PhotoEdit& edit, RectF crop_of_turned);
PhotoEdit add_region(const PhotoEdit& edit, RectF region_of_edited);
// A rectangle spanned by two corners in any order, clipped to 0..1.
RectF span(float x0, float y0, float x1, float y1);

// The stored pixel that edited pixel (x, y) shows, before any pixelation:
// the geometry the preview shader reproduces. `orientation` is the EXIF one
// of the stored photo (stored_w x stored_h).
struct Point {
  int x = 0, y = 0;
};
Point edit_source_pixel(int x, int y, int stored_w, int stored_h, int orientation, const EditPlan& plan);

}  // namespace civic::media
