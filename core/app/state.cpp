// core/app/state.cpp — values derived from State (never stored twice).
#include "core/app/state.hpp"

namespace civic::app {

std::vector<ServiceGroup> service_groups(const Catalog& catalog) {
  std::vector<ServiceGroup> groups;
  for (const auto& s : catalog.services) {
    ServiceGroup* g = nullptr;
    for (auto& existing : groups)
      if (existing.name == s.group) g = &existing;
    if (!g) {
      groups.push_back({s.group, {}});
      g = &groups.back();
    }
    g->services.push_back(&s);
  }
  return groups;
}

const Ticket* find_ticket(const State& s, const std::string& key) {
  for (const auto& t : s.tickets)
    if ((!t.id.empty() && t.id == key) || t.local_ref == key) return &t;
  return nullptr;
}

}  // namespace civic::app
