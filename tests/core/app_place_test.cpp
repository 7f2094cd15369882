// tests/core/app_place_test.cpp — finding the service (search in both
// languages, suggestions from the description), the four location sources
// and their failures, and "already reported nearby", replayed event by event.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "core/app/update.hpp"
#include "core/forms/form_state.hpp"
#include "core/outbox/outbox_entry.hpp"

using namespace civic;
using namespace civic::app;

namespace {

const char* kZh = R"([{"service_code":"light","service_name":"路灯不亮","group":"道路","keywords":"路灯,照明"},
                      {"service_code":"noise","service_name":"邻里噪音","group":"噪音","keywords":"噪音,装修"}])";
const char* kEn = R"([{"service_code":"light","service_name":"Street light out","group":"Roads","keywords":"street light,lamp"},
                      {"service_code":"noise","service_name":"Noise from neighbours","group":"Noise","keywords":"noise,renovation"}])";

std::vector<HttpRequest> requests(const std::vector<Effect>& fx) {
  std::vector<HttpRequest> out;
  for (const auto& f : fx)
    if (auto* r = std::get_if<HttpRequest>(&f)) out.push_back(*r);
  return out;
}

// Started, with the screen's catalogue answered.
State started(Lang lang = Lang::zh_CN, HallLocation hall = {}) {
  State s;
  Started st;
  st.server_base = "http://h/open311/v2/";
  st.lang = lang;
  st.hall = hall;
  // Started also asks for the capabilities document (trust_flow): left
  // unanswered here, so the nearby check asks for it itself.
  auto r = requests(update(s, st));
  std::erase_if(r, [](const HttpRequest& q) { return q.url.find("services.json") == std::string::npos; });
  REQUIRE(r.size() == 1);
  update(s, HttpDone{r[0].request_id, 200, lang == Lang::zh_CN ? kZh : kEn, "", {}});
  REQUIRE(s.catalog.phase == Phase::ready);
  return s;
}

const forms::Location& where(const State& s) {
  int i = forms::field_index(s.draft.schema, "location");
  REQUIRE(i >= 0);
  return s.draft.form.fields[static_cast<size_t>(i)].value.location;
}

std::string field_text(const State& s, const char* id) {
  int i = forms::field_index(s.draft.schema, id);
  REQUIRE(i >= 0);
  return s.draft.form.fields[static_cast<size_t>(i)].value.text;
}

std::string param(const api::Params& p, const std::string& key) {
  for (const auto& [k, v] : p)
    if (k == key) return v;
  return "<none>";
}

}  // namespace

TEST_CASE("search fetches the other language's catalogue once and matches both") {
  State s = started(Lang::zh_CN);
  auto fx = requests(update(s, SearchEdited{"路灯"}));
  REQUIRE(fx.size() == 1);
  CHECK(fx[0].url == "http://h/open311/v2/services.json?locale=en");
  CHECK(s.finder.results == std::vector<std::string>{"light"});
  // Typing on does not ask again while it is out.
  CHECK(requests(update(s, SearchEdited{"street"})).empty());
  CHECK(s.finder.results.empty());   // English words: not yet
  update(s, HttpDone{fx[0].request_id, 200, kEn, "", {}});
  CHECK(s.finder.results == std::vector<std::string>{"light"});   // found in English, opened in Chinese
  CHECK(requests(update(s, SearchEdited{"renovation"})).empty());   // cached
  CHECK(s.finder.results == std::vector<std::string>{"noise"});
}

TEST_CASE("a language switch keeps both catalogues and the query") {
  State s = started(Lang::zh_CN);
  auto other = requests(update(s, SearchEdited{"lamp"}));
  update(s, HttpDone{other[0].request_id, 200, kEn, "", {}});
  REQUIRE(s.finder.results == std::vector<std::string>{"light"});
  auto fx = requests(update(s, LanguageChosen{Lang::en}));
  REQUIRE(fx.size() == 1);   // the screen's catalogue; the other one is the old screen's
  CHECK(s.finder.other.lang == Lang::zh_CN);
  update(s, HttpDone{fx[0].request_id, 200, kEn, "", {}});
  CHECK(s.finder.query == "lamp");
  CHECK(s.finder.results == std::vector<std::string>{"light"});
  CHECK(requests(update(s, SearchEdited{"噪音"})).empty());
  CHECK(s.finder.results == std::vector<std::string>{"noise"});
}

TEST_CASE("the described concern suggests services and becomes the description") {
  State s = started(Lang::zh_CN);
  update(s, ConcernEdited{"楼上邻居装修，噪音很大"});
  CHECK(s.finder.suggestions == std::vector<std::string>{"noise"});
  update(s, ServiceChosen{"noise"});
  REQUIRE(s.draft.phase == Phase::ready);
  CHECK(field_text(s, "description") == "楼上邻居装修，噪音很大");
}

