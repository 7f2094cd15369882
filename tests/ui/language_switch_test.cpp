// tests/ui/language_switch_test.cpp — the language switched in the middle of
// the form, both ways: the labels, the choices and the error messages come
// back in the other language (the catalogue and the definition are fetched
// again in it), and nothing the resident typed, chose or attached is lost —
// not the text, not the choice, not a field's error state, not the photo.
#include <doctest/doctest.h>

#include "tests/core/media_test_util.hpp"
#include "tests/ui/screen_walk.hpp"

using namespace civic;
using civic::test::FakeServer;
using civic::test::UiHarness;

TEST_CASE("language switch mid-form keeps every value, error and photo, both ways") {
  struct Row {
    const char* name;
    Lang from;
    const char* heading_after;   // the service's name in the other language
    const char* choice_after;    // the chosen answer's name in the other language
    const char* error_after;     // the number field's message in the other language (a word of it)
  };
  const Row rows[] = {
      {"zh-CN to en", Lang::zh_CN, "Street light out", "Not lit at all", "number"},
      {"en to zh-CN", Lang::en, "路灯不亮", "完全不亮", "数字"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UiHarness h;
      FakeServer s;
      h.photo_source(media_test::read_fixture("exif_gps.jpg"));
      test::walk::home(h, s, r.from, {});
      test::walk::form(h, s);
      const std::string description = r.from == Lang::en ? "The lamp at the gate is out" : "东门路灯不亮";
      h.type("field/description", description);
      h.tap("field/attribute[problem]/out");
      h.type("field/attribute[lights_out]", "three");   // not a number: an error under the field
      h.type("field/location", "南山区科技园路 1 号东门");
      h.type("field/phone", "13800138000");
      h.tap("photo/add");
      h.run_photo_jobs();
      h.tap("review");   // refused: the number; every message shows
      REQUIRE(h.state.screen == app::Screen::form);
      REQUIRE(h.has("field/attribute[lights_out]/error"));
      const std::string error_before = h.node("field/attribute[lights_out]/error").name;

      h.tap("lang");
      s.serve(h);
      CHECK(h.state.lang != r.from);
      CHECK(h.node("heading").name == r.heading_after);
      CHECK(h.node("field/description").value == description);
      CHECK(h.node("field/attribute[problem]/out").name == r.choice_after);
      CHECK(h.node("field/attribute[problem]/out").checked);
      CHECK(h.node("field/attribute[lights_out]").value == "three");
      CHECK(h.node("field/attribute[lights_out]").invalid);
      REQUIRE(h.has("field/attribute[lights_out]/error"));
      const std::string error_after = h.node("field/attribute[lights_out]/error").name;
      CHECK(error_after != error_before);
      CHECK(error_after.find(r.error_after) != std::string::npos);
      CHECK(h.node("field/location").value == "南山区科技园路 1 号东门");
      CHECK(h.node("field/phone").value == "13800138000");
      CHECK(h.has("photo/1/thumb"));
      CHECK(h.state.draft.attachments.size() == 1);

      // Corrected in the new language, the form goes through.
      h.type("field/attribute[lights_out]", "3");
      h.tap("review");
      CHECK(h.state.screen == app::Screen::review);
      CHECK(h.node("review/description").value == description);
    }
  }
}
