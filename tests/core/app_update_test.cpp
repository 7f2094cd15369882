// tests/core/app_update_test.cpp — the app's flows, replayed event by event.
#include <doctest/doctest.h>

#include "core/app/update.hpp"

using namespace civic;
using namespace civic::app;

namespace {
// The one HttpRequest among the effects (Started also asks for the outbox,
// covered by app_outbox_test.cpp, for the server's capabilities,
// app_trust_test.cpp, and for the draft, app_draft_test.cpp).
const HttpRequest& only_request(std::vector<Effect> fx) {
  std::erase_if(fx, [](const Effect& f) {
    auto* r = std::get_if<HttpRequest>(&f);
    return std::holds_alternative<OutboxLoad>(f) || std::holds_alternative<DraftLoad>(f) ||
           (r && r->url.find("civic/capabilities.json") != std::string::npos);
  });
  REQUIRE(fx.size() == 1);
  REQUIRE(std::holds_alternative<HttpRequest>(fx[0]));
  static HttpRequest r;
  r = std::get<HttpRequest>(fx[0]);
  return r;
}
const char* kZh = R"([{"service_code":"n1","service_name":"夜间噪音","group":"噪音"},
                      {"service_code":"r1","service_name":"路灯","group":"道路"}])";
const char* kEn = R"([{"service_code":"n1","service_name":"Night noise","group":"Noise"},
                      {"service_code":"r1","service_name":"Street light","group":"Roads"}])";
}  // namespace

TEST_CASE("start fetches the catalogue in the resident's language") {
  State s;
  auto req = only_request(update(s, Started{"http://127.0.0.1:1/open311/v2", Lang::zh_CN}));
  CHECK(req.url == "http://127.0.0.1:1/open311/v2/services.json?locale=zh-CN");
  CHECK(s.catalog.phase == Phase::loading);
  update(s, HttpDone{req.request_id, 200, kZh, ""});
  CHECK(s.catalog.phase == Phase::ready);
  auto groups = service_groups(s.catalog);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].name == "噪音");
}

TEST_CASE("a network failure is shown and can be retried") {
  State s;
  auto req = only_request(update(s, Started{"http://h/", Lang::en}));
  update(s, HttpDone{req.request_id, 0, "", "connection refused"});
  CHECK(s.catalog.phase == Phase::failed);
  CHECK(s.catalog.error->id == "api.network");
  auto again = only_request(update(s, RetryPressed{}));
  CHECK(again.request_id != req.request_id);
  update(s, HttpDone{again.request_id, 200, kEn, ""});
  CHECK(s.catalog.phase == Phase::ready);
}

TEST_CASE("switching language mid-way keeps the open group and drops stale replies") {
  State s;
  auto zh = only_request(update(s, Started{"http://h/", Lang::zh_CN}));
  update(s, HttpDone{zh.request_id, 200, kZh, ""});
  update(s, GroupOpened{"道路"});
  auto en = only_request(update(s, LanguageChosen{Lang::en}));
  CHECK(en.url.find("locale=en") != std::string::npos);
  // A late zh reply for an old request id is ignored.
  update(s, HttpDone{zh.request_id, 200, kZh, ""});
  update(s, HttpDone{en.request_id, 200, kEn, ""});
  CHECK(s.screen == Screen::group);
  CHECK(s.open_group == "Roads");
}

TEST_CASE("the catalogue's revision moves only when its services are replaced") {
  // Shells re-derive what depends on the names (the web's glyph atlas) when
  // it moves, so it must move for every new list and for nothing else.
  State s;
  auto zh = only_request(update(s, Started{"http://h/", Lang::zh_CN}));
  const auto before = s.catalog.revision;
  update(s, HttpDone{zh.request_id, 200, kZh, ""});
  const auto first = s.catalog.revision;
  CHECK(first != before);
  update(s, GroupOpened{"道路"});
  CHECK(s.catalog.revision == first);
  auto en = only_request(update(s, LanguageChosen{Lang::en}));
  CHECK(s.catalog.revision == first);
  update(s, HttpDone{en.request_id, 500, "<html>oops</html>", ""});
  CHECK(s.catalog.revision == first);   // a failure keeps the old names
  auto again = only_request(update(s, RetryPressed{}));
  update(s, HttpDone{again.request_id, 200, kEn, ""});
  CHECK(s.catalog.revision != first);
}

TEST_CASE("a reply that is not JSON fails with a typed error, keeping the old list") {
  State s;
  auto a = only_request(update(s, Started{"http://h/", Lang::en}));
  update(s, HttpDone{a.request_id, 500, "<html>oops</html>", ""});
  CHECK(s.catalog.error->id == "api.http_status");
  auto b = only_request(update(s, RetryPressed{}));
  update(s, HttpDone{b.request_id, 200, "{", ""});
  CHECK(s.catalog.error->id == "api.bad_json");
}

namespace {
const char* kNoiseZh = R"([{"service_code":"n1","service_name":"夜间噪音","group":"噪音","metadata":true}])";
const char* kDefZh = R"({"service_code":"n1","attributes":[{"code":"src","datatype":"string","required":true,
                         "description":"来源","order":1}]})";
const char* kDefEn = R"({"service_code":"n1","attributes":[{"code":"src","datatype":"string","required":true,
                         "description":"Source","order":1}]})";

// A form for n1 in zh-CN, every required field filled.
State filled_form() {
  State s;
  auto a = only_request(update(s, Started{"http://h/", Lang::zh_CN}));
  update(s, HttpDone{a.request_id, 200, kNoiseZh, ""});
  auto d = only_request(update(s, ServiceChosen{"n1"}));
  update(s, HttpDone{d.request_id, 200, kDefZh, ""});
  forms::FieldValue v;
  v.text = "工地每晚打桩到凌晨";
  update(s, FieldEdited{"description", v});
  v.text = "工地";
  update(s, FieldEdited{"attribute[src]", v});
  v = {};
  v.location.address = "科技园路 1 号";
  update(s, FieldEdited{"location", v});
  v = {};
  v.text = "13800138000";
  update(s, FieldEdited{"phone", v});
  return s;
}
}  // namespace

TEST_CASE("a language switch mid-form rebuilds the labels and keeps the values") {
  State s = filled_form();
  auto fx = update(s, LanguageChosen{Lang::en});
  REQUIRE(fx.size() == 2);
  auto def = std::get<HttpRequest>(fx[1]);
  update(s, HttpDone{def.request_id, 200, kDefEn, ""});
  int i = forms::field_index(s.draft.schema, "attribute[src]");
  REQUIRE(i >= 0);
  CHECK(s.draft.schema.fields[i].label == "Source");
  CHECK(s.draft.form.fields[i].value.text == "工地");
  CHECK(s.draft.form.fields[0].value.text == "工地每晚打桩到凌晨");
}

// Submitting (through the outbox) is covered by app_outbox_test.cpp.
