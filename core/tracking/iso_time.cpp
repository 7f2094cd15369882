// core/tracking/iso_time.cpp — see iso_time.hpp for the accepted forms.
#include "core/tracking/iso_time.hpp"

#include <array>
#include <cstdio>

namespace civic::tracking {

namespace {

// Reads exactly n ASCII digits at s[pos]; advances pos.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

std::optional<std::int64_t> compose(int y, int mo, int d, int h, int mi, int s) {
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return std::nullopt;
  if (h > 23 || mi > 59 || s > 60) return std::nullopt;  // 60: a leap second, folded into the next
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + s;
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> parse_iso8601(std::string_view s) {
  if (s.size() > 64) return std::nullopt;
  std::size_t p = 0;
  auto y = digits(s, p, 4);
  if (!y || !expect(s, p, '-')) return std::nullopt;
  auto mo = digits(s, p, 2);
  if (!mo || !expect(s, p, '-')) return std::nullopt;
  auto d = digits(s, p, 2);
  if (!d || p >= s.size() || (s[p] != 'T' && s[p] != 't' && s[p] != ' ')) return std::nullopt;
  ++p;
  auto h = digits(s, p, 2);
  if (!h || !expect(s, p, ':')) return std::nullopt;
  auto mi = digits(s, p, 2);
  if (!mi || !expect(s, p, ':')) return std::nullopt;
  auto sec = digits(s, p, 2);
  if (!sec) return std::nullopt;
  if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
    ++p;
    std::size_t start = p;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
    if (p == start) return std::nullopt;
  }
  auto t = compose(*y, *mo, *d, *h, *mi, *sec);
  if (!t) return std::nullopt;
  if (p == s.size()) return t;  // no zone: UTC
  if ((s[p] == 'Z' || s[p] == 'z') && p + 1 == s.size()) return t;
  if (s[p] != '+' && s[p] != '-') return std::nullopt;
  int sign = s[p] == '+' ? -1 : 1;  // local = UTC + offset, so UTC = local - offset
  ++p;
  auto oh = digits(s, p, 2);
  if (!oh || *oh > 23) return std::nullopt;
  int om = 0;
  if (p < s.size()) {
    if (s[p] == ':') ++p;
    auto m = digits(s, p, 2);
    if (!m || *m > 59) return std::nullopt;
    om = *m;
  }
  if (p != s.size()) return std::nullopt;
  return *t + sign * (*oh * 3600 + om * 60);
}

std::string format_iso8601_utc(std::int64_t t) {
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  std::int64_t rem = t - days * 86400;
  // civil_from_days (H. Hinnant)
  std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char out[32];
  std::snprintf(out, sizeof out, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m, d,
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  return out;
}

std::optional<std::int64_t> parse_http_date(std::string_view s) {
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" — exactly 29 bytes.
  if (s.size() != 29 || s[3] != ',' || s[4] != ' ' || s.substr(26) != "GMT") return std::nullopt;
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::size_t p = 5;
  auto d = digits(s, p, 2);
  if (!d || !expect(s, p, ' ')) return std::nullopt;
  int mo = 0;
  for (int i = 0; i < 12; ++i)
    if (s.substr(p, 3) == kMonths[i]) mo = i + 1;
  if (mo == 0) return std::nullopt;
  p += 3;
  if (!expect(s, p, ' ')) return std::nullopt;
  auto y = digits(s, p, 4);
  if (!y || !expect(s, p, ' ')) return std::nullopt;
  auto h = digits(s, p, 2);
  if (!h || !expect(s, p, ':')) return std::nullopt;
  auto mi = digits(s, p, 2);
  if (!mi || !expect(s, p, ':')) return std::nullopt;
  auto sec = digits(s, p, 2);
  if (!sec || !expect(s, p, ' ')) return std::nullopt;
  return compose(*y, mo, *d, *h, *mi, *sec);
}

}  // namespace civic::tracking
