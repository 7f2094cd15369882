// core/i18n/catalog_tracking.cpp — words for ticket tracking and the outbox:
// timeline stages, SLA states, delivery states and the CLI's track/outbox output.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"tracking.stream_broken", "实时更新连接中断，正在重新连接", "Live updates were interrupted; reconnecting."},
    {"tracking.stage.received", "已受理登记", "Received"},
    {"tracking.stage.accepted", "已受理", "Accepted"},
    {"tracking.stage.assigned", "已派单至 {department}", "Assigned to {department}"},
    {"tracking.stage.in_progress", "处理中", "In progress"},
    {"tracking.stage.scheduled", "已安排处理时间", "Scheduled"},
    {"tracking.stage.resolved", "已办结", "Resolved"},
    {"tracking.stage.duplicate", "重复诉求，已合并", "Duplicate, merged"},
    {"tracking.stage.not_ours", "不属于本平台受理范围", "Not our responsibility"},
    {"tracking.stage.rejected", "不予受理", "Rejected"},
    {"tracking.stage.rated", "已评价", "Rated"},
    {"tracking.stage.reopened", "已重新办理", "Reopened"},
    // Said by the live region when a ticket moves (a whole sentence per stage,
    // so English reads "is now in progress", not "is now In progress").
    {"tracking.announce.received", "诉求 {id} 已登记", "Concern {id} has been received"},
    {"tracking.announce.accepted", "诉求 {id} 已受理", "Concern {id} has been accepted"},
    {"tracking.announce.assigned", "诉求 {id} 已派单至 {department}", "Concern {id} is now assigned to {department}"},
    {"tracking.announce.in_progress", "诉求 {id} 正在处理", "Concern {id} is now in progress"},
    {"tracking.announce.scheduled", "诉求 {id} 已安排处理时间", "Concern {id} is now scheduled"},
    {"tracking.announce.resolved", "诉求 {id} 已办结", "Concern {id} has been resolved"},
    {"tracking.announce.duplicate", "诉求 {id} 与已有诉求重复，已合并", "Concern {id} was a duplicate and has been merged"},
    {"tracking.announce.not_ours", "诉求 {id} 不属于本平台受理范围", "Concern {id} is not this service's responsibility"},
    {"tracking.announce.rejected", "诉求 {id} 不予受理", "Concern {id} has been rejected"},
    {"tracking.announce.rated", "诉求 {id} 已评价", "Concern {id} has been rated"},
    {"tracking.announce.reopened", "诉求 {id} 已重新办理", "Concern {id} has been reopened"},
    {"tracking.kind.note", "办理说明", "Note"},
    {"tracking.timeline", "办理进度", "Progress"},
    {"tracking.kind.sla", "办理时限调整", "Deadline changed"},
    {"tracking.sla.none", "暂无办理时限", "No deadline yet"},
    {"tracking.sla.on_time", "按时办理中", "On time"},
    {"tracking.sla.due_soon", "即将到期", "Due soon"},
    {"tracking.sla.overdue", "已超期", "Overdue"},
    {"tracking.sla.met", "按时办结", "Resolved on time"},
    {"tracking.sla.missed", "超期办结", "Resolved late"},
    {"tracking.deadline", "办理时限：{deadline}", "Deadline: {deadline}"},
    {"tracking.live", "实时跟踪中（按 Ctrl+C 结束）", "Following live (Ctrl+C to stop)"},
    {"tracking.polling", "服务器不支持实时推送，改为定时查询", "The server has no live updates; checking periodically."},
    {"tracking.no_events", "暂无办理记录", "No updates yet"},
    {"tracking.rating", "评分：{rating}/5", "Rating: {rating}/5"},
    {"outbox.corrupt", "待发送记录已损坏，已另存", "A queued concern's record is damaged; it was set aside."},
    {"outbox.upload_refused", "服务器未接受附件上传", "The server did not accept the attachment upload."},
    {"outbox.storage", "无法保存待发送的诉求：{path}", "Cannot save the queued concern: {path}"},
    {"outbox.state.queued", "等待网络", "Waiting for network"},
    {"outbox.state.uploading", "正在上传附件", "Uploading attachments"},
    {"outbox.state.sending", "正在提交", "Sending"},
    {"outbox.state.delivered", "已提交", "Delivered"},
    {"outbox.state.failed_needs_input", "提交被退回，请修改后重试", "Returned by the server; please correct and resend."},
    {"outbox.queued_exit", "暂时无法提交，诉求已保存在待发送队列（{key}），联网后运行 civic outbox flush",
     "Could not deliver now; the concern is queued ({key}). Run civic outbox flush when online."},
    {"outbox.busy", "另一个 civic 正在发送待发送队列，请稍后再试", "Another civic is delivering the outbox; try again shortly."},
    {"outbox.empty", "待发送队列为空", "The outbox is empty."},
    {"outbox.delivered_as", "已提交，诉求编号 {id}", "Delivered as concern {id}"},
    {"outbox.announce_kept", "诉求已保存，正在提交", "Concern saved; sending it now"},
    {"outbox.next_attempt", "下次尝试：{seconds} 秒后", "Next attempt in {seconds} s"},
    {"outbox.upload_photos", "上传附件", "Uploading attachments"},
    {"outbox.upload_progress", "上传附件 {percent}%", "Uploading attachments {percent}%"},
    {"outbox.upload_progress_cli", "上传附件 {percent}%（{sent}/{total} KB）", "Uploading attachments {percent}% ({sent}/{total} KB)"},
};
}  // namespace

std::span<const Message> catalog_tracking() { return kTable; }

}  // namespace civic
