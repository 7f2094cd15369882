// native/kiosk/control.hpp — the automation channel tests use to drive the
// kiosk through its semantic nodes, as a resident's finger would.
// One command per line, from stdin (--control) or a file (--script):
//   tap ID                 press the control with semantic id ID
//   type ID TEXT…          put TEXT (rest of the line) into textbox ID
//   wait ID [MS]           until a node ID is drawn (default 15000 ms)
//   wait-text TEXT…        until some node's name or value contains TEXT
//   wait-idle [MS]         until no request is in flight and the frame is drawn
//   dump                   the semantic nodes of the last frame
//   screenshot FILE        save the next frame as PNG
//   resize W H             resize the window
//   scroll ID              scroll the screen until node ID is in view
//   drag ID FX0 FY0 FX1 FY1  a finger pressed at (FX0, FY0) of node ID's
//                          rectangle (fractions 0..1), moved to (FX1, FY1), lifted
//   advance MS [touched]   run the kiosk's clocks MS ahead (a session's
//                          countdown, a poll's wait) without sleeping;
//                          `touched`: the resident touched the screen then
//   frames                 {"frames": N}: frames presented since start
//                          (two answers apart while idle: nothing drawn)
//   quit
// Answer: one JSON line per command on stdout, {"ok":true,"cmd":…[,"nodes":…]}
// or {"ok":false,"cmd":…,"error":…}. Lines starting with # are comments.
#pragma once
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace civic::kiosk {

struct Command {
  std::string verb;
  std::vector<std::string> args;   // space-separated words after the verb
  std::string rest;                // everything after the first argument (for type / wait-text)
  std::string line;
};

Command parse_command(const std::string& line);

class Control {
 public:
  // Reads stdin on a thread; `wake` is called after each line (glfwPostEmptyEvent).
  void start_stdin(std::function<void()> wake);
  bool load_script(const std::string& path);
  std::optional<Command> next();
  bool empty();

 private:
  std::mutex mu_;
  std::deque<Command> queue_;
};

}  // namespace civic::kiosk
