// ui/keyboard_draw.cpp — the on-screen keyboard's layouts, drawn as one ImGui
// window across the bottom of the display. Key sizes come from the theme's
// touch target (≥ 9 mm on a hall screen; 1.5× in large-text mode); a row of
// ten letter keys shares the display width. Every key records a semantic node
// and can be pressed by id (ui::activate), exactly like a finger.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

#include "core/i18n/messages.hpp"
#include "ui/keyboard.hpp"
#include "ui/keyboard_state.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::kb {

namespace {

struct Geometry {
  float key_w = 0, key_h = 0, gap = 0, pad = 0;
};
Geometry g_geo;

enum class Look { letter, function, accent };

// One key: a button of (units × key width), recorded as "key/…" or "cand/…".
bool key(const std::string& id, const std::string& label, const std::string& name, float units = 1,
         Look look = Look::letter, bool disabled = false) {
  const auto& c = theme::palette();
  int pushed = 0;
  if (look == Look::function) {
    ImGui::PushStyleColor(ImGuiCol_Button, c.border);
    pushed = 1;
  } else if (look == Look::accent) {
    ImGui::PushStyleColor(ImGuiCol_Button, c.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.accent);
    ImGui::PushStyleColor(ImGuiCol_Text, c.accent_text);
    pushed = 3;
  }
  float w = g_geo.key_w * units + g_geo.gap * (units - 1);
  ImGui::BeginDisabled(disabled);
  bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(w, g_geo.key_h));
  ImGui::EndDisabled();
  if (pushed) ImGui::PopStyleColor(pushed);
  auto& n = sem::add_for_last_item(id, "button", name.empty() ? label : name);
  n.disabled = disabled;
  n.text_w = ImGui::CalcTextSize(label.c_str()).x;
  n.text_room = w - ImGui::GetStyle().FramePadding.x * 2;
  bool by_id = sem::take_activation(id);
  return !disabled && (pressed || by_id);
}

void same_line() { ImGui::SameLine(0, g_geo.gap); }

// Starts a row of `units` key widths, centred.
void row(float units) {
  float w = g_geo.key_w * units + g_geo.gap * (units - 1);
  float avail = ImGui::GetContentRegionAvail().x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.f, (avail - w) / 2));
}

std::string t(const app::State& s, const char* id) { return std::string(tr(s.lang, id)); }

void letter_row(const char* letters) {
  KeyboardState& k = state();
  bool upper = k.mode == Mode::latin && k.shift;
  for (const char* p = letters; *p; ++p) {
    if (p != letters) same_line();
    std::string lower(1, *p);
    std::string label(1, upper ? static_cast<char>(*p - 'a' + 'A') : *p);
    if (key("key/" + lower, label, label)) press_letter(*p);
  }
}

void text_key(const std::string& sym, float units = 1) {
  if (key("key/" + sym, sym, sym, units)) press_text(sym);
}

// The bottom row shared by the letter and symbol layouts.
void bottom_row(const app::State& s) {
  KeyboardState& k = state();
  row(10);
  if (key("key/mode/digits", t(s, "kb.mode_digits"), t(s, "kb.mode_digits"), 1.5f, Look::function))
    set_mode(Mode::digits);
  same_line();
  if (k.mode == Mode::symbols) {
    Mode back = k.letters;
    const char* label = back == Mode::pinyin ? "kb.mode_pinyin" : "kb.mode_latin";
    if (key(back == Mode::pinyin ? "key/mode/pinyin" : "key/mode/latin", t(s, label), t(s, label), 1.5f,
            Look::function))
      set_mode(back);
  } else if (key("key/mode/symbols", t(s, "kb.mode_symbols"), t(s, "kb.mode_symbols"), 1.5f, Look::function)) {
    set_mode(Mode::symbols);
  }
  same_line();
  bool pinyin = k.mode == Mode::pinyin;
  // The language key names the layout it switches to.
  if (pinyin) {
    if (key("key/mode/latin", t(s, "kb.mode_latin"), t(s, "kb.mode_latin"), 1.5f, Look::function))
      set_mode(Mode::latin);
  } else if (key("key/mode/pinyin", t(s, "kb.mode_pinyin"), t(s, "kb.mode_pinyin"), 1.5f, Look::function,
                 dictionary() == nullptr)) {
    set_mode(Mode::pinyin);
  }
  same_line();
  bool composing = ime::composing(k.composer);
  std::string space = t(s, composing ? "kb.space_choose" : "kb.space");
  if (key("key/space", t(s, "kb.space"), space, 3.5f)) press_space();
  same_line();
  if (key("key/enter", t(s, "kb.enter"), t(s, "kb.enter"), 2.f, Look::accent)) press_enter();
}

