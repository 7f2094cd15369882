// tests/ui/photo_flow_test.cpp — filing a concern with a photo, through the
// semantic nodes: "Add photo" takes a real JPEG (EXIF orientation 6 and a
// GPS position), core/media compresses it (the progress bar, then the
// thumbnail), the editor turns it, crops it and hides an area by finger
// drags over the preview, "Done" re-makes it from the raw bytes, and the
// concern goes out with the photo uploaded by tus before the POST that
// names it. A file that is no photo is refused in place and the form keeps
// everything typed.
#include <doctest/doctest.h>

#include "tests/core/media_test_util.hpp"
#include "tests/ui/screen_walk.hpp"

using namespace civic;
using civic::test::FakeServer;
using civic::test::UiHarness;

namespace {

std::string header(const app::HttpRequest& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return {};
}

}  // namespace

TEST_CASE("file with a photo: added, compressed, turned, cropped, an area hidden, uploaded by tus") {
  struct Row {
    const char* name;
    Lang lang;
    const char* turned;    // the preview's description after one turn right
    const char* hidden;    // … and after one area hidden
  };
  const Row rows[] = {{"zh-CN", Lang::zh_CN, "旋转 90°", "已遮挡 1 处"},
                      {"en", Lang::en, "Turned 90°", "1 areas hidden"}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UiHarness h;
      FakeServer s;
      h.photo_source(media_test::read_fixture("exif_gps.jpg"));
      test::walk::home(h, s, r.lang, {});
      test::walk::form(h, s);

      h.tap("photo/add");
      REQUIRE(h.has("photo/1/progress"));
      CHECK(h.node("photo/1/progress").role == "progressbar");
      CHECK(h.has("photo/add"));   // room for more photos
      h.run_photo_jobs();
      REQUIRE_MESSAGE(h.has("photo/1/thumb"), ui::semantic_nodes_json());
      const app::Attachment& a = h.state.draft.attachments.at(0);
      CHECK(a.phase == app::AttachmentPhase::ready);
      CHECK(a.gps.has_value());
      CHECK_FALSE(h.node("photo/1/edit").disabled);

      // The editor: preview, a turn, a crop, a hidden area.
      h.tap("photo/1/edit");
      REQUIRE(h.state.screen == app::Screen::photo);
      REQUIRE(h.has("photo/preview"));
      CHECK(h.node("photo/undo_redact").disabled);
      h.tap("photo/rotate_right");
      CHECK(h.node("photo/preview").value.find(r.turned) != std::string::npos);
      h.tap("photo/mode_crop");
      CHECK(h.node("photo/mode_crop").checked);
      h.drag("photo/preview", 0.1f, 0.1f, 0.9f, 0.9f);
      CHECK(h.state.editor.edit.crop.w < 1.f);
      CHECK(h.state.editor.edit.crop.h < 1.f);
      CHECK(h.state.editor.edit.redactions.empty());
      h.tap("photo/mode_crop");
      CHECK_FALSE(h.node("photo/mode_crop").checked);
      h.drag("photo/preview", 0.2f, 0.2f, 0.5f, 0.5f);
      REQUIRE(h.state.editor.edit.redactions.size() == 1);
      CHECK(h.node("photo/preview").value.find(r.hidden) != std::string::npos);
      CHECK_FALSE(h.node("photo/undo_redact").disabled);

      // Done: back on the form, re-made from the raw bytes with the edit.
      h.tap("photo/apply");
      CHECK(h.state.screen == app::Screen::form);
      REQUIRE(h.has("photo/1/progress"));
      h.run_photo_jobs();
      REQUIRE(h.has("photo/1/thumb"));
      CHECK(h.node("photo/1/thumb").value.find(r.hidden) != std::string::npos);
      const app::Attachment& edited = h.state.draft.attachments.at(0);
      CHECK(edited.edit.quarter_turns == 1);
      CHECK(edited.edit.redactions.size() == 1);
      CHECK(edited.width < edited.source_height);   // turned and cropped

      // Review and submit: the photo goes first (tus), then the concern names it.
      test::walk::fill(h);
      h.tap("review");
      REQUIRE(h.has("review/photos"));
      CHECK(h.node("review/photos").name.find('1') != std::string::npos);
      h.tap("submit");
      auto create = h.take("uploads");
      CHECK(create.method == "POST");
      CHECK(header(create, "Upload-Length") == std::to_string(edited.size));
      h.apply(app::HttpDone{create.request_id, 201, "", "", {{"Location", "/open311/v2/uploads/u1"}}});
      h.frames();
      auto patch = h.take("uploads/u1");
      CHECK(patch.method == "PATCH");
      CHECK(patch.body_media == edited.stored);
      CHECK(h.media.count(patch.body_media) == 1);
      CHECK(patch.body_length == edited.size);
      h.apply(app::HttpDone{patch.request_id, 204, "", "", {{"Upload-Offset", std::to_string(edited.size)}}});
      h.frames();
      REQUIRE(!h.requests.empty());
      CHECK(h.requests.front().url.find("requests.json") != std::string::npos);
      CHECK(h.requests.front().body.find("media_url=http%3A%2F%2Fcivic.test%2Fopen311%2Fv2%2Fuploads%2Fu1") !=
            std::string::npos);
      s.serve(h);
      CHECK(h.node("ticket/number").name == test::kWalkTicket);
    }
  }
}

TEST_CASE("a photo that cannot be used is refused in place and nothing typed is lost") {
  struct Row {
    const char* name;
    std::vector<std::uint8_t> bytes;
    const char* says;
  };
  const std::string text = "not a photo at all\n";
  const Row rows[] = {
      {"a text file", std::vector<std::uint8_t>(text.begin(), text.end()), "This file is not an image."},
      {"an empty file", {}, "The file is empty."},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UiHarness h;
      FakeServer s;
      h.photo_source(r.bytes);
      test::walk::home(h, s, Lang::en, {});
      test::walk::form(h, s);
      test::walk::fill(h);
      h.tap("photo/add");
      h.run_photo_jobs();
      const bool in_place = h.has("photo/1/error") || h.has("photo/error");
      REQUIRE_MESSAGE(in_place, ui::semantic_nodes_json());
      const auto& err = h.node(h.has("photo/1/error") ? "photo/1/error" : "photo/error");
      CHECK(err.role == "alert");
      CHECK(err.name.find(r.says) != std::string::npos);
      CHECK_FALSE(h.has("photo/1/thumb"));
      CHECK(h.node("field/description").value == "Three lights at the east gate have been out for three nights");
      CHECK(h.node("field/phone").value == "13800138000");
      CHECK(h.node("field/attribute[lights_out]").value == "3");
      if (h.has("photo/1/remove")) {
        h.tap("photo/1/remove");
        CHECK_FALSE(h.has("photo/1/error"));
      }
      h.tap("review");
      CHECK(h.state.screen == app::Screen::review);
    }
  }
}
