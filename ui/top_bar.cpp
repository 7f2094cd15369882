// ui/top_bar.cpp — the bar on every screen: back (when not home), the app's
// name, and the language switch (always one tap away, labelled in the other
// language so a resident who cannot read the current one can still find it).
#include <imgui.h>

#include <algorithm>

#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::screens {

void top_bar(const app::State& s, const Dispatch& d) {
  const auto& f = w::frame();
  float lang_w = ImGui::CalcTextSize(std::string(tr(s.lang, "app.switch_language")).c_str()).x +
                 ImGui::GetStyle().FramePadding.x * 2;
  lang_w = std::max(lang_w, f.touch * 1.6f);
  if (s.screen != app::Screen::home) {
    if (w::button("back", "← " + std::string(tr(s.lang, "services.back")), w::Kind::normal, 0)) d(app::BackPressed{});
    ImGui::SameLine();
  }
  // The title at 1.2x text, centred on the buttons' row between them; where
  // it does not fit there (large text on a phone) it takes its own row under
  // the buttons rather than being clipped or shrunk.
  float x = ImGui::GetCursorPosX();
  float right = ImGui::GetWindowContentRegionMax().x - lang_w;
  const std::string title(tr(s.lang, "app.title"));
  float room = right - x - ImGui::GetStyle().ItemSpacing.x;
  float base = ImGui::GetFontSize();
  float one = ImGui::CalcTextSize(title.c_str()).x;   // width at 1x
  bool inline_title = one * 1.2f <= room;
  auto draw_title = [&](ImVec2 p, float width) {
    float fs = base * 1.2f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(p, ImVec2(p.x + std::max(width, 0.f), p.y + f.touch), true);
    dl->AddText(ImGui::GetFont(), fs, ImVec2(p.x, p.y + (f.touch - fs) / 2), ImGui::GetColorU32(ImGuiCol_Text),
                title.c_str(), title.c_str() + title.size());
    dl->PopClipRect();
    auto& n = sem::add("app/title", "heading", title, p.x, p.y, std::max(width, 0.f), f.touch);
    n.text_px = fs;
    n.text_w = one * fs / base;
    n.text_room = std::max(width, 0.f);
  };
  if (inline_title) draw_title(ImGui::GetCursorScreenPos(), room);
  ImGui::SameLine(std::max(x, right));
  ImGui::SetCursorPosY(ImGui::GetStyle().WindowPadding.y);
  Lang other = s.lang == Lang::en ? Lang::zh_CN : Lang::en;
  if (w::button("lang", std::string(tr(s.lang, "app.switch_language")), w::Kind::normal, lang_w))
    d(app::LanguageChosen{other});
  if (!inline_title) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    draw_title(p, ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, f.touch));
  }
  ImGui::Separator();
}

}  // namespace civic::ui::screens