void letters_layout(const app::State& s) {
  KeyboardState& k = state();
  row(10);
  letter_row("qwertyuiop");
  row(9);
  letter_row("asdfghjkl");
  row(10);
  if (k.mode == Mode::pinyin) {
    if (key("key/'", "'", "'", 1.5f, Look::function)) press_apostrophe();
  } else if (key("key/shift", t(s, "kb.shift"), t(s, "kb.shift"), 1.5f, k.shift ? Look::accent : Look::function)) {
    k.shift = !k.shift;
  }
  same_line();
  letter_row("zxcvbnm");
  same_line();
  if (key("key/backspace", t(s, "kb.backspace"), t(s, "kb.backspace"), 1.5f, Look::function)) press_backspace();
  bottom_row(s);
}

void symbols_layout(const app::State& s) {
  static const char* rows[] = {"@ # % & * - + = / _", "( ) : ; , . ? ! ' \"", "， 。 ？ ！ 、 ： “ ”"};
  for (int r = 0; r < 3; ++r) {
    row(r == 2 ? 9.5f : 10);
    const char* p = rows[r];
    bool first = true;
    while (*p) {
      const char* e = std::strchr(p, ' ');
      std::string sym = e ? std::string(p, e) : std::string(p);
      if (!first) same_line();
      first = false;
      text_key(sym);
      p = e ? e + 1 : p + std::strlen(p);
    }
    if (r == 2) {
      same_line();
      if (key("key/backspace", t(s, "kb.backspace"), t(s, "kb.backspace"), 1.5f, Look::function)) press_backspace();
    }
  }
  bottom_row(s);
}

// The big number pad: 4 columns of wider keys.
void digits_layout(const app::State& s) {
  KeyboardState& k = state();
  Geometry saved = g_geo;
  float avail = ImGui::GetContentRegionAvail().x;
  g_geo.key_w = std::min((avail - 3 * g_geo.gap) / 4, g_geo.key_h * 2.4f);
  const char* pad[3][3] = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}};
  const char* side[3] = {"-", "+", "."};
  for (int r = 0; r < 3; ++r) {
    row(4);
    for (int c = 0; c < 3; ++c) {
      if (c) same_line();
      text_key(pad[r][c]);
    }
    same_line();
    if (r == 0) {
      if (key("key/backspace", t(s, "kb.backspace"), t(s, "kb.backspace"), 1, Look::function)) press_backspace();
    } else {
      text_key(side[r - 1]);
    }
  }
  row(4);
  Mode back = k.letters;
  const char* label = back == Mode::pinyin ? "kb.mode_pinyin" : "kb.mode_latin";
  if (key(back == Mode::pinyin ? "key/mode/pinyin" : "key/mode/latin", t(s, label), t(s, label), 1, Look::function))
    set_mode(back);
  same_line();
  text_key("0");
  same_line();
  text_key(side[2]);
  same_line();
  if (key("key/enter", t(s, "kb.enter"), t(s, "kb.enter"), 1, Look::accent)) press_enter();
  g_geo = saved;
}

