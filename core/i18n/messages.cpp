// core/i18n/messages.cpp — lookup and formatting over the catalog tables.
// The tables are split by area (catalog_*.cpp) so that each module's strings
// sit in one small file; this file only joins them.
#include "core/i18n/messages.hpp"

#include <unordered_map>

#include "core/i18n/catalog_tables.hpp"

namespace civic {

const std::vector<Message>& message_catalog() {
  static const std::vector<Message> all = [] {
    std::vector<Message> v;
    for (auto table : catalog_tables())
      for (const Message& m : table) v.push_back(m);
    return v;
  }();
  return all;
}

namespace {
const std::unordered_map<std::string_view, const Message*>& index() {
  static const auto map = [] {
    std::unordered_map<std::string_view, const Message*> m;
    for (const Message& msg : message_catalog()) m.emplace(msg.id, &msg);
    return m;
  }();
  return map;
}
}  // namespace

std::string_view tr(Lang lang, std::string_view id) {
  auto it = index().find(id);
  if (it == index().end()) return id;
  return lang == Lang::en ? it->second->en : it->second->zh_CN;
}

std::string format(Lang lang, std::string_view id, const std::map<std::string, std::string>& params) {
  std::string_view text = tr(lang, id);
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      size_t close = text.find('}', i + 1);
      if (close != std::string_view::npos) {
        auto it = params.find(std::string(text.substr(i + 1, close - i - 1)));
        if (it != params.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::string explain(Lang lang, const Error& error) { return format(lang, error.id, error.params); }

}  // namespace civic
