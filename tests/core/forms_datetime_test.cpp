// tests/core/forms_datetime_test.cpp — ISO 8601 / RFC 3339 date-times with a zone.
#include <doctest/doctest.h>

#include <string>

#include "core/forms/validators.hpp"

using namespace civic::forms;

TEST_CASE("check_datetime") {
  struct Row { const char* name; std::string in; std::string error; };
  Row rows[] = {
      {"UTC with Z", "2026-05-01T08:30:00Z", ""},
      {"China time +08:00", "2026-05-01T08:30+08:00", ""},
      {"negative offset", "2026-05-01T08:30:15-05:30", ""},
      {"fraction of a second", "2026-05-01T08:30:15.123456789Z", ""},
      {"leap day", "2024-02-29T00:00Z", ""},
      {"leap day in 2000", "2000-02-29T23:59:59+08:00", ""},
      {"full-width digits", "２０２６－０５－０１Ｔ０８：３０＋０８：００", ""},
      {"no zone", "2026-05-01T08:30:00", "forms.datetime_zone"},
      {"no zone, no seconds", "2026-05-01T08:30", "forms.datetime_zone"},
      {"date only", "2026-05-01", "forms.datetime_invalid"},
      {"space instead of T", "2026-05-01 08:30Z", "forms.datetime_invalid"},
      {"February 29 in 2026", "2026-02-29T08:30Z", "forms.datetime_invalid"},
      {"February 29 in 1900", "1900-02-29T08:30Z", "forms.datetime_invalid"},
      {"April 31", "2026-04-31T08:30Z", "forms.datetime_invalid"},
      {"month 13", "2026-13-01T08:30Z", "forms.datetime_invalid"},
      {"day 0", "2026-05-00T08:30Z", "forms.datetime_invalid"},
      {"hour 24", "2026-05-01T24:00Z", "forms.datetime_invalid"},
      {"minute 60", "2026-05-01T08:60Z", "forms.datetime_invalid"},
      {"second 60", "2026-05-01T08:30:60Z", "forms.datetime_invalid"},
      {"offset without colon", "2026-05-01T08:30+0800", "forms.datetime_invalid"},
      {"offset hour 24", "2026-05-01T08:30+24:00", "forms.datetime_invalid"},
      {"ten fraction digits", "2026-05-01T08:30:15.1234567890Z", "forms.datetime_invalid"},
      {"empty fraction", "2026-05-01T08:30:15.Z", "forms.datetime_invalid"},
      {"trailing junk", "2026-05-01T08:30Zjunk", "forms.datetime_invalid"},
      {"two-digit year", "26-05-01T08:30Z", "forms.datetime_invalid"},
      {"Chinese date", "2026年5月1日", "forms.datetime_invalid"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto got = check_datetime(r.in);
      if (r.error.empty()) CHECK_FALSE(got.has_value());
      else {
        REQUIRE(got.has_value());
        CHECK(got->id == r.error);
      }
    }
  }
}
