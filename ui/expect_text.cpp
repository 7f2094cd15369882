// ui/expect_text.cpp — the server text a State holds that the screens will
// draw, handed to the lazy glyph atlas before any frame draws it (ui.hpp).
// Today that is the catalogue (home: group names and the first services'
// names; a group: every name in it); text that only appears after a tap is
// left to the ordinary after-the-frame rebuild.
#include "ui/glyphs.hpp"
#include "ui/ui.hpp"

namespace civic::ui {

void expect_text(const app::State& state) {
  if (!glyphs::lazy()) return;
  for (const auto& svc : state.catalog.services) {
    glyphs::expect(svc.group);
    glyphs::expect(svc.name);
  }
}

}  // namespace civic::ui
