// core/forms/calendar.hpp — proleptic Gregorian calendar facts shared by the
// datetime and resident-ID checks.
#pragma once

namespace civic::forms {

constexpr bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// 28..31, or 0 for a month outside 1..12.
constexpr int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

}  // namespace civic::forms
