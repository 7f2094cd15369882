// core/forms/decimal.hpp — exact decimal numbers for range checks, so the
// phone, the kiosk and the server agree on "200.0000000000000001 > 200"
// without floating-point rounding (and without locale-dependent strtod).
//
// Grammar accepted (after full-width folding by the caller):
//   [+-]? DIGIT+ ( "." DIGIT+ )?      at most 40 characters, no exponent,
// no hex, no inf/nan, no thousands separators.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace civic::forms {

struct Decimal {
  bool negative = false;     // never set for zero
  std::string whole;         // no leading zeros ("0" is "")
  std::string fraction;      // no trailing zeros
};

inline constexpr size_t kMaxNumberChars = 40;

std::optional<Decimal> parse_decimal(std::string_view s);

// <0, 0, >0 like strcmp.
int compare(const Decimal& a, const Decimal& b);

bool is_integer(const Decimal& d);

// Shortest plain form: "-12.5", "0", "200".
std::string to_string(const Decimal& d);

}  // namespace civic::forms
