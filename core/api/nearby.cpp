// core/api/nearby.cpp — see nearby.hpp.
#include "core/api/nearby.hpp"

#include <algorithm>
#include <cmath>

#include "core/api/json_read.hpp"
#include "core/api/url.hpp"

namespace civic::api {

namespace {

int clamp_radius(int r) { return std::clamp(r, 1, kMaxRadiusM); }

int read_radius(const json& o, const char* key, int fallback) {
  auto it = o.find(key);
  if (it == o.end() || !it->is_number()) return fallback;
  double v = it->get<double>();
  if (!std::isfinite(v) || v < 1) return fallback;
  return clamp_radius(v > kMaxRadiusM ? kMaxRadiusM : static_cast<int>(v));
}

}  // namespace

std::optional<NearbyOffer> nearby_offer(std::string_view capabilities_json) {
  if (capabilities_json.size() > kMaxCapabilitiesBytes) return std::nullopt;
  json doc = json::parse(capabilities_json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  auto ext = doc.find("extensions");
  if (ext == doc.end() || !ext->is_object()) return std::nullopt;
  auto n = ext->find("nearby");
  if (n == ext->end()) return std::nullopt;
  NearbyOffer offer;
  if (n->is_boolean()) return n->get<bool>() ? std::optional<NearbyOffer>(offer) : std::nullopt;
  if (!n->is_object()) return std::nullopt;
  offer.max_radius_m = read_radius(*n, "max_radius", kMaxRadiusM);
  offer.default_radius_m = std::min(read_radius(*n, "default_radius", kDefaultNearbyRadiusM), offer.max_radius_m);
  return offer;
}

std::string nearby_url(std::string_view base, std::string_view service_code, std::string_view lat,
                       std::string_view lon, int radius_m, Lang lang) {
  return endpoint_url(base, "requests.json",
                      {{"service_code", std::string(service_code)},
                       {"lat", std::string(lat)},
                       {"long", std::string(lon)},
                       {"radius", std::to_string(clamp_radius(radius_m))},
                       {"status", "open"},
                       {"locale", std::string(lang_tag(lang))}});
}

double distance_m(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarth = 6371008.8, kRad = 3.14159265358979323846 / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarth * std::asin(std::min(1.0, std::sqrt(a)));
}

std::vector<ServiceRequest> nearby_filter(const std::vector<ServiceRequest>& all, std::string_view service_code,
                                          double lat, double lon, int radius_m,
                                          const std::vector<std::string>& skip_ids) {
  std::vector<std::pair<double, const ServiceRequest*>> near;
  for (const auto& r : all) {
    if (r.status != "open" || r.service_code != service_code || !r.lat || !r.lon || r.id.empty()) continue;
    if (std::find(skip_ids.begin(), skip_ids.end(), r.id) != skip_ids.end()) continue;
    double d = distance_m(lat, lon, *r.lat, *r.lon);
    if (std::isfinite(d) && d <= radius_m) near.emplace_back(d, &r);
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<ServiceRequest> out;
  for (const auto& [d, r] : near) out.push_back(*r);
  return out;
}

}  // namespace civic::api