TEST_CASE("location sources fill the draft's location field") {
  struct Row {
    const char* name;
    std::vector<Event> events;        // after ServiceChosen
    bool use_request_id;              // answer the LocateRequest with events[1]
    forms::Location want;
    std::string error;                // s.locating.error
  };
  auto located = [](LocateFailure f, double lat = 0, double lon = 0) {
    Located l;
    l.failure = f;
    l.lat = lat;
    l.lon = lon;
    return l;
  };
  const std::vector<Row> rows = {
      {"device position", {LocatePressed{}, located(LocateFailure::none, 22.5430961, 114.0578651)}, true,
       {"22.543096", "114.057865", "", ""}, ""},
      {"denied: nothing changes, the reason is shown", {LocatePressed{}, located(LocateFailure::denied)}, true, {},
       "place.denied"},
      {"timed out", {LocatePressed{}, located(LocateFailure::timeout)}, true, {}, "place.timeout"},
      {"unavailable", {LocatePressed{}, located(LocateFailure::unavailable)}, true, {}, "place.unavailable"},
      {"a position out of range is unavailable", {LocatePressed{}, located(LocateFailure::none, 91, 0)}, true, {},
       "place.unavailable"},
      {"a late answer for another request is dropped", {LocatePressed{}, located(LocateFailure::none, 1, 1)}, false,
       {}, ""},
      {"the photo's GPS", {LocationChosen{{"22.5", "114.1", "", ""}}}, false, {"22.5", "114.1", "", ""}, ""},
      {"a typed address", {FieldEdited{"location", {.location = {"", "", "深南大道 6008 号", ""}}}}, false,
       {"", "", "深南大道 6008 号", ""}, ""},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      State s = started();
      update(s, ServiceChosen{"light"});
      REQUIRE(s.draft.phase == Phase::ready);
      std::uint64_t asked = 0;
      for (size_t i = 0; i < r.events.size(); ++i) {
        Event e = r.events[i];
        if (auto* l = std::get_if<Located>(&e)) l->locate_id = r.use_request_id ? asked : asked + 7;
        for (const auto& f : update(s, e))
          if (auto* q = std::get_if<LocateRequest>(&f)) asked = q->locate_id;
      }
      CHECK(where(s).lat == r.want.lat);
      CHECK(where(s).lon == r.want.lon);
      CHECK(where(s).address == r.want.address);
      CHECK((s.locating.error ? s.locating.error->id : std::string()) == r.error);
    }
  }
}

TEST_CASE("the kiosk's hall is offered, and the kiosk shell answers a LocateRequest with it") {
  HallLocation hall{"22.543000", "114.057000", "南山区政务服务中心"};
  State s = started(Lang::zh_CN, hall);
  update(s, ServiceChosen{"light"});
  CHECK(where(s).address == "南山区政务服务中心");
  update(s, FieldEdited{"location", {.location = {hall.lat, hall.lon, "科技园南区", ""}}});
  CHECK(where(s).lat.empty());   // another address: the hall's point does not travel with it
  auto fx = update(s, LocatePressed{});
  REQUIRE(fx.size() == 1);
  Located l;
  l.locate_id = std::get<LocateRequest>(fx[0]).locate_id;
  l.lat = 22.543;
  l.lon = 114.057;
  update(s, l);
  CHECK(where(s).lat == "22.543000");
  CHECK(where(s).address == "科技园南区");
}

TEST_CASE("the chosen location survives a language switch and goes into the POST") {
  State s = started(Lang::zh_CN);
  update(s, ServiceChosen{"light"});
  update(s, FieldEdited{"description", {.text = "东门路灯不亮"}});
  update(s, FieldEdited{"anonymous", {.text = "true"}});
  update(s, LocationChosen{{"22.5", "114.1", "东门", ""}});
  auto fx = requests(update(s, LanguageChosen{Lang::en}));
  update(s, HttpDone{fx[0].request_id, 200, kEn, "", {}});
  CHECK(where(s).lat == "22.5");
  CHECK(where(s).address == "东门");
  // No capabilities document (a plain Open311 server): straight to review.
  auto caps = requests(update(s, ReviewPressed{}));
  REQUIRE(caps.size() == 1);
  update(s, HttpDone{caps[0].request_id, 404, R"([{"code":404,"description":"not found"}])", "", {}});
  CHECK(s.screen == Screen::review);
  std::string body;
  for (const auto& f : update(s, SubmitPressed{}))
    if (auto* save = std::get_if<OutboxSave>(&f)) body = save->bytes;
  auto entry = outbox::deserialize_entry(body);
  REQUIRE(entry);
  CHECK(param(entry->form, "lat") == "22.5");
  CHECK(param(entry->form, "long") == "114.1");
  CHECK(param(entry->form, "address_string") == "东门");
}

