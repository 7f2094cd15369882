// core/i18n/catalog_cli.cpp — the civic command line's words.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"cli.usage", "用法：civic [--server URL] [--data-dir 目录] [--lang zh-CN|en] [--json] 命令",
     "usage: civic [--server URL] [--data-dir DIR] [--lang zh-CN|en] [--json] COMMAND"},
    {"cli.unknown_command", "未知命令：{command}", "unknown command: {command}"},
    {"cli.unknown_option", "未知选项：{option}", "unknown option: {option}"},
    {"cli.missing_value", "选项 {option} 需要一个值", "option {option} needs a value"},
    {"cli.missing_argument", "缺少参数：{argument}", "missing argument: {argument}"},
    {"cli.bad_url", "服务器地址无效：{url}", "not a valid server URL: {url}"},
    {"cli.not_yet", "此命令尚未实现：{command}", "this command is not available yet: {command}"},
};
}  // namespace

std::span<const Message> catalog_cli() { return kTable; }

}  // namespace civic
