// tests/fuzz/catalog_search_fuzz.cpp — arbitrary catalogues and arbitrary
// resident text through the service search and the suggestion.
//
// Input layout: a services list (JSON, parsed by core/api's parse_services)
// up to the first NUL byte; after it, the query; after a second NUL, a
// description. A small fixed pinyin table is used, so the pinyin matcher
// (with its memo of dead ends) sees hostile terms too.
//
// Beyond "no crash, no leak, no UB": every result is a code of the catalogue,
// listed once, at most the limit, scores positive and not increasing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "core/api/parse.hpp"
#include "core/catalog_search/catalog_search.hpp"

using namespace civic;

namespace {

void check(const std::vector<catalog_search::Match>& got, const std::vector<api::Service>& cat, size_t limit) {
  if (got.size() > limit) std::abort();
  std::set<std::string> codes, seen;
  for (const auto& s : cat) codes.insert(s.code);
  int last = 1 << 30;
  for (const auto& m : got) {
    if (!codes.count(m.code) || !seen.insert(m.code).second || m.score <= 0 || m.score > last) std::abort();
    last = m.score;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const catalog_search::Readings readings = [] {
    catalog_search::Readings r;
    r.by_char = {{U'灯', "deng"}, {U'电', "dian"}, {U'梯', "ti"}, {U'路', "lu"}, {U'阿', "a"}, {U'啊', "a"}};
    return r;
  }();
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t a = in.find('\0');
  std::string_view json = in.substr(0, a);
  std::string_view rest = a == std::string_view::npos ? std::string_view() : in.substr(a + 1);
  size_t b = rest.find('\0');
  std::string_view query = rest.substr(0, b);
  std::string_view description = b == std::string_view::npos ? rest : rest.substr(b + 1);
  auto parsed = api::parse_services(json);
  std::vector<api::Service> cat = parsed ? std::move(parsed).value() : std::vector<api::Service>{};
  if (cat.empty()) {
    api::Service s;
    s.code = "x";
    s.name = std::string(query.substr(0, 64));
    s.keywords = {std::string(description.substr(0, 64))};
    cat.push_back(s);
  }
  check(catalog_search::search({&cat, &cat}, query, &readings, 5), cat, 5);
  check(catalog_search::suggest({&cat}, description), cat, catalog_search::kSuggestions);
  return 0;
}
