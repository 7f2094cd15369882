// tests/core/forms_email_test.cpp — e-mail addresses (pragmatic RFC 5321).
#include <doctest/doctest.h>

#include <string>

#include "core/forms/validators.hpp"

using namespace civic::forms;

TEST_CASE("normalize_email") {
  const std::string local64(64, 'a');
  const std::string label63(63, 'b');
  struct Row { const char* name; std::string in; std::string want; };   // want "" = forms.email_invalid
  Row rows[] = {
      {"plain", "name@example.com", "name@example.com"},
      {"domain lower-cased, local part kept", "Li.Ming@Example.COM", "Li.Ming@example.com"},
      {"plus tag", "li+12345@mail.example.cn", "li+12345@mail.example.cn"},
      {"full-width @ and dot from an IME", "li＠example．com", "li@example.com"},
      {"outer spaces trimmed", "  li@example.com ", "li@example.com"},
      {"punycode TLD", "a@example.xn--fiqs8s", "a@example.xn--fiqs8s"},
      {"64-character local part (maximum)", local64 + "@example.com", local64 + "@example.com"},
      {"63-character label (maximum)", "a@" + label63 + ".com", "a@" + label63 + ".com"},
      {"65-character local part", local64 + "a@example.com", ""},
      {"64-character label", "a@" + label63 + "b.com", ""},
      {"no @", "li.example.com", ""},
      {"two @", "li@ming@example.com", ""},
      {"empty local part", "@example.com", ""},
      {"leading dot", ".li@example.com", ""},
      {"double dot", "li..ming@example.com", ""},
      {"trailing dot in local part", "li.@example.com", ""},
      {"single-label domain", "li@localhost", ""},
      {"numeric TLD", "li@example.123", ""},
      {"one-letter TLD", "li@example.c", ""},
      {"label starting with hyphen", "li@-example.com", ""},
      {"empty label", "li@example..com", ""},
      {"space inside", "li ming@example.com", ""},
      {"CJK local part (RFC 6531) refused", "李明@example.com", ""},
      {"address literal refused", "li@[127.0.0.1]", ""},
      {"too long overall", local64 + "@" + label63 + "." + label63 + "." + label63 + "." + label63 + ".com", ""},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto got = normalize_email(r.in);
      if (!r.want.empty()) {
        REQUIRE(got.ok());
        CHECK(got.value() == r.want);
      } else {
        REQUIRE_FALSE(got.ok());
        CHECK(got.error().id == "forms.email_invalid");
      }
    }
  }
}
