// tests/ui/rating_test.cpp — a resolved ticket rated (stars and a comment)
// or reopened through the semantic nodes, in both languages: what goes to
// the server (the Civic rating / reopen call with the ticket's token), what
// the screen says after, and a refused call shown in place with the comment
// kept for another try.
#include <doctest/doctest.h>

#include "core/api/url.hpp"
#include "tests/ui/screen_walk.hpp"

using namespace civic;
using civic::test::FakeServer;
using civic::test::UiHarness;

namespace {

// The resolved ticket's screen; its rating and reopen calls left unanswered.
void resolved(UiHarness& h, FakeServer& s, Lang lang) {
  s.status = "closed";
  test::walk::home(h, s, lang, {});
  test::walk::ticket(h, s, 5);
  REQUIRE(h.has("rate/1"));
}

}  // namespace

TEST_CASE("rating a resolved ticket: stars and a comment, both languages") {
  struct Row {
    const char* name;
    Lang lang;
    int stars;
    std::string comment;
    const char* rated;   // the status line after
  };
  const Row rows[] = {
      {"zh: 5 stars with a comment", Lang::zh_CN, 5, "修得很快，谢谢！", "您的评价：5 星"},
      {"en: 2 stars with a comment", Lang::en, 2, "Fixed, but the crew left packaging & tape behind",
       "Your rating: 2 stars"},
      {"en: 4 stars, no comment", Lang::en, 4, "", "Your rating: 4 stars"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UiHarness h;
      FakeServer s;
      resolved(h, s, r.lang);
      if (!r.comment.empty()) h.type("rate/comment", r.comment);
      CHECK(h.node("rate/comment").value == r.comment);
      h.tap("rate/" + std::to_string(r.stars));
      auto post = h.take("civic/requests/2026-000123/rating.json");
      CHECK(post.method == "POST");
      CHECK(post.body.find("token=tok") != std::string::npos);
      CHECK(post.body.find("rating=" + std::to_string(r.stars)) != std::string::npos);
      if (!r.comment.empty())
        CHECK(post.body.find("comment=" + api::percent_encode(r.comment)) != std::string::npos);
      h.reply(post, 200, "{}");
      s.serve(h);
      CHECK(h.node("rated").name == r.rated);
      CHECK_FALSE(h.has("rate/comment"));
      CHECK_FALSE(h.has("reopen"));
    }
  }
}

TEST_CASE("a refused rating is said in place and the comment stays for another try") {
  UiHarness h;
  FakeServer s;
  resolved(h, s, Lang::en);
  h.type("rate/comment", "Quick and tidy");
  h.tap("rate/5");
  h.reply(h.take("rating.json"), 422, R"([{"code":422,"description":"comment too long"}])");
  CHECK(h.node("action/error").role == "alert");
  CHECK(h.node("action/error").name.find("comment too long") != std::string::npos);
  CHECK(h.node("rate/comment").value == "Quick and tidy");
  h.tap("rate/5");
  auto again = h.take("rating.json");
  CHECK(again.body.find("comment=Quick") != std::string::npos);
}

TEST_CASE("reopening a resolved ticket, both languages") {
  struct Row {
    const char* name;
    Lang lang;
    const char* status_after;   // the ticket's status line once the server says it is open again
  };
  const Row rows[] = {{"zh", Lang::zh_CN, "已重新办理"}, {"en", Lang::en, "Reopened"}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UiHarness h;
      FakeServer s;
      resolved(h, s, r.lang);
      h.tap("reopen");
      auto post = h.take("civic/requests/2026-000123/reopen.json");
      CHECK(post.body.find("token=tok") != std::string::npos);
      h.reply(post, 200, "{}");
      s.status = "open";
      s.serve(h);
      CHECK(h.has("reopened"));
      CHECK_FALSE(h.has("rate/1"));
      CHECK_FALSE(h.has("reopen"));
      // The stream says it too: the timeline's stage follows.
      h.apply(app::StreamBytes{h.streams.back().stream_id, test::walk_event(6, tracking::EventKind::reopened, "", "")});
      h.frame();
      CHECK(h.node("ticket/status").name == r.status_after);
    }
  }
}
