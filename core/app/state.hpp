// core/app/state.hpp — everything the screens draw, as plain values.
// Screens read State and dispatch Events; only update() changes State.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/api/models.hpp"
#include "core/i18n/lang.hpp"
#include "core/result.hpp"

namespace civic::app {

enum class Screen { home, group };

enum class Phase { idle, loading, ready, failed };

// The service catalogue as last fetched, in the language it was fetched in.
struct Catalog {
  Phase phase = Phase::idle;
  std::vector<api::Service> services;
  std::optional<Error> error;
  Lang lang = Lang::zh_CN;
};

// What an in-flight request was for, so a late reply (say, for the language
// the resident just switched away from) is recognised and dropped.
enum class Purpose { services };
struct Pending {
  Purpose purpose;
  Lang lang;
};

// How the resident wants the screens presented (home → accessibility).
struct Settings {
  bool large_text = false;     // elderly mode: text and touch targets >= 1.5x
  bool high_contrast = false;
  bool operator==(const Settings&) const = default;
};

struct State {
  std::string server_base;
  Settings settings;
  Lang lang = Lang::zh_CN;
  Screen screen = Screen::home;
  std::string open_group;
  std::string open_group_anchor;   // a service code in the open group (survives relabelling)
  Catalog catalog;
  std::uint64_t next_request_id = 1;
  std::map<std::uint64_t, Pending> pending;
  // Bumped on every change, so a shell can redraw only when something changed.
  std::uint64_t revision = 0;
};

// Groups in the order the server lists them; services without a group go
// under one group with an empty name (shown as "Other").
struct ServiceGroup {
  std::string name;
  std::vector<const api::Service*> services;
};
std::vector<ServiceGroup> service_groups(const Catalog& catalog);

}  // namespace civic::app
