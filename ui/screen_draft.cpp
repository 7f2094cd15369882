// ui/screen_draft.cpp — the kept draft on the home screen: "continue" goes
// back to the form as it was left (core restored it from storage, or kept it
// when the resident pressed home), "discard" throws it away. Only draws;
// app::DraftResumed / DraftDiscarded do the work (core/app/draft_store.hpp).
#include <imgui.h>

#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::screens {

void draft_card(const app::State& s, const Dispatch& d) {
  const app::Draft& dr = s.draft;
  if (dr.service.code.empty() || dr.phase != app::Phase::ready || dr.submit_phase == app::Phase::loading) return;
  int filled = 0;
  for (const auto& f : dr.form.fields)
    if (f.touched) filled++;
  std::string title = format(s.lang, "draft.resume", {{"service", dr.service.name}});
  std::string sub = format(s.lang, "draft.kept", {{"count", std::to_string(filled)}});
  if (w::card("draft/resume", title, sub)) d(app::DraftResumed{});
  if (w::button("draft/discard", std::string(tr(s.lang, "draft.discard")), w::Kind::danger)) d(app::DraftDiscarded{});
  ImGui::Dummy(ImVec2(0, w::frame().touch / 4));
}

}  // namespace civic::ui::screens
