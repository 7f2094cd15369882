// tests/core/app_draft_test.cpp — the draft being written is kept by the
// shell (core/app/draft_store.hpp): when core asks to save it (throttled
// while typing, at once when leaving or hidden), when it forgets it (filed,
// discarded, a kiosk session's end), how it comes back after a reload with
// no network, and which stored bytes it refuses.
#include <doctest/doctest.h>

#include <functional>

#include "core/app/draft_store.hpp"
#include "core/app/update.hpp"

using namespace civic;
using namespace civic::app;

namespace {

const char* kCatalog = R"([{"service_code":"n1","service_name":"夜间噪音","group":"噪音","metadata":true},
                           {"service_code":"p1","service_name":"占道经营","group":"市容"}])";
const char* kDef = R"({"service_code":"n1","attributes":[{"code":"src","datatype":"string","required":true,
                       "description":"来源","order":1}]})";
constexpr std::int64_t kT0 = 1'800'000'000'000;

template <class T>
std::vector<T> all(const std::vector<Effect>& fx) {
  std::vector<T> out;
  for (const auto& f : fx)
    if (auto* p = std::get_if<T>(&f)) out.push_back(*p);
  return out;
}

// A phone that started at kT0, got its catalogue and (when `stored` is set)
// the shell's answer to DraftLoad.
struct Phone {
  State s;
  std::int64_t now = kT0;
  std::vector<DraftSave> saves;   // every DraftSave so far, in order

  std::vector<Effect> apply(const Event& e) {
    auto fx = update(s, e, now);
    for (auto& d : all<DraftSave>(fx)) saves.push_back(d);
    return fx;
  }
  HttpRequest request(const Event& e) {
    auto rs = all<HttpRequest>(apply(e));
    REQUIRE(rs.size() == 1);
    return rs[0];
  }
  explicit Phone(std::optional<std::string> stored = std::string(), Lang lang = Lang::zh_CN) {
    auto fx = update(s, Started{"http://h/", lang}, now);
    CHECK(all<DraftLoad>(fx).size() == 1);
    auto cat = all<HttpRequest>(fx);   // the catalogue; the capabilities request is app_trust_test's
    std::erase_if(cat, [](const HttpRequest& r) { return r.url.find("civic/capabilities.json") != std::string::npos; });
    REQUIRE(cat.size() == 1);
    if (stored) apply(DraftLoaded{*stored});
    apply(HttpDone{cat[0].request_id, 200, kCatalog, ""});
  }
  void open_n1() {
    auto def = request(ServiceChosen{"n1"});
    apply(HttpDone{def.request_id, 200, kDef, ""});
  }
  void type(const std::string& field, const std::string& text) {
    forms::FieldValue v;
    if (field == "location") v.location.address = text;
    else v.text = text;
    apply(FieldEdited{field, v});
  }
  void later(std::int64_t ms) {
    now += ms;
    apply(Tick{});
  }
  std::string value(const std::string& field) const {
    int i = forms::field_index(s.draft.schema, field);
    if (i < 0) return "(no field)";
    const auto& v = s.draft.form.fields[static_cast<size_t>(i)].value;
    return field == "location" ? v.location.address : v.text;
  }
};

// The bytes a phone saved after typing a whole concern, then leaving the form.
std::string saved_concern(Lang lang = Lang::zh_CN) {
  Phone p(std::string(), lang);
  p.open_n1();
  p.type("description", "工地每晚打桩到凌晨");
  p.type("attribute[src]", "工地");
  p.type("location", "科技园路 1 号");
  p.type("phone", "13800138000");
  p.later(kSaveDelayMs);
  REQUIRE(!p.saves.empty());
  return p.saves.back().bytes;
}

}  // namespace

