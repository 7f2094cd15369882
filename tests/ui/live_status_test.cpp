// tests/ui/live_status_test.cpp — a ticket moving while the resident looks
// at it: the Civic event stream (scripted bytes, as the server frames them)
// moves the ticket on, and the list's badge, the detail's status line and
// timeline change in the same frame, and the change is said through the
// live region (the "announcement" status node, aria-live on the web) in the
// resident's language. Also the other announcements of a concern's life:
// submitted, kept offline, rated, reopened.
#include <doctest/doctest.h>

#include "tests/ui/screen_walk.hpp"

using namespace civic;
using civic::test::FakeServer;
using civic::test::UiHarness;
using civic::test::kWalkTicket;
using tracking::EventKind;

namespace {

enum class Where { list, detail };

// The delivered ticket on the list or its detail, its stream open, and the
// first two events in (received, accepted), so the next one is a move.
std::uint64_t watch(UiHarness& h, FakeServer& s, Lang lang, Where where) {
  test::walk::home(h, s, lang, {});
  test::walk::delivered(h, s);
  if (where == Where::list) {
    h.tap("done");
    h.tap("my_concerns");
  } else {
    h.tap("follow");
  }
  s.serve(h);
  REQUIRE_MESSAGE(!h.streams.empty(), "a delivered ticket is followed on the event stream");
  const std::uint64_t id = h.streams.back().stream_id;
  h.apply(app::StreamOpened{id, 200});
  h.apply(app::StreamBytes{id, test::walk_event(1, EventKind::received, "", "") +
                                   test::walk_event(2, EventKind::accepted, "", "")});
  h.frames();
  return id;
}

std::string dept(Lang lang) {
  return lang == Lang::en ? "Urban Management and Law Enforcement Bureau" : "城市管理和综合执法局";
}

}  // namespace

TEST_CASE("live status: a stream event moves the ticket on the list and the detail, and is announced") {
  const std::string id = kWalkTicket;
  struct Row {
    const char* name;
    Lang lang;
    Where where;
    EventKind kind;
    const char* badge;          // the list card's badge / the detail's status line
    std::string announced;      // the live region, word for word
  };
  const Row rows[] = {
      {"zh list: in progress", Lang::zh_CN, Where::list, EventKind::in_progress, "处理中", "诉求 " + id + " 正在处理"},
      {"en list: in progress", Lang::en, Where::list, EventKind::in_progress, "In progress",
       "Concern " + id + " is now in progress"},
      {"zh list: resolved", Lang::zh_CN, Where::list, EventKind::resolved, "已办结", "诉求 " + id + " 已办结"},
      {"en list: resolved", Lang::en, Where::list, EventKind::resolved, "Resolved", "Concern " + id + " has been resolved"},
      {"zh detail: in progress", Lang::zh_CN, Where::detail, EventKind::in_progress, "处理中", "诉求 " + id + " 正在处理"},
      {"en detail: in progress", Lang::en, Where::detail, EventKind::in_progress, "In progress",
       "Concern " + id + " is now in progress"},
      {"zh detail: resolved", Lang::zh_CN, Where::detail, EventKind::resolved, "已办结", "诉求 " + id + " 已办结"},
      {"en detail: resolved", Lang::en, Where::detail, EventKind::resolved, "Resolved",
       "Concern " + id + " has been resolved"},
      {"zh detail: assigned to a department", Lang::zh_CN, Where::detail, EventKind::assigned,
       "已派单至 城市管理和综合执法局", "诉求 " + id + " 已派单至 城市管理和综合执法局"},
      {"en list: assigned to a department", Lang::en, Where::list, EventKind::assigned,
       "Assigned to Urban Management and Law Enforcement Bureau",
       "Concern " + id + " is now assigned to Urban Management and Law Enforcement Bureau"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UiHarness h;
      FakeServer s;
      const std::uint64_t stream = watch(h, s, r.lang, r.where);
      const std::string accepted = r.lang == Lang::en ? "Accepted" : "已受理";
      const std::string status_node = r.where == Where::list ? "ticket/" + id : "ticket/status";
      auto shown = [&] {
        const auto& n = h.node(status_node);
        return r.where == Where::list ? n.value : n.name;
      };
      CHECK(shown() == accepted);
      CHECK_FALSE(h.has("timeline/3"));

      // One event on the stream: the very next frame shows and says it.
      h.apply(app::StreamBytes{stream, test::walk_event(3, r.kind, dept(r.lang), "")});
      h.frame();
      CHECK(shown() == r.badge);
      REQUIRE(h.has("announcement"));
      CHECK(h.node("announcement").role == "status");
      CHECK(h.node("announcement").name == r.announced);
      if (r.where == Where::detail) {
        CHECK(h.has("timeline/3"));
        CHECK(h.node("timeline/3").name.find(r.badge) == 0);
        // Resolved: it can be rated or reopened at once.
        CHECK(h.has("rate/1") == (r.kind == EventKind::resolved));
        CHECK(h.has("reopen") == (r.kind == EventKind::resolved));
      }

      // The same event again (a reconnect's replay) says nothing new.
      h.apply(app::StreamBytes{stream, test::walk_event(3, r.kind, dept(r.lang), "")});
      h.frame();
      CHECK(shown() == r.badge);
      CHECK(h.node("announcement").name == r.announced);
    }
  }
}

