// core/i18n/lang.hpp — the languages Civic Desk speaks. zh-CN is the default.
#pragma once
#include <string_view>

namespace civic {

enum class Lang { zh_CN, en };
inline constexpr Lang kAllLangs[] = {Lang::zh_CN, Lang::en};

// BCP 47 tag as sent in `locale=` and Accept-Language.
constexpr std::string_view lang_tag(Lang l) { return l == Lang::en ? "en" : "zh-CN"; }

// Liberal reading of a tag or an Accept-Language header: the first of its
// ranges that we speak wins ("en-GB,en;q=0.9" -> en, "zh-Hans-CN" -> zh-CN).
// Returns zh-CN when nothing matches.
Lang parse_lang(std::string_view tag_or_header);

}  // namespace civic
