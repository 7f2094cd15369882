// tests/ui/keyboard_test.cpp — the kiosk's on-screen keyboard driven through
// its key nodes, as a finger (or the automation channel) does: a Latin word,
// a phone number on the digit pad, Chinese by pinyin with the candidate bar,
// Enter to the next field, and touch-target sizes of every key.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "tests/ui/harness.hpp"
#include "ui/keyboard.hpp"
#include "ui/theme.hpp"

using namespace civic;
using civic::test::UiHarness;

namespace {

const char* kServices = R"([
  {"service_code":"noise-night","service_name":"夜间施工噪音","metadata":true,"group":"噪音扰民"}])";
const char* kDef = R"({"service_code":"noise-night","attributes":[
  {"variable":true,"code":"nights","datatype":"number","required":false,"order":1,"description":"持续几晚"}]})";

void load_dict() {
  ui::kb::install();
  std::ifstream f(CIVIC_PINYIN_DICT, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  auto r = ui::kb::load_dictionary(ss.str());
  REQUIRE_MESSAGE(r.ok(), "pinyin dictionary " << CIVIC_PINYIN_DICT);
}

// The noise form, in `lang`, with the keyboard's dictionary loaded.
void open_form(UiHarness& h, Lang lang = Lang::zh_CN) {
  load_dict();
  ui::kb::reset();
  h.apply(app::Started{"http://civic.test/open311/v2/", lang, {true, false}});
  h.frames();
  h.reply(h.take("services.json"), 200, kServices);
  h.tap("group/0");
  h.tap("service/noise-night");
  h.reply(h.take("services/noise-night.json"), 200, kDef);
  REQUIRE(h.has("field/description"));
  REQUIRE(h.has("field/phone"));
}

void taps(UiHarness& h, std::initializer_list<const char*> ids) {
  for (const char* id : ids) h.tap(id);
}

void type_letters(UiHarness& h, const std::string& letters) {
  for (char c : letters) h.tap(std::string("key/") + c);
}

}  // namespace

TEST_CASE("keyboard: hidden until a field is tapped, then types into it") {
  UiHarness h;
  open_form(h);
  CHECK(!h.has("key/a"));
  h.tap("field/description");
  CHECK(h.node("field/description").checked);   // focused
  CHECK(h.has("key/a"));
  CHECK(h.has("key/mode/latin"));               // zh-CN starts in pinyin: its key offers Latin
  h.tap("key/hide");
  CHECK(!h.has("key/a"));
  CHECK(ui::kb::target().empty());
}

TEST_CASE("keyboard: a Latin word with shift, and backspace") {
  UiHarness h;
  open_form(h);
  h.tap("field/description");
  h.tap("key/mode/latin");
  CHECK(h.has("key/shift"));
  taps(h, {"key/shift", "key/l", "key/e", "key/d", "key/space"});
  type_letters(h, "lamp");
  CHECK(h.node("field/description").value == "Led lamp");
  h.tap("key/backspace");
  CHECK(h.node("field/description").value == "Led lam");
  CHECK(h.state.draft.form.fields.size() > 0);
}

TEST_CASE("keyboard: a phone number on the digit pad") {
  UiHarness h;
  open_form(h);
  h.tap("field/phone");
  CHECK(h.has("key/1"));
  CHECK(!h.has("key/q"));   // the big number pad, not letters
  for (char c : std::string("138001380009")) h.tap(std::string("key/") + c);
  h.tap("key/backspace");
  CHECK(h.node("field/phone").value == "13800138000");
  // The number field also gets the pad; a letter field does not.
  h.tap("field/attribute[nights]");
  CHECK(h.has("key/1"));
  CHECK(!h.has("key/q"));
  h.tap("field/description");
  CHECK(h.has("key/q"));
}

TEST_CASE("keyboard: Chinese by pinyin, by tapping a candidate and by Space") {
  UiHarness h;
  open_form(h);
  h.tap("field/description");
  type_letters(h, "zaoyin");
  CHECK(h.node("ime/preedit").value == "zaoyin");
  CHECK(h.node("cand/0").name == "噪音");
  CHECK(h.node("field/description").value.empty());   // nothing typed until a word is chosen
  h.tap("cand/0");
  CHECK(h.node("field/description").value == "噪音");
  type_letters(h, "ludeng");
  h.tap("key/space");                                  // Space takes the first candidate
  CHECK(h.node("field/description").value == "噪音路灯");
  CHECK(!h.has("key/，"));                              // punctuation lives on the symbols layout
  h.tap("key/mode/symbols");
  h.tap("key/，");
  CHECK(h.node("field/description").value == "噪音路灯，");
}

