// tests/core/forms_catalog_test.cpp — every message id the forms code can
// produce has words in zh-CN and en. The ids are read from the sources
// themselves, so a new verdict without a translation fails here.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/i18n/messages.hpp"

using namespace civic;

namespace {
// "forms.xxx" string literals in one file.
void collect_ids(const std::filesystem::path& file, std::set<std::string>& ids) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  for (size_t at = text.find("\"forms."); at != std::string::npos; at = text.find("\"forms.", at + 1)) {
    size_t end = text.find('"', at + 1);
    if (end == std::string::npos) break;
    std::string id = text.substr(at + 1, end - at - 1);
    if (id.find_first_of(" {}") == std::string::npos) ids.insert(id);
  }
}
}  // namespace

TEST_CASE("every forms.* id used in core/forms has both translations") {
  std::set<std::string> ids;
  const std::filesystem::path dir = std::filesystem::path(CIVIC_SOURCE_DIR) / "core" / "forms";
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".cpp" || entry.path().extension() == ".hpp") collect_ids(entry.path(), ids);
  REQUIRE(ids.size() > 40);   // the scan really read the sources
  for (const auto& id : ids) {
    SUBCASE(id.c_str()) {
      CHECK(tr(Lang::zh_CN, id) != id);
      CHECK(tr(Lang::en, id) != id);
    }
  }
}

TEST_CASE("form messages fill their parameters in both languages") {
  struct Row { const char* name; const char* id; std::map<std::string, std::string> p; Lang lang; std::string want; };
  Row rows[] = {
      {"too short, zh", "forms.too_short", {{"min", "5"}}, Lang::zh_CN, "至少 5 个字"},
      {"too short, en", "forms.too_short", {{"min", "5"}}, Lang::en, "At least 5 characters"},
      {"range, zh", "forms.number_range", {{"min", "0"}, {"max", "200"}}, Lang::zh_CN, "请输入 0 到 200 之间的数"},
      {"too long, en", "forms.too_long", {{"max", "4000"}, {"count", "4012"}}, Lang::en,
       "At most 4000 characters (now 4012)"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) { CHECK(format(r.lang, r.id, r.p) == r.want); }
  }
}
