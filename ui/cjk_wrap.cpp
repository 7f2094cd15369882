// ui/cjk_wrap.cpp — see cjk_wrap.hpp.
#include "ui/cjk_wrap.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/text/line_break.hpp"

namespace civic::ui {

std::string cjk_wrap(const std::string& text, float wrap_width, ImFont* font, float size) {
  if (wrap_width <= 0 || std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
    return text;
  if (!font) font = ImGui::GetFont();
  if (size <= 0) size = ImGui::GetFontSize();
  const float scale = size / font->FontSize;
  const char* base = text.c_str();
  const char* end = base + text.size();
  std::string out;
  out.reserve(text.size() + 16);
  const char* line = base;
  while (line < end) {
    const char* nl = std::find(line, end, '\n');
    const char* brk = font->CalcWordWrapPositionA(scale, line, nl, wrap_width);
    if (brk >= nl) {   // the rest of this paragraph fits
      out.append(line, nl);
      if (nl == end) break;
      out += '\n';
      line = nl + 1;
      continue;
    }
    if (brk <= line) brk = line + 1;   // a glyph wider than the line: ImGui draws it alone too
    while (brk < nl && (static_cast<unsigned char>(*brk) & 0xC0) == 0x80) ++brk;
    size_t at = text::adjust_line_break(text, static_cast<size_t>(line - base), static_cast<size_t>(brk - base));
    out.append(line, base + at);
    out += '\n';
    line = base + at;
    while (line < nl && (*line == ' ' || *line == '\t')) ++line;   // ImGui drops them at a wrap too
  }
  return out;
}

}  // namespace civic::ui
