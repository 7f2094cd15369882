// tests/ui/ui_flow_test.cpp — every resident flow, walked through the
// semantic nodes of the real screens: browse, language switch mid-form with
// no input lost, validation errors, submit, offline submit and delivery later,
// live status change, rating and reopening.
#include <doctest/doctest.h>

#include "tests/ui/harness.hpp"

using namespace civic;
using civic::test::UiHarness;

namespace {

const char* kServicesZh = R"([
  {"service_code":"noise-night","service_name":"夜间施工噪音","description":"22:00 后施工","metadata":true,"group":"噪音扰民"},
  {"service_code":"light-out","service_name":"路灯不亮","metadata":false,"group":"道路与路灯"}])";
const char* kServicesEn = R"([
  {"service_code":"noise-night","service_name":"Night construction noise","description":"After 22:00","metadata":true,"group":"Noise"},
  {"service_code":"light-out","service_name":"Street light out","metadata":false,"group":"Roads and lights"}])";
const char* kDefZh = R"({"service_code":"noise-night","attributes":[
  {"variable":true,"code":"source","datatype":"singlevaluelist","required":true,"order":1,"description":"噪音来源",
   "values":[{"key":"site","name":"工地"},{"key":"shop","name":"商铺"}]},
  {"variable":true,"code":"nights","datatype":"number","required":false,"order":2,"description":"持续几晚","datatype_description":"1-30 整数"}]})";
const char* kDefEn = R"({"service_code":"noise-night","attributes":[
  {"variable":true,"code":"source","datatype":"singlevaluelist","required":true,"order":1,"description":"Source",
   "values":[{"key":"site","name":"Building site"},{"key":"shop","name":"Shop"}]},
  {"variable":true,"code":"nights","datatype":"number","required":false,"order":2,"description":"How many nights","datatype_description":"1-30 integer"}]})";

// Home in zh-CN with the catalogue loaded.
void start(UiHarness& h) {
  h.apply(app::Started{"http://civic.test/open311/v2/", Lang::zh_CN, {true, false}});
  h.frames();
  CHECK(h.node("status").role == "status");   // loading
  h.reply(h.take("services.json?locale=zh-CN"), 200, kServicesZh);
}

// Opens the noise form and answers its definition.
void open_noise_form(UiHarness& h) {
  h.tap("group/0");
  h.tap("service/noise-night");
  h.reply(h.take("services/noise-night.json"), 200, kDefZh);
  REQUIRE(h.has("field/description"));
}

void fill_valid(UiHarness& h) {
  h.type("field/description", "工地每晚十一点后还在打桩");
  h.tap("field/attribute[source]/site");
  h.type("field/location", "南山区科技园路 1 号");
  h.type("field/phone", "13800138000");
}

}  // namespace

TEST_CASE("home lists the server's groups; touch targets are large enough") {
  UiHarness h;
  start(h);
  struct Row { const char* name; const char* id; const char* want; };
  Row rows[] = {{"first group", "group/0", "噪音扰民"}, {"second group", "group/1", "道路与路灯"},
                {"language switch offers English", "lang", "English"}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      const auto& n = h.node(r.id);
      CHECK(n.name == r.want);
      CHECK(n.role == "button");
      CHECK(n.h >= 64 * 1.5f);   // kiosk target (64 px) in large-text mode
    }
  }
  SUBCASE("a group card is heard with its services and their count") {
    const auto& n = h.node("group/0");
    CHECK(n.description.find("噪音") != std::string::npos);   // the services drawn under the title
    CHECK(n.value.find("项服务") != std::string::npos);      // the badge
  }
}

TEST_CASE("a failed catalogue shows the error in words and retries") {
  UiHarness h;
  h.apply(app::Started{"http://civic.test/open311/v2/", Lang::en, {}});
  h.frames();
  h.reply(h.take("services.json"), 0, "");
  CHECK(h.node("error").role == "alert");
  CHECK(h.node("error").name.find("Cannot reach the server") != std::string::npos);
  h.tap("retry");
  h.reply(h.take("services.json"), 200, kServicesEn);
  CHECK(h.node("group/0").name == "Noise");
}

TEST_CASE("validation errors show where they happened and nothing typed is lost") {
  UiHarness h;
  start(h);
  open_noise_form(h);
  h.type("field/description", "太吵");   // too short (< 5 characters)
  h.tap("review");
  CHECK(h.state.screen == app::Screen::form);
  CHECK(h.node("form/errors").role == "alert");
  CHECK(h.node("field/description").invalid);
  CHECK(h.node("field/description").value == "太吵");
  CHECK(h.has("field/description/error"));
  CHECK(h.has("field/attribute[source]/error"));
  h.type("field/description", "工地每晚十一点后还在打桩");
  CHECK_FALSE(h.node("field/description").invalid);
}

