// core/app/event.hpp — everything that can happen to the app: the resident's
// actions (from ui/) and the outcomes of Effects (from the shells).
#pragma once
#include <cstdint>
#include <string>
#include <variant>

#include "core/app/state.hpp"
#include "core/i18n/lang.hpp"

namespace civic::app {

// The shell is up: which server to talk to and the language to start in.
struct Started {
  std::string server_base;   // GeoReport v2 endpoint base, e.g. http://127.0.0.1:8080/open311/v2/
  Lang lang = Lang::zh_CN;
  Settings settings;         // the kiosk starts in large-text mode
};

// An HttpRequest finished. status 0 means no reply (network error); then
// `error` says why in developer terms.
struct HttpDone {
  std::uint64_t request_id = 0;
  int status = 0;
  std::string body;
  std::string error;
};

struct LanguageChosen { Lang lang; };
struct GroupOpened { std::string group; };
struct BackPressed {};
struct RetryPressed {};
struct SettingsChanged { Settings settings; };

using Event = std::variant<Started, HttpDone, LanguageChosen, GroupOpened, BackPressed, RetryPressed,
                           SettingsChanged>;

}  // namespace civic::app
