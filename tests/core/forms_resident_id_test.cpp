// tests/core/forms_resident_id_test.cpp — 18-digit resident ID numbers
// (GB 11643-1999): shape, region, birth date and the ISO 7064 MOD 11-2
// check character.
#include <doctest/doctest.h>

#include <string>

#include "core/forms/validators.hpp"

using namespace civic::forms;

TEST_CASE("normalize_resident_id") {
  constexpr int kToday = 20261127;
  struct Row { const char* name; std::string in; int today; std::string want; std::string error; };
  Row rows[] = {
      {"the standard's example, check X", "11010519491231002X", kToday, "11010519491231002X", ""},
      {"lower-case x becomes X", "11010519491231002x", kToday, "11010519491231002X", ""},
      {"Shenzhen, leap day 2000", "440301200002291237", kToday, "440301200002291237", ""},
      {"born 1900-01-01 (earliest)", "440301190001010011", kToday, "440301190001010011", ""},
      {"born today (latest)", "650102202611270013", kToday, "650102202611270013", ""},
      {"Hong Kong residence permit (81)", "810000199001011230", kToday, "810000199001011230", ""},
      {"spaces between groups", "440301 19900101 1234", kToday, "440301199001011234", ""},
      {"full-width digits", "４４０３０１１９９００１０１１２３４", kToday, "440301199001011234", ""},
      {"no clock: future birth not checked", "440301202611280014", 0, "440301202611280014", ""},
      {"born tomorrow", "440301202611280014", kToday, "", "forms.id_birthdate"},
      {"wrong check digit", "440301199001011235", kToday, "", "forms.id_checksum"},
      {"transposed digits", "440301199010011234", kToday, "", "forms.id_checksum"},
      {"X where a digit belongs", "11010519491231002 1", kToday, "", "forms.id_checksum"},
      {"February 30", "440301199902301239", kToday, "", "forms.id_birthdate"},
      {"born 1899", "440301189912311239", kToday, "", "forms.id_birthdate"},
      {"month 13", "440301199013011234", kToday, "", "forms.id_birthdate"},
      {"region 99", "990301199001011231", kToday, "", "forms.id_region"},
      {"old 15-digit card", "440301900101123", kToday, "", "forms.id_length"},
      {"17 characters", "44030119900101123", kToday, "", "forms.id_length"},
      {"19 characters", "4403011990010112345", kToday, "", "forms.id_length"},
      {"letter inside", "44030119900101A234", kToday, "", "forms.id_format"},
      {"Y as check character", "44030119900101123Y", kToday, "", "forms.id_format"},
      {"empty", "", kToday, "", "forms.id_length"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto got = normalize_resident_id(r.in, r.today);
      if (r.error.empty()) {
        REQUIRE_MESSAGE(got.ok(), got.error().id);
        CHECK(got.value() == r.want);
      } else {
        REQUIRE_FALSE(got.ok());
        CHECK(got.error().id == r.error);
      }
    }
  }
}
