// core/text/line_break.hpp — where a wrapped Chinese line may not break.
//
// A renderer that wraps CJK text breaks between any two characters (Dear
// ImGui does), so "夜间施工噪音、商铺" can put "、" at the start of a line
// — wrong in Chinese typesetting (GB/T 15834, the kinsoku rules of CJK
// layout): closing punctuation (、，。！？；：）」』】》 …) never starts a
// line and opening punctuation (（「『【《 …) never ends one. The renderer
// measures and proposes a break; this moves it back so the rule holds.
//
// Limits: works on UTF-8 byte offsets; moves a break back by at most
// kMaxPullBack characters (a longer run of punctuation breaks where it was
// proposed rather than leave an empty line); invalid UTF-8 is left as proposed;
// ASCII punctuation is left to the renderer (Latin text breaks at spaces).
#pragma once
#include <cstddef>
#include <string_view>

namespace civic::text {

inline constexpr int kMaxPullBack = 3;

// May not start a line (closing and middle punctuation, small kana marks).
bool no_line_start(char32_t cp);
// May not end a line (opening brackets and quotes).
bool no_line_end(char32_t cp);

// The break to use instead of `proposed` for a line starting at
// `line_start` (both byte offsets into text, line_start < proposed <=
// text.size()): `proposed` itself when the rules allow it, else an earlier
// character boundary after line_start (never line_start: a line keeps at
// least one character).
size_t adjust_line_break(std::string_view text, size_t line_start, size_t proposed);

}  // namespace civic::text
