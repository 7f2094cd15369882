// tests/shaders/photo_gpu_test.cpp — the photo editor's GPU preview
// (shaders/photo_edit.frag through shaders/photo_preview_gl, GL 3.3 core)
// against core/media's CPU reference (apply_orientation + apply_edit), run
// under xvfb-run with Mesa llvmpipe. Pictures are deterministic noise, so
// any pixel taken from the wrong place differs by far more than the bound.
//
// Bound: max |GPU - CPU| <= 1 per channel. Geometry is an integer map on
// both sides (texelFetch, no filtering) and must match exactly; the block
// mean is a float sum / n rounded half up on the GPU and an integer
// (sum + n/2) / n on the CPU: the same value unless the GPU's division is
// off by an ulp right at a .5, which moves the result by at most 1. A
// turn in the wrong direction, a mirrored axis or a crop off by one pixel
// gives differences near 255 on noise: the last case checks that the
// comparison does see such an error.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstdlib>

#include "core/media/edit.hpp"
#include "core/media/orient.hpp"
#include "shaders/photo_preview_gl.hpp"

using namespace civic;

namespace {

shaders::PhotoPreviewGl* g_gl = nullptr;

media::Image noise(int w, int h, std::uint32_t seed) {
  media::Image img = media::make_image(w, h);
  for (auto& b : img.rgb) {
    seed = seed * 1664525u + 1013904223u;
    b = static_cast<std::uint8_t>(seed >> 24);
  }
  return img;
}

std::vector<std::uint8_t> rgba_of(const media::Image& img) {
  std::vector<std::uint8_t> out;
  out.reserve(img.rgb.size() / 3 * 4);
  for (std::size_t i = 0; i < img.rgb.size(); i += 3) out.insert(out.end(), {img.rgb[i], img.rgb[i + 1], img.rgb[i + 2], 255});
  return out;
}

// Max per-channel difference of the GPU preview from the CPU reference;
// -1 when the sizes differ or the GPU could not draw.
int max_diff(const media::Image& stored, int orientation, const media::PhotoEdit& edit, int* cpu_w = nullptr) {
  g_gl->set_pixels("p", stored.width, stored.height, orientation, rgba_of(stored).data());
  auto quad = ui::photo_quad("p", {stored.width, stored.height, orientation}, edit);
  REQUIRE(quad.has_value());
  auto cpu = media::apply_edit(media::apply_orientation(stored, orientation), edit);
  REQUIRE(cpu);
  if (cpu_w) *cpu_w = cpu->width;
  std::vector<std::uint8_t> gpu;
  if (!g_gl->read(*quad, &gpu)) return -1;
  if (quad->out_w != cpu->width || quad->out_h != cpu->height || gpu.size() != cpu->rgb.size()) return -1;
  int worst = 0;
  for (std::size_t i = 0; i < gpu.size(); ++i) worst = std::max(worst, std::abs(int(gpu[i]) - int(cpu->rgb[i])));
  return worst;
}

}  // namespace

TEST_CASE("every EXIF orientation and turn, with a crop and two hidden regions") {
  const media::Image stored = noise(90, 62, 7);
  for (int o = 1; o <= 8; ++o)
    for (int q = 0; q < 4; ++q) {
      SUBCASE(("orientation " + std::to_string(o) + ", " + std::to_string(q) + " turns").c_str()) {
        media::PhotoEdit plain;
        plain.quarter_turns = q;
        CHECK(max_diff(stored, o, plain) <= 1);
        CHECK(max_diff(stored, o, plain) >= 0);
        media::PhotoEdit e = plain;
        e.crop = {0.1f, 0.15f, 0.7f, 0.6f};
        e.redactions = {{0.05f, 0.1f, 0.4f, 0.3f}, {0.55f, 0.5f, 0.35f, 0.45f}};
        const int d = max_diff(stored, o, e);
        CHECK(d >= 0);
        CHECK(d <= 1);
      }
    }
}

TEST_CASE("blocks of every size up to the exact-mean limit") {
  const media::Image stored = noise(160, 150, 3);
  struct Row {
    const char* name;
    media::RectF region;
  };
  const Row rows[] = {
      {"a small region: 8 px blocks, a partial block at the edge", {0.1f, 0.1f, 0.13f, 0.09f}},
      {"a region 144 px wide: 24 px blocks", {0.05f, 0.02f, 0.9f, 0.5f}},
      {"144 x 144 from the corner: 24 px blocks, the last limit of exact means", {0, 0, 0.9f, 0.96f}},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      media::PhotoEdit e;
      e.redactions = {row.region};
      const int d = max_diff(stored, 1, e);
      CHECK(d >= 0);
      CHECK(d <= 1);
    }
  }
}

TEST_CASE("the comparison sees a preview that turns the wrong way") {
  // The GPU is asked for 3 turns, the CPU reference made with 1: on noise
  // the two must differ hugely (the test above would have failed).
  const media::Image stored = noise(64, 64, 11);
  media::PhotoEdit gpu_edit;
  gpu_edit.quarter_turns = 3;
  media::PhotoEdit cpu_edit;
  cpu_edit.quarter_turns = 1;
  g_gl->set_pixels("p", 64, 64, 1, rgba_of(stored).data());
  auto quad = ui::photo_quad("p", {64, 64, 1}, gpu_edit);
  REQUIRE(quad);
  std::vector<std::uint8_t> gpu;
  REQUIRE(g_gl->read(*quad, &gpu));
  auto cpu = media::apply_edit(stored, cpu_edit);
  REQUIRE(cpu);
  int worst = 0;
  for (std::size_t i = 0; i < gpu.size(); ++i) worst = std::max(worst, std::abs(int(gpu[i]) - int(cpu->rgb[i])));
  CHECK(worst > 100);
}

int main(int argc, char** argv) {
  if (!glfwInit()) {
    std::fprintf(stderr, "photo_gpu_test: no display (run under xvfb-run -a)\n");
    return 1;
  }
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  GLFWwindow* win = glfwCreateWindow(64, 64, "photo_gpu_test", nullptr, nullptr);
  if (!win) {
    std::fprintf(stderr, "photo_gpu_test: no GL 3.3 core context\n");
    return 1;
  }
  glfwMakeContextCurrent(win);
  shaders::PhotoPreviewGl gl;
  if (!gl.init(shaders::GlFlavor::gl33_core)) {
    std::fprintf(stderr, "photo_gpu_test: %s\n", gl.error().c_str());
    return 1;
  }
  g_gl = &gl;
  doctest::Context ctx(argc, argv);
  const int rc = ctx.run();
  gl.shutdown();
  glfwDestroyWindow(win);
  glfwTerminate();
  return rc;
}
