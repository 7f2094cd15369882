// shaders/photo_preview_gl.cpp — see photo_preview_gl.hpp. Plain GL calls
// that GL 3.3 core and WebGL2 share; the only difference is the #version
// line (and GLSL ES wants precision qualifiers, which the body carries).
#include "shaders/photo_preview_gl.hpp"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif

#include <algorithm>

namespace civic::shaders {

extern const char* const kPhotoEditVert;
extern const char* const kPhotoEditFrag;

namespace {

GLuint compile(GLenum kind, const std::string& source, std::string* log) {
  GLuint s = glCreateShader(kind);
  const char* text = source.c_str();
  glShaderSource(s, 1, &text, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char buf[2048];
    GLsizei n = 0;
    glGetShaderInfoLog(s, sizeof buf, &n, buf);
    *log = std::string(kind == GL_VERTEX_SHADER ? "photo_edit.vert: " : "photo_edit.frag: ") + std::string(buf, n);
    glDeleteShader(s);
    return 0;
  }
  return s;
}

// The GL state render() touches, put back afterwards (ImGui's renderer
// sets its own each frame, but a shell may be mid-frame).
struct SavedState {
  GLint fbo = 0, program = 0, texture = 0, vao = 0, active = 0, viewport[4] = {0, 0, 0, 0};
  GLboolean blend = GL_FALSE, scissor = GL_FALSE;
  SavedState() {
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &fbo);
    glGetIntegerv(GL_CURRENT_PROGRAM, &program);
    glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
    glActiveTexture(GL_TEXTURE0);
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture);
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao);
    glGetIntegerv(GL_VIEWPORT, viewport);
    blend = glIsEnabled(GL_BLEND);
    scissor = glIsEnabled(GL_SCISSOR_TEST);
  }
  ~SavedState() {
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(fbo));
    glUseProgram(static_cast<GLuint>(program));
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture));
    glActiveTexture(static_cast<GLenum>(active));
    glBindVertexArray(static_cast<GLuint>(vao));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    if (blend) glEnable(GL_BLEND);
    if (scissor) glEnable(GL_SCISSOR_TEST);
  }
};

}  // namespace

bool PhotoPreviewGl::init(GlFlavor flavor) {
  const std::string version = flavor == GlFlavor::gl33_core ? "#version 330 core\n" : "#version 300 es\n";
  GLuint vs = compile(GL_VERTEX_SHADER, version + kPhotoEditVert, &error_);
  if (!vs) return false;
  GLuint fs = compile(GL_FRAGMENT_SHADER, version + kPhotoEditFrag, &error_);
  if (!fs) {
    glDeleteShader(vs);
    return false;
  }
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char buf[2048];
    GLsizei n = 0;
    glGetProgramInfoLog(program_, sizeof buf, &n, buf);
    error_ = "photo_edit: " + std::string(buf, n);
    glDeleteProgram(program_);
    program_ = 0;
    return false;
  }
  u_image_ = glGetUniformLocation(program_, "u_image");
  u_stored_ = glGetUniformLocation(program_, "u_stored");
  u_orientation_ = glGetUniformLocation(program_, "u_orientation");
  u_turns_ = glGetUniformLocation(program_, "u_turns");
  u_crop_ = glGetUniformLocation(program_, "u_crop");
  u_regions_ = glGetUniformLocation(program_, "u_regions");
  u_region_ = glGetUniformLocation(program_, "u_region");
  glGenVertexArrays(1, &vao_);   // core profile: a draw needs a VAO, even an empty one
  return true;
}

void PhotoPreviewGl::shutdown() {
  for (auto& [id, p] : photos_) {
    (void)id;
    glDeleteTextures(1, &p.texture);
    if (p.target) glDeleteTextures(1, &p.target);
    if (p.fbo) glDeleteFramebuffers(1, &p.fbo);
  }
  photos_.clear();
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (program_) glDeleteProgram(program_);
  vao_ = program_ = 0;
}

void PhotoPreviewGl::set_pixels(const std::string& id, int width, int height, int orientation,
                                const std::uint8_t* rgba) {
  if (width <= 0 || height <= 0 || !rgba) return;
  forget(id);
  SavedState saved;
  Photo p;
  p.px = {width, height, orientation};
  glGenTextures(1, &p.texture);
  glBindTexture(GL_TEXTURE_2D, p.texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  // Rows top first: texel (x, y) is stored pixel (x, y), as texelFetch reads it.
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  photos_[id] = p;
}

void PhotoPreviewGl::forget(const std::string& id) {
  auto it = photos_.find(id);
  if (it == photos_.end()) return;
  glDeleteTextures(1, &it->second.texture);
  if (it->second.target) glDeleteTextures(1, &it->second.target);
  if (it->second.fbo) glDeleteFramebuffers(1, &it->second.fbo);
  photos_.erase(it);
}

std::optional<ui::PhotoPixels> PhotoPreviewGl::pixels(const std::string& id) const {
  auto it = photos_.find(id);
  if (it == photos_.end()) return std::nullopt;
  return it->second.px;
}

std::uintptr_t PhotoPreviewGl::render(const ui::PhotoQuad& q) {
  auto it = photos_.find(q.id);
  if (!program_ || it == photos_.end() || q.out_w <= 0 || q.out_h <= 0) return 0;
  Photo& p = it->second;
  SavedState saved;
  if (p.target_w != q.out_w || p.target_h != q.out_h || !p.target) {
    if (p.target) glDeleteTextures(1, &p.target);
    if (p.fbo) glDeleteFramebuffers(1, &p.fbo);
    glGenTextures(1, &p.target);
    glBindTexture(GL_TEXTURE_2D, p.target);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, q.out_w, q.out_h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &p.fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, p.fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, p.target, 0);
    p.target_w = q.out_w;
    p.target_h = q.out_h;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, p.fbo);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) return 0;
  glViewport(0, 0, q.out_w, q.out_h);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glUseProgram(program_);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, p.texture);
  glUniform1i(u_image_, 0);
  glUniform2i(u_stored_, p.px.width, p.px.height);
  glUniform1i(u_orientation_, p.px.orientation);
  glUniform1i(u_turns_, q.turns);
  glUniform4i(u_crop_, q.crop.x, q.crop.y, q.crop.w, q.crop.h);
  const int n = static_cast<int>(std::min<std::size_t>(q.regions.size(), 16));
  glUniform1i(u_regions_, n);
  if (n > 0) {
    std::vector<GLint> r;
    for (int i = 0; i < n; ++i) r.insert(r.end(), {q.regions[i].x, q.regions[i].y, q.regions[i].w, q.regions[i].h});
    glUniform4iv(u_region_, n, r.data());
  }
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  return p.target;
}

bool PhotoPreviewGl::read(const ui::PhotoQuad& q, std::vector<std::uint8_t>* rgb) {
  if (!render(q)) return false;
  SavedState saved;
  glBindFramebuffer(GL_FRAMEBUFFER, photos_[q.id].fbo);
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(q.out_w) * q.out_h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, q.out_w, q.out_h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  // Row 0 of the edited photo is at gl_FragCoord.y 0.5: the first row read.
  rgb->resize(static_cast<std::size_t>(q.out_w) * q.out_h * 3);
  for (std::size_t i = 0, n = static_cast<std::size_t>(q.out_w) * q.out_h; i < n; ++i)
    for (int c = 0; c < 3; ++c) (*rgb)[i * 3 + c] = rgba[i * 4 + c];
  return glGetError() == GL_NO_ERROR;
}

}  // namespace civic::shaders
