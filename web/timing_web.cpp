// web/timing_web.cpp — see timing_web.hpp.
#include "timing_web.hpp"

#include <emscripten.h>

#include <cmath>

namespace civic::web::timing {

namespace {

EM_JS(void, civic_perf_mark, (const char* name), {
  if (typeof performance !== 'undefined' && performance.mark) performance.mark(UTF8ToString(name));
});
EM_JS(void, civic_perf_measure, (const char* name, double start, double end, int frame, double fill, int cmds), {
  if (typeof performance === 'undefined' || !performance.measure) return;
  const detail = frame < 0 ? null : {frame : frame, fill : fill, cmds : cmds};
  try {
    performance.measure(UTF8ToString(name), {start : start, end : Math.max(start, end), detail : detail});
  } catch (e) {
    // An older browser without the options form: the figures are only for benchmarks.
  }
});

// The triangles' area over the framebuffer's (clipped to each command's
// scissor rectangle's area at most): how many times a GPU shades the canvas.
double fill_ratio(const ImDrawData* d, int* cmds) {
  *cmds = 0;
  if (!d || d->DisplaySize.x <= 0 || d->DisplaySize.y <= 0) return 0;
  double area = 0;
  for (int n = 0; n < d->CmdListsCount; n++) {
    const ImDrawList* l = d->CmdLists[n];
    for (const ImDrawCmd& c : l->CmdBuffer) {
      if (c.UserCallback) continue;
      (*cmds)++;
      double tri = 0;
      for (unsigned i = 0; i + 2 < c.ElemCount; i += 3) {
        const ImVec2& a = l->VtxBuffer[c.VtxOffset + l->IdxBuffer[c.IdxOffset + i]].pos;
        const ImVec2& b = l->VtxBuffer[c.VtxOffset + l->IdxBuffer[c.IdxOffset + i + 1]].pos;
        const ImVec2& e = l->VtxBuffer[c.VtxOffset + l->IdxBuffer[c.IdxOffset + i + 2]].pos;
        tri += std::fabs((b.x - a.x) * (e.y - a.y) - (e.x - a.x) * (b.y - a.y)) / 2;
      }
      double clip = double(c.ClipRect.z - c.ClipRect.x) * double(c.ClipRect.w - c.ClipRect.y);
      area += clip > 0 && tri > clip ? clip : tri;
    }
  }
  return area / (double(d->DisplaySize.x) * double(d->DisplaySize.y));
}

}  // namespace

double now() { return emscripten_get_now(); }
void mark(const char* name) { civic_perf_mark(name); }
void measure(const char* name, double start_ms, double end_ms) { civic_perf_measure(name, start_ms, end_ms, -1, 0, 0); }

void frame(const Frame& f, const ImDrawData* draw) {
  if (f.frame >= kTracedFrames) return;
  int cmds = 0;
  double fill = fill_ratio(draw, &cmds);
  civic_perf_measure("civic-frame-build", f.build_start, f.build_end, f.frame, fill, cmds);
  civic_perf_measure("civic-frame-gl", f.build_end, f.gl_end, f.frame, fill, cmds);
  if (f.atlas_end > 0) civic_perf_measure("civic-frame-atlas", f.atlas_start, f.atlas_end, f.frame, fill, cmds);
}

void presented(int frame, double since_ms) {
  if (frame < kTracedFrames) civic_perf_measure("civic-frame-present", since_ms, now(), frame, 0, 0);
}

}  // namespace civic::web::timing
