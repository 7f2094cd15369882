// ui/screen_session.cpp — the kiosk's session on screen: the "still there?"
// prompt with the seconds left before what the resident entered is cleared
// (app::session_phase decides; this only draws), and the Finish button.
// Drawn only in kiosk mode (Presentation::kiosk): phones have no sessions.
#include <imgui.h>
#include <imgui_internal.h>

#include "core/app/session.hpp"
#include "core/i18n/messages.hpp"
#include "ui/screen_receipt.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace civic::ui {

namespace {
template <class T>
void zero(T* p, size_t n) {
  volatile unsigned char* b = reinterpret_cast<volatile unsigned char*>(p);
  for (size_t i = 0; i < n * sizeof(T); ++i) b[i] = 0;
}
}  // namespace

void wipe_resident_traces() {
  if (ImGui::GetCurrentContext()) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGui::ClearActiveID();
    // ImGui keeps its own copies of the text being edited, the text at focus
    // time and an undo buffer of typed characters: overwrite, then free.
    ImGuiInputTextState& st = g.InputTextState;
    zero(st.TextW.Data, static_cast<size_t>(st.TextW.Capacity));
    zero(st.TextA.Data, static_cast<size_t>(st.TextA.Capacity));
    zero(st.InitialTextA.Data, static_cast<size_t>(st.InitialTextA.Capacity));
    st.ClearFreeMemory();
    zero(&st.Stb, 1);
    st.ID = 0;
    st.CurLenW = st.CurLenA = 0;
    ImGuiIO& io = ImGui::GetIO();
    zero(io.InputQueueCharacters.Data, static_cast<size_t>(io.InputQueueCharacters.Capacity));
    io.InputQueueCharacters.clear();
  }
  sem::wipe();
  clear_receipt_view();
}

}  // namespace civic::ui

namespace civic::ui::screens {

void session_prompt(const app::State& s, const Dispatch& d) {
  if (!presentation().kiosk) return;
  if (app::session_phase(s.session, s.session.now_ms) != app::SessionPhase::warning) return;
  int left = app::session_seconds_left(s.session, s.session.now_ms);
  const auto& c = theme::palette();
  ImGuiIO& io = ImGui::GetIO();
  // A dimmed layer over the whole screen; any touch on it counts as "still here".
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 140));
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("session_dim", nullptr, flags);
  ImGui::End();
  ImGui::PopStyleColor();
  float width = std::min(io.DisplaySize.x * 0.85f, theme::kMaxContentPx * w::frame().scale);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), 0, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, c.surface);
  ImGui::Begin("session_prompt", nullptr, flags | ImGuiWindowFlags_AlwaysAutoResize);
  w::heading("session/still_there", std::string(tr(s.lang, "kiosk.still_there")), 1.5f);
  w::status("session/countdown", format(s.lang, "kiosk.ending_in", {{"seconds", std::to_string(left)}}));
  sem::last().value = std::to_string(left);
  if (w::button("session/continue", std::string(tr(s.lang, "kiosk.continue")), w::Kind::primary))
    d(app::SessionTick{s.session.now_ms, true});
  if (w::button("session/finish", std::string(tr(s.lang, "kiosk.finish")))) d(app::SessionEnded{});
  ImGui::End();
  ImGui::PopStyleColor();
}

void session_finish(const app::State& s, const Dispatch& d) {
  if (!presentation().kiosk || !s.session.active) return;
  if (w::button("finish", std::string(tr(s.lang, "kiosk.finish")))) d(app::SessionEnded{});
}

}  // namespace civic::ui::screens
