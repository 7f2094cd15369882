// core/i18n/catalog_security.cpp — keys, sealed personal data, signed
// receipts, key pinning and encryption at rest (core/crypto, the server's
// security hooks and `civic receipt`).
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"crypto.init_failed", "加密组件无法启动（随机数来源不可用）", "The cryptography library could not start (no source of randomness)."},
    {"crypto.bad_encoding", "数据编码有误：{field}", "Badly encoded data: {field}"},
    {"crypto.bad_key_file", "密钥文件无法读取或已损坏", "The key file cannot be read or is damaged."},
    {"crypto.sealing_key_unsigned", "服务器的加密公钥未经其签名密钥认证，个人信息不会发送", "The server's sealing key is not certified by its signing key; personal details will not be sent."},
    {"crypto.sealed_field_too_long", "个人信息过长：{field}", "A personal detail is too long: {field}"},
    {"crypto.sealed_not_opened", "加密的个人信息无法打开（密钥不符或内容被改动）", "The sealed personal details cannot be opened (wrong key or altered)."},
    {"crypto.sealed_bad_content", "加密的个人信息内容格式不对", "The sealed personal details are not in the expected form."},
    {"crypto.sealed_too_large", "加密的个人信息过大", "The sealed personal details are too large."},
    {"crypto.receipt_unreadable", "回执文件无法读取", "The receipt file cannot be read."},
    {"crypto.receipt_bad_field", "回执字段格式不对：{field}", "A receipt field is malformed: {field}"},
    {"crypto.receipt_version", "不支持的回执版本：{version}", "Unsupported receipt version: {version}"},
    {"crypto.receipt_key_id", "回执中的密钥编号 {stated} 与其公钥（{actual}）不符", "The receipt's key id {stated} does not belong to its public key ({actual})."},
    {"crypto.key_changed", "服务器的签名密钥已变更：之前记录的是 {pinned}，现在是 {offered}。未予接受，请向服务机构核实。", "The server's signing key has changed: {pinned} was pinned, {offered} was offered. Not accepted; check with the hotline."},
    {"crypto.receipt_bad_signature", "回执签名无效：签名或签名摘要被改动，或并非该服务器签发", "The receipt's signature is invalid: the signature or its digests were altered, or another key signed it."},
    {"crypto.receipt_field_altered", "回执内容被改动：{fields}", "The receipt was altered in: {fields}"},
    {"crypto.receipt_other_ticket", "这是工单 {receipt} 的回执，不是 {expected} 的", "This receipt is for ticket {receipt}, not {expected}."},
    {"crypto.receipt_content_mismatch", "回执中的诉求内容摘要与本地记录不符", "The receipt's content hash does not match the concern on record."},
    {"crypto.receipt_valid", "回执有效：工单 {ticket}，事项 {service}，时间 {time}，签名密钥 {key_id}", "Valid receipt: ticket {ticket}, service {service}, at {time}, signed by key {key_id}."},
    {"crypto.receipt_first_use", "首次见到 {server} 的签名密钥 {key_id}，已记录；今后密钥变更会提示", "First time we see {server}'s signing key {key_id}: pinned; a change will be reported."},
    {"crypto.receipt_not_pinned", "未指定服务器，只核对了回执自身的一致性（密钥 {key_id} 未核实）", "No server given: only the receipt's own consistency was checked (key {key_id} not confirmed)."},
    {"crypto.sealing_withdrawn", "{server} 以前会加密个人信息，现在不再提供加密密钥。为保护您的信息，未予发送；可匿名提交，或向服务机构核实。", "{server} used to seal personal details and no longer offers a sealing key. To protect your details nothing was sent; file anonymously or check with the hotline."},
    {"crypto.pins_full", "已记录的服务器密钥过多", "Too many pinned server keys."},
    {"crypto.pins_unreadable", "已记录的服务器密钥文件无法读取，未作任何更改", "The pinned server keys file cannot be read; nothing was changed."},
    {"crypto.at_rest_not_opened", "加密数据无法打开（密钥已丢弃或数据被改动）", "Encrypted data cannot be opened (the key was discarded or the data altered)."},
    {"crypto.at_rest_too_large", "要加密保存的数据过大", "The data to store encrypted is too large."},
    {"security.forbidden_department", "无权查看其他部门（{department}）工单的个人信息，此次访问已记录", "Staff may not read personal details of another department's ({department}) tickets; this attempt was logged."},
    {"signin.too_many", "请求过于频繁，请 {seconds} 秒后再试", "Too many sign-in attempts from here; try again in {seconds} s."},
    {"signin.too_soon", "验证码已发送，{seconds} 秒后才能再次获取", "A code was sent recently; you can ask for another in {seconds} s."},
    {"signin.phone_not_mobile", "请填写能接收短信的手机号码", "Enter a mobile number that can receive text messages."},
    {"signin.not_sent", "验证码短信未能发出，请稍后再试", "The code could not be sent by SMS; try again later."},
    {"signin.code_format", "验证码是 6 位数字", "The code is 6 digits."},
    {"signin.code_wrong", "验证码不正确，还可以再试 {attempts_left} 次", "That code is not right; {attempts_left} attempts left."},
    {"signin.code_expired", "验证码已过期，请重新获取", "The code has expired; ask for a new one."},
    {"signin.no_code", "该号码没有待验证的验证码，请先获取验证码", "No code is waiting for this number; ask for one first."},
    {"signin.code_locked", "输错次数过多，此验证码已失效，请重新获取", "Too many wrong tries: this code no longer works; ask for a new one."},
    {"signin.token_missing", "需要先登录", "You need to sign in first."},
    {"signin.token_invalid", "登录凭证无效，请重新登录", "The sign-in is not valid; sign in again."},
    {"signin.token_expired", "登录已过期，请重新登录", "The sign-in has expired; sign in again."},
    {"signin.token_revoked", "已退出登录，请重新登录", "You have signed out; sign in again."},
    {"signin.account_mismatch", "account_id 只能是当前登录的账户", "account_id may only be the signed-in account."},
    {"signin.cli_usage", "用法：civic-server signin-code [--db 文件] 手机号", "usage: civic-server signin-code [--db FILE] PHONE"},
    {"signin.cli_no_db", "找不到服务器数据库或其密钥（请先启动一次 civic-server）", "No server database or keys here (start civic-server once first)."},
    {"signin.cli_no_code", "该号码没有待验证的开发用验证码（已过期、已使用、已锁定，或已通过短信发送）", "No pending development code for this number (expired, used, locked, or sent by SMS)."},
    {"security.upload_type_mismatch", "文件内容与声明的类型不符：声明为 {declared}，实际是 {actual}", "The file is not what its type says: declared {declared}, but the bytes are {actual}."},
    {"security.upload_trailing_data", "文件结尾后还附带了 {bytes} 字节的其他数据，已拒收", "The file carries {bytes} bytes of other data after its end; refused."},
    {"security.upload_active_content", "文件中夹带了可执行内容（{marker}），已拒收", "The file hides active content ({marker}); refused."},
    {"security.upload_malformed", "{type} 文件结构不完整或已损坏", "The {type} file is incomplete or damaged."},
    {"security.upload_bad_name", "文件名不可用（不能含路径、控制字符，不能以点开头）", "The file name cannot be used (no paths, no control characters, no leading dot)."},
    {"api.signin_unsupported", "该服务器不提供实名登录；仍可匿名提交诉求", "This server does not offer sign-in; concerns can still be filed anonymously."},
    {"signin.code_sent", "验证码已发送至 {phone}，{minutes} 分钟内有效", "A code was sent to {phone}; it is good for {minutes} min."},
    {"signin.prompt", "请输入验证码：", "Code: "},
    {"signin.signed_in", "已登录：{phone}（账户 {account}），{minutes} 分钟内有效", "Signed in as {phone} (account {account}) for {minutes} min."},
    {"signin.signed_out", "已退出登录：本机的登录凭证和工单列表已清除", "Signed out: this device's sign-in and ticket list were wiped."},
    {"signin.not_signed_in_wiped", "本来就未登录；本机的工单列表已清除", "Not signed in; this device's ticket list was wiped."},
    {"signin.outbox_kept", "保留了 {count} 条尚未送达的诉求（civic outbox list 可查看），它们仍会发送", "Kept {count} undelivered concerns in the outbox (civic outbox list); they will still be sent."},
    {"signin.revoke_failed", "服务器端的登录凭证未能注销，它会在到期后失效；本机数据已清除", "The server could not revoke the sign-in; it lapses when it expires. This device's data was wiped."},
    {"signin.wipe_failed", "无法清除本机数据：{path}", "This device's data could not be wiped: {path}"},
    {"signin.mine_header", "{phone} 的诉求（{count} 件）：", "Concerns of {phone} ({count}):"},
    {"cli.help.signin", "用手机验证码登录（civic signin 手机号 [--code 验证码 | --send-only]）", "sign in with a code sent to your phone (civic signin PHONE [--code N | --send-only])"},
    {"cli.help.signout", "退出登录并清除本机的个人数据（未送达的诉求保留）", "sign out and wipe this device's personal data (undelivered concerns are kept)"},
    {"cli.help.mine", "列出当前账户在所有设备上提交的诉求", "list the signed-in account's concerns from every device"},
    {"security.admin_only", "只有全部门管理令牌可以执行此操作", "Only an all-departments staff token may do this."},
};
}  // namespace

std::span<const Message> catalog_security() { return kTable; }

}  // namespace civic
