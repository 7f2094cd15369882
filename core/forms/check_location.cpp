// core/forms/check_location.cpp — where the concern is: GeoReport v2 wants
// lat & long, or address_string, or address_id (validators.hpp).
#include <cmath>
#include <cstdio>

#include "core/forms/decimal.hpp"
#include "core/forms/validators.hpp"
#include "core/text/normalize.hpp"

namespace civic::forms {

namespace {

bool within(std::string_view s, const char* bound) {
  auto d = parse_decimal(s);
  if (!d) return false;
  Decimal hi = *parse_decimal(bound);
  Decimal lo = hi;
  lo.negative = true;
  return compare(*d, lo) >= 0 && compare(*d, hi) <= 0;
}

bool place_ok(std::string_view id) {
  if (id.empty() || id.size() > kMaxPlaceIdBytes) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '.' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string format_coordinate(double degrees) {
  if (!std::isfinite(degrees)) return {};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6f", degrees);
  std::string s = buf;
  if (s == "-0.000000") s = "0.000000";
  return s;
}

std::optional<Error> check_location(const Location& loc) {
  bool has_lat = !text::trim_spaces(loc.lat).empty();
  bool has_lon = !text::trim_spaces(loc.lon).empty();
  bool has_address = !text::trim_spaces(loc.address).empty();
  bool has_place = !loc.place_id.empty();
  if (!has_lat && !has_lon && !has_address && !has_place) return make_error("forms.location_required");
  if (has_lat != has_lon) return make_error("forms.location_incomplete");
  if (has_lat && (!within(text::trim_spaces(loc.lat), "90") || !within(text::trim_spaces(loc.lon), "180")))
    return make_error("forms.location_range");
  if (!loc.address.empty()) {
    if (auto e = check_clean_text(loc.address, false)) return e;
    if (auto e = check_length(loc.address, 0, kAddressMaxChars)) return e;
  }
  if (has_place && !place_ok(loc.place_id)) return make_error("forms.place_invalid");
  return std::nullopt;
}

}  // namespace civic::forms
