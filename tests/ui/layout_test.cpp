// tests/ui/layout_test.cpp — presentation checks on every screen of
// screen_walk.hpp, in zh-CN and en, in normal and large text, on the phone
// (390×844 CSS px at dpr 3) and the kiosk (1080×1920): every semantic node
// lies inside the viewport (below the fold counts when the column scrolls
// there), controls are at least one touch target (48 CSS px; 64 px on the
// hall screen, ≥ 9 mm), one-line text fits its control, no character is
// missing from the font (no tofu boxes), no two controls overlap, and large
// text is at least 1.5× normal text. The last case draws a deliberately
// broken screen and checks that each check fires.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/ui/screen_walk.hpp"
#include "ui/keyboard.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

using namespace civic;
using civic::test::FakeServer;
using civic::test::UiHarness;

namespace {

struct FormFactor {
  const char* name;
  float w, h, dpi;
  bool kiosk;
  float min_target;   // px: 48 CSS px on the phone, the theme's 64 px (≥ 9 mm) on the hall screen
};
const FormFactor kPhone{"phone", 390 * 3, 844 * 3, 3, false, 48 * 3};
const FormFactor kKiosk{"kiosk", 1080, 1920, 1, true, ui::theme::kKioskTouchPx};

bool interactive(const ui::SemanticNode& n) {
  return n.role == "button" || n.role == "checkbox" || n.role == "textbox" || n.role == "link";
}

// Overlays draw over the screen on purpose: compare nodes within one layer.
int layer(const std::string& id) {
  if (id.rfind("session/", 0) == 0) return 2;
  if (id.rfind("key/", 0) == 0 || id.rfind("cand/", 0) == 0 || id.rfind("ime/", 0) == 0) return 1;
  return 0;
}

// How far the scrolling column reaches below the display (0: it all fits).
float column_overflow() {
  for (ImGuiWindow* win : GImGui->Windows)
    if (std::strstr(win->Name, "/column") != nullptr) return win->ScrollMax.y;
  return 0;
}

// Every code point the font would draw as its fallback box.
std::string missing_glyphs(const std::string& text) {
  std::string missing;
  ImFont* font = ImGui::GetFont();
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    unsigned int c = 0;
    int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    if (c >= 0x20 && c != 0x7F && (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))))
      missing += std::string(p, static_cast<size_t>(n));
    p += n;
  }
  return missing;
}

// What is wrong with the last frame's layout, one line per problem.
std::vector<std::string> layout_problems(const FormFactor& ff) {
  std::vector<std::string> out;
  const auto& nodes = ui::semantic_nodes();
  const float W = ImGui::GetIO().DisplaySize.x, H = ImGui::GetIO().DisplaySize.y + column_overflow();
  const float eps = 0.5f;
  auto where = [](const ui::SemanticNode& n) {
    std::ostringstream o;
    o << n.id << " \"" << n.name << "\" [" << n.x << "," << n.y << " " << n.w << "x" << n.h << "]";
    return o.str();
  };
  for (const auto& n : nodes) {
    if (n.x < -eps || n.y < -eps || n.x + n.w > W + eps || n.y + n.h > H + eps)
      out.push_back("outside the viewport: " + where(n));
    if (interactive(n) && (n.w < ff.min_target - eps || n.h < ff.min_target - eps))
      out.push_back("touch target below " + std::to_string(int(ff.min_target)) + " px: " + where(n));
    if (n.text_room > 0 && n.text_w > n.text_room + eps)
      out.push_back("text wider than its control (" + std::to_string(int(n.text_w)) + " > " +
                    std::to_string(int(n.text_room)) + " px): " + where(n));
    if (n.text_room < 0) out.push_back("no room for text: " + where(n));
    std::string missing = missing_glyphs(n.name) + missing_glyphs(n.value);
    if (!missing.empty()) out.push_back("not in the font: \"" + missing + "\" in " + where(n));
  }
  for (size_t i = 0; i < nodes.size(); ++i)
    for (size_t k = i + 1; k < nodes.size(); ++k) {
      const auto &a = nodes[i], &b = nodes[k];
      if (!interactive(a) || !interactive(b) || layer(a.id) != layer(b.id)) continue;
      float ix = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
      float iy = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
      if (ix > eps && iy > eps) out.push_back("overlap: " + where(a) + " and " + where(b));
    }
  return out;
}

void load_keyboard() {
  ui::kb::install();
  if (ui::kb::has_dictionary()) return;
  std::ifstream f(CIVIC_PINYIN_DICT, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  REQUIRE(ui::kb::load_dictionary(ss.str()).ok());
}

struct Seen {
  std::map<std::string, float> text_px;   // node id → text size, for the large-text check
};

void walk_form_factor(const FormFactor& ff) {
  UiHarness h(ff.w, ff.h, ff.dpi, false, ff.kiosk);
  if (ff.kiosk) load_keyboard();
  for (const auto& step : test::screen_walk()) {
    if (step.kiosk_only && !ff.kiosk) continue;
    if (step.phone_only && ff.kiosk) continue;
    for (Lang lang : {Lang::zh_CN, Lang::en}) {
      std::map<bool, Seen> seen;
      for (bool large : {false, true}) {
        std::string name = std::string(ff.name) + " " + step.name + " " + std::string(lang_tag(lang)) +
                           (large ? " large" : "");
        CAPTURE(name);
        h.restart();
        ui::kb::reset();
        FakeServer server;
        test::walk::home(h, server, lang, app::Settings{large, false});
        step.go(h, server);
        h.frames();
        REQUIRE_MESSAGE(h.has(step.expect), ui::semantic_nodes_json());
        for (const auto& problem : layout_problems(ff)) FAIL_CHECK(problem);
        for (const auto& n : ui::semantic_nodes()) seen[large].text_px[n.id] = n.text_px;
      }
      // Large text: every node's text at least 1.5× its normal size.
      for (const auto& [id, px] : seen[true].text_px) {
        auto normal = seen[false].text_px.find(id);
        if (normal == seen[false].text_px.end()) continue;
        CHECK_MESSAGE(px >= normal->second * 1.5f - 0.01f, std::string(ff.name) << " " << std::string(step.name) << " " << lang_tag(lang)
                                                                   << " " << id << ": " << normal->second << " → "
                                                                   << px << " px");
      }
    }
  }
}

}  // namespace