TEST_CASE("switching language mid-form relabels the form and keeps every value") {
  UiHarness h;
  start(h);
  open_noise_form(h);
  fill_valid(h);
  h.type("field/attribute[nights]", "3");
  h.tap("lang");
  // Both the catalogue and the definition come again, in English.
  auto a = h.take("services.json?locale=en");
  auto b = h.take("services/noise-night.json");
  CHECK(b.url.find("locale=en") != std::string::npos);
  h.reply(b, 200, kDefEn);
  h.reply(a, 200, kServicesEn);
  CHECK(h.node("heading").name == "Night construction noise");
  CHECK(h.node("field/description").value == "工地每晚十一点后还在打桩");
  CHECK(h.node("field/attribute[nights]").value == "3");
  CHECK(h.node("field/attribute[source]/site").name == "Building site");
  CHECK(h.node("field/attribute[source]/site").checked);
  CHECK(h.node("field/phone").value == "13800138000");
}

TEST_CASE("review, submit with an idempotency key, receipt and announcement") {
  UiHarness h;
  start(h);
  open_noise_form(h);
  fill_valid(h);
  h.tap("review");
  REQUIRE(h.state.screen == app::Screen::review);
  CHECK(h.node("review/attribute[source]").value == "工地");
  h.tap("submit");
  auto post = h.take("requests.json");
  CHECK(post.method == "POST");
  CHECK(post.body.find("service_code=noise-night") != std::string::npos);
  CHECK(post.body.find("attribute%5Bsource%5D=site") != std::string::npos);
  bool has_key = false;
  for (auto& [k, v] : post.headers) has_key |= k == "Idempotency-Key" && v.size() == 36;
  CHECK(has_key);
  // Kept in the outbox first: the receipt shows the local reference at once.
  CHECK(h.state.screen == app::Screen::receipt);
  CHECK(h.node("ticket/queued").name == "正在提交");
  CHECK(h.node("ticket/local_ref").name == post.headers.back().second.substr(0, 8));
  CHECK_FALSE(h.has("ticket/number"));   // the number is the server's to give
  h.reply(post, 201, R"([{"service_request_id":"7K3M-9QX2-WP4D","token":"tok"}])");
  CHECK(h.state.screen == app::Screen::receipt);
  CHECK(h.node("ticket/number").name == "7K3M-9QX2-WP4D");
  CHECK(h.node("announcement").name == "诉求 7K3M-9QX2-WP4D 已提交");
}

TEST_CASE("offline submit: a receipt at once, delivered later with the same key") {
  UiHarness h;
  start(h);
  open_noise_form(h);
  fill_valid(h);
  h.tap("review");
  h.tap("submit");
  auto first = h.take("requests.json");
  h.reply(first, 0, "");
  REQUIRE(h.state.screen == app::Screen::receipt);
  CHECK(h.node("ticket/queued").role == "status");
  h.tap("retry");
  auto again = h.take("requests.json");
  CHECK(again.headers == first.headers);   // same Idempotency-Key: the server files it once
  CHECK(again.body == first.body);
  h.reply(again, 201, R"([{"service_request_id":"AAAA-BBBB-CCCC","token":"t"}])");
  CHECK_FALSE(h.has("ticket/queued"));
  CHECK(h.node("ticket/number").name == "AAAA-BBBB-CCCC");
}

TEST_CASE("tracking: live status change, rating and reopening") {
  UiHarness h;
  start(h);
  open_noise_form(h);
  fill_valid(h);
  h.tap("review");
  h.tap("submit");
  h.reply(h.take("requests.json"), 201, R"([{"service_request_id":"ID01","token":"tok1"}])");
  h.tap("done");
  h.tap("my_concerns");
  h.reply(h.take("requests.json?service_request_id=ID01"), 200,
          R"([{"service_request_id":"ID01","status":"open","service_name":"夜间施工噪音"}])");
  CHECK(h.node("ticket/ID01").value == "办理中");
  h.tap("ticket/ID01");
  h.reply(h.take("requests/ID01.json"), 200,
          R"([{"service_request_id":"ID01","status":"closed","agency_responsible":"南山区城管局","status_notes":"已责令停工"}])");
  CHECK(h.node("ticket/status").name == "已办结");
  CHECK(h.node("announcement").name.find("ID01") != std::string::npos);

  SUBCASE("rating 4 stars") {
    h.tap("rate/4");
    auto r = h.take("civic/requests/ID01/rating.json");
    CHECK(r.body.find("token=tok1") != std::string::npos);
    CHECK(r.body.find("rating=4") != std::string::npos);
    h.reply(r, 200, "{}");
    CHECK(h.node("rated").name == "您的评价：4 星");
    h.reply(h.take("requests/ID01.json"), 200, R"([{"service_request_id":"ID01","status":"closed"}])");
  }
  SUBCASE("reopening") {
    h.tap("reopen");
    auto r = h.take("civic/requests/ID01/reopen.json");
    h.reply(r, 200, "{}");
    CHECK(h.has("reopened"));
    h.reply(h.take("requests/ID01.json"), 200, R"([{"service_request_id":"ID01","status":"open"}])");
    CHECK(h.node("ticket/status").name == "办理中");
  }
  SUBCASE("a refused rating is shown and can be tried again") {
    h.tap("rate/2");
    h.reply(h.take("rating.json"), 403, R"([{"code":403,"description":"token mismatch"}])");
    CHECK(h.node("action/error").name.find("token mismatch") != std::string::npos);
    CHECK(h.has("rate/2"));
  }
}
