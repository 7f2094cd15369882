// ui/widgets.hpp — the few controls every screen is built from. Each draws
// with the theme's touch sizes and records its semantic node, and each can be
// pressed by semantic id (ui::activate) exactly like a tap.
#pragma once
#include <string>

#include "ui/theme.hpp"

namespace civic::ui::w {

enum class Kind { normal, primary, danger };

struct Frame {            // per-frame sizes, computed once in ui.cpp
  float scale = 1;        // px per logical px
  float touch = 48;       // min touch target in px
};
const Frame& frame();
void set_frame(const Frame& f);
// A control that follows the finger itself this frame (the photo editor's
// rectangle): the column's drag-to-scroll leaves the drag alone.
void claim_drag();
bool drag_claimed();

// A full-width (width < 0) or fixed-width button at least one touch target tall.
bool button(const std::string& id, const std::string& label, Kind kind = Kind::normal, float width = -1,
            bool disabled = false);
// Two buttons side by side when both labels fit half the width, else one
// above the other at full width (large text, a narrow phone). Returns 1 or 2
// for the one pressed, 0 for none.
struct PairButton {
  std::string id, label;
  Kind kind = Kind::normal;
  bool disabled = false;
};
int button_pair(const PairButton& a, const PairButton& b);
// The width a one-line button needs for `label` (text plus padding).
float button_width(const std::string& label);
// A tappable card: a title and a muted line under it, both wrapped.
bool card(const std::string& id, const std::string& title, const std::string& subtitle,
          const std::string& badge = {});
// A switch row: label on the left, state on the right; returns true when flipped.
bool toggle(const std::string& id, const std::string& label, bool checked);
// One-line or multi-line text entry; returns true when the text changed.
// In kiosk mode a tap on it brings up the on-screen keyboard (ui/keyboard.hpp),
// as a digit pad when `digits` (phone numbers, numbers).
bool text_input(const std::string& id, const std::string& label, std::string* text, bool multiline = false,
                bool invalid = false, const std::string& hint = {}, bool digits = false);

void heading(const std::string& id, const std::string& text, float size = 1.35f);
void paragraph(const std::string& text, bool muted = false);
void status(const std::string& id, const std::string& text);   // polite announcement
void alert(const std::string& id, const std::string& text);    // an error, in red, announced
// Words over a bar ("上传附件 43%"): a progressbar node named `name` whose
// value is the percent ("43%"; the DOM layer sets aria-valuenow from it).
void progress(const std::string& id, const std::string& name, const std::string& text, int percent);

}  // namespace civic::ui::w
