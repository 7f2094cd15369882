// core/tracking/poll_observe.hpp — a timeline for servers without the event
// stream: plain Open311 GeoReport v2 only tells us a request's current
// status (open|closed), status_notes, agency_responsible, updated_datetime and
// expected_datetime. Each poll is compared with what the timeline already
// shows and the differences become local events (seq continues the
// timeline's own numbering; event_id 0 marks them as observed, not streamed).
#pragma once
#include <cstdint>

#include "core/api/models.hpp"
#include "core/tracking/timeline.hpp"

namespace civic::tracking {

// Returns true when the timeline changed. `now` stands in for a missing or
// unreadable updated_datetime.
bool observe_request(Timeline& t, const api::ServiceRequest& r, std::int64_t now);

}  // namespace civic::tracking
