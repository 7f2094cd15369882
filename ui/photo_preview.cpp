// ui/photo_preview.cpp — the renderer registry and the quad for an edit
// (see photo_preview.hpp). The edit's fractions become pixels of the
// preview exactly as core/media/edit.cpp's plan_edit does for any size.
#include "ui/photo_preview.hpp"

#include "core/media/orient.hpp"

namespace civic::ui {

namespace {
std::optional<PhotoRenderer> g_renderer;
}

void set_photo_renderer(PhotoRenderer r) { g_renderer = std::move(r); }
const PhotoRenderer* photo_renderer() { return g_renderer && g_renderer->render ? &*g_renderer : nullptr; }

std::optional<PhotoQuad> photo_quad(const std::string& id, const PhotoPixels& px, const media::PhotoEdit& edit) {
  if (px.width <= 0 || px.height <= 0) return std::nullopt;
  const bool swap = media::orientation_swaps_axes(px.orientation);
  auto plan = media::plan_edit(edit, swap ? px.height : px.width, swap ? px.width : px.height);
  if (!plan) return std::nullopt;
  PhotoQuad q;
  q.id = id;
  q.stored_w = px.width;
  q.stored_h = px.height;
  q.orientation = px.orientation;
  q.turns = plan->quarter_turns;
  q.crop = plan->crop;
  q.out_w = plan->crop.w;
  q.out_h = plan->crop.h;
  q.regions = plan->redactions;
  return q;
}

}  // namespace civic::ui
