// tests/core/catalog_search_test.cpp — search across both languages'
// catalogues (names, keywords, groups, descriptions, pinyin) and suggestions
// from a description of the concern.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/catalog_search/catalog_search.hpp"
#include "ime_test_dict.hpp"

using namespace civic;
using namespace civic::catalog_search;

namespace {

api::Service svc(const char* code, const char* name, const char* desc, std::vector<std::string> kw, const char* group) {
  api::Service s;
  s.code = code;
  s.name = name;
  s.description = desc;
  s.keywords = std::move(kw);
  s.group = group;
  return s;
}

// A slice of the reference server's catalogue, as each language's GET /services.json gives it.
const std::vector<api::Service>& zh() {
  static const std::vector<api::Service> c = {
      svc("noise-construction", "夜间施工噪音", "22:00 至次日 6:00 之间未经许可的施工噪音", {"噪音", "施工", "夜间", "工地"}, "噪音扰民"),
      svc("noise-neighbour", "邻里噪音", "住宅内持续的装修、聚会或其他生活噪音", {"噪音", "邻居", "装修"}, "噪音扰民"),
      svc("streetlight-out", "路灯不亮", "路灯不亮、闪烁、白天常亮或灯杆损坏", {"路灯", "照明", "灯杆"}, "道路与路灯"),
      svc("garbage-overflow", "垃圾未及时清运", "垃圾桶满溢或垃圾长时间未清运", {"垃圾", "清运", "垃圾桶"}, "环境卫生"),
      svc("illegal-dumping", "乱倒垃圾", "偷倒建筑垃圾、大件家具或生活垃圾", {"垃圾", "偷倒", "建筑垃圾"}, "环境卫生"),
      svc("elevator-fault", "电梯故障", "住宅电梯停运、异响或困人", {"电梯", "困人", "小区"}, "住宅小区"),
      svc("consumer-refund", "退款纠纷", "商家拒绝退货退款或拖延退款", {"退款", "退货", "商家"}, "消费维权"),
  };
  return c;
}
const std::vector<api::Service>& en() {
  static const std::vector<api::Service> c = {
      svc("noise-construction", "Construction noise at night", "Building work between 22:00 and 06:00 without a permit",
          {"noise", "construction", "night", "building site"}, "Noise"),
      svc("noise-neighbour", "Noise from neighbours", "Persistent renovation, parties or other household noise",
          {"noise", "neighbour", "renovation"}, "Noise"),
      svc("streetlight-out", "Street light out", "A street light that is out, flickers, stays on by day",
          {"street light", "lighting", "lamp post"}, "Roads and street lights"),
      svc("garbage-overflow", "Rubbish not collected", "Overflowing bins or rubbish left uncollected",
          {"rubbish", "bins", "collection"}, "Sanitation"),
      svc("illegal-dumping", "Illegal dumping", "Building waste, furniture or household rubbish dumped illegally",
          {"fly-tipping", "dumping", "building waste"}, "Sanitation"),
      svc("elevator-fault", "Lift out of order", "A residential lift that has stopped, makes noise or traps people",
          {"lift", "elevator", "trapped"}, "Housing estate"),
      svc("consumer-refund", "Refund dispute", "A business that refuses or delays a return or refund",
          {"refund", "return", "merchant"}, "Consumer rights"),
  };
  return c;
}

std::vector<std::string> codes(const std::vector<Match>& m) {
  std::vector<std::string> out;
  for (const auto& x : m) out.push_back(x.code);
  return out;
}

}  // namespace

