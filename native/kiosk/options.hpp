// native/kiosk/options.hpp — civic-kiosk's command line and config file.
//   civic-kiosk [--config FILE] [--server URL] [--lang zh-CN|en] [--windowed]
//               [--size WxH] [--dpi N] [--normal-text] [--high-contrast]
//               [--font FILE] [--control] [--script FILE] [--screenshot PNG]
//               [--data-dir DIR] [--idle-seconds N] [--warn-seconds N]
//               [--hall-location LAT,LON] [--hall-name TEXT]
//               [--public-url URL] [--printer QUEUE] [--no-vsync]
//               [--no-supervise] [--photo-dir DIR]
// --control reads automation commands from stdin (see control.hpp) and
// answers on stdout; --script runs them from a file, exiting non-zero when
// one fails; --screenshot saves a PNG once the first screen has loaded, then
// exits.
// --config FILE holds the same options, one "name value" per line without
// the dashes (blank lines and # comments allowed); flags on the command line
// win over the file. Limits: 64 KiB, lines up to 4 KiB.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/app/session.hpp"
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
  // Sessions, receipts, the hall.
  std::string data_dir;              // the outbox, pins, receipts, the sealed draft; default $CIVIC_DATA_DIR,
                                     // else $XDG_DATA_HOME/civic-kiosk, else ~/.local/share/civic-kiosk
  int idle_seconds = 120;            // 0: no automatic end (Finish only)
  int warn_seconds = 20;             // the "still there?" prompt before the end
  app::HallLocation hall;
  std::string public_url;            // web app base for the QR; default: the server's origin
  std::string printer;               // CUPS queue; empty: PNG + PDF files only
  std::string photo_dir;             // a document camera drops photos here; "Add photo" takes the
                                     // newest one not taken yet. Empty: no "Add photo" at all
  bool vsync = true;                 // --no-vsync: frames as fast as they come (soak runs)
  bool supervise = true;             // restart a crashed UI, keeping the session key (session_guard.hpp)
};

// Applies a config file's text (the lines described above) to o; "" when
// every line was understood, else the first problem (in o.lang).
std::string apply_config_text(Options& o, std::string_view text, const std::string& path);

// Parses argv; on a bad command line returns nullopt and sets *error (in lang).
std::optional<Options> parse_options(int argc, char** argv, std::string* error);

// The web app's page for a ticket: PUBLIC/#/ticket/ID (ID percent-encoded).
std::string ticket_page_url(const Options& o, const std::string& ticket_id);

}  // namespace civic::kiosk