TEST_CASE("when the draft is saved and forgotten") {
  struct Row {
    const char* name;
    std::function<void(Phone&)> act;
    std::vector<bool> saves;   // each DraftSave: true = bytes, false = forget
    Screen screen;
  };
  const Row rows[] = {
      {"opening a form is not yet a draft worth a write", [](Phone& p) { p.open_n1(); }, {}, Screen::form},
      {"a form left open is saved once the delay has passed",
       [](Phone& p) {
         p.open_n1();
         p.later(kSaveDelayMs);
       },
       {true}, Screen::form},
      {"keys typed within the delay make one save",
       [](Phone& p) {
         p.open_n1();
         p.type("description", "工");
         p.now += 100;
         p.type("description", "工地");
         p.now += 100;
         p.type("description", "工地每晚");
         CHECK(p.saves.empty());
         p.later(kSaveDelayMs);
         CHECK(p.value("description") == "工地每晚");
       },
       {true}, Screen::form},
      {"an unchanged draft is not written again",
       [](Phone& p) {
         p.open_n1();
         p.type("description", "工地");
         p.later(kSaveDelayMs);
         p.later(kSaveDelayMs);
         p.apply(FieldLeft{"description"});
         p.later(kSaveDelayMs);
       },
       {true}, Screen::form},
      {"leaving the form saves at once",
       [](Phone& p) {
         p.open_n1();
         p.type("description", "工地");
         p.apply(HomePressed{});
       },
       {true}, Screen::home},
      {"a hidden page saves at once",
       [](Phone& p) {
         p.open_n1();
         p.type("description", "工地");
         p.apply(PageVisibility{true});
       },
       {true}, Screen::form},
      {"a form left untouched is no draft: forgotten when the resident leaves",
       [](Phone& p) {
         p.open_n1();
         p.later(kSaveDelayMs);
         p.apply(HomePressed{});
       },
       {true, false}, Screen::home},
      {"discarding forgets it and returns home",
       [](Phone& p) {
         p.open_n1();
         p.type("description", "工地");
         p.apply(HomePressed{});
         p.apply(DraftResumed{});
         CHECK(p.s.screen == Screen::form);
         p.apply(DraftDiscarded{});
         CHECK(p.s.draft.service.code.empty());
       },
       {true, false}, Screen::home},
      {"filing forgets it once the concern is in the outbox",
       [](Phone& p) {
         p.open_n1();
         p.type("description", "工地每晚打桩到凌晨");
         p.type("attribute[src]", "工地");
         p.type("location", "科技园路 1 号");
         p.type("phone", "13800138000");
         p.later(kSaveDelayMs);
         p.apply(ReviewPressed{});
         auto saves = all<OutboxSave>(p.apply(SubmitPressed{}));
         REQUIRE(saves.size() == 1);
         CHECK(p.saves.size() == 1);   // still kept: the concern is not in the outbox yet
         p.apply(OutboxSaved{saves[0].save_id, true, ""});
       },
       {true, false}, Screen::receipt},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      r.act(p);
      std::vector<bool> got;
      for (const auto& s : p.saves) got.push_back(!s.bytes.empty());
      CHECK(got == r.saves);
      CHECK(p.s.screen == r.screen);
    }
  }
}

TEST_CASE("nothing is saved before the shell has answered DraftLoad") {
  Phone p(std::nullopt);   // a shell that keeps no drafts (the CLI)
  p.open_n1();
  p.type("description", "工地");
  p.apply(HomePressed{});
  p.later(kSaveDelayMs);
  CHECK(p.saves.empty());
}

TEST_CASE("a stored draft comes back with no network") {
  struct Row {
    const char* name;
    bool left_home;      // the resident had pressed home before the page went
    Lang stored_lang;
    Screen screen;
  };
  const Row rows[] = {
      {"reloaded on the form: back on the form", false, Lang::zh_CN, Screen::form},
      {"left from home: home, with the draft to continue", true, Lang::zh_CN, Screen::home},
      {"written in English: the page opens in English", false, Lang::en, Screen::form},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      std::string bytes;
      {
        Phone first(std::string(), r.stored_lang);
        first.open_n1();
        first.type("description", "工地每晚打桩到凌晨");
        first.type("location", "科技园路 1 号");
        if (r.left_home) first.apply(HomePressed{});
        first.apply(PageVisibility{true});
        REQUIRE(!first.saves.empty());
        bytes = first.saves.back().bytes;
      }
      // The next start: the shell hands the bytes back; the catalogue never
      // arrives (offline) and no definition is fetched.
      State s;
      update(s, Started{"http://h/", Lang::zh_CN}, kT0);
      auto fx = update(s, DraftLoaded{bytes}, kT0 + 1);
      CHECK(all<DraftSave>(fx).empty());   // what is stored is what is shown: no write
      for (const auto& req : all<HttpRequest>(fx)) CHECK(req.url.find("/services/n1") == std::string::npos);
      CHECK(s.lang == r.stored_lang);
      CHECK(s.screen == r.screen);
      CHECK(s.draft.service.code == "n1");
      CHECK(s.draft.service.name == "夜间噪音");
      CHECK(s.draft.phase == Phase::ready);
      int i = forms::field_index(s.draft.schema, "attribute[src]");
      CHECK(i >= 0);   // the form was rebuilt from the stored definition
      int d = forms::field_index(s.draft.schema, "description");
      REQUIRE(d >= 0);
      CHECK(s.draft.form.fields[static_cast<size_t>(d)].value.text == "工地每晚打桩到凌晨");
      CHECK(s.draft.form.fields[static_cast<size_t>(d)].touched);
      if (r.left_home) {
        update(s, DraftResumed{}, kT0 + 2);
        CHECK(s.screen == Screen::form);
      }
      // Editing it again saves the edited draft.
      forms::FieldValue v;
      v.text = "工地每晚打桩到凌晨两点";
      update(s, FieldEdited{"description", v}, kT0 + 3);
      auto later = update(s, Tick{}, kT0 + 3 + kSaveDelayMs);
      REQUIRE(all<DraftSave>(later).size() == 1);
      CHECK(all<DraftSave>(later)[0].bytes.find("两点") != std::string::npos);
    }
  }
}

