// server/nearby.hpp — the Civic "nearby" filter of GET requests.json:
//   ?lat=Y&long=X[&radius=R]   open concerns within R metres (default
//   kDefaultNearbyRadiusM, capped at kMaxRadiusM; core/api/nearby.hpp)
// lat/long are checked as the form checks them (decimal, in range); a bad
// one is a 400 with a GeoReport error body. SQLite narrows by a bounding box
// (bound numbers, never text from the query); the exact great-circle
// distance is applied here.
#pragma once
#include <optional>
#include <vector>

#include "server/context.hpp"
#include "server/tickets.hpp"

namespace civic::server {

struct NearQuery {
  double lat = 0, lon = 0;
  int radius_m = 0;
};

// No lat/long/radius in the query: nullopt and no error. A bad one: *error.
std::optional<NearQuery> read_near_query(const HttpRequest& req, std::optional<HttpResponse>* error);
// The filter's bounding box for `q` (a superset of the circle).
void narrow_to_box(const NearQuery& q, TicketFilter& f);
// Drops the tickets outside the circle (or without a point).
void keep_within(const NearQuery& q, std::vector<Ticket>& tickets);

}  // namespace civic::server
