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
    {"cli.unexpected_argument", "多余的参数：{argument}", "unexpected argument: {argument}"},
    {"cli.bad_lang", "不支持的语言：{lang}（可用 zh-CN 或 en）", "unsupported language: {lang} (use zh-CN or en)"},
    {"cli.no_attributes", "该服务无需填写额外信息", "This service needs no extra details."},
    {"cli.required", "必填", "required"},
    {"cli.optional", "选填", "optional"},
    {"cli.help.services", "列出服务类别和服务", "groups and services"},
    {"cli.help.service", "CODE：一项服务的表单（服务定义）", "CODE: one service's form (its definition)"},
    {"cli.help.file", "--service CODE …：校验、排队、提交，输出工单号", "--service CODE …: validate, queue, deliver; print the ticket id"},
    {"cli.help.track", "ID… [--follow]：工单进度", "ID… [--follow]: timelines"},
    {"cli.help.outbox", "list | flush：待发送的诉求", "list | flush: what is queued; deliver it"},
    {"cli.help.compress", "IN OUT …：压缩照片", "IN OUT …: compress a photo"},
    {"cli.help.receipt", "verify FILE：校验回执签名", "verify FILE: check a signed receipt"},
};
}  // namespace

std::span<const Message> catalog_cli() { return kTable; }

}  // namespace civic