TEST_CASE("a draft can be filed after it came back offline") {
  State s;
  update(s, Started{"http://h/", Lang::zh_CN}, kT0);
  update(s, DraftLoaded{saved_concern()}, kT0);
  REQUIRE(s.screen == Screen::form);
  update(s, ReviewPressed{}, kT0);
  REQUIRE(s.screen == Screen::review);
  auto fx = update(s, SubmitPressed{}, kT0);
  auto saves = all<OutboxSave>(fx);
  REQUIRE(saves.size() == 1);
  CHECK(saves[0].bytes.find("n1") != std::string::npos);
  fx = update(s, OutboxSaved{saves[0].save_id, true, ""}, kT0);
  REQUIRE(all<DraftSave>(fx).size() == 1);
  CHECK(all<DraftSave>(fx)[0].bytes.empty());   // filed: forgotten
  CHECK(s.screen == Screen::receipt);
}

TEST_CASE("a kiosk session's end forgets the draft") {
  State s;
  Started st;
  st.server_base = "http://h/";
  st.session = {60000, 20000};
  st.shared_device = true;
  update(s, st, kT0);
  update(s, DraftLoaded{saved_concern()}, kT0);
  REQUIRE(s.draft.service.code == "n1");
  auto fx = update(s, SessionEnded{}, kT0 + 1);
  auto saves = all<DraftSave>(fx);
  REQUIRE(saves.size() == 1);
  CHECK(saves[0].bytes.empty());
  CHECK(s.draft.service.code.empty());
}

TEST_CASE("stored bytes that cannot be used are refused and forgotten") {
  std::string good = saved_concern();
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string b = good;
    auto at = b.find(from);
    REQUIRE(at != std::string::npos);
    return b.replace(at, from.size(), to);
  };
  struct Row {
    const char* name;
    std::string bytes;
    bool parses;
  };
  const Row rows[] = {
      {"a good draft parses", good, true},
      {"not JSON", "{\"v\":1,", false},
      {"a JSON array", "[1,2]", false},
      {"another format version", replace("\"v\":1", "\"v\":2"), false},
      {"no service", replace("\"service\":\"n1\"", "\"service\":\"\""), false},
      {"the kiosk's first format (no definition kept)",
       R"({"v":1,"lang":"zh-CN","service":"n1","fields":[{"id":"description","text":"x"}]})", false},
      {"a field without an id", replace("\"id\":\"description\"", "\"id\":\"\""), false},
      {"a value of the wrong type", replace("\"text\":\"工地每晚打桩到凌晨\"", "\"text\":7"), false},
      {"larger than the limit", good + std::string(kMaxDraftBytes, ' '), false},
      {"a definition that no longer parses", replace("\"definition\":\"{", "\"definition\":\"[{"), true},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      CHECK(parse_draft(r.bytes).ok() == r.parses);
      State s;
      update(s, Started{"http://h/", Lang::zh_CN}, kT0);
      auto fx = update(s, DraftLoaded{r.bytes}, kT0);
      bool usable = r.parses && std::string(r.name) != "a definition that no longer parses";
      CHECK(!s.draft.service.code.empty() == usable);
      auto saves = all<DraftSave>(fx);
      if (usable) {
        CHECK(saves.empty());
      } else {
        REQUIRE(saves.size() == 1);
        CHECK(saves[0].bytes.empty());
      }
    }
  }
}
