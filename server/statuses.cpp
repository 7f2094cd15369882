// server/statuses.cpp — see statuses.hpp.
#include "server/statuses.hpp"

namespace civic::server {

bool is_status(std::string_view s) {
  for (auto k : kStatuses)
    if (k == s) return true;
  return false;
}

bool is_closed(std::string_view s) {
  return s == "resolved" || s == "duplicate" || s == "not_responsible" || s == "rejected";
}

std::string_view georeport_status(std::string_view s) { return is_closed(s) ? "closed" : "open"; }

std::string_view mysociety_status(std::string_view s) {
  if (s == "accepted") return "INVESTIGATING";
  if (s == "in_progress") return "IN_PROGRESS";
  if (s == "scheduled") return "ACTION_SCHEDULED";
  if (s == "resolved") return "FIXED";
  if (s == "duplicate") return "DUPLICATE";
  if (s == "not_responsible") return "NOT_COUNCILS_RESPONSIBILITY";
  if (s == "rejected") return "NO_FURTHER_ACTION";
  return "OPEN";  // submitted, reopened
}

bool staff_may_move(std::string_view from, std::string_view to) {
  if (!is_status(from) || !is_status(to)) return false;
  if (is_closed(from)) return false;            // only the resident reopens
  if (to == "submitted" || to == "reopened") return false;
  if (from == to) return true;
  if (from == "submitted" || from == "reopened")
    return to == "accepted" || to == "duplicate" || to == "not_responsible" || to == "rejected" || to == "resolved";
  return true;  // accepted / in_progress / scheduled → any other staff status
}

}  // namespace civic::server
