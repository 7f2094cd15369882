// ui/ui.hpp — the Dear ImGui screens shared by the web app and the kiosk.
// They draw core's app::State and report what the resident does as Events;
// they hold no business logic. Shells (web/, native/) call, per frame:
//   civic::ui::draw(state, dispatch);
// after ImGui::NewFrame(), and read semantic_nodes() for tests and the
// accessible DOM layer.
//
// Coordinates: ImGui's display coordinates are framebuffer pixels
// (io.DisplayFramebufferScale = 1); the UI multiplies every size by
// Presentation::dpi_scale itself, so a 48 CSS px target is 144 px at 3x.
// Dispatch must QUEUE events: the shell applies them with app::update() after
// the frame, never while draw() is still reading the State.
#pragma once
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "core/app/event.hpp"
#include "core/app/state.hpp"

namespace civic::ui {

using Dispatch = std::function<void(const app::Event&)>;

// How the shell wants the UI presented.
struct Presentation {
  float dpi_scale = 1.0f;      // framebuffer pixels per CSS px / logical px
  bool large_text = false;     // elderly mode: >= 1.5x text (kiosk default)
  bool high_contrast = false;
  bool kiosk = false;          // 9 mm touch targets, no hover effects
  bool lazy_glyphs = false;    // web: the atlas holds what is drawn, rebuilt as text appears (glyphs.hpp)
};

// Loads the CJK font subset (build/<preset>/fonts/civic-cjk.ttf, copied to
// build/web/fonts for the web) into ImGui's atlas and sets the theme.
// Returns false, keeping ImGui's default font, when the file cannot be read.
// With lazy_glyphs, call it again whenever glyphs::rebuild_wanted() after a
// frame (then recreate the font texture), outside ImGui's frame.
bool setup(const Presentation& p, const std::string& font_path);

// A font's bytes kept in memory under a name that setup() and
// glyphs::add_fallback_font() then take in place of a file's path (web: the
// fetched fonts; the wasm has no file system). Replaces what the name held.
void provide_font(const std::string& name, std::vector<unsigned char> bytes);

// Server text this State holds that the screens will draw (the catalogue's
// group and service names): with lazy glyphs its characters are requested
// now, so a shell that checks glyphs::rebuild_wanted() before drawing builds
// the atlas once, before the frame that first shows them (web: the first
// interactive frame is not drawn twice). Call it when Catalog::revision
// moves, not every frame: it walks every name. A no-op without lazy glyphs.
void expect_text(const app::State& state);

// Draws one frame of the whole app into the current ImGui frame.
void draw(const app::State& state, const Dispatch& dispatch);

// The colour under every screen (RGBA, 0..1) as the last draw() themed it:
// shells clear the framebuffer with it before rendering. The full-screen
// window draws no background of its own — on a software GPU (a phone
// without WebGL acceleration, headless Chromium's SwiftShader) shading the
// whole canvas once more cost more than the rest of the frame.
std::array<float, 4> background();

// One interactive element as assistive technology and tests see it.
struct SemanticNode {
  std::string id;      // stable across frames and languages, e.g. "group/2"
  std::string role;    // button, link, textbox, checkbox, heading, status, alert
  std::string name;    // accessible name in the current language
  std::string value;
  std::string description;   // heard after name and value: a card's subtitle beside its badge
  bool disabled = false, invalid = false, checked = false;
  float x = 0, y = 0, w = 0, h = 0;   // in ImGui display coordinates
  // Layout facts for the UI tests (not published to the DOM layer): the
  // pixel size the node's text is drawn at, and, for text drawn on one line
  // (button labels, switch labels, badges), its width and the room it has
  // inside the rectangle. text_room 0: the text wraps (or there is none).
  float text_px = 0, text_w = 0, text_room = 0;
};

// The nodes drawn in the last frame, and the same as JSON for shells.
const std::vector<SemanticNode>& semantic_nodes();
std::string semantic_nodes_json();
const SemanticNode* find_node(const std::string& id);   // nullptr when not drawn

// Drive the UI as a finger or a screen reader would, by semantic id: the next
// frame's draw() presses that control (or puts text into that textbox) and
// dispatches exactly the Event a real tap would. Unknown ids are dropped.
void activate(const std::string& id);
void set_text(const std::string& id, const std::string& text);
// The next frame scrolls the screen so the control with that semantic id is
// in view (tests' screenshots; assistive tech moving focus off screen).
void scroll_to(const std::string& id);

// True when the last draw() changed what the UI shows without an Event (the
// kiosk's on-screen keyboard: a key pressed, a field focused): draw again.
bool needs_redraw();

// A kiosk session ended: overwrite and forget every copy of what the resident
// typed that the UI holds (ImGui's edit buffers and undo, queued characters,
// the semantic nodes, the receipt view). The next frame draws the clean State.
void wipe_resident_traces();

// The presentation given to setup() (shells may change dpi_scale at runtime,
// e.g. when the browser's zoom changes; fonts are not rebuilt).
Presentation& presentation();

}  // namespace civic::ui
