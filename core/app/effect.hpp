// core/app/effect.hpp — the work core asks a shell to do. Core never does I/O:
// it returns Effects from update(), the shell (web/, native/, the CLI) carries
// them out with its own platform calls and reports back with an Event.
#pragma once
#include <cstdint>
#include <string>
#include <variant>

#include "core/api/url.hpp"

namespace civic::app {

// Perform an HTTP request; answer with HttpDone{request_id, ...}.
struct HttpRequest {
  std::uint64_t request_id = 0;
  std::string method = "GET";
  std::string url;
  api::Params headers;
  std::string body;
};

using Effect = std::variant<HttpRequest>;

}  // namespace civic::app
