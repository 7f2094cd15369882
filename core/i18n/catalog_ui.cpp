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
    {"ui.announce_queued", "诉求已保存，等待网络恢复后自动发送", "Concern saved; it will be sent when the network is back"},
    {"ui.announce_submitted", "诉求 {id} 已提交", "Concern {id} submitted"},
    {"ui.announce_status", "诉求 {id} 状态更新：{status}", "Concern {id} is now {status}"},
    {"ui.announce_rated", "已评价诉求 {id}，谢谢", "Thank you for rating concern {id}"},
    {"ui.announce_reopened", "诉求 {id} 已重新办理", "Concern {id} has been reopened"},
    {"ui.next_review", "下一步：核对信息", "Next: review"},
    {"ui.review_title", "请核对后提交", "Check and submit"},
    {"ui.submit", "确认提交", "Submit"},
    {"ui.submitting", "正在提交…", "Submitting…"},
    {"ui.edit", "返回修改", "Edit"},
    {"ui.fix_errors", "有 {count} 项需要修改", "{count} fields need attention"},
    {"ui.yes", "是", "Yes"},
    {"ui.no", "否", "No"},
    {"ui.optional", "（选填）", "(optional)"},
    {"ui.empty_value", "未填写", "Not given"},
    {"ui.address", "地址", "Address"},
    {"ui.address_hint", "例如：南山区科技园路 1 号", "e.g. 1 Keji Road, Nanshan"},
    {"ui.attachments_later", "照片可在提交后用手机补充", "Photos can be added from a phone after filing"},
    {"ui.receipt_title", "诉求已受理", "Concern received"},
    {"ui.ticket_number", "工单号", "Ticket number"},
    {"ui.waiting_network", "等待网络：恢复后将自动发送", "Waiting for network: it will be sent automatically"},
    {"ui.follow", "查看办理进度", "Follow it"},
    {"ui.done", "完成", "Done"},
    {"ui.no_tickets", "您还没有反映过诉求", "You have not filed any concerns yet"},
    {"ui.status.open", "办理中", "In progress"},
    {"ui.status.closed", "已办结", "Resolved"},
    {"ui.status.queued", "等待发送", "Waiting to send"},
    {"ui.status.unknown", "查询中", "Checking"},
    {"ui.agency", "承办单位", "Handled by"},
    {"ui.notes", "处理说明", "Notes"},
    {"ui.expected", "预计办结", "Due"},
    {"ui.updated", "最近更新", "Updated"},
    {"ui.rate_title", "对办理结果满意吗？", "How satisfied are you with the result?"},
    {"ui.stars", "{count} 星", "{count} stars"},
    {"ui.rate_comment", "说说您的意见（可不填）", "Your comments (optional)"},
    {"ui.rated", "您的评价：{count} 星", "Your rating: {count} stars"},
    {"ui.comment", "意见（选填）", "Comment (optional)"},
    {"ui.send_rating", "提交评价", "Send rating"},
    {"ui.reopen", "不满意，申请重新办理", "Not resolved: reopen it"},
    {"ui.reopened", "已申请重新办理", "Reopened"},
    {"ui.refresh", "刷新", "Refresh"},
    {"kiosk.no_display", "无法打开显示屏", "Cannot open the display"},
    {"kiosk.no_gl", "无法创建 OpenGL 3.3 窗口", "Cannot create an OpenGL 3.3 window"},
    {"kiosk.no_font", "无法读取字体 {path}，中文将无法显示", "Cannot read the font {path}; Chinese text will not show"},
    {"kiosk.bad_size", "窗口尺寸无效：{size}（例如 1080x1920）", "Not a valid window size: {size} (e.g. 1080x1920)"},
};
}  // namespace

std::span<const Message> catalog_ui() { return kTable; }

}  // namespace civic
