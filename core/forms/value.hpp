// core/forms/value.hpp — what a resident has entered in one field, as plain
// data (the app state holds it, the outbox persists it, the server rebuilds it
// from a POST body).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace civic::forms {

// GeoReport v2 §POST: "lat & long both required, or address_string, or
// address_id". Coordinates are decimal strings (format_coordinate) so the
// client and the server range-check the very same digits.
struct Location {
  std::string lat;
  std::string lon;          // sent as `long`
  std::string address;      // address_string
  std::string place_id;     // address_id: the kiosk's hall, or a server's place id
};

struct Attachment {
  std::string name;         // shown in messages
  std::string mime;         // e.g. image/jpeg
  std::uint64_t bytes = 0;
};

// One field's value. Only the member matching the field's kind is used:
// text for text/line/number/datetime/phone/email/resident_id/single_choice
// and flag ("true"/"false"/""), keys for multi_choice, location, attachments.
struct FieldValue {
  std::string text;
  std::vector<std::string> keys;
  Location location;
  std::vector<Attachment> attachments;
};

// A coordinate with 6 decimals (about 0.1 m), the form GPS readings are kept in.
std::string format_coordinate(double degrees);

}  // namespace civic::forms
