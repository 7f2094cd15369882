// web/timing_web.hpp — performance marks and measures of the page's startup
// and first frames, read by tests/web/budget.bench.mjs (issue 8's "navigation
// to first interactive frame").
//
// Checklist:
//  [X] mark(name): a performance.mark at this instant (civic-main,
//      civic-catalog-requested, civic-catalog-applied, civic-font-in,
//      civic-first-frame, civic-first-interactive, civic-first-interactive-shown).
//  [X] measure(name, start, end): a performance.measure between two
//      performance.now() instants (civic-atlas, civic-frame-*).
//  [X] Per frame, for the first kTracedFrames frames: building the ImGui
//      frame, submitting it to WebGL (with the triangles' covered area as a
//      multiple of the canvas: the fragments a software GPU must shade), the
//      atlas rebuild when there was one, and the wait until the next
//      animation frame (the browser's commit: on SwiftShader, the drawing
//      itself and the read-back of the canvas).
// Limits: kTracedFrames bounds the entries (the page's performance buffer
// must not grow with every frame of a long visit).
#pragma once
#include <imgui.h>

namespace civic::web::timing {

inline constexpr int kTracedFrames = 24;

double now();   // performance.now(), ms
void mark(const char* name);
void measure(const char* name, double start_ms, double end_ms);

// One frame's figures (frame: 0-based count of frames drawn).
struct Frame {
  int frame = 0;
  double build_start = 0, build_end = 0;   // NewFrame .. Render
  double gl_end = 0;                       // RenderDrawData returned
  double atlas_start = 0, atlas_end = 0;   // 0 when the atlas was not rebuilt
};
void frame(const Frame& f, const ImDrawData* draw);
// The animation frame after a drawn one began: how long the browser took.
void presented(int frame, double since_ms);

}  // namespace civic::web::timing
