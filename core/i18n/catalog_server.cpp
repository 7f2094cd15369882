// core/i18n/catalog_server.cpp — what the reference server says: GeoReport
// error descriptions (in the resident's language, by `locale` or
// Accept-Language), service notices and the staff command line. Clients that
// validate with core/forms show the same ids, so both sides agree in words.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    // Request errors (GeoReport error bodies).
    {"server.not_found", "未找到：{what}", "Not found: {what}"},
    {"server.method_not_allowed", "不支持此请求方法", "This method is not allowed here"},
    {"server.body_too_large", "提交的内容过大（上限 {limit} 字节）", "The request body is too large (limit {limit} bytes)"},
    {"server.rate_limited", "请求过于频繁，请 {seconds} 秒后再试", "Too many requests; try again in {seconds} s"},
    {"server.bad_form", "提交的表单无法读取", "The form could not be read"},
    {"server.bad_http", "请求格式不正确", "The request is not valid HTTP"},
    {"server.headers_too_large", "请求头过大", "The request line or headers are too large"},
    {"server.request_timeout", "请求发送过慢，连接已关闭", "The request arrived too slowly; the connection is closed"},
    {"server.not_implemented", "服务器不支持此请求的传输方式", "This server does not support how the request was sent"},
    {"server.bad_content_type", "请以 application/x-www-form-urlencoded 格式提交", "Send the form as application/x-www-form-urlencoded"},
    {"server.bad_utf8", "字段 {field} 含有无效字符", "The field {field} contains invalid characters"},
    {"server.unknown_field", "不认识的字段：{field}", "Unknown field: {field}"},
    {"server.duplicate_field", "字段重复：{field}", "The field {field} was sent twice"},
    {"server.field_too_long", "{field} 过长（最多 {max} 字）", "{field} is too long (at most {max} characters)"},
    {"server.missing_service_code", "请选择诉求类别（service_code）", "Choose a service (service_code)"},
    {"server.unknown_service", "没有这项服务：{code}", "There is no such service: {code}"},
    {"server.missing_location", "请提供位置：经纬度或地址", "Give a location: latitude and longitude, or an address"},
    {"server.bad_lat_long", "经纬度不正确", "The latitude or longitude is not valid"},
    {"server.missing_description", "请描述您遇到的问题", "Describe the problem"},
    {"server.bad_email", "邮箱地址格式不正确", "The email address is not valid"},
    {"server.bad_media_url", "图片地址必须是 http 或 https 链接", "media_url must be an http or https URL"},
    {"server.attr_unknown", "该服务没有此项目：{field}", "This service has no field {field}"},
    {"server.attr_required", "请填写：{field}", "Please fill in: {field}"},
    {"server.attr_bad_number", "{field} 必须是数字", "{field} must be a number"},
    {"server.attr_bad_datetime", "{field} 必须是日期时间（例如 2026-03-01T22:30）", "{field} must be a date and time (e.g. 2026-03-01T22:30)"},
    {"server.attr_bad_choice", "{field} 的选项无效：{value}", "{field}: not one of the choices: {value}"},
    {"server.attr_not_list", "{field} 只能选择一项", "{field} takes a single choice"},
    {"server.attr_not_variable", "{field} 是说明文字，无需填写", "{field} is a note, not a question"},
    {"server.bad_api_key", "api_key 无效或缺失", "The api_key is missing or not valid"},
    {"server.idempotency_conflict", "该幂等键已用于另一条不同的诉求", "This Idempotency-Key was already used for a different request"},
    {"server.bad_idempotency_key", "Idempotency-Key 格式不正确（1–255 个可见 ASCII 字符）", "The Idempotency-Key is not valid (1–255 visible ASCII characters)"},
    {"server.too_many_ids", "一次最多查询 {max} 个编号", "Ask for at most {max} ids at a time"},
    {"server.bad_date", "日期格式不正确：{field}", "The date is not valid: {field}"},
    {"server.bad_radius", "radius 必须是 1 到 {max} 之间的整数（米）", "radius must be a whole number of metres from 1 to {max}"},
    {"server.bad_status_filter", "status 只能是 open 或 closed", "status must be open or closed"},
    {"server.bad_token", "凭证无效", "The token is not valid"},
    {"server.staff_unauthorized", "需要有效的工作人员令牌", "A valid staff token is needed"},
    {"server.staff_forbidden", "该令牌无权处理 {department} 的工单", "This token cannot handle tickets of {department}"},
    {"server.bad_status", "未知的状态：{status}", "Unknown status: {status}"},
    {"server.bad_transition", "工单当前为“{from}”，不能改为“{to}”", "The ticket is {from}; it cannot become {to}"},
    {"server.unknown_department", "没有这个部门：{department}", "There is no such department: {department}"},
    {"server.note_required", "请填写说明", "Add a note"},
    {"server.bad_rating", "评分必须是 1 到 5 的整数", "The rating must be a whole number from 1 to 5"},
    {"server.not_closed", "工单办结后才能评价或重新打开", "Only a closed ticket can be rated or reopened"},
    {"server.already_rated", "该工单已经评价过", "This ticket has already been rated"},
    {"server.reopen_window", "办结超过 {days} 天的工单不能重新打开", "A ticket closed more than {days} days ago cannot be reopened"},
    {"server.bad_path", "路径无效", "The path is not valid"},
    {"server.tus_version", "请使用 tus 1.0.0 协议上传", "Uploads speak tus 1.0.0 (Tus-Resumable: 1.0.0)"},
    {"server.tus_bad_header", "上传请求头 {header} 不正确", "The upload header {header} is not valid"},
    {"server.tus_offset", "上传位置不一致，请先查询已上传的长度", "The upload offset does not match; ask for the current offset first"},
    {"server.tus_checksum", "上传内容校验失败，请重新上传", "The uploaded bytes do not match their checksum; upload them again"},
    {"server.tus_checksum_algorithm", "不支持该校验算法（仅支持 sha256）", "Unsupported checksum algorithm (only sha256)"},
    {"server.upload_type", "不支持的文件类型：{type}", "This kind of file is not accepted: {type}"},
    {"server.too_many_media", "附件最多 {max} 个", "At most {max} attachments"},
    {"server.internal", "服务器内部错误，请稍后再试", "Internal server error; try again later"},
    // Service notices and statuses (shown with a ticket).
    {"server.notice", "已受理，{department}将在 {hours} 小时内处理", "Received; {department} will handle it within {hours} hours"},
    {"server.status.submitted", "已提交", "Submitted"},
    {"server.status.accepted", "已受理", "Accepted"},
    {"server.status.in_progress", "处理中", "In progress"},
    {"server.status.scheduled", "已安排", "Scheduled"},
    {"server.status.resolved", "已办结", "Resolved"},
    {"server.status.duplicate", "重复诉求", "Duplicate"},
    {"server.status.not_responsible", "非本单位职责", "Not our responsibility"},
    {"server.status.rejected", "不予受理", "Rejected"},
    {"server.status.reopened", "已重新打开", "Reopened"},
    // The operator's console (civic-server).
    {"server.running", "民意速办已启动：{url}", "Civic Desk is running at {url}"},
    {"server.stopping", "正在停止…", "Stopping…"},
    {"server.usage",
     "用法：civic-server [--port N] [--host H] [--db 文件] [--web 目录] [--media 目录] [--cors 来源]\n"
     "       [--sms-command 程序] [--otp-ttl 秒] [--token-ttl 秒] [--otp-resend 秒] [--signin-rate N]\n"
     "       civic-server staff [--db 文件 | --server URL --token 令牌] update 编号 --status 状态 [--note 说明] [--department 部门]\n"
     "       civic-server signin-code [--db 文件] 手机号",
     "usage: civic-server [--port N] [--host H] [--db FILE] [--web DIR] [--media DIR] [--cors ORIGIN]\n"
     "       [--sms-command PROGRAM] [--otp-ttl S] [--token-ttl S] [--otp-resend S] [--signin-rate N]\n"
     "       civic-server staff [--db FILE | --server URL --token T] update ID --status S [--note T] [--department D]\n"
     "       civic-server signin-code [--db FILE] PHONE"},
    {"server.staff_updated", "工单 {id} 已更新为：{status}", "Ticket {id} is now: {status}"},
    {"server.staff_token_missing", "找不到工作人员令牌文件：{path}", "No staff token file at {path}"},
};
}  // namespace

std::span<const Message> catalog_server() { return kTable; }

}  // namespace civic
