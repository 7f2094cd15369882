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
    {"kiosk.no_display", "无法打开显示屏", "Cannot open the display"},
    {"kiosk.no_gl", "无法创建 OpenGL 3.3 窗口", "Cannot create an OpenGL 3.3 window"},
    {"kiosk.no_font", "无法读取字体 {path}，中文将无法显示", "Cannot read the font {path}; Chinese text will not show"},
    {"kiosk.bad_size", "窗口尺寸无效：{size}（例如 1080x1920）", "Not a valid window size: {size} (e.g. 1080x1920)"},
};
}  // namespace

std::span<const Message> catalog_ui() { return kTable; }

}  // namespace civic
