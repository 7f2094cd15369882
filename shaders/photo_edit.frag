// shaders/photo_edit.frag — the photo editor's preview: EXIF orientation,
// the resident's quarter turns and crop, and pixelated regions, drawn into a
// target of the edited size (row 0 of the edited photo at gl_FragCoord.y
// 0.5, which is the first row glReadPixels returns and the top row ImGui
// shows with uv (0,0)-(1,1)). The CPU reference is core/media/edit.cpp
// (edit_source_pixel, redact.cpp's pixelate): same integer maps, same
// blocks, the mean rounded half up; tests/shaders/photo_gpu_test compares
// the two. Blocks wider than kMaxTaps texels are averaged over a grid of
// kMaxTaps x kMaxTaps samples (a preview at interactive rates; the uploaded
// pixels always come from the CPU path). Overlapping regions are not
// re-pixelated in turn as the CPU does: the first region holding a pixel wins.
precision highp float;
precision highp int;

uniform sampler2D u_image;     // stored pixels, RGBA8, read with texelFetch
uniform ivec2 u_stored;        // stored width, height
uniform int u_orientation;     // EXIF 1..8
uniform int u_turns;           // clockwise quarter turns, 0..3
uniform ivec4 u_crop;          // x, y, w, h in the turned frame
uniform int u_regions;         // how many of u_region are used
uniform ivec4 u_region[16];    // x, y, w, h in the edited frame

out vec4 frag_color;

const int kMaxTaps = 24;

// Display pixel d of an image shown with EXIF orientation o, whose pixels
// are stored W x H: the stored pixel it comes from (core/media/orient.cpp).
ivec2 to_stored(ivec2 d, int W, int H, int o) {
  if (o == 2) return ivec2(W - 1 - d.x, d.y);
  if (o == 3) return ivec2(W - 1 - d.x, H - 1 - d.y);
  if (o == 4) return ivec2(d.x, H - 1 - d.y);
  if (o == 5) return ivec2(d.y, d.x);
  if (o == 6) return ivec2(d.y, H - 1 - d.x);
  if (o == 7) return ivec2(W - 1 - d.y, H - 1 - d.x);
  if (o == 8) return ivec2(W - 1 - d.y, d.x);
  return d;
}

int turn_orientation(int q) {
  if (q == 1) return 6;
  if (q == 2) return 3;
  if (q == 3) return 8;
  return 1;
}

// Edited pixel e → stored texel (core/media/edit.cpp: edit_source_pixel).
vec3 edited_texel(ivec2 e) {
  ivec2 t = e + u_crop.xy;
  bool swap = u_orientation >= 5;
  int uw = swap ? u_stored.y : u_stored.x;
  int uh = swap ? u_stored.x : u_stored.y;
  ivec2 u = to_stored(t, uw, uh, turn_orientation(u_turns));
  ivec2 s = to_stored(u, u_stored.x, u_stored.y, u_orientation);
  return floor(texelFetch(u_image, s, 0).rgb * 255.0 + 0.5);
}

void main() {
  ivec2 e = ivec2(gl_FragCoord.xy);
  for (int i = 0; i < 16; ++i) {
    if (i >= u_regions) break;
    ivec4 r = u_region[i];
    if (e.x < r.x || e.y < r.y || e.x >= r.x + r.z || e.y >= r.y + r.w) continue;
    int side = max(8, (max(r.z, r.w) + 5) / 6);
    ivec2 b0 = r.xy + ((e - r.xy) / side) * side;
    ivec2 b1 = min(b0 + side, r.xy + r.zw);
    ivec2 n = b1 - b0;
    ivec2 step = (n + (kMaxTaps - 1)) / kMaxTaps;
    vec3 sum = vec3(0.0);
    float count = 0.0;
    for (int y = b0.y; y < b1.y; y += step.y)
      for (int x = b0.x; x < b1.x; x += step.x) {
        sum += edited_texel(ivec2(x, y));
        count += 1.0;
      }
    frag_color = vec4(floor(sum / count + 0.5) / 255.0, 1.0);
    return;
  }
  frag_color = vec4(edited_texel(e) / 255.0, 1.0);
}