// The pinyin being typed and a page of candidates.
void candidate_bar(const app::State& s) {
  KeyboardState& k = state();
  ime::Composer& c = k.composer;
  std::string pre = ime::preedit(c);
  ImGui::TextUnformatted(pre.empty() ? " " : pre.c_str());
  auto& pn = sem::add_for_last_item("ime/preedit", "status", t(s, "kb.preedit"));
  pn.value = pre;
  // As many candidates as fit beside the two paging keys.
  float avail = ImGui::GetContentRegionAvail().x;
  float page_keys = 2 * (g_geo.key_w + g_geo.gap);
  float x = 0;
  c.page_size = std::max<size_t>(1, static_cast<size_t>((avail - page_keys) / (g_geo.key_w * 1.5f + g_geo.gap)));
  if (c.page * c.page_size >= c.list.size()) c.page = 0;
  auto cands = ime::page(c);
  if (pre.empty()) {
    ImGui::Dummy(ImVec2(avail, g_geo.key_h));
    return;
  }
  if (cands.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(t(s, "kb.no_candidates").c_str());
    ImGui::PopTextWrapPos();
    sem::add_for_last_item("ime/none", "status", t(s, "kb.no_candidates"));
    return;
  }
  for (size_t i = 0; i < cands.size(); ++i) {
    float text_w = ImGui::CalcTextSize(cands[i].text.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    float units = std::max(1.5f, (text_w + g_geo.gap) / (g_geo.key_w + g_geo.gap));
    float w = g_geo.key_w * units + g_geo.gap * (units - 1);
    if (i > 0 && x + w > avail - page_keys) break;
    if (i > 0) same_line();
    x += w + g_geo.gap;
    std::string id = "cand/" + std::to_string(i);
    if (key(id, cands[i].text, cands[i].text, units, i == 0 ? Look::accent : Look::letter)) choose_candidate(i);
  }
  ImGui::SameLine(avail - page_keys + g_geo.gap + ImGui::GetStyle().WindowPadding.x);
  bool first = c.page == 0, last = c.page + 1 >= ime::page_count(c);
  if (key("cand/prev", "<", t(s, "kb.prev_page"), 1, Look::function, first)) ime::prev_page(c);
  same_line();
  if (key("cand/next", ">", t(s, "kb.next_page"), 1, Look::function, last)) ime::next_page(c);
}

float rows_height(Mode m, float key_h, float gap, float pad, float text_h) {
  float h = 5 * (key_h + gap) + 2 * pad;   // the hide key's row + 4 rows of keys
  if (m == Mode::pinyin) h += key_h + gap + text_h + gap;
  return h;
}

}  // namespace

void draw(const app::State& s) {
  begin_keyboard_frame(s);
  KeyboardState& k = state();
  if (k.target.empty()) {
    k.height = 0;
    return;
  }
  ImGuiIO& io = ImGui::GetIO();
  const w::Frame& f = w::frame();
  g_geo.gap = std::max(4.f, 6 * f.scale);
  g_geo.pad = g_geo.gap;
  g_geo.key_h = f.touch;
  // Ten letter keys share the width; never narrower than a touch target
  // (on a display too narrow for that the row scrolls off rather than shrinks).
  g_geo.key_w = std::max(f.touch * 0.75f, std::min(f.touch * 1.4f, (io.DisplaySize.x - 2 * g_geo.pad - 9 * g_geo.gap) / 10));
  k.height = rows_height(k.mode, g_geo.key_h, g_geo.gap, g_geo.pad, ImGui::GetFontSize());
  const auto& c = theme::palette();
  ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - k.height));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, k.height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, c.surface_hover);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(g_geo.pad, g_geo.pad));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(g_geo.gap, g_geo.gap));
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                           ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("##keyboard", nullptr, flags);
  // Keep the keyboard above the screen even when the screen's window was clicked last.
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  // The hide key, right-aligned above the keys.
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - g_geo.key_w * 2.5f - g_geo.gap);
  if (key("key/hide", "↓ " + t(s, "kb.hide"), t(s, "kb.hide"), 2.5f, Look::function)) hide();
  switch (k.mode) {
    case Mode::pinyin:
      candidate_bar(s);
      letters_layout(s);
      break;
    case Mode::latin: letters_layout(s); break;
    case Mode::symbols: symbols_layout(s); break;
    case Mode::digits: digits_layout(s); break;
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

}  // namespace civic::ui::kb
