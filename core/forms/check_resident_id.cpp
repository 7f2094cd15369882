// core/forms/check_resident_id.cpp — the 18-character resident identity card
// number of GB 11643-1999: 6-digit address code, 8-digit birth date
// (YYYYMMDD), 3-digit sequence, and a check character computed with
// ISO 7064 MOD 11-2 over the first 17 digits.
#include "core/forms/calendar.hpp"
#include "core/forms/validators.hpp"
#include "core/text/normalize.hpp"

namespace civic::forms {

namespace {

// Province-level address codes (GB/T 2260), plus 81/82/83 for the residence
// permits of Hong Kong, Macao and Taiwan residents.
bool province(int p) {
  return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46) ||
         (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || (p >= 81 && p <= 83);
}

int num(std::string_view s, size_t i, size_t n) {
  int v = 0;
  for (size_t k = 0; k < n; ++k) v = v * 10 + (s[i + k] - '0');
  return v;
}

}  // namespace

Result<std::string> normalize_resident_id(std::string_view raw, int today) {
  if (raw.size() > kMaxRawBytes) return make_error("forms.id_length");
  std::string folded = text::fullwidth_to_ascii(raw);
  std::string id;
  for (char c : text::trim_spaces(folded))
    if (c != ' ') id += c;
  if (id.size() != 18) return make_error("forms.id_length", std::to_string(id.size()) + " characters");
  for (size_t i = 0; i < 17; ++i)
    if (id[i] < '0' || id[i] > '9') return make_error("forms.id_format");
  if (id[17] == 'x') id[17] = 'X';
  if ((id[17] < '0' || id[17] > '9') && id[17] != 'X') return make_error("forms.id_format");
  if (!province(num(id, 0, 2))) return make_error("forms.id_region");
  int y = num(id, 6, 4), m = num(id, 10, 2), d = num(id, 12, 2);
  if (y < 1900 || d < 1 || d > days_in_month(y, m) || (today > 0 && num(id, 6, 8) > today))
    return make_error("forms.id_birthdate");
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  if (id[17] != "10X98765432"[sum % 11]) return make_error("forms.id_checksum");
  return id;
}

}  // namespace civic::forms