namespace {
const char* kCaps = R"({"extensions":{"nearby":{"default_radius":200,"max_radius":1000}}})";
// One open concern 50 m away, one 600 m away, one closed, one of another service.
const char* kNear = R"([
  {"service_request_id":"2026-000007","status":"open","service_code":"light","service_name":"路灯不亮","lat":22.54345,"long":114.1},
  {"service_request_id":"2026-000008","status":"open","service_code":"light","lat":22.5486,"long":114.1},
  {"service_request_id":"2026-000009","status":"closed","service_code":"light","lat":22.543,"long":114.1},
  {"service_request_id":"2026-000010","status":"open","service_code":"noise","lat":22.543,"long":114.1}])";

State at_review_request(std::vector<HttpRequest>* out) {
  State s = started(Lang::zh_CN);
  update(s, ServiceChosen{"light"});
  update(s, FieldEdited{"description", {.text = "东门的路灯不亮了"}});
  update(s, FieldEdited{"anonymous", {.text = "true"}});
  update(s, LocationChosen{{"22.543", "114.1", "", ""}});
  *out = requests(update(s, ReviewPressed{}));
  return s;
}
}  // namespace

TEST_CASE("nearby: open concerns of the same service within the radius come first") {
  std::vector<HttpRequest> r;
  State s = at_review_request(&r);
  REQUIRE(r.size() == 1);
  CHECK(r[0].url == "http://h/open311/v2/civic/capabilities.json");
  CHECK(s.screen == Screen::form);
  auto q = requests(update(s, HttpDone{r[0].request_id, 200, kCaps, "", {}}));
  REQUIRE(q.size() == 1);
  CHECK(q[0].url ==
        "http://h/open311/v2/requests.json?service_code=light&lat=22.543&long=114.1&radius=200&status=open&locale=zh-CN");
  update(s, HttpDone{q[0].request_id, 200, kNear, "", {}});
  CHECK(s.screen == Screen::nearby);
  REQUIRE(s.nearby.found.size() == 1);
  CHECK(s.nearby.found[0].id == "2026-000007");

  SUBCASE("follow: a followed ticket, kept as a record; the draft stays") {
    auto fx = update(s, FollowNearbyPressed{"2026-000007"});
    const OutboxSave* save = nullptr;   // beside it: the live follower starts on the new ticket
    for (const auto& f : fx)
      if (auto* sv = std::get_if<OutboxSave>(&f)) save = sv;
    REQUIRE(save);
    CHECK(save->key == "follow-2026-000007");
    REQUIRE(s.tickets.size() == 1);
    CHECK(s.tickets[0].id == "2026-000007");
    CHECK(s.tickets[0].followed);
    CHECK(s.tickets[0].token.empty());
    CHECK(s.draft.service.code == "light");
    CHECK(field_text(s, "description") == "东门的路灯不亮了");
    CHECK(update(s, FollowNearbyPressed{"2026-000007"}).empty());   // once
    // After a restart the record gives the followed ticket back.
    State again = started();
    update(again, OutboxLoaded{{save->bytes}});
    REQUIRE(again.tickets.size() == 1);
    CHECK(again.tickets[0].followed);
    CHECK(again.tickets[0].id == "2026-000007");
  }
  SUBCASE("file anyway: the review page, and the same place is not asked again") {
    update(s, FileAnywayPressed{});
    CHECK(s.screen == Screen::review);
    update(s, BackPressed{});
    CHECK(requests(update(s, ReviewPressed{})).empty());
    CHECK(s.screen == Screen::review);
  }
}

TEST_CASE("nearby reads the capabilities the app already keeps") {
  State s;
  Started st;
  st.server_base = "http://h/open311/v2/";
  st.capabilities_json = kCaps;   // kept by the shell from the last run (trust_flow)
  for (const auto& r : requests(update(s, st)))
    if (r.url.find("services.json") != std::string::npos) update(s, HttpDone{r.request_id, 200, kZh, "", {}});
  update(s, ServiceChosen{"light"});
  update(s, FieldEdited{"description", {.text = "东门的路灯不亮了"}});
  update(s, FieldEdited{"anonymous", {.text = "true"}});
  update(s, LocationChosen{{"22.543", "114.1", "", ""}});
  auto q = requests(update(s, ReviewPressed{}));
  REQUIRE(q.size() == 1);
  CHECK(q[0].url.find("requests.json?service_code=light&lat=22.543") != std::string::npos);
}

