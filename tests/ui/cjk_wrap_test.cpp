// tests/ui/cjk_wrap_test.cpp — wrapped Chinese as ImGui measures it with the
// app's own font: at every width, no line starts with closing punctuation
// or ends with an opening bracket, every line but a lone glyph fits, and
// nothing is lost or added but the line ends.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/line_break.hpp"
#include "core/text/utf8.hpp"
#include "tests/ui/harness.hpp"
#include "ui/cjk_wrap.hpp"

using namespace civic;

namespace {
std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == '\n') out.emplace_back();
    else out.back() += c;
  }
  return out;
}
char32_t first_cp(const std::string& s) { return s.empty() ? 0 : text::utf8_decode(s, 0).cp; }
char32_t last_cp(const std::string& s) {
  size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  return i == 0 ? 0 : text::utf8_decode(s, i - 1).cp;
}
std::string without_breaks(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != '\n' && c != ' ') out += c;
  return out;
}
}  // namespace

TEST_CASE("CJK text wraps without punctuation at a forbidden line edge") {
  test::UiHarness h(1170, 2532, 3, false, false);
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  const float size = font->FontSize;
  const char* texts[] = {
      "夜间施工噪音、商铺经营噪音、邻里噪音",
      "已办结：已更换三盏路灯的灯泡并检查线路。办理说明：已派维修班组，预计明天上午到场。",
      "说说您的意见（可不填）《物业管理条例》「第三条」",
      "Street light out, 路灯不亮、井盖缺失或破损",
  };
  for (const char* t : texts) {
    CAPTURE(t);
    for (float width = size * 2.5f; width <= size * 20; width += size * 0.37f) {
      CAPTURE(width);
      const std::string wrapped = ui::cjk_wrap(t, width, font, size);
      CHECK(without_breaks(wrapped) == without_breaks(t));
      for (const std::string& line : split_lines(wrapped)) {
        CHECK(!text::no_line_start(first_cp(line)));
        CHECK(!text::no_line_end(last_cp(line)));
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0, line.c_str(), line.c_str() + line.size()).x;
        if (text::utf8_decode(line, 0).len < line.size()) CHECK(w <= width + 0.5f);
      }
    }
  }
}

TEST_CASE("Latin text is left to ImGui") {
  test::UiHarness h(1170, 2532, 3, false, false);
  const std::string t = "Street light out at the east gate, since Monday";
  CHECK(ui::cjk_wrap(t, 100) == t);
}
