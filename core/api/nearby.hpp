// core/api/nearby.hpp — the Civic "nearby" extension: open concerns of a
// service near a point, so a resident can follow one already reported
// instead of filing it again.
//
// A server that offers it says so in its capabilities document
// (GET civic/capabilities.json):
//   "extensions": {"nearby": {"parameters": ["lat", "long", "radius"],
//                             "default_radius": 200, "max_radius": 1000}}
// (a bare `"nearby": true` is read as the defaults below), and then answers
//   GET requests.json?service_code=C&lat=Y&long=X&radius=R&status=open
// with the GeoReport v2 request list. A plain Open311 server does not offer
// it: the client then never asks (it would ignore lat/long and list the whole
// city). Servers may still ignore filters, so the client filters the answer
// again (nearby_filter).
//
// Limits: the capabilities text is read up to kMaxCapabilitiesBytes; a radius
// is 1..kMaxRadiusM metres whatever the server announces.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/models.hpp"
#include "core/i18n/lang.hpp"

namespace civic::api {

inline constexpr size_t kMaxCapabilitiesBytes = 256u << 10;
inline constexpr int kDefaultNearbyRadiusM = 200;
inline constexpr int kMaxRadiusM = 2000;

struct NearbyOffer {
  int default_radius_m = kDefaultNearbyRadiusM;
  int max_radius_m = kMaxRadiusM;
};

// The offer in a capabilities document; nullopt when the document does not
// parse or has no extensions.nearby (or it is false).
std::optional<NearbyOffer> nearby_offer(std::string_view capabilities_json);

// GET requests.json for open concerns of `service_code` within radius_m
// (clamped to 1..kMaxRadiusM) of lat/long (decimal strings as the form keeps them).
std::string nearby_url(std::string_view base, std::string_view service_code, std::string_view lat,
                       std::string_view lon, int radius_m, Lang lang);

// Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m).
double distance_m(double lat1, double lon1, double lat2, double lon2);

// The answer filtered on the client: open, of `service_code`, with a point
// within radius_m of (lat, lon), not one of `skip_ids`; nearest first.
std::vector<ServiceRequest> nearby_filter(const std::vector<ServiceRequest>& all, std::string_view service_code,
                                          double lat, double lon, int radius_m,
                                          const std::vector<std::string>& skip_ids);

}  // namespace civic::api
