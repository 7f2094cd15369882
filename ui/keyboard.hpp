// ui/keyboard.hpp — the kiosk's on-screen keyboard, drawn with ImGui (a
// fullscreen kiosk window hides the system's own keyboard).
//  [x] layouts: digit pad (phone and number fields), Latin letters with
//      shift, symbols (ASCII and Chinese punctuation), pinyin with a
//      candidate bar (pages, tap to choose, Space = first candidate)
//  [x] appears when a textbox is focused in kiosk mode (Presentation::kiosk);
//      edits that textbox like typing: insert at the caret, Backspace,
//      Enter = next field (the last field hides the keyboard)
//  [x] every key is a semantic node ("key/a", "key/backspace",
//      "key/mode/pinyin", "cand/0", "cand/next"…), ≥ one kiosk touch target
//  [x] a physical keyboard and system IMEs keep working: ImGui's own text
//      editing is untouched while the field has ImGui focus
//  [ ] word prediction after a commit; user dictionary (never: a kiosk is
//      shared, nothing a resident types may be learnt or kept)
#pragma once
#include <string>
#include <string_view>

#include "core/app/state.hpp"
#include "core/result.hpp"

namespace civic::ime {
struct Dictionary;
}

namespace civic::ui::kb {

enum class Input { text, digits };

// Makes the screens show the keyboard when a field is tapped in kiosk mode.
// Shells without it (the web app, which has the phone's own keyboard) do not
// call this and link none of it.
void install();

// The pinyin dictionary (core/ime) as generated at build time; words the
// loaded font cannot draw are left out. Without it the pinyin key is disabled.
Result<bool> load_dictionary(std::string_view bytes);
bool has_dictionary();
// The loaded dictionary, or nullptr (the service search reads its pinyin).
const ime::Dictionary* loaded_dictionary();

// Draws the keyboard (when a field is focused) at the bottom of the display.
// Called by ui::draw() before the screen, so a key's edit reaches the field
// in the same frame.
void draw(const app::State& state);
// Pixels the keyboard covers at the bottom (0 when hidden): the screen pads
// its scrolling column by this much so no field hides behind the keys.
float height();

// Called by w::text_input in kiosk mode. before_field applies the keys
// pressed for this field to *text (true when it changed); after_field
// reports the ImGui item just drawn.
struct FieldReport {
  Input input = Input::text;
  bool multiline = false;
  bool activated = false;     // tapped this frame (mouse or ui::activate)
  bool imgui_active = false;  // ImGui is editing it (physical keyboard)
  int imgui_cursor = -1;      // ImGui's caret (bytes) while active
};
bool before_field(const std::string& id, std::string* text);
void after_field(const std::string& id, const std::string& text, const FieldReport& r);

// True when this frame changed what the keyboard shows (a key pressed, a
// field focused): the shell must draw one more frame to show it.
bool changed_this_frame();

// The semantic id of the textbox the keyboard types into ("" when hidden).
const std::string& target();
// Ends any composition and hides the keyboard (a new session, a new screen).
void reset();

}  // namespace civic::ui::kb
