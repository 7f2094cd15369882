// core/forms/schema.hpp — the form a resident fills in for one service: the
// service definition's attributes (GeoReport v2 GET /services/{code}.json)
// plus the fields every concern has (description, location, contact,
// anonymous filing, attachments).
//
// Conventions read from a service definition (documented for server authors):
//  - datatype string/text/number/datetime/singlevaluelist/multivaluelist map
//    to the kinds below; `variable=false` is display-only text (kind note);
//    attributes keep the definition's order; a repeated code keeps the first;
//    a code containing '[' or ']' is skipped (it cannot be written
//    unambiguously as attribute[CODE] / attribute[CODE][] in a POST body).
//  - a string attribute asks for a phone number, e-mail address or 18-digit
//    resident ID card number when its datatype_description starts with the
//    tag "[phone]", "[email]" or "[resident_id]", or when its code is one of
//    phone, mobile, tel, email, resident_id, id_card, id_number.
//  - a number attribute's range is the first "A-B" in its datatype_description
//    (also "A~B", "A～B", "A–B", "A—B", "A..B", "A至B", "A到B", "A to B"; A and
//    B decimals, "-5--1" works); "整数", "integer" or "whole number" there
//    allows only whole numbers. No range found: any number.
//  - lengths: string attributes <= 255 characters, text attributes and the
//    description <= 4,000 (GeoReport v2: "limited to 4,000 characters"),
//    counted as user-perceived characters (core/text/graphemes.hpp); every
//    free-text field is also capped at 64 KiB of UTF-8 so a "character" of
//    ten thousand combining marks cannot smuggle in megabytes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/api/models.hpp"

namespace civic::forms {

enum class FieldKind {
  text,           // multi-line free text (datatype text, the description)
  line,           // one line of free text (datatype string, name)
  number,         // decimal, maybe within a range
  datetime,       // ISO 8601 / RFC 3339 with a zone
  single_choice,  // one key of `choices`
  multi_choice,   // several distinct keys of `choices`
  phone,          // mainland mobile or landline, or E.164
  email,
  resident_id,    // 18-digit resident identity card number (GB 11643)
  location,       // lat/long, address, or a place id (the kiosk's hall)
  flag,           // yes/no (anonymous filing)
  attachments,    // photos, voice, video
  note,           // variable=false: text to read, nothing to enter
};

struct Choice {
  std::string key;
  std::string name;
};

struct Field {
  // The GeoReport POST parameter: "description", "first_name", "phone",
  // "email", "anonymous", "attribute[CODE]"; "location" stands for
  // lat + long + address_string + address_id, "media" for the attachments.
  std::string id;
  FieldKind kind = FieldKind::line;
  bool required = false;
  std::string label_id;     // catalog id of the label (common fields), else empty
  std::string label;        // the server's words (attribute description)
  std::string hint;         // the server's datatype_description
  size_t min_chars = 0;     // user-perceived characters; 0 = no minimum
  size_t max_chars = 0;     // 0 = no maximum
  std::string number_min;   // decimal bounds ("" = open), integer_only for whole numbers
  std::string number_max;
  bool integer_only = false;
  std::vector<Choice> choices;
  bool contact = false;     // personal contact detail: skipped when filing anonymously
  std::vector<std::string> depends_on;  // re-check this field when one of these changes
};

inline constexpr size_t kDescriptionMaxChars = 4000;
inline constexpr size_t kStringMaxChars = 255;
inline constexpr size_t kNameMaxChars = 50;
inline constexpr size_t kAddressMaxChars = 255;
inline constexpr size_t kMaxTextBytes = 64u << 10;
inline constexpr size_t kMaxPlaceIdBytes = 64;

// What the operator of a desk decides. The server must use the same options
// as its clients to reach the same verdicts (the defaults are Civic Desk's).
struct FormOptions {
  bool description_required = true;
  size_t description_min_chars = 5;          // "至少 5 个字"
  bool contact_phone_required = true;        // so the department can call back; not when anonymous
  bool allow_anonymous = true;
  bool attachments_required = false;
  size_t max_attachments = 9;
  std::uint64_t max_attachment_bytes = 20u << 20;   // per file, after compression
  std::vector<std::string> attachment_types = {"image/jpeg", "image/png", "image/webp",
                                               "video/mp4", "video/quicktime", "video/webm",
                                               "audio/mp4", "audio/mpeg", "audio/aac",
                                               "audio/webm", "audio/ogg"};
  int today = 0;   // YYYYMMDD, latest plausible birth date in a resident ID; 0 = not checked
};

struct FormSchema {
  std::string service_code;
  FormOptions options;
  // description, the attributes in the definition's order, location, media,
  // anonymous, then the contact fields (first_name, phone, email).
  std::vector<Field> fields;
};

FormSchema build_schema(const api::ServiceDefinition& def, const FormOptions& options = {});

// Index of the field with this id, or -1.
int field_index(const FormSchema& schema, std::string_view id);

}  // namespace civic::forms
