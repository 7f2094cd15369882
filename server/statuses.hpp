// server/statuses.hpp — the ticket life cycle.
//   submitted → accepted → in_progress ⇄ scheduled → resolved
//   any open status → duplicate | not_responsible | rejected | resolved
//   a closed ticket → reopened (by the resident, within the reopen window)
//   reopened → like submitted
// GeoReport v2 knows only open and closed; the detail travels as
// `status_detail` (and mySociety's upper-case codes in updates).
#pragma once
#include <string_view>

namespace civic::server {

inline constexpr std::string_view kStatuses[] = {"submitted", "accepted", "in_progress", "scheduled", "resolved",
                                                 "duplicate", "not_responsible", "rejected", "reopened"};

bool is_status(std::string_view s);
bool is_closed(std::string_view s);
// "open" | "closed"
std::string_view georeport_status(std::string_view s);
// mySociety servicerequestupdates codes: OPEN, INVESTIGATING, IN_PROGRESS, ...
std::string_view mysociety_status(std::string_view s);
// Whether staff may move a ticket from one status to another. Staying in the
// same open status is allowed (a note or a reassignment without a move).
bool staff_may_move(std::string_view from, std::string_view to);

}  // namespace civic::server