TEST_CASE("live status: a note changes no stage and announces nothing new") {
  UiHarness h;
  FakeServer s;
  const std::uint64_t stream = watch(h, s, Lang::en, Where::detail);
  const std::string before = h.node("announcement").name;
  CHECK(before == std::string("Concern ") + kWalkTicket + " has been accepted");
  h.apply(app::StreamBytes{stream, test::walk_event(3, EventKind::note, "", "The crew is on its way")});
  h.frame();
  CHECK(h.node("ticket/status").name == "Accepted");
  CHECK(h.node("timeline/3").name == "Note: The crew is on its way");
  CHECK(h.node("announcement").name == before);
}

TEST_CASE("live status: a plain Open311 server's status change is announced as its stage") {
  struct Row {
    const char* name;
    Lang lang;
    const char* status;
    std::string announced;
  };
  const std::string id = kWalkTicket;
  const Row rows[] = {
      {"zh: closed", Lang::zh_CN, "closed", "诉求 " + id + " 已办结"},
      {"en: closed", Lang::en, "closed", "Concern " + id + " has been resolved"},
      {"en: a server's own status word", Lang::en, "on hold", "Concern " + id + " is now on hold"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UiHarness h;
      FakeServer s;
      test::walk::home(h, s, r.lang, {});
      test::walk::delivered(h, s);
      h.tap("done");
      h.tap("my_concerns");
      s.serve(h);   // "open"
      s.status = r.status;
      h.tap("refresh");
      s.serve(h);
      CHECK(h.node("announcement").name == r.announced);
    }
  }
}

TEST_CASE("announcements: submitted, kept offline, rated and reopened, in both languages") {
  const std::string id = kWalkTicket;
  struct Row {
    const char* name;
    Lang lang;
    std::function<void(UiHarness&, FakeServer&)> go;
    std::string announced;
  };
  auto submitted = [](UiHarness& h, FakeServer& s) { test::walk::delivered(h, s); };
  auto offline = [](UiHarness& h, FakeServer& s) {
    test::walk::review(h, s);
    s.offline = true;
    h.tap("submit");
    s.serve(h);
  };
  auto rated = [](UiHarness& h, FakeServer& s) {
    s.status = "closed";
    test::walk::ticket(h, s, 5);
    h.tap("rate/5");
    s.serve(h);
  };
  auto reopened = [](UiHarness& h, FakeServer& s) {
    s.status = "closed";
    test::walk::ticket(h, s, 5);
    h.tap("reopen");
    s.serve(h);
  };
  const Row rows[] = {
      {"zh submitted", Lang::zh_CN, submitted, "诉求 " + id + " 已提交"},
      {"en submitted", Lang::en, submitted, "Concern " + id + " submitted"},
      {"zh kept offline", Lang::zh_CN, offline, "诉求已保存，等待网络恢复后自动发送"},
      {"en kept offline", Lang::en, offline, "Concern saved; it will be sent when the network is back"},
      {"zh rated", Lang::zh_CN, rated, "已评价诉求 " + id + "，谢谢"},
      {"en rated", Lang::en, rated, "Thank you for rating concern " + id},
      {"zh reopened", Lang::zh_CN, reopened, "诉求 " + id + " 已重新办理"},
      {"en reopened", Lang::en, reopened, "Concern " + id + " has been reopened"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UiHarness h;
      FakeServer s;
      test::walk::home(h, s, r.lang, {});
      r.go(h, s);
      REQUIRE_MESSAGE(h.has("announcement"), ui::semantic_nodes_json());
      CHECK(h.node("announcement").role == "status");
      CHECK(h.node("announcement").name == r.announced);
    }
  }
}
