// tests/core/forms_location_test.cpp — lat/long, address or place id
// (GeoReport v2: one of them is required).
#include <doctest/doctest.h>

#include <string>

#include "core/forms/validators.hpp"

using namespace civic::forms;

TEST_CASE("check_location") {
  struct Row { const char* name; Location loc; std::string error; };
  Row rows[] = {
      {"a point in Shenzhen", {"22.543096", "114.057865", "", ""}, ""},
      {"an address", {"", "", "深圳市福田区福中三路 2012 号", ""}, ""},
      {"the kiosk's hall", {"", "", "", "hall:futian-01"}, ""},
      {"point and address together", {"22.5", "114.0", "福田区", ""}, ""},
      {"north pole (boundary)", {"90", "0", "", ""}, ""},
      {"date line (boundary)", {"-90.000000", "-180", "", ""}, ""},
      {"nothing", {}, "forms.location_required"},
      {"only spaces", {" ", " ", "\xE3\x80\x80", ""}, "forms.location_required"},
      {"latitude without longitude", {"22.5", "", "", ""}, "forms.location_incomplete"},
      {"latitude beyond 90", {"90.0000001", "0", "", ""}, "forms.location_range"},
      {"longitude beyond 180", {"0", "180.5", "", ""}, "forms.location_range"},
      {"coordinate with exponent", {"2.2e1", "114", "", ""}, "forms.location_range"},
      {"coordinate as text", {"north", "east", "", ""}, "forms.location_range"},
      {"address with a bidi override", {"", "", "福田区\xE2\x80\xAE", ""}, "forms.bidi_override"},
      {"address of 256 characters", {"", "", std::string(256, 'a'), ""}, "forms.too_long"},
      {"place id with a space", {"", "", "", "hall 1"}, "forms.place_invalid"},
      {"place id of 65 bytes", {"", "", "", std::string(65, 'h')}, "forms.place_invalid"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto got = check_location(r.loc);
      CHECK((got ? got->id : std::string()) == r.error);
    }
  }
}

TEST_CASE("format_coordinate writes six decimals") {
  struct Row { const char* name; double in; std::string want; };
  Row rows[] = {{"Shenzhen", 22.5430961, "22.543096"}, {"negative", -33.8688, "-33.868800"},
                {"negative zero", -0.0, "0.000000"}, {"tiny negative rounds to zero", -0.0000001, "0.000000"}};
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(format_coordinate(r.in) == r.want); }
  }
}
