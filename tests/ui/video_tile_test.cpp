// tests/ui/video_tile_test.cpp — a video's tile on the form: its number,
// name, length (m:ss, when the shell's walk of its boxes found one) and size
// in MB, in the resident's language, as the accessible layer reads it; its
// type as the node's value; a remove button that forgets it.
#include <doctest/doctest.h>

#include "tests/ui/screen_walk.hpp"

using namespace civic;
using civic::test::FakeServer;
using civic::test::UiHarness;

TEST_CASE("video tiles: the length when known, beside the size") {
  struct Row {
    const char* name;
    Lang lang;
    const char *first, *second, *remove;
  };
  const Row rows[] = {
      {"zh", Lang::zh_CN, "视频 1：VID_20261127_213015.mp4，1:05，7.3 MB", "视频 2：IMG_0042.MOV，17.5 MB", "删除视频 1"},
      {"en", Lang::en, "Video 1: VID_20261127_213015.mp4, 1:05, 7.3 MB", "Video 2: IMG_0042.MOV, 17.5 MB",
       "Remove video 1"},
  };
  for (const auto& row : rows) {
    SUBCASE(row.name) {
      UiHarness h(1170, 2532, 3, false, false);   // the phone
      FakeServer s;
      test::walk::home(h, s, row.lang, {});
      test::walk::videos(h, s, false);
      const auto& first = h.node("video/1/info");
      CHECK(first.name == row.first);
      CHECK(first.value == "video/mp4");
      CHECK(h.node("video/2/info").name == row.second);
      CHECK(h.node("video/2/info").value == "video/quicktime");
      CHECK(h.node("video/1/remove").name == row.remove);
      h.tap("video/1/remove");
      h.frames();
      CHECK(h.node("video/1/info").name.find("IMG_0042.MOV") != std::string::npos);
      CHECK_FALSE(h.has("video/2/info"));
    }
  }
}
