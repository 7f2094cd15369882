// tests/core/app_rating_test.cpp — rating a resolved concern (Civic
// extension): the stars and the comment the resident typed go out together
// with the ticket's token; a refusal keeps both on screen for another try.
#include <doctest/doctest.h>

#include "core/api/url.hpp"
#include "core/app/update.hpp"

using namespace civic;
using namespace civic::app;

namespace {

State resolved_ticket() {
  State s;
  s.server_base = "http://h/open311/v2/";
  Ticket t;
  t.id = "2026-000007";
  t.token = "tok-7";
  api::ServiceRequest r;
  r.id = t.id;
  r.status = "closed";
  t.latest = r;
  s.tickets.push_back(t);
  s.screen = Screen::ticket;
  s.open_ticket = t.id;
  return s;
}

}  // namespace

TEST_CASE("a rating carries the typed comment") {
  struct Row {
    const char* name;
    std::string typed;         // RateCommentEdited
    std::string pressed;       // RatePressed::comment
    int status;                // the server's answer
    std::string sent_comment;  // form-encoded, as in the body
    int rating_after;
  };
  const Row rows[] = {
      {"stars and the typed comment go together", "维修很及时", "", 200, "comment=%E7%BB%B4%E4%BF%AE%E5%BE%88%E5%8F%8A%E6%97%B6", 4},
      {"no comment typed: an empty comment", "", "", 200, "comment=", 4},
      {"a comment passed with the press wins (CLI, tests)", "typed", "given", 200, "comment=given", 4},
      {"a refusal keeps the comment for another try", "太慢了", "", 400, "comment=%E5%A4%AA%E6%85%A2%E4%BA%86", 0},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      State s = resolved_ticket();
      if (!r.typed.empty()) update(s, RateCommentEdited{"2026-000007", r.typed});
      // The one POST (the ticket may also start being followed live).
      std::vector<HttpRequest> posts;
      for (const auto& f : update(s, RatePressed{"2026-000007", 4, r.pressed}))
        if (auto* h = std::get_if<HttpRequest>(&f); h && h->method == "POST") posts.push_back(*h);
      REQUIRE(posts.size() == 1);
      const HttpRequest& req = posts[0];
      CHECK(req.method == "POST");
      CHECK(req.url.find("civic/requests/2026-000007/rating.json") != std::string::npos);
      CHECK(req.body.find("token=tok-7") != std::string::npos);
      CHECK(req.body.find("rating=4") != std::string::npos);
      CHECK(req.body.find(r.sent_comment) != std::string::npos);
      update(s, HttpDone{req.request_id, r.status,
                         r.status == 200 ? "{}" : R"([{"code":400,"description":"comment too long"}])", "", {}});
      const Ticket* t = find_ticket(s, "2026-000007");
      REQUIRE(t);
      CHECK(t->rating == r.rating_after);
      CHECK(t->rate_comment == r.typed);
      CHECK((t->action_error.has_value()) == (r.status != 200));
    }
  }
}
