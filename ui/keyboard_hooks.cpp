// ui/keyboard_hooks.cpp — see keyboard_hooks.hpp. Kept apart from
// keyboard.cpp so that referring to the hooks never links the keyboard.
#include "ui/keyboard_hooks.hpp"

namespace civic::ui::kb {

namespace {
const Hooks* g_hooks = nullptr;
}

const Hooks* hooks() { return g_hooks; }
void set_hooks(const Hooks* h) { g_hooks = h; }

}  // namespace civic::ui::kb
