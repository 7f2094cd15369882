// core/forms/validators.hpp — every check a form field goes through, as free
// functions over plain values. The same functions run on the phone, the
// kiosk, the CLI and the server, so all of them reach the same verdict with
// the same message id (core/i18n/catalog_forms.cpp).
//
// Limits (values come from residents and from any client that can POST):
//  - free text: valid UTF-8 only, no control or bidi characters
//    (core/text/unsafe_chars.hpp), at most kMaxTextBytes bytes, lengths in
//    user-perceived characters, measured after trimming outer spaces;
//  - phone, e-mail, resident ID, number and datetime first fold full-width
//    forms ("１３８…", "＠") to ASCII and trim; each refuses more than
//    kMaxRawBytes as typed and more than kMaxFoldedBytes after folding
//    (e-mail: 254, RFC 5321 §4.5.3.1.3) before looking further.
// Each check returns the first problem found, in the order documented on it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/forms/schema.hpp"
#include "core/forms/value.hpp"
#include "core/result.hpp"

namespace civic::forms {

inline constexpr size_t kMaxRawBytes = 256;     // a formatted value as typed (full-width: 3 bytes a character)
inline constexpr size_t kMaxFoldedBytes = 64;   // the same after full-width folding

// forms.bad_utf8, forms.control_char, forms.bidi_override, forms.too_long_bytes.
std::optional<Error> check_clean_text(std::string_view s, bool multiline);

// forms.too_short {min}, forms.too_long {max} {count}; 0 means no bound.
std::optional<Error> check_length(std::string_view s, size_t min_chars, size_t max_chars);

// A decimal (decimal.hpp grammar) within [min, max] (either may be ""):
// forms.number_invalid, forms.number_integer, forms.number_range {min} {max},
// forms.number_min {min}, forms.number_max {max}. Returns the canonical form.
Result<std::string> normalize_number(std::string_view s, std::string_view min, std::string_view max,
                                     bool integer_only);

// RFC 3339 date-time: YYYY-MM-DDTHH:MM[:SS[.fraction]] then Z or ±hh:mm
// (seconds 00-59, a real calendar date, leap years). forms.datetime_zone when
// only the zone is missing, else forms.datetime_invalid.
std::optional<Error> check_datetime(std::string_view s);

// Phone numbers. Accepted, with spaces, '-' and '(' ')' between digits:
//  - mainland mobile: 11 digits 1[3-9]xxxxxxxxx, optionally after +86 / 0086;
//  - mainland landline: area code 0xx (010, 02x) or 0xxx, then a 7-8 digit
//    local number not starting with 0 or 1, optionally after +86 / 0086
//    (without the 0), optionally an extension of 1-6 digits after "-",
//    "转", "ext", "x" or "#";
//  - other countries: E.164, '+' or 00 then 7-15 digits not starting with 0.
// Canonical: "13800138000", "0755-12345678", "0755-12345678-123",
// "+85223456789", "+12025550123 ext 12". Errors: forms.phone_mobile (looks
// like a mobile number but is not one), forms.phone_landline (a local number
// without its area code), forms.phone_invalid.
Result<std::string> normalize_phone(std::string_view s);

// A pragmatic RFC 5321 mailbox: ASCII local part of atext and dots (no
// leading, trailing or double dot, <= 64), '@', a domain of >= 2 LDH labels
// (each 1-63, no leading/trailing '-') whose last label is letters (>= 2) or
// "xn--..."; <= 254 in all. The domain is lower-cased. forms.email_invalid.
Result<std::string> normalize_email(std::string_view s);

// 18-character resident identity card number (GB 11643-1999), spaces allowed:
// forms.id_length (not 18, e.g. the old 15-digit card), forms.id_format
// (17 digits then a digit or X), forms.id_region (province code 11-15, 21-23,
// 31-37, 41-46, 50-54, 61-65, 71, 81-83), forms.id_birthdate (a real date from
// 1900-01-01 to `today` (YYYYMMDD; 0 = no upper bound)), forms.id_checksum
// (ISO 7064 MOD 11-2). Canonical: 18 characters, upper-case X.
Result<std::string> normalize_resident_id(std::string_view s, int today);

// At least one of: lat+long, address, place id; each one given must be valid.
// forms.location_required, forms.location_incomplete (one of lat/long),
// forms.location_range (not a decimal, or beyond ±90 / ±180), address as
// free text (check_clean_text, forms.too_long), forms.place_invalid
// (place id: 1-64 of A-Z a-z 0-9 _ . : -).
std::optional<Error> check_location(const Location& loc);

// forms.attachments_required, forms.attachments_too_many {max},
// forms.attachment_empty {name}, forms.attachment_type {name} {type},
// forms.attachment_too_large {name} {max_mb}.
std::optional<Error> check_attachments(const std::vector<Attachment>& files, const FormOptions& options,
                                       bool required);

// One field on its own: the checks above chosen by the field's kind, after
// "required" (forms.required when the value is empty or only spaces).
// Choices: forms.choice_invalid, forms.choice_repeated. Flags: "", "true",
// "false", "1", "0" else forms.flag_invalid. Notes never fail.
std::optional<Error> check_value(const Field& field, const FieldValue& value, const FormOptions& options);

// The value as sent in a POST: the canonical form of phone numbers, e-mail,
// resident IDs and numbers when they are valid, else the text as entered.
std::string canonical_text(const Field& field, const FieldValue& value, const FormOptions& options);

}  // namespace civic::forms
