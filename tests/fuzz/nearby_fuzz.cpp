// tests/fuzz/nearby_fuzz.cpp — a server's capabilities document and its
// answer to the nearby query (core/api/nearby.hpp), both outside bytes.
//
// Input layout: the capabilities text up to the first NUL byte; after it, a
// GeoReport request list. The draft's point is fixed (Shenzhen) so that
// hostile coordinates meet the haversine and the radius.
//
// Beyond "no crash, no leak, no UB": an offer's radii are 1..kMaxRadiusM with
// the default no larger than the maximum, and every concern kept by
// nearby_filter is open, of the service, not skipped, within the radius and
// no nearer than the one before it.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/api/nearby.hpp"
#include "core/api/parse.hpp"

using namespace civic;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nul = in.find('\0');
  std::string_view caps = in.substr(0, nul);
  std::string_view list = nul == std::string_view::npos ? in : in.substr(nul + 1);

  auto offer = api::nearby_offer(caps);
  int radius = api::kDefaultNearbyRadiusM;
  if (offer) {
    if (offer->max_radius_m < 1 || offer->max_radius_m > api::kMaxRadiusM) std::abort();
    if (offer->default_radius_m < 1 || offer->default_radius_m > offer->max_radius_m) std::abort();
    radius = offer->default_radius_m;
  }
  auto parsed = api::parse_requests(list);
  if (!parsed) return 0;
  constexpr double kLat = 22.5431, kLon = 114.0579;
  const std::vector<std::string> skip = {"2026-000001"};
  auto near = api::nearby_filter(*parsed, "streetlight-out", kLat, kLon, radius, skip);
  double last = 0;
  for (const auto& r : near) {
    if (r.status != "open" || r.service_code != "streetlight-out" || r.id == skip[0] || !r.lat || !r.lon) std::abort();
    double d = api::distance_m(kLat, kLon, *r.lat, *r.lon);
    if (!(d <= radius) || d < last) std::abort();
    last = d;
  }
  return 0;
}
