// tests/core/forms_attachments_test.cpp — how many files, how large, what type.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/forms/validators.hpp"

using namespace civic::forms;

TEST_CASE("check_attachments") {
  FormOptions opt;   // 9 files, 20 MiB each, photos/video/voice
  const Attachment photo{"路灯.jpg", "image/jpeg", 800'000};
  const std::vector<Attachment> nine(9, photo), ten(10, photo);
  struct Row { const char* name; std::vector<Attachment> files; bool required; std::string error; };
  Row rows[] = {
      {"none, optional", {}, false, ""},
      {"none, required", {}, true, "forms.attachments_required"},
      {"one photo", {photo}, false, ""},
      {"nine (maximum)", nine, false, ""},
      {"ten", ten, false, "forms.attachments_too_many"},
      {"exactly 20 MiB", {{"v.mp4", "video/mp4", 20u << 20}}, false, ""},
      {"one byte over 20 MiB", {{"v.mp4", "video/mp4", (20u << 20) + 1}}, false, "forms.attachment_too_large"},
      {"empty file", {{"a.jpg", "image/jpeg", 0}}, false, "forms.attachment_empty"},
      {"voice note", {{"语音.m4a", "audio/mp4", 50'000}}, false, ""},
      {"executable", {{"a.exe", "application/x-msdownload", 10}}, false, "forms.attachment_type"},
      {"SVG (scripts inside) refused", {{"a.svg", "image/svg+xml", 10}}, false, "forms.attachment_type"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto got = check_attachments(r.files, opt, r.required);
      CHECK((got ? got->id : std::string()) == r.error);
    }
  }
}

TEST_CASE("attachment messages name the file, never raw bytes") {
  FormOptions opt;
  auto big = check_attachments({{"现场.mp4", "video/mp4", 30u << 20}}, opt, false);
  REQUIRE(big);
  CHECK(big->params.at("name") == "现场.mp4");
  CHECK(big->params.at("max_mb") == "20");
  auto evil = check_attachments({{"a\xE2\x80\xAEgpj.exe", "x/\x1B", 10}}, opt, false);
  REQUIRE(evil);
  CHECK(evil->params.at("name") == "?");
  CHECK(evil->params.at("type") == "?");
}
