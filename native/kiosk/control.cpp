// native/kiosk/control.cpp — reading automation commands.
#include "native/kiosk/control.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace civic::kiosk {

Command parse_command(const std::string& line) {
  Command c;
  c.line = line;
  std::istringstream in(line);
  in >> c.verb;
  std::string word;
  while (in >> word) c.args.push_back(word);
  // rest: after verb and first argument, spaces kept (text may contain them).
  size_t p = line.find_first_not_of(' ');
  p = line.find(' ', p);                                 // end of verb
  if (p != std::string::npos) p = line.find_first_not_of(' ', p);
  if (c.verb == "wait-text") {
    c.rest = p == std::string::npos ? "" : line.substr(p);
  } else if (p != std::string::npos) {
    size_t q = line.find(' ', p);                        // end of first argument
    if (q != std::string::npos) c.rest = line.substr(q + 1);
  }
  return c;
}

void Control::start_stdin(std::function<void()> wake) {
  std::thread([this, wake] {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (line.empty() || line[0] == '#') continue;
      {
        std::lock_guard lock(mu_);
        queue_.push_back(parse_command(line));
      }
      wake();
    }
    // stdin closed: the test runner is gone; quit like a `quit` command.
    {
      std::lock_guard lock(mu_);
      queue_.push_back(parse_command("quit"));
    }
    wake();
  }).detach();
}

bool Control::load_script(const std::string& path) {
  std::ifstream f(path);
  if (!f) return false;
  std::string line;
  std::lock_guard lock(mu_);
  while (std::getline(f, line))
    if (!line.empty() && line[0] != '#') queue_.push_back(parse_command(line));
  return true;
}

std::optional<Command> Control::next() {
  std::lock_guard lock(mu_);
  if (queue_.empty()) return std::nullopt;
  Command c = std::move(queue_.front());
  queue_.pop_front();
  return c;
}

bool Control::empty() {
  std::lock_guard lock(mu_);
  return queue_.empty();
}

}  // namespace civic::kiosk
