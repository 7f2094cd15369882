// core/forms/check_number.cpp — decimals within an attribute's range, compared
// exactly (decimal.hpp), after full-width folding.
#include "core/forms/decimal.hpp"
#include "core/forms/validators.hpp"
#include "core/text/normalize.hpp"

namespace civic::forms {

Result<std::string> normalize_number(std::string_view raw, std::string_view min, std::string_view max,
                                     bool integer_only) {
  if (raw.size() > kMaxRawBytes) return make_error("forms.number_invalid");
  std::string folded = text::fullwidth_to_ascii(raw);
  auto d = parse_decimal(text::trim_spaces(folded));
  if (!d) return make_error("forms.number_invalid");
  if (integer_only && !is_integer(*d)) return make_error("forms.number_integer");
  auto lo = parse_decimal(min);
  auto hi = parse_decimal(max);
  bool below = lo && compare(*d, *lo) < 0;
  bool above = hi && compare(*d, *hi) > 0;
  if (below || above) {
    if (lo && hi)
      return make_error("forms.number_range", {}, {{"min", to_string(*lo)}, {"max", to_string(*hi)}});
    if (lo) return make_error("forms.number_min", {}, {{"min", to_string(*lo)}});
    return make_error("forms.number_max", {}, {{"max", to_string(*hi)}});
  }
  return to_string(*d);
}

}  // namespace civic::forms
