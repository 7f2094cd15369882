// core/forms/check_datetime.cpp — RFC 3339 §5.6 date-times with a zone.
#include "core/forms/calendar.hpp"
#include "core/forms/validators.hpp"
#include "core/text/normalize.hpp"

namespace civic::forms {

namespace {

// Reads exactly n digits at s[i]; -1 when they are not all there.
int digits(std::string_view s, size_t i, size_t n) {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = s[i + k];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::optional<Error> check_datetime(std::string_view raw) {
  if (raw.size() > kMaxRawBytes) return make_error("forms.datetime_invalid");
  std::string folded = text::fullwidth_to_ascii(raw);
  std::string_view s = text::trim_spaces(folded);
  if (s.size() > kMaxFoldedBytes) return make_error("forms.datetime_invalid");
  Error bad = make_error("forms.datetime_invalid");
  // full-date "T" partial-time
  int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0 || s[4] != '-' || s[7] != '-') return bad;
  if (d < 1 || d > days_in_month(y, mo)) return bad;
  if (s.size() < 16 || s[10] != 'T') return bad;
  int h = digits(s, 11, 2), mi = digits(s, 14, 2);
  if (h < 0 || mi < 0 || s[13] != ':' || h > 23 || mi > 59) return bad;
  size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    int sec = digits(s, i + 1, 2);
    if (sec < 0 || sec > 59) return bad;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      size_t f0 = ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == f0 || i - f0 > 9) return bad;
    }
  }
  // time-offset
  if (i == s.size()) return make_error("forms.datetime_zone");
  if (s[i] == 'Z') return i + 1 == s.size() ? std::nullopt : std::optional<Error>(bad);
  if (s[i] != '+' && s[i] != '-') return bad;
  int oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
  if (oh < 0 || om < 0 || s[i + 3] != ':' || oh > 23 || om > 59 || i + 6 != s.size()) return bad;
  return std::nullopt;
}

}  // namespace civic::forms
