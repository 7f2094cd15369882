// core/i18n/catalog_common.cpp — app chrome: titles, navigation, languages.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"app.title", "民意速办 · 市民诉求", "Civic Desk"},
    {"app.tagline", "一键反映，全程可查", "Report in one tap, follow every step"},
    {"app.language", "语言", "Language"},
    {"app.switch_language", "English", "中文"},
    {"lang.zh-CN", "简体中文", "Simplified Chinese"},
    {"lang.en", "英文", "English"},
    {"home.file", "我要反映", "File a concern"},
    {"home.my_concerns", "我的诉求", "My concerns"},
    {"home.choose_group", "请选择诉求类别", "Choose a category"},
    {"home.services_count", "{count} 项服务", "{count} services"},
    {"status.loading", "正在加载…", "Loading…"},
    {"status.retry", "重试", "Try again"},
    {"status.offline", "网络不可用，已保存的内容不会丢失", "No network — nothing you entered is lost"},
    {"services.none", "该服务器没有提供任何服务", "This server offers no services"},
    {"services.back", "返回", "Back"},
    {"services.other_group", "其他", "Other"},
};
}  // namespace

std::span<const Message> catalog_common() { return kTable; }

}  // namespace civic