TEST_CASE("nearby is skipped silently when it cannot help") {
  struct Row {
    const char* name;
    int caps_status;
    std::string caps_body;
    int list_status;   // 0: no list request expected
    std::string list_body;
  };
  const std::vector<Row> rows = {
      {"plain Open311: no capabilities document", 404, "[]", 0, ""},
      {"capabilities without nearby", 200, R"({"extensions":{"rating":{}}})", 0, ""},
      {"capabilities that are not JSON", 200, "<html>", 0, ""},
      {"nothing near", 200, kCaps, 200, "[]"},
      {"the list fails", 200, kCaps, 500, "oops"},
      {"a server that ignores the filters: far, closed and other services only", 200, kCaps, 200,
       R"([{"service_request_id":"1","status":"open","service_code":"light","lat":23.0,"long":114.1},
           {"service_request_id":"2","status":"closed","service_code":"light","lat":22.543,"long":114.1}])"},
  };
  for (const auto& row : rows) {
    SUBCASE(row.name) {
      std::vector<HttpRequest> r;
      State s = at_review_request(&r);
      REQUIRE(r.size() == 1);
      auto q = requests(update(s, HttpDone{r[0].request_id, row.caps_status, row.caps_body, "", {}}));
      if (row.list_status) {
        REQUIRE(q.size() == 1);
        update(s, HttpDone{q[0].request_id, row.list_status, row.list_body, "", {}});
      } else {
        CHECK(q.empty());
      }
      CHECK(s.screen == Screen::review);
    }
  }
}

TEST_CASE("no point on the map: no nearby check") {
  State s = started();
  update(s, ServiceChosen{"light"});
  update(s, FieldEdited{"description", {.text = "东门的路灯不亮了"}});
  update(s, FieldEdited{"anonymous", {.text = "true"}});
  update(s, FieldEdited{"location", {.location = {"", "", "东门", ""}}});
  CHECK(requests(update(s, ReviewPressed{})).empty());
  CHECK(s.screen == Screen::review);
}

// The draft the shell keeps (draft_store.hpp) holds where the concern is, as
// the resident chose it, and a reload brings it back with no network — also
// from the "already reported nearby" page, which is part of writing it.
TEST_CASE("the kept draft holds the chosen place") {
  struct Row {
    const char* name;
    std::function<void(State&)> act;   // after ServiceChosen and the description
    forms::Location want;
    Screen screen;                     // where the reload opens
  };
  auto locate = [](State& s, double lat, double lon) {
    auto fx = update(s, LocatePressed{});
    REQUIRE(fx.size() == 1);
    Located l;
    l.locate_id = std::get<LocateRequest>(fx[0]).locate_id;
    l.lat = lat;
    l.lon = lon;
    update(s, l);
  };
  const std::vector<Row> rows = {
      {"the device's position",
       [&](State& s) { locate(s, 22.5430961, 114.0578651); },
       {"22.543096", "114.057865", "", ""}, Screen::form},
      {"a typed address beside the device's position",
       [&](State& s) {
         update(s, FieldEdited{"location", {.location = {"", "", "东门", ""}}});
         locate(s, 22.5, 114.1);
       },
       {"22.500000", "114.100000", "东门", ""}, Screen::form},
      {"the photo's GPS", [](State& s) { update(s, LocationChosen{{"22.5", "114.1", "", ""}}); },
       {"22.5", "114.1", "", ""}, Screen::form},
      {"left on the nearby page: back on the form",
       [](State& s) {
         update(s, FieldEdited{"anonymous", {.text = "true"}});
         update(s, LocationChosen{{"22.543", "114.1", "", ""}});
         auto caps = requests(update(s, ReviewPressed{}));
         REQUIRE(caps.size() == 1);
         auto q = requests(update(s, HttpDone{caps[0].request_id, 200, kCaps, "", {}}));
         REQUIRE(q.size() == 1);
         update(s, HttpDone{q[0].request_id, 200, kNear, "", {}});
         REQUIRE(s.screen == Screen::nearby);
       },
       {"22.543", "114.1", "", ""}, Screen::form},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      State s = started();
      update(s, DraftLoaded{""});   // the shell holds no draft yet: saving may begin
      update(s, ServiceChosen{"light"});
      update(s, FieldEdited{"description", {.text = "东门的路灯不亮了"}});
      r.act(s);
      std::string bytes;
      for (const auto& f : update(s, PageVisibility{true}))
        if (auto* d = std::get_if<DraftSave>(&f)) bytes = d->bytes;
      REQUIRE(!bytes.empty());

      State again;
      update(again, Started{"http://h/open311/v2/", Lang::zh_CN});
      update(again, DraftLoaded{bytes});   // offline: no catalogue, no definition
      REQUIRE(again.draft.service.code == "light");
      CHECK(where(again).lat == r.want.lat);
      CHECK(where(again).lon == r.want.lon);
      CHECK(where(again).address == r.want.address);
      CHECK(field_text(again, "description") == "东门的路灯不亮了");
      CHECK(again.screen == r.screen);
    }
  }
}
