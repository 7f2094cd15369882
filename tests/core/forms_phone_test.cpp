// tests/core/forms_phone_test.cpp — phone numbers as residents type them:
// mainland mobile and landline (with full-width digits from Chinese input
// methods), and E.164 for everyone else.
#include <doctest/doctest.h>

#include <string>

#include "core/forms/validators.hpp"

using namespace civic::forms;

TEST_CASE("normalize_phone accepts, normalises or rejects") {
  struct Row { const char* name; std::string in; std::string want; std::string error; };
  Row rows[] = {
      // mobile
      {"mobile", "13800138000", "13800138000", ""},
      {"mobile 19x (boundary of 1[3-9])", "19912345678", "19912345678", ""},
      {"mobile with spaces", "138 0013 8000", "13800138000", ""},
      {"mobile with hyphens", "138-0013-8000", "13800138000", ""},
      {"mobile +86", "+86 138 0013 8000", "13800138000", ""},
      {"mobile 0086", "008613800138000", "13800138000", ""},
      {"mobile full-width digits", "１３８００１３８０００", "13800138000", ""},
      {"mobile full-width +86 and ideographic space", "＋８６\xE3\x80\x80" "１３８００１３８０００", "13800138000", ""},
      {"mobile with outer spaces", "  13800138000 ", "13800138000", ""},
      {"mobile 12x is not a mobile prefix", "12800138000", "", "forms.phone_mobile"},
      {"mobile 10 digits", "1380013800", "", "forms.phone_mobile"},
      {"mobile 12 digits", "138001380001", "", "forms.phone_mobile"},
      {"+86 with a 12x number", "+8612345678901", "", "forms.phone_mobile"},
      {"mobile with an extension", "13800138000转12", "", "forms.phone_mobile"},
      // landline
      {"Beijing 010 + 8 digits", "010-62345678", "010-62345678", ""},
      {"Guangzhou 020 no separator", "02087654321", "020-87654321", ""},
      {"Shenzhen 0755", "0755-23456789", "0755-23456789", ""},
      {"7-digit local number", "0851-2345678", "0851-2345678", ""},
      {"parentheses around area code", "(0755) 2345 6789", "0755-23456789", ""},
      {"extension after a hyphen", "0755-23456789-123", "0755-23456789-123", ""},
      {"extension after 转", "0755-23456789转8001", "0755-23456789-8001", ""},
      {"extension after ext.", "0755 23456789 ext. 12", "0755-23456789-12", ""},
      {"extension after x", "0755-23456789x5", "0755-23456789-5", ""},
      {"landline +86 without the 0", "+86 755 2345 6789", "0755-23456789", ""},
      {"landline +86-10 with extension", "+86-10-62345678-99", "010-62345678-99", ""},
      {"landline +86 with the 0 kept", "+86 0755 23456789", "0755-23456789", ""},
      {"full-width landline", "０７５５－２３４５６７８９", "0755-23456789", ""},
      {"canonical extension form parses again", "0755-23456789-8001", "0755-23456789-8001", ""},
      {"local number starting with 0", "0755-03456789", "", "forms.phone_invalid"},
      {"local number starting with 1", "010-12345678", "", "forms.phone_invalid"},
      {"local number too short", "0755-234567", "", "forms.phone_invalid"},
      {"local number too long", "0755-234567890", "", "forms.phone_invalid"},
      {"011 is not an area code", "011-12345678", "", "forms.phone_invalid"},
      {"extension of 7 digits", "0755-23456789转1234567", "", "forms.phone_invalid"},
      {"empty extension", "0755-23456789转", "", "forms.phone_invalid"},
      {"local number without area code", "23456789", "", "forms.phone_landline"},
      // E.164
      {"Hong Kong", "+852 2345 6789", "+85223456789", ""},
      {"USA with extension", "+1 (202) 555-0123 ext 12", "+12025550123 ext 12", ""},
      {"canonical E.164 extension parses again", "+12025550123 ext 12", "+12025550123 ext 12", ""},
      {"00 international prefix", "0044 20 7946 0958", "+442079460958", ""},
      {"E.164 of 15 digits (maximum)", "+123456789012345", "+123456789012345", ""},
      {"E.164 of 16 digits", "+1234567890123456", "", "forms.phone_invalid"},
      {"E.164 of 6 digits", "+123456", "", "forms.phone_invalid"},
      {"country code 0", "+0123456789", "", "forms.phone_invalid"},
      // junk
      {"letters", "call me", "", "forms.phone_invalid"},
      {"plus in the middle", "138+00138000", "", "forms.phone_invalid"},
      {"double hyphen", "0755--23456789", "", "forms.phone_invalid"},
      {"CJK digits are not digits", "一三八", "", "forms.phone_invalid"},
      {"only a plus", "+", "", "forms.phone_invalid"},
      {"very long input", std::string(200, '1'), "", "forms.phone_invalid"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto got = normalize_phone(r.in);
      if (r.error.empty()) {
        REQUIRE_MESSAGE(got.ok(), got.error().id);
        CHECK(got.value() == r.want);
        auto again = normalize_phone(got.value());   // canonical forms are fixed points
        REQUIRE(again.ok());
        CHECK(again.value() == r.want);
      } else {
        REQUIRE_FALSE(got.ok());
        CHECK(got.error().id == r.error);
      }
    }
  }
}
