// core/i18n/catalog_api.cpp — what can go wrong talking to a server.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"api.network", "无法连接服务器，请检查网络后重试", "Cannot reach the server. Check the network and try again."},
    {"api.http_status", "服务器返回错误（HTTP {status}）", "The server answered with an error (HTTP {status})."},
    {"api.bad_json", "服务器的回复无法读取", "The server's reply could not be read."},
    {"api.bad_shape", "服务器的回复格式不对：{field}", "The server's reply is not in the expected form: {field}"},
    {"api.too_large", "服务器的回复过大", "The server's reply is too large."},
    {"api.server_error", "服务器提示：{description}", "The server says: {description}"},
    {"api.not_found", "未找到：{what}", "Not found: {what}"},
    {"api.rate_limited", "请求过于频繁，请 {seconds} 秒后再试", "Too many requests; try again in {seconds} s."},
    {"api.unsupported", "该服务器不支持此功能：{feature}", "This server cannot do this: {feature}"},
};
}  // namespace

std::span<const Message> catalog_api() { return kTable; }

}  // namespace civic
