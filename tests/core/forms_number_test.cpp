// tests/core/forms_number_test.cpp — exact decimals and ranges: the same
// verdict on every platform, with no floating-point rounding at a bound.
#include <doctest/doctest.h>

#include <string>

#include "core/forms/decimal.hpp"
#include "core/forms/validators.hpp"

using namespace civic::forms;

TEST_CASE("normalize_number within a range") {
  struct Row { const char* name; std::string in; const char* min; const char* max; bool integer;
               std::string want; std::string error; };
  Row rows[] = {
      {"inside", "42", "0", "200", false, "42", ""},
      {"lower bound", "0", "0", "200", false, "0", ""},
      {"upper bound", "200", "0", "200", false, "200", ""},
      {"upper bound with zeros", "200.000", "0", "200", false, "200", ""},
      {"just above, beyond double precision", "200.0000000000000001", "0", "200", false, "", "forms.number_range"},
      {"just below", "-0.001", "0", "200", false, "", "forms.number_range"},
      {"decimal inside", "3.5", "0", "200", false, "3.5", ""},
      {"leading zeros and plus", "+007", "0", "200", false, "7", ""},
      {"negative zero is zero", "-0", "0", "200", false, "0", ""},
      {"full-width digits", "１２０", "0", "200", false, "120", ""},
      {"outer spaces", " 12 ", "0", "200", false, "12", ""},
      {"negative range", "-3", "-5", "-1", false, "-3", ""},
      {"below a negative range", "-6", "-5", "-1", false, "", "forms.number_range"},
      {"only a minimum", "-1", "0", "", false, "", "forms.number_min"},
      {"only a maximum", "11", "", "10", false, "", "forms.number_max"},
      {"no range", "123456789012345678901234567890", "", "", false, "123456789012345678901234567890", ""},
      {"whole number wanted", "2.5", "0", "10", true, "", "forms.number_integer"},
      {"whole number written 2.0", "2.0", "0", "10", true, "2", ""},
      {"exponent refused", "1e3", "", "", false, "", "forms.number_invalid"},
      {"hex refused", "0x10", "", "", false, "", "forms.number_invalid"},
      {"comma decimal refused", "3,5", "", "", false, "", "forms.number_invalid"},
      {"bare dot", ".5", "", "", false, "", "forms.number_invalid"},
      {"trailing dot", "5.", "", "", false, "", "forms.number_invalid"},
      {"inf", "inf", "", "", false, "", "forms.number_invalid"},
      {"Chinese numerals", "十二", "", "", false, "", "forms.number_invalid"},
      {"41 characters", std::string(41, '9'), "", "", false, "", "forms.number_invalid"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto got = normalize_number(r.in, r.min, r.max, r.integer);
      if (r.error.empty()) {
        REQUIRE_MESSAGE(got.ok(), got.error().id);
        CHECK(got.value() == r.want);
      } else {
        REQUIRE_FALSE(got.ok());
        CHECK(got.error().id == r.error);
      }
    }
  }
}

TEST_CASE("range errors carry their bounds as parameters") {
  auto got = normalize_number("300", "0", "200", false);
  REQUIRE_FALSE(got.ok());
  CHECK(got.error().params.at("min") == "0");
  CHECK(got.error().params.at("max") == "200");
}

TEST_CASE("decimal compare orders exactly") {
  struct Row { const char* name; const char* a; const char* b; int want; };
  Row rows[] = {{"equal with zeros", "1.50", "01.5", 0},  {"fraction prefix", "0.4", "0.45", -1},
                {"longer whole part", "10", "9.99", 1},   {"negatives", "-10", "-9", -1},
                {"zero and minus zero", "0", "-0.0", 0},  {"negative vs positive", "-0.1", "0.1", -1}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto a = parse_decimal(r.a), b = parse_decimal(r.b);
      REQUIRE(a);
      REQUIRE(b);
      int c = compare(*a, *b);
      CHECK((c > 0) - (c < 0) == r.want);
    }
  }
}
