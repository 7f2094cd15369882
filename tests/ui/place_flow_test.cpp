// tests/ui/place_flow_test.cpp — finding the service and saying where, on the
// real screens through their semantic nodes: the search box matching the
// other language, a suggestion from the described concern carried into the
// form, the device position (found and denied), the hall on a kiosk, and
// "already reported nearby" with follow / file anyway.
#include <doctest/doctest.h>

#include "tests/ui/harness.hpp"

using namespace civic;
using civic::test::UiHarness;

namespace {

const char* kZh = R"([
  {"service_code":"light","service_name":"路灯不亮","description":"路灯损坏或不亮","group":"道路与路灯","keywords":"路灯,照明"},
  {"service_code":"noise","service_name":"邻里噪音","group":"噪音扰民","keywords":"噪音,装修"}])";
const char* kEn = R"([
  {"service_code":"light","service_name":"Street light out","group":"Roads","keywords":"street light,lamp"},
  {"service_code":"noise","service_name":"Noise from neighbours","group":"Noise","keywords":"noise,renovation"}])";

void start(UiHarness& h, app::HallLocation hall = {}) {
  app::Started st{"http://civic.test/open311/v2/", Lang::zh_CN, {true, false}};
  st.hall = hall;
  h.apply(st);
  h.frames();
  h.reply(h.take("services.json?locale=zh-CN"), 200, kZh);
}

// Answers the shell's LocateRequest the way a browser would.
void answer_locate(UiHarness& h, app::LocateFailure f, double lat = 0, double lon = 0) {
  app::Located l;
  l.locate_id = h.state.locating.id;
  l.failure = f;
  l.lat = lat;
  l.lon = lon;
  h.apply(l);
  h.frames();
}

}  // namespace

TEST_CASE("search on the home screen finds a service by its English keyword, on a Chinese screen") {
  UiHarness h;
  start(h);
  h.type("search", "lamp");
  h.reply(h.take("services.json?locale=en"), 200, kEn);
  CHECK(h.node("search/light").name == "路灯不亮");
  CHECK(!h.has("search/noise"));
  h.type("search", "没有这种事");
  CHECK(h.node("search/none").role == "status");
  h.type("search", "噪音");
  h.tap("search/noise");
  CHECK(h.state.screen == app::Screen::form);
  CHECK(h.node("heading").name == "邻里噪音");
}

TEST_CASE("a described concern suggests a service and fills its description") {
  UiHarness h;
  start(h);
  h.type("concern", "东门的路灯三晚不亮了");
  h.reply(h.take("services.json?locale=en"), 200, kEn);
  h.tap("suggest/light");
  CHECK(h.node("field/description").value == "东门的路灯三晚不亮了");
}

TEST_CASE("device position: found, then a denial shown in words with the point kept") {
  UiHarness h;
  start(h);
  h.tap("group/0");
  h.tap("service/light");
  h.tap("place/locate");
  CHECK(h.node("place/locating").role == "status");
  CHECK(h.node("place/locate").disabled);
  answer_locate(h, app::LocateFailure::none, 22.543096, 114.057865);
  CHECK(h.node("place/point").name.find("22.543096, 114.057865") != std::string::npos);
  h.tap("place/locate");
  answer_locate(h, app::LocateFailure::denied);
  CHECK(h.node("place/error").role == "alert");
  CHECK(h.node("place/error").name.find("允许") != std::string::npos);
  CHECK(h.has("place/point"));   // nothing entered is lost
  h.tap("lang");
  h.reply(h.take("services.json?locale=en"), 200, kEn);
  CHECK(h.node("place/error").name.find("not allowed") != std::string::npos);
  CHECK(h.node("place/point").name.find("22.543096") != std::string::npos);
}

TEST_CASE("a kiosk offers its hall again after another address was typed") {
  UiHarness h;
  start(h, {"22.543000", "114.057000", "南山区政务服务中心"});
  h.tap("group/0");
  h.tap("service/light");
  CHECK(h.node("field/location").value == "南山区政务服务中心");
  CHECK(!h.has("place/hall"));
  h.type("field/location", "科技园南区");
  h.tap("place/hall");
  CHECK(h.node("field/location").value == "南山区政务服务中心");
}

TEST_CASE("already reported nearby: follow one, keep the draft, or file anyway") {
  UiHarness h;
  // The capabilities document the app reads at start (trust_flow) says "nearby".
  h.capabilities = R"({"extensions":{"nearby":{"default_radius":200}}})";
  start(h);
  h.tap("group/0");
  h.tap("service/light");
  h.type("field/description", "东门的路灯三晚不亮了");
  h.tap("place/locate");
  answer_locate(h, app::LocateFailure::none, 22.543, 114.1);
  h.tap("field/anonymous");
  h.tap("review");
  h.reply(h.take("lat=22.543000&long=114.100000&radius=200&status=open"), 200,
          R"([{"service_request_id":"2026-000042","status":"open","service_code":"light","service_name":"路灯不亮",
               "description":"东门路灯不亮","lat":22.5431,"long":114.1}])");
  CHECK(h.node("heading").name == "附近已有人反映过类似问题");
  CHECK(h.node("nearby/2026-000042").name == "路灯不亮");
  h.tap("nearby/2026-000042/follow");
  CHECK(h.node("nearby/2026-000042").value == "已关注");
  CHECK(!h.has("nearby/2026-000042/follow"));
  REQUIRE(h.state.tickets.size() == 1);
  CHECK(h.state.tickets[0].followed);
  h.tap("file_anyway");
  CHECK(h.node("heading").name == "请核对后提交");
  CHECK(h.state.screen == app::Screen::review);
  CHECK(h.has("submit"));
}
