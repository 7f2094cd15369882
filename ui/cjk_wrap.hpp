// ui/cjk_wrap.hpp — Chinese text wrapped the way Chinese is typeset.
// Dear ImGui wraps a run of hanzi between any two characters, so a line
// could start with "、" or end with "（". This asks ImGui's own measure where
// each line would break, lets core/text/line_break.hpp move the break, and
// returns the text with those line ends written in; ImGui then draws it
// unchanged (each line already fits). Latin-only text is returned as is.
#pragma once
#include <string>

struct ImFont;

namespace civic::ui {

// `text` with a '\n' at every wrap point for `wrap_width` pixels at `size`
// px of `font` (the current font and size when null / 0).
std::string cjk_wrap(const std::string& text, float wrap_width, ImFont* font = nullptr, float size = 0);

}  // namespace civic::ui
