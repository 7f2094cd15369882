// shaders/photo_edit.vert — one triangle that covers the target; no vertex
// buffers (gl_VertexID 0, 1, 2). The #version line is prepended when the
// program is compiled: "#version 330 core" (kiosk, GL 3.3 core) or
// "#version 300 es" (WebGL2): this body is valid in both.
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
