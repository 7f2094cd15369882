// core/i18n/catalog_kiosk.cpp — the hall kiosk's own words: the session
// countdown and Finish, the receipt (QR, signature check, printing) and the
// kiosk's command line.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"kiosk.finish", "结束本次服务", "Finish"},
    {"kiosk.still_there", "您还在吗？", "Are you still there?"},
    {"kiosk.ending_in", "{seconds} 秒后将清除您填写的内容，回到首页", "In {seconds} s what you entered is cleared and the kiosk starts over"},
    {"kiosk.continue", "继续办理", "Continue"},
    {"kiosk.session_ended", "上一位办事群众的信息已清除", "The previous resident's details have been cleared"},
    {"kiosk.hall_location", "默认地点：本服务大厅", "Default location: this service hall"},
    {"kiosk.scan_to_follow", "用手机扫码，随时查看办理进度", "Scan with your phone to follow the ticket"},
    {"kiosk.receipt_service", "事项", "Service"},
    {"kiosk.receipt_time", "时间", "Time"},
    {"kiosk.receipt_verified", "回执签名已验证（密钥 {key_id}）", "Receipt signature verified (key {key_id})"},
    {"kiosk.receipt_first_key", "回执签名有效，已记住服务端密钥 {key_id}", "Receipt signature valid; server key {key_id} remembered"},
    {"kiosk.receipt_unsigned", "服务端未提供签名回执", "The server gave no signed receipt"},
    {"kiosk.receipt_problem", "回执校验未通过：{problem}", "Receipt check failed: {problem}"},
    {"kiosk.receipt_printed", "回执已打印（{printer}）", "Receipt printed ({printer})"},
    {"kiosk.receipt_saved", "回执已保存", "Receipt saved"},
    {"kiosk.print_failed", "打印失败（{printer}），请向工作人员求助：{detail}", "Printing failed ({printer}); please ask the staff: {detail}"},
    {"kiosk.receipt_not_saved", "回执文件无法保存：{detail}", "The receipt file could not be saved: {detail}"},
    {"kiosk.bad_seconds", "秒数无效：{value}（0 到 86400 的整数）", "Not a valid number of seconds: {value} (a whole number from 0 to 86400)"},
    {"kiosk.bad_location", "大厅位置无效：{value}（纬度,经度，例如 22.543,114.057）", "Not a valid hall location: {value} (LAT,LON, e.g. 22.543,114.057)"},
    {"kiosk.bad_config", "配置文件 {path} 第 {line} 行无效：{detail}", "Config file {path}, line {line}: {detail}"},
    {"kiosk.no_data_dir", "无法使用数据目录 {path}：{detail}", "Cannot use the data directory {path}: {detail}"},
};
}  // namespace

std::span<const Message> catalog_kiosk() { return kTable; }

}  // namespace civic
