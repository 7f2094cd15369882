// core/forms/decimal.cpp — see decimal.hpp.
#include "core/forms/decimal.hpp"

namespace civic::forms {

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::optional<Decimal> parse_decimal(std::string_view s) {
  if (s.empty() || s.size() > kMaxNumberChars) return std::nullopt;
  Decimal d;
  size_t i = 0;
  if (s[0] == '+' || s[0] == '-') {
    d.negative = s[0] == '-';
    ++i;
  }
  size_t w0 = i;
  while (i < s.size() && digit(s[i])) ++i;
  if (i == w0) return std::nullopt;
  std::string_view whole = s.substr(w0, i - w0);
  std::string_view frac;
  if (i < s.size()) {
    if (s[i] != '.') return std::nullopt;
    size_t f0 = ++i;
    while (i < s.size() && digit(s[i])) ++i;
    if (i == f0 || i != s.size()) return std::nullopt;
    frac = s.substr(f0);
  }
  while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
  d.whole = std::string(whole);
  d.fraction = std::string(frac);
  if (d.whole.empty() && d.fraction.empty()) d.negative = false;
  return d;
}

namespace {
// Compares magnitudes.
int compare_abs(const Decimal& a, const Decimal& b) {
  if (a.whole.size() != b.whole.size()) return a.whole.size() < b.whole.size() ? -1 : 1;
  if (int c = a.whole.compare(b.whole)) return c < 0 ? -1 : 1;
  // Fractions have no trailing zeros: compare digit by digit, a missing digit is 0.
  if (int c = a.fraction.compare(b.fraction)) return c < 0 ? -1 : 1;
  return 0;
}
}  // namespace

int compare(const Decimal& a, const Decimal& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  int c = compare_abs(a, b);
  return a.negative ? -c : c;
}

bool is_integer(const Decimal& d) { return d.fraction.empty(); }

std::string to_string(const Decimal& d) {
  std::string out = d.negative ? "-" : "";
  out += d.whole.empty() ? "0" : d.whole;
  if (!d.fraction.empty()) out += "." + d.fraction;
  return out;
}

}  // namespace civic::forms
