// ui/keyboard.cpp — the on-screen keyboard's behaviour: which field it types
// into, how a key edits that field (insert at the caret, delete before it,
// Enter moves to the next field), and the pinyin composition in between.
// The drawing of the layouts is in keyboard_draw.cpp.
#include "ui/keyboard.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "core/ime/dictionary.hpp"
#include "core/ime/syllables.hpp"
#include "ui/keyboard_hooks.hpp"
#include "ui/keyboard_state.hpp"
#include "ui/ui.hpp"

namespace civic::ui::kb {

namespace {
KeyboardState g_state;
std::string g_frame_start;   // signature() when the frame began

// Everything the keyboard draws from, in one string (cheap: a few dozen bytes).
std::string signature() {
  const auto& k = g_state;
  return k.target + '\x1f' + std::to_string(static_cast<int>(k.mode)) + (k.shift ? "S" : "s") +
         ime::preedit(k.composer) + '\x1f' + std::to_string(k.composer.page) + '\x1f' + std::to_string(k.edits.size()) +
         '\x1f' + std::to_string(k.cursor) + '\x1f' + k.scroll_to + std::to_string(k.scroll_frames);
}
std::unique_ptr<ime::Dictionary> g_dict;

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void queue(const std::string& insert) {
  if (!g_state.target.empty()) g_state.edits.push_back({g_state.target, insert});
}

// Ends the composition by typing what it holds as it stands (a field change
// or a mode change must never lose letters the resident typed).
void flush_composition() {
  if (ime::composing(g_state.composer)) queue(ime::commit_raw(g_state.composer));
}

// Ends the composition by converting it with first candidates, part by
// part (what Space would do, repeated), before punctuation or digits.
void convert_composition() {
  if (!g_dict) return flush_composition();
  std::string out;
  for (size_t guard = 0; ime::composing(g_state.composer) && guard <= ime::kMaxInput; ++guard)
    out += ime::choose_first(g_state.composer, *g_dict);
  if (ime::composing(g_state.composer)) out += ime::commit_raw(g_state.composer);
  if (!out.empty()) queue(out);
}

Mode default_letters(const app::State& s) { return s.lang == Lang::en ? Mode::latin : Mode::pinyin; }
}  // namespace

KeyboardState& state() { return g_state; }
const ime::Dictionary* dictionary() { return g_dict.get(); }
const ime::Dictionary* loaded_dictionary() { return g_dict.get(); }

Result<bool> load_dictionary(std::string_view bytes) {
  ImGuiIO& io = ImGui::GetIO();
  ImFont* font = io.Fonts->Fonts.empty() ? nullptr : io.Fonts->Fonts[0];
  if (font && !io.Fonts->IsBuilt()) io.Fonts->Build();
  auto drawable = [font](char32_t c) {
    return font == nullptr || (c <= 0xFFFF && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
  };
  auto d = ime::parse_dictionary(bytes, drawable);
  if (!d) return d.error();
  g_dict = std::make_unique<ime::Dictionary>(std::move(d.value()));
  return true;
}

void install() {
  static const Hooks kHooks{&draw, &height, &changed_this_frame, &before_field, &after_field, &target};
  set_hooks(&kHooks);
}

bool changed_this_frame() { return signature() != g_frame_start; }

bool has_dictionary() { return g_dict != nullptr; }
const std::string& target() { return g_state.target; }
float height() { return g_state.target.empty() ? 0.f : g_state.height; }

void reset() {
  ime::clear(g_state.composer);
  g_state.target.clear();
  g_state.edits.clear();
  g_state.shift = false;
}

void hide() {
  flush_composition();
  g_state.target.clear();
}

void set_mode(Mode m) {
  // To Latin: the letters stand as typed; to digits or symbols: the words.
  if (m == Mode::latin) flush_composition();
  else if (m != Mode::pinyin) convert_composition();
  if (m == Mode::pinyin && !g_dict) return;
  g_state.mode = m;
  if (m == Mode::latin || m == Mode::pinyin) g_state.letters = m;
  g_state.shift = false;
}

void press_text(const std::string& text) {
  // Punctuation after pinyin: the first word goes in, then the mark (as
  // every Chinese input method does).
  convert_composition();
  queue(text);
}

void press_letter(char lower) {
  if (g_state.mode == Mode::pinyin && g_dict) {
    ime::type(g_state.composer, *g_dict, lower);
    return;
  }
  char c = g_state.shift ? static_cast<char>(lower - 'a' + 'A') : lower;
  g_state.shift = false;   // one-shot shift
  queue(std::string(1, c));
}

void press_apostrophe() {
  if (g_state.mode == Mode::pinyin && g_dict && ime::composing(g_state.composer))
    ime::type(g_state.composer, *g_dict, '\'');
  else
    press_text("'");
}

void press_space() {
  if (ime::composing(g_state.composer) && g_dict) {
    queue(ime::choose_first(g_state.composer, *g_dict));
    return;
  }
  queue(" ");
}

void press_backspace() {
  if (g_dict && ime::backspace(g_state.composer, *g_dict)) return;
  queue("");
}

void press_enter() {
  if (ime::composing(g_state.composer)) {
    queue(ime::commit_raw(g_state.composer));
    return;
  }
  const auto& f = g_state.fields;
  auto it = std::find(f.begin(), f.end(), g_state.target);
  if (it == f.end() || it + 1 == f.end()) {
    hide();
    return;
  }
  g_state.target = *(it + 1);
  g_state.cursor = std::string::npos;
  g_state.scroll_to = g_state.target;
  g_state.scroll_frames = 0;
}

void choose_candidate(size_t index_on_page) {
  if (!g_dict) return;
  std::string done = ime::choose(g_state.composer, *g_dict, index_on_page);
  if (!done.empty()) queue(done);
}

bool before_field(const std::string& id, std::string* text) {
  bool changed = false;
  auto& edits = g_state.edits;
  for (auto it = edits.begin(); it != edits.end();) {
    if (it->field != id) {
      ++it;
      continue;
    }
    // ImGui keeps its own copy of an actively edited text: let go of it so
    // the keyboard's edit is the one that stands.
    // (w::text_input labels its ImGui item "##" + semantic id.)
    if (ImGui::GetActiveID() != 0 && ImGui::GetActiveID() == ImGui::GetID(("##" + id).c_str())) ImGui::ClearActiveID();
    size_t at = std::min(g_state.target == id ? g_state.cursor : std::string::npos, text->size());
    while (at > 0 && at < text->size() && continuation((*text)[at])) --at;
    if (!it->insert.empty()) {
      text->insert(at, it->insert);
      at += it->insert.size();
      changed = true;
    } else if (at > 0) {
      size_t from = at - 1;
      while (from > 0 && continuation((*text)[from])) --from;
      text->erase(from, at - from);
      at = from;
      changed = true;
    }
    if (g_state.target == id) g_state.cursor = at == text->size() ? std::string::npos : at;
    it = edits.erase(it);
  }
  return changed;
}

void after_field(const std::string& id, const std::string& text, const FieldReport& r) {
  g_state.fields_building.push_back(id);
  if (r.activated && g_state.target != id) {
    flush_composition();
    g_state.target = id;
    g_state.cursor = std::string::npos;
    // A field the keys would cover scrolls up into view (next frame).
    float display_h = ImGui::GetIO().DisplaySize.y;
    float keys_top = display_h - (g_state.height > 0 ? g_state.height : display_h * 0.45f);
    if (ImGui::GetItemRectMax().y > keys_top) g_state.scroll_to = id, g_state.scroll_frames = 0;
  }
  if (g_state.target != id) return;
  g_state.input = r.input;
  g_state.multiline = r.multiline;
  if (r.activated) {
    if (r.input == Input::digits) g_state.mode = Mode::digits;
    else if (g_state.mode == Mode::digits) g_state.mode = g_state.letters;
  }
  if (r.imgui_active && r.imgui_cursor >= 0)
    g_state.cursor = static_cast<size_t>(r.imgui_cursor) >= text.size() ? std::string::npos
                                                                       : static_cast<size_t>(r.imgui_cursor);
  if (g_state.scroll_to == id) {
    // Twice: the first frame's scroll is clamped to a column that did not
    // yet have room for the keys below it.
    ImGui::SetScrollHereY(0.3f);
    if (++g_state.scroll_frames >= 2) g_state.scroll_to.clear(), g_state.scroll_frames = 0;
    if (r.input == Input::digits) g_state.mode = Mode::digits;
    else if (g_state.mode == Mode::digits) g_state.mode = g_state.letters;
  }
  // The caret, drawn by us while ImGui is not editing the field.
  if (!r.imgui_active) {
    ImVec2 p0 = ImGui::GetItemRectMin();
    const ImGuiStyle& st = ImGui::GetStyle();
    size_t at = std::min(g_state.cursor, text.size()), line_start = 0;
    float lines = 0;
    if (r.multiline)
      for (size_t i = 0; i < at; ++i)
        if (text[i] == '\n') lines += 1, line_start = i + 1;
    float x = p0.x + st.FramePadding.x +
              ImGui::CalcTextSize(text.data() + line_start, text.data() + at).x;
    float fh = ImGui::GetFontSize();
    float y = r.multiline ? p0.y + st.FramePadding.y + fh * lines
                          : p0.y + (ImGui::GetItemRectSize().y - fh) / 2;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, y), ImVec2(x, y + fh), ImGui::GetColorU32(ImGuiCol_Text),
                                        2.f);
  }
}

// Called by draw() at the start of a frame: last frame's fields become the
// order Enter follows; a target that was not drawn is gone (new screen).
void begin_keyboard_frame(const app::State& s) {
  g_frame_start = signature();
  g_state.fields.swap(g_state.fields_building);
  g_state.fields_building.clear();
  if (!g_state.target.empty() &&
      std::find(g_state.fields.begin(), g_state.fields.end(), g_state.target) == g_state.fields.end()) {
    ime::clear(g_state.composer);
    g_state.target.clear();
  }
  if (g_state.mode == Mode::pinyin && !g_dict) g_state.mode = Mode::latin;
  if (g_state.target.empty()) g_state.letters = default_letters(s) == Mode::pinyin && g_dict ? Mode::pinyin : Mode::latin;
  if (g_state.target.empty() && g_state.mode != Mode::digits) g_state.mode = g_state.letters;
}

}  // namespace civic::ui::kb
