// core/i18n/catalog_keyboard.cpp — the kiosk's on-screen keyboard (ui/keyboard*)
// and its pinyin input (core/ime): key names that screen readers and the
// automation channel see, and the input method's errors.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"kb.keyboard", "屏幕键盘", "On-screen keyboard"},
    {"kb.mode_latin", "英文", "ABC"},
    {"kb.mode_pinyin", "拼音", "Pinyin"},
    {"kb.mode_digits", "123", "123"},
    {"kb.mode_symbols", "符号", "Symbols"},
    {"kb.shift", "大写", "Shift"},
    {"kb.backspace", "删除", "Delete"},
    {"kb.enter", "下一项", "Next"},
    {"kb.enter_last", "完成", "Done"},
    {"kb.space", "空格", "Space"},
    {"kb.space_choose", "空格（选第一个）", "Space (first word)"},
    {"kb.hide", "收起键盘", "Hide keyboard"},
    {"kb.prev_page", "上一页候选", "Previous words"},
    {"kb.next_page", "下一页候选", "More words"},
    {"kb.preedit", "正在输入的拼音", "Pinyin being typed"},
    {"kb.no_candidates", "没有对应的汉字，按空格输入字母", "No Chinese words for these letters; Space types them as letters"},
    {"kb.candidate", "候选 {n}", "Word {n}"},
    {"ime.dict_bad", "中文输入词典无法读取，拼音输入暂不可用", "The Chinese input dictionary cannot be read; pinyin input is unavailable"},
    {"ime.no_dict", "未找到中文输入词典，拼音输入暂不可用", "The Chinese input dictionary is missing; pinyin input is unavailable"},
};
}  // namespace

std::span<const Message> catalog_keyboard() { return kTable; }

}  // namespace civic