TEST_CASE("search finds services in either language, whatever is on screen") {
  static const Readings readings = readings_from_dictionary(test_pinyin_dict());
  REQUIRE(!readings.by_char.empty());
  struct Row {
    const char* name;
    std::string query;
    bool zh_first;
    bool pinyin;
    std::vector<std::string> want;   // exactly these, in this order
  };
  const std::vector<Row> rows = {
      {"Chinese name, Chinese screen", "路灯", true, false, {"streetlight-out"}},
      {"English name, Chinese screen", "street light", true, false, {"streetlight-out"}},
      {"Chinese keyword, English screen", "电梯", false, false, {"elevator-fault"}},
      {"upper case Latin", "LIFT", true, false, {"elevator-fault"}},
      {"full-width Latin from a Chinese IME", "\xEF\xBC\xAC\xEF\xBC\xA9\xEF\xBC\xA6\xEF\xBC\xB4", true, false,
       {"elevator-fault"}},
      {"a keyword shared by two: catalogue order", "噪音", true, false, {"noise-construction", "noise-neighbour"}},
      {"a name's prefix ties an exact keyword: catalogue order", "垃圾", true, false,
       {"garbage-overflow", "illegal-dumping"}},
      {"group name", "consumer", false, false, {"consumer-refund"}},
      {"words from the description", "permit", true, false, {"noise-construction"}},
      {"every term must match", "noise night", false, false, {"noise-construction"}},
      {"terms split on Chinese punctuation", "噪音，装修", true, false, {"noise-neighbour"}},
      {"a bad byte separates, never matches", "\xFF路灯\xC0", true, false, {"streetlight-out"}},
      {"full pinyin", "ludeng", true, true, {"streetlight-out"}},
      {"pinyin initials of the whole name", "ldbl", true, true, {"streetlight-out"}},
      {"two initials: 路灯 and 乱倒, and Latin substrings (bui-ld-ing)", "ld", true, true,
       {"streetlight-out", "illegal-dumping", "noise-construction", "noise-neighbour"}},
      {"initials then a full syllable", "ldeng", true, true, {"streetlight-out"}},
      {"pinyin prefix of the last syllable", "diant", true, true, {"elevator-fault"}},
      {"pinyin without readings: nothing", "ludeng", true, false, {}},
      {"nothing like it", "zzzz", true, true, {}},
      {"empty query", "", true, true, {}},
      {"only spaces and punctuation", " \xE3\x80\x80,.\xE3\x80\x82 ", true, true, {}},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      std::vector<const std::vector<api::Service>*> cats = {r.zh_first ? &zh() : &en(), r.zh_first ? &en() : &zh()};
      auto got = codes(search(cats, r.query, r.pinyin ? &readings : nullptr));
      INFO("got: " << [&] { std::string j; for (auto& c : got) j += c + " "; return j; }());
      CHECK(got == r.want);
    }
  }
}

TEST_CASE("search lists a service once, with its best score, and honours the limit") {
  auto hits = search({&zh(), &en()}, "noise");
  REQUIRE(hits.size() >= 2);
  std::vector<std::string> c = codes(hits);
  CHECK(std::count(c.begin(), c.end(), "noise-neighbour") == 1);
  CHECK(search({&zh(), &en()}, "noise", nullptr, 1).size() == 1);
  CHECK(search({nullptr, &en()}, "lift").size() == 1);
}

TEST_CASE("search cuts a long query at a character boundary") {
  std::string q = "路灯";
  while (q.size() < kMaxQueryBytes + 10) q += "灯";
  // The cut never splits 灯 (3 bytes): the folded query stays valid UTF-8 and still matches nothing wrong.
  auto hits = search({&zh()}, q);
  CHECK(hits.empty());
}

TEST_CASE("suggest ranks services by what the description says") {
  struct Row {
    const char* name;
    std::string description;
    std::vector<std::string> first;   // the leading suggestions, in order
  };
  const std::vector<Row> rows = {
      {"Chinese sentence naming a keyword", "小区东门路灯连续三晚不亮", {"streetlight-out"}},
      {"two keywords beat one", "楼上邻居装修噪音太大", {"noise-neighbour", "noise-construction"}},
      {"the keyword 垃圾桶 counts beside 垃圾", "垃圾桶满了三天没人清运", {"garbage-overflow", "illegal-dumping"}},
      {"English with endings folded", "My neighbour's renovation is so noisy", {"noise-neighbour", "noise-construction"}},
      {"a two-word keyword in the plural", "The street lights on our road are out", {"streetlight-out"}},
      {"upper case and full stop", "LIFT BROKEN.", {"elevator-fault"}},
      {"nothing recognisable", "今天天气很好", {}},
      {"empty", "", {}},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto got = codes(suggest({&zh(), &en()}, r.description));
      CHECK(got.size() <= kSuggestions);
      if (r.first.empty()) CHECK(got.empty());
      else {
        REQUIRE(got.size() >= r.first.size());
        CHECK(std::vector<std::string>(got.begin(), got.begin() + r.first.size()) == r.first);
      }
    }
  }
}

TEST_CASE("readings come from the keyboard's dictionary") {
  Readings r = readings_from_dictionary(test_pinyin_dict());
  struct Row { const char* name; char32_t c; const char* reading; };
  Row rows[] = {
      {"路", U'路', "lu"}, {"灯", U'灯', "deng"}, {"电", U'电', "dian"}, {"Latin: none", U'a', ""},
  };
  for (const auto& row : rows) {
    SUBCASE(row.name) { CHECK(std::string(reading_of(r, row.c)) == row.reading); }
  }
}
