// server/nearby.cpp — see nearby.hpp.
#include "server/nearby.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/api/nearby.hpp"
#include "core/forms/validators.hpp"

namespace civic::server {

std::optional<NearQuery> read_near_query(const HttpRequest& req, std::optional<HttpResponse>* error) {
  std::string lat = req.query_value("lat"), lon = req.query_value("long"), radius = req.query_value("radius");
  if (lat.empty() && lon.empty() && radius.empty()) return std::nullopt;
  forms::Location where;
  where.lat = lat;
  where.lon = lon;
  if (lat.empty() || lon.empty() || forms::check_location(where)) {
    *error = error_response(req, 400, "server.bad_lat_long");
    return std::nullopt;
  }
  NearQuery q;
  q.lat = std::strtod(lat.c_str(), nullptr);
  q.lon = std::strtod(lon.c_str(), nullptr);
  q.radius_m = api::kDefaultNearbyRadiusM;
  if (!radius.empty()) {
    bool digits = radius.size() <= 9 && std::all_of(radius.begin(), radius.end(), [](char c) { return c >= '0' && c <= '9'; });
    long r = digits ? std::strtol(radius.c_str(), nullptr, 10) : 0;
    if (r < 1) {
      *error = error_response(req, 400, "server.bad_radius", {{"max", std::to_string(api::kMaxRadiusM)}});
      return std::nullopt;
    }
    q.radius_m = static_cast<int>(std::min<long>(r, api::kMaxRadiusM));   // capped, as announced
  }
  return q;
}

void narrow_to_box(const NearQuery& q, TicketFilter& f) {
  constexpr double kMetresPerDegree = 111194.9;   // one degree of latitude on the mean sphere
  double dlat = q.radius_m / kMetresPerDegree * 1.01;
  double c = std::cos(q.lat * 3.14159265358979323846 / 180);
  double dlon = c < 1e-6 ? 180 : std::min(180.0, dlat / c);
  f.box = TicketFilter::Box{q.lat - dlat, q.lat + dlat, q.lon - dlon, q.lon + dlon};
}

void keep_within(const NearQuery& q, std::vector<Ticket>& tickets) {
  std::erase_if(tickets, [&](const Ticket& t) {
    return !t.lat || !t.lon || api::distance_m(q.lat, q.lon, *t.lat, *t.lon) > q.radius_m;
  });
}

}  // namespace civic::server
