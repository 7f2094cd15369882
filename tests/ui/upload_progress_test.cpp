// tests/ui/upload_progress_test.cpp — a concern's photo going up on a slow
// network: the receipt, the "my concerns" list and the ticket screen show
// "上传附件 43%" as a progressbar node (the DOM layer's aria-valuenow comes
// from its value), fed by the shell's UploadProgress reports; at 100 % the
// bar stays until the ticket number comes, then it is gone.
#include <doctest/doctest.h>

#include "tests/ui/screen_walk.hpp"

using namespace civic;
using civic::test::FakeServer;
using civic::test::UiHarness;

TEST_CASE("upload progress: the receipt, the list and the ticket show the photo going up") {
  struct Row {
    const char* name;
    Lang lang;
    const char* bar;    // the progressbar's accessible name
  };
  const Row rows[] = {
      {"zh: 上传附件", Lang::zh_CN, "上传附件"},
      {"en: Uploading attachments", Lang::en, "Uploading attachments"},
  };
  for (const auto& row : rows) {
    SUBCASE(row.name) {
      UiHarness h(1170, 2532, 3, false, false);   // the phone
      FakeServer s;
      test::walk::home(h, s, row.lang, {});
      test::walk::photo(h, s, false);
      test::walk::fill(h);
      h.tap("review");
      h.tap("submit");
      REQUIRE(h.has("ticket/local_ref"));
      const std::string key = h.state.tickets.front().local_ref;
      const std::uint64_t size = h.state.outbox.at(key).entry.media.at(0).size;
      REQUIRE(size >= 100);   // so that 43 % is a whole number of bytes away from 44 %
      CHECK(h.node("ticket/upload").value == "0%");   // kept; nothing has gone up yet

      app::HttpRequest create = h.take("uploads");
      h.apply(app::HttpDone{create.request_id, 201, "", "", {{"Location", "http://civic.test/open311/v2/uploads/u1"}}});
      app::HttpRequest patch = h.take("uploads/u1");
      REQUIRE(patch.method == "PATCH");
      h.apply(app::UploadProgress{patch.request_id, size * 43 / 100 + 1, size});
      h.frames();
      const auto& bar = h.node("ticket/upload");
      CHECK(bar.role == "progressbar");
      CHECK(bar.name == row.bar);
      CHECK(bar.value == "43%");

      h.tap("done");
      h.tap("my_concerns");
      CHECK(h.node("ticket/" + key + "/upload").value == "43%");
      h.tap("ticket/" + key);
      CHECK(h.node("ticket/upload").value == "43%");

      h.apply(app::HttpDone{patch.request_id, 204, "", "", {{"Upload-Offset", std::to_string(size)}}});
      h.frames();
      CHECK(h.node("ticket/upload").value == "100%");   // every byte is up; the POST is on its way
      s.serve(h);                                         // the POST: the ticket number
      CHECK_FALSE(h.has("ticket/upload"));
      CHECK(h.has("ticket/number"));
    }
  }
}
