// ui/top_bar.cpp — the bar on every screen: back (when not home), the app's
// name, and the language switch (always one tap away, labelled in the other
// language so a resident who cannot read the current one can still find it).
#include <imgui.h>

#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
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
  float x = ImGui::GetCursorPosX();
  float right = ImGui::GetWindowContentRegionMax().x - lang_w;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (f.touch - ImGui::GetFontSize() * 1.2f) / 2);
  ImGui::SetWindowFontScale(1.2f);
  ImGui::PushClipRect(ImGui::GetCursorScreenPos(), ImVec2(ImGui::GetWindowPos().x + right, 1e9f), true);
  ImGui::TextUnformatted(std::string(tr(s.lang, "app.title")).c_str());
  ImGui::PopClipRect();
  ImGui::SetWindowFontScale(1.f);
  ImGui::SameLine(std::max(x, right));
  ImGui::SetCursorPosY(ImGui::GetStyle().WindowPadding.y);
  Lang other = s.lang == Lang::en ? Lang::zh_CN : Lang::en;
  if (w::button("lang", std::string(tr(s.lang, "app.switch_language")), w::Kind::normal, lang_w))
    d(app::LanguageChosen{other});
  ImGui::Separator();
}

}  // namespace civic::ui::screens
