// core/i18n/lang.cpp — reading language tags and Accept-Language headers.
#include "core/i18n/lang.hpp"

#include <string>

#include "core/text/ascii.hpp"

namespace civic {

Lang parse_lang(std::string_view header) {
  // Walk the comma-separated ranges in order; ignore q-values (clients list
  // their preference first in practice) and take the first we speak.
  size_t pos = 0;
  while (pos <= header.size()) {
    size_t comma = header.find(',', pos);
    if (comma == std::string_view::npos) comma = header.size();
    std::string_view range = header.substr(pos, comma - pos);
    if (size_t semi = range.find(';'); semi != std::string_view::npos) range = range.substr(0, semi);
    while (!range.empty() && (range.front() == ' ' || range.front() == '\t')) range.remove_prefix(1);
    while (!range.empty() && (range.back() == ' ' || range.back() == '\t')) range.remove_suffix(1);
    std::string r = text::lower_ascii(range);
    if (r == "en" || r.rfind("en-", 0) == 0 || r.rfind("en_", 0) == 0) return Lang::en;
    if (r == "zh" || r.rfind("zh-", 0) == 0 || r.rfind("zh_", 0) == 0) return Lang::zh_CN;
    pos = comma + 1;
  }
  return Lang::zh_CN;
}

}  // namespace civic
