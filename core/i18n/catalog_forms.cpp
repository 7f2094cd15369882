// core/i18n/catalog_forms.cpp — the words of the concern form: field labels,
// prefill consent, and every verdict core/forms/validators.hpp can return.
// The same ids come back from the server (core/forms/submission.hpp).
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    // Labels and hints of the common fields.
    {"forms.field.description", "问题描述", "Description"},
    {"forms.hint.description", "请写明时间、地点和具体情况", "Say when, where and what is happening"},
    {"forms.field.location", "位置", "Location"},
    {"forms.location.here", "使用当前位置", "Use my current location"},
    {"forms.location.address", "填写地址", "Enter an address"},
    {"forms.location.hall", "使用本服务大厅的位置", "Use this service hall's location"},
    {"forms.field.media", "照片、语音或视频", "Photos, voice or video"},
    {"forms.media_count", "已添加 {count}/{max} 个", "{count} of {max} added"},
    {"forms.field.anonymous", "匿名反映（不留联系方式）", "File anonymously (no contact details)"},
    {"forms.field.name", "姓名", "Name"},
    {"forms.field.phone", "联系电话", "Phone"},
    {"forms.field.email", "电子邮箱", "E-mail"},
    {"forms.optional", "选填", "optional"},
    {"forms.char_count", "{count}/{max} 字", "{count}/{max} characters"},
    {"forms.fix_count", "还有 {count} 项需要修改", "{count} fields still need attention"},
    // Prefill.
    {"forms.prefill.consent", "记住我的姓名、电话和位置，下次自动填写", "Remember my name, phone and location for next time"},
    {"forms.prefill.offered", "已为您填入上次的信息，可修改", "Filled in from last time; you can change it"},
    {"forms.prefill.forget", "清除已保存的个人信息", "Forget my saved details"},
    {"forms.prefill_bad", "已保存的个人信息无法读取，已忽略", "Your saved details could not be read and were ignored"},
    // Verdicts.
    {"forms.required", "此项必填", "This field is required"},
    {"forms.bad_utf8", "含有无法识别的字符，请重新输入", "Contains bytes that are not valid text; please retype it"},
    {"forms.control_char", "含有不可见的控制字符，请删除后重试", "Contains an invisible control character; please remove it"},
    {"forms.bidi_override", "含有改变文字方向的控制字符，请删除", "Contains a character that reverses text direction; please remove it"},
    {"forms.too_long_bytes", "内容过长", "This is too long"},
    {"forms.too_short", "至少 {min} 个字", "At least {min} characters"},
    {"forms.too_long", "最多 {max} 个字（现有 {count} 个）", "At most {max} characters (now {count})"},
    {"forms.number_invalid", "请输入数字，例如 12 或 3.5", "Enter a number, such as 12 or 3.5"},
    {"forms.number_integer", "请输入整数", "Enter a whole number"},
    {"forms.number_range", "请输入 {min} 到 {max} 之间的数", "Enter a number from {min} to {max}"},
    {"forms.number_min", "不能小于 {min}", "Enter {min} or more"},
    {"forms.number_max", "不能大于 {max}", "Enter {max} or less"},
    {"forms.datetime_invalid", "请输入日期和时间，例如 2026-05-01T08:30+08:00",
     "Enter a date and time, such as 2026-05-01T08:30+08:00"},
    {"forms.datetime_zone", "请注明时区，例如 +08:00", "Add a time zone, such as +08:00"},
    {"forms.choice_invalid", "请从列表中选择", "Choose one of the listed options"},
    {"forms.choice_repeated", "同一选项选了两次", "The same option is chosen twice"},
    {"forms.phone_invalid", "请输入有效的电话号码：手机号、座机号（如 0755-12345678）或国际号码（如 +85223456789）",
     "Enter a valid phone number: a mobile, a landline such as 0755-12345678, or an international number such as +85223456789"},
    {"forms.phone_mobile", "手机号应为 11 位，以 13 至 19 开头", "A mobile number has 11 digits and starts with 13 to 19"},
    {"forms.phone_landline", "座机号请加区号，例如 0755-12345678", "Add the area code to a landline, e.g. 0755-12345678"},
    {"forms.email_invalid", "请输入有效的电子邮箱，例如 name@example.com", "Enter a valid e-mail address, such as name@example.com"},
    {"forms.id_length", "身份证号应为 18 位", "A resident ID number has 18 characters"},
    {"forms.id_format", "身份证号前 17 位是数字，最后一位是数字或 X",
     "A resident ID number is 17 digits followed by a digit or X"},
    {"forms.id_region", "身份证号的地区码不正确", "The region code of this ID number is not valid"},
    {"forms.id_birthdate", "身份证号中的出生日期不正确", "The birth date in this ID number is not valid"},
    {"forms.id_checksum", "身份证号有误，请逐位核对", "This ID number has a mistake; please check each digit"},
    {"forms.location_required", "请选择位置：当前位置、填写地址或本服务大厅",
     "Choose a location: where you are, an address, or this service hall"},
    {"forms.location_incomplete", "经度和纬度需要同时提供", "Latitude and longitude must be given together"},
    {"forms.location_range", "坐标无效", "These coordinates are not valid"},
    {"forms.place_invalid", "地点编号无效", "This place id is not valid"},
    {"forms.attachments_required", "请至少添加一个照片、语音或视频", "Add at least one photo, voice note or video"},
    {"forms.attachments_too_many", "最多添加 {max} 个附件", "Add at most {max} attachments"},
    {"forms.attachment_empty", "“{name}”是空文件", "\"{name}\" is empty"},
    {"forms.attachment_type", "不支持“{name}”的文件类型（{type}）", "\"{name}\" is of a type we cannot take ({type})"},
    {"forms.attachment_too_large", "“{name}”超过 {max_mb} MB", "\"{name}\" is larger than {max_mb} MB"},
    {"forms.flag_invalid", "请选择是或否", "Choose yes or no"},
    {"forms.unknown_field", "此服务没有“{field}”这一项", "This service has no field \"{field}\""},
    {"forms.not_editable", "“{field}”是说明文字，不能填写", "\"{field}\" is information only and cannot be filled in"},
    {"forms.repeated", "“{field}”填写了多次", "\"{field}\" was given more than once"},
};
}  // namespace

std::span<const Message> catalog_forms() { return kTable; }

}  // namespace civic