TEST_CASE("layout: every screen fits the phone in both languages, normal and large text") {
  walk_form_factor(kPhone);
}

TEST_CASE("layout: every screen fits the hall kiosk in both languages, normal and large text") {
  walk_form_factor(kKiosk);
}

// The checks themselves: a screen broken on purpose, one fault per row.
TEST_CASE("layout: the checks catch a deliberately broken screen") {
  UiHarness h(kPhone.w, kPhone.h, kPhone.dpi, false, false);
  h.restart();
  h.apply(app::Started{"http://civic.test/open311/v2/", Lang::en, {}});
  struct Row {
    const char* name;
    std::function<void()> draw;
    const char* expect;
  };
  const Row rows[] = {
      {"a button narrower than its label", [] { ui::w::button("narrow", "Submit your concern now", ui::w::Kind::normal, 200); },
       "text wider than its control"},
      {"a button below the touch target", [] {
         ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 2));
         ImGui::Button("tiny##tiny", ImVec2(60, 40));
         ImGui::PopStyleVar();
         ui::sem::add_for_last_item("tiny", "button", "tiny");
       },
       "touch target below"},
      {"a control pushed off the right edge", [] {
         ImGui::SetCursorPosX(ImGui::GetIO().DisplaySize.x);
         ui::w::button("off", "Off", ui::w::Kind::normal, 0);
       },
       "outside the viewport"},
      {"a badge that leaves its card's title no room", [] {
         ui::w::card("badge", "Noise", "", "A badge far too long to share a line with anything at all");
       },
       "text wider than its control"},
      {"a character the font lacks", [] { ui::w::button("emoji", "\xE2\x98\x83\xEF\xBF\xBD\xF0\x9F\x98\x80"); },
       "not in the font"},
      {"two controls on top of each other", [] {
         ImVec2 p = ImGui::GetCursorPos();
         ui::w::button("one", "One");
         ImGui::SetCursorPos(p);
         ui::w::button("two", "Two");
       },
       "overlap"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      ImGui::NewFrame();
      ui::theme::apply(ui::presentation(), h.state.settings);
      ui::w::set_frame({ui::theme::scale(ui::presentation(), h.state.settings),
                        ui::theme::touch_px(ui::presentation(), h.state.settings)});
      ui::sem::begin_frame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("broken", nullptr, ImGuiWindowFlags_NoDecoration);
      r.draw();
      ImGui::End();
      ui::sem::end_frame();
      ImGui::Render();
      auto problems = layout_problems(kPhone);
      bool found = false;
      for (const auto& p : problems) found |= p.find(r.expect) != std::string::npos;
      CHECK_MESSAGE(found, std::string(r.expect) << " not reported; got " << problems.size() << " problems in "
                                                 << ui::semantic_nodes_json());
    }
  }
}

TEST_CASE("layout: large text is at least 1.5x and the theme's text has 4.5:1 contrast") {
  struct Row {
    const char* name;
    bool high_contrast;
  };
  const Row rows[] = {{"calm palette", false}, {"high-contrast palette", true}};
  auto lum = [](ImU32 c) {
    auto ch = [](float v) { return v <= 0.03928f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); };
    ImVec4 f = ImGui::ColorConvertU32ToFloat4(c);
    return 0.2126f * ch(f.x) + 0.7152f * ch(f.y) + 0.0722f * ch(f.z);
  };
  auto ratio = [&](ImU32 a, ImU32 b) {
    float la = lum(a), lb = lum(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
  };
  UiHarness h(kPhone.w, kPhone.h, kPhone.dpi, false, false);
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      ui::theme::apply(ui::presentation(), app::Settings{false, r.high_contrast});
      const auto& c = ui::theme::palette();
      struct Pair { const char* what; ImU32 fg, bg; float min; };
      const Pair pairs[] = {
          {"text on background", c.text, c.bg, 4.5f},         {"text on a card", c.text, c.surface, 4.5f},
          {"text on a pressed card", c.text, c.surface_active, 4.5f},
          {"muted text on background", c.text_muted, c.bg, 4.5f},
          {"muted text on a card", c.text_muted, c.surface, 4.5f},
          {"button text on the accent", c.accent_text, c.accent, 4.5f},
          {"errors on background", c.error, c.bg, 4.5f},      {"errors on a card", c.error, c.surface, 4.5f},
          {"a field's border on a card (WCAG 1.4.11)", c.border, c.surface, 3.f},
          {"a switch's track on the background (WCAG 1.4.11)", c.border, c.bg, 3.f},
      };
      for (const auto& p : pairs) CHECK_MESSAGE(ratio(p.fg, p.bg) >= p.min, std::string(p.what) << ": " << ratio(p.fg, p.bg));
      float normal = ui::theme::scale(ui::presentation(), app::Settings{false, r.high_contrast});
      float large = ui::theme::scale(ui::presentation(), app::Settings{true, r.high_contrast});
      CHECK(large >= normal * 1.5f);
    }
  }
}
