// ui/keyboard_state.hpp — what the on-screen keyboard remembers between
// frames (internal to ui/keyboard*.cpp): the focused field and its caret, the
// layout shown, the pinyin composition, and the edits waiting for the field.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/ime/composer.hpp"
#include "ui/keyboard.hpp"

namespace civic::ui::kb {

enum class Mode { latin, pinyin, digits, symbols };

struct Edit {
  std::string field;
  std::string insert;    // text to insert at the caret; empty = delete one character before it
};

struct KeyboardState {
  std::string target;            // semantic id of the focused textbox
  Input input = Input::text;
  bool multiline = false;
  size_t cursor = std::string::npos;   // caret in bytes; npos = end of the text
  Mode mode = Mode::pinyin;
  Mode letters = Mode::pinyin;   // the letter layout to return to from digits/symbols
  bool shift = false;
  ime::Composer composer;
  std::vector<Edit> edits;       // applied by before_field, in order
  std::vector<std::string> fields, fields_building;   // textboxes in drawing order (last frame, this frame)
  std::string scroll_to;         // field to bring into view (tapped under the keys, or after Enter)
  int scroll_frames = 0;
  float height = 0;
};

KeyboardState& state();
const ime::Dictionary* dictionary();

// Key actions (keyboard.cpp), called by the layouts (keyboard_draw.cpp).
void press_text(const std::string& text);   // a letter, digit or symbol
void press_letter(char lower);              // a–z (pinyin composes, Latin types)
void press_space();
void press_backspace();
void press_enter();
void press_apostrophe();
void choose_candidate(size_t index_on_page);
void set_mode(Mode m);
void hide();
void begin_keyboard_frame(const app::State& s);

}  // namespace civic::ui::kb
