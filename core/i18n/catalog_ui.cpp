// core/i18n/catalog_ui.cpp — the words of the resident's screens (ui/):
// navigation, settings, accessible names of controls that have no visible text.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"ui.settings", "无障碍设置", "Accessibility"},
    {"ui.large_text", "大字模式", "Large text"},
    {"ui.high_contrast", "高对比度", "High contrast"},
    {"ui.on", "开", "On"},
    {"ui.off", "关", "Off"},
    {"ui.group_services", "{group}：{count} 项服务", "{group}: {count} services"},
    {"ui.services_in_group", "请选择具体事项", "Choose the matter"},
};
}  // namespace

std::span<const Message> catalog_ui() { return kTable; }

}  // namespace civic
