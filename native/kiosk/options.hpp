// native/kiosk/options.hpp — civic-kiosk's command line.
//   civic-kiosk [--server URL] [--lang zh-CN|en] [--windowed] [--size WxH]
//               [--dpi N] [--normal-text] [--high-contrast] [--font FILE]
//               [--control] [--script FILE] [--screenshot PNG] [--data-dir DIR]
// --control reads automation commands from stdin (see control.hpp) and
// answers on stdout; --script runs them from a file, exiting non-zero when
// one fails; --screenshot saves a PNG once the first screen has loaded, then
// exits. --data-dir holds the outbox (default $CIVIC_DATA_DIR, else
// $XDG_DATA_HOME/civic-kiosk, else ~/.local/share/civic-kiosk).
#pragma once
#include <optional>
#include <string>

#include "core/i18n/lang.hpp"

namespace civic::kiosk {

struct Options {
  std::string server = "http://127.0.0.1:8080/open311/v2/";
  Lang lang = Lang::zh_CN;
  bool windowed = false;
  int width = 1080, height = 1920;   // windowed size (portrait hall screen)
  float dpi = 0;                     // 0: the monitor's content scale
  bool large_text = true;            // elderly mode by default in halls
  bool high_contrast = false;
  std::string font;                  // default: <exe dir>/../fonts/civic-cjk.ttf
  bool control = false;
  std::string script;
  std::string screenshot;
  std::string data_dir;              // the outbox: concerns on their way survive a restart
};

// Parses argv; on a bad command line returns nullopt and sets *error (in lang).
std::optional<Options> parse_options(int argc, char** argv, std::string* error);

}  // namespace civic::kiosk