TEST_CASE("keyboard: candidate pages, choosing part of the input, backspace in the composition") {
  UiHarness h;
  open_form(h);
  h.tap("field/description");
  type_letters(h, "shi");
  std::string first = h.node("cand/0").name;
  CHECK(h.node("cand/prev").disabled);
  h.tap("cand/next");
  CHECK(h.node("cand/0").name != first);
  CHECK(!h.node("cand/prev").disabled);
  h.tap("key/backspace");   // removes a letter of the composition, not a character of the field
  CHECK(h.node("ime/preedit").value == "sh");
  h.tap("key/backspace");
  h.tap("key/backspace");
  CHECK(!h.has("cand/0"));
  // Two words typed in one go: each tap on the first candidate converts a leading part.
  type_letters(h, "xiaoquwuye");
  for (int i = 0; i < 4 && h.has("cand/0"); ++i) h.tap("cand/0");
  CHECK(h.node("field/description").value == "小区物业");
}

TEST_CASE("keyboard: punctuation after a half-chosen composition keeps the order of the words") {
  UiHarness h;
  open_form(h);
  h.tap("field/description");
  type_letters(h, "zaoyin");
  CHECK(h.node("cand/1").name == "早");
  h.tap("cand/1");                  // 早 for "zao"; "yin" is still being typed
  CHECK(h.node("ime/preedit").value == "早yin");
  h.tap("key/mode/symbols");        // the rest converts with its first word before the symbols show
  h.tap("key/，");
  CHECK(h.node("field/description").value == "早因，");
}

TEST_CASE("keyboard: Enter goes to the next field; switching layouts keeps typed letters") {
  UiHarness h;
  open_form(h);
  h.tap("field/description");
  type_letters(h, "tousu");
  h.tap("key/mode/latin");   // the composition is typed as it stands, never lost
  CHECK(h.node("field/description").value == "tousu");
  h.tap("key/enter");
  CHECK(!h.node("field/description").checked);
  const ui::SemanticNode* focused = nullptr;
  for (const auto& n : ui::semantic_nodes())
    if (n.role == "textbox" && n.checked) focused = &n;
  REQUIRE(focused != nullptr);
  CHECK(focused->id != "field/description");
}

TEST_CASE("keyboard: a tapped field the keys would cover scrolls into view") {
  UiHarness h(1080, 1280);   // a landscape-height screen: the phone field starts under the keys
  open_form(h);
  float before = h.node("field/phone").y;
  h.tap("field/phone");
  h.frames();
  const auto& phone = h.node("field/phone");
  const auto& top_key = h.node("key/hide");
  CHECK(phone.y < before);
  CHECK(phone.y + phone.h <= top_key.y);
}

TEST_CASE("keyboard: every key is at least a kiosk touch target (9 mm) in large text") {
  struct Row { const char* name; const char* field; const char* mode; };
  Row rows[] = {{"pinyin", "field/description", nullptr},
                {"latin", "field/description", "key/mode/latin"},
                {"symbols", "field/description", "key/mode/symbols"},
                {"digit pad", "field/phone", nullptr}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UiHarness h;
      open_form(h);
      h.tap(r.field);
      if (r.mode) h.tap(r.mode);
      type_letters(h, r.mode || std::string(r.field) == "field/phone" ? "" : "wei");
      int keys = 0;
      for (const auto& n : ui::semantic_nodes()) {
        if (n.id.rfind("key/", 0) != 0 && n.id.rfind("cand/", 0) != 0) continue;
        ++keys;
        CHECK_MESSAGE(n.w >= ui::theme::kKioskTouchPx, n.id << " is " << n.w << " px wide");
        CHECK_MESSAGE(n.h >= ui::theme::kKioskTouchPx, n.id << " is " << n.h << " px tall");
        CHECK_MESSAGE(n.y + n.h <= 1920.5f, n.id << " is below the screen");
        CHECK_MESSAGE(n.x + n.w <= 1080.5f, n.id << " is right of the screen");
      }
      CHECK(keys >= 14);
    }
  }
}

TEST_CASE("keyboard: key names follow the language") {
  struct Row { const char* name; Lang lang; const char* backspace; };
  Row rows[] = {{"zh-CN", Lang::zh_CN, "删除"}, {"en", Lang::en, "Delete"}};
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      UiHarness h;
      open_form(h, r.lang);
      h.tap("field/description");
      CHECK(h.node("key/backspace").name == r.backspace);
      CHECK(h.has(r.lang == Lang::en ? "key/shift" : "key/'"));   // en starts in Latin, zh-CN in pinyin
    }
  }
}
