// ui/keyboard_hooks.hpp — how the screens reach the on-screen keyboard
// without linking it: the kiosk calls kb::install() (ui/keyboard.hpp), which
// fills these hooks; the web app never does, so its binary carries neither
// the keyboard nor core/ime (measured: 60 KB of wasm, 15.5 KB brotli).
#pragma once
#include <string>

#include "core/app/state.hpp"
#include "ui/keyboard.hpp"

namespace civic::ui::kb {

struct Hooks {
  void (*draw)(const app::State&);
  float (*height)();
  bool (*changed_this_frame)();
  bool (*before_field)(const std::string&, std::string*);
  void (*after_field)(const std::string&, const std::string&, const FieldReport&);
  const std::string& (*target)();
};

// The installed keyboard, or nullptr (not a kiosk, or not installed).
const Hooks* hooks();
void set_hooks(const Hooks* h);

}  // namespace civic::ui::kb
