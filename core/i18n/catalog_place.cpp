// core/i18n/catalog_place.cpp — finding the service (search, suggestions),
// where the concern is (device position, photo GPS, hall, address) and
// "already reported nearby".
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    // Search and suggestion.
    {"place.search", "搜索事项", "Search services"},
    {"place.search_hint", "例如：路灯、噪音、lift", "e.g. street light, noise, 电梯"},
    {"place.search_results", "找到 {count} 个相关事项", "{count} matching services"},
    {"place.search_none", "没有找到相关事项，请换个说法，或从下面的分类中选择", "No service matches; try other words or choose a group below"},
    {"place.concern", "先说说发生了什么", "Describe your concern"},
    {"place.concern_hint", "例如：小区东门的路灯连续三晚不亮", "e.g. The street light at the east gate has been out for three nights"},
    {"place.suggested", "可能是这些事项，点一下即可填写", "It may be one of these; tap one to continue"},
    // Location.
    {"place.use_position", "使用我的当前位置", "Use my current position"},
    {"place.locating", "正在获取位置…", "Finding your position…"},
    {"place.located", "已获取位置：{lat}, {long}", "Position found: {lat}, {long}"},
    {"place.use_hall", "使用本服务大厅的位置", "Use this service hall's location"},
    {"place.use_photo", "使用照片拍摄地点", "Use the photo's location"},
    {"place.denied", "您没有允许获取位置。可在浏览器设置中允许，或直接填写地址", "Location access was not allowed. Allow it in the browser's settings, or type the address"},
    {"place.unavailable", "暂时无法获取位置，请填写地址", "Your position is not available right now; please type the address"},
    {"place.timeout", "获取位置超时，请重试或填写地址", "Finding your position took too long; try again or type the address"},
    // Already reported nearby.
    {"place.nearby_title", "附近已有人反映过类似问题", "Already reported nearby"},
    {"place.nearby_intro", "以下问题正在办理中。关注它即可随时看到进展，无需重复提交", "These concerns are being handled. Follow one to see its progress instead of filing it again"},
    {"place.nearby_item", "{id} · 约 {metres} 米 · {status}", "{id} · about {metres} m · {status}"},
    {"place.follow", "关注此问题", "Follow this one"},
    {"place.following", "已关注", "Following"},
    {"place.file_anyway", "仍然提交我的问题", "File mine anyway"},
    {"place.announce_following", "已关注问题 {id}，可在“我的诉求”中查看", "Following {id}; see it under My concerns"},
    {"place.followed_badge", "已关注", "Followed"},
};
}  // namespace

std::span<const Message> catalog_place() { return kTable; }

}  // namespace civic
