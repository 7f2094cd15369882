// core/i18n/catalog_draft.cpp — the kept draft: the home screen's "continue"
// card and the error of a stored draft that cannot be read back.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"draft.resume", "继续填写：{service}", "Continue: {service}"},
    {"draft.kept", "草稿已保存在本机（已填 {count} 项）", "Draft kept on this device ({count} fields filled)"},
    {"draft.discard", "删除草稿", "Discard the draft"},
    {"draft.bad", "保存的草稿无法读取，已丢弃", "The saved draft could not be read and was discarded"},
};
}  // namespace

std::span<const Message> catalog_draft() { return kTable; }

}  // namespace civic
