// core/i18n/catalog_photo.cpp — words for attaching photos to a concern and
// for the photo editor (rotate, crop, hide areas). Errors say what to do next.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"photo.no_draft", "请先选择要反映的事项，再添加照片", "Choose what the concern is about first, then add photos."},
    {"photo.read_failed", "无法读取照片 {name}，请重新选择", "The photo {name} could not be read. Please choose it again."},
    {"photo.too_many", "每件诉求最多附 {max} 张照片，请先删除一张", "A concern can carry at most {max} photos. Remove one first."},
    {"photo.still_compressing", "照片仍在处理中，请稍候再提交", "A photo is still being prepared. Submit once it is done."},
    {"photo.no_source", "这台设备没有配置照片来源", "This device has no photo source configured."},
    {"photo.source_empty", "没有找到新的照片，请先拍摄文件", "No new photo was found. Please photograph the document first."},
    // The phone's own troubles (web/civic-photos.js): what to do next.
    {"photo.storage_full", "手机存储空间不足，无法保存这张照片。请清理空间后重试",
     "This phone has no room left to keep the photo. Free some space and try again."},
    {"photo.worker_failed", "这张照片无法处理，请重新选择或换一张照片",
     "This photo could not be prepared. Choose it again or pick another one."},
    {"photo.missing", "这张照片已不在本机上，请删除后重新添加",
     "This photo is no longer on this device. Remove it and add it again."},
    {"media.bad_crop", "裁剪区域无效：{rect}", "The crop area is empty: {rect}"},
    {"ui.photo.section", "照片", "Photos"},
    {"ui.photo.count", "{n}/{max} 张", "{n} of {max}"},
    {"ui.photo.add", "添加照片", "Add photo"},
    {"ui.photo.thumb", "照片 {n}", "Photo {n}"},
    {"ui.photo.edit", "编辑照片 {n}", "Edit photo {n}"},
    {"ui.photo.remove", "删除照片 {n}", "Remove photo {n}"},
    {"ui.photo.compressing", "正在处理照片 {n}", "Preparing photo {n}"},
    {"ui.photo.ready", "{width}×{height}，{kb} KB", "{width}×{height}, {kb} KB"},
    {"ui.photo.has_gps", "照片带有拍摄位置", "The photo carries the place it was taken"},
    {"ui.photo.editor_title", "编辑照片", "Edit photo"},
    {"ui.photo.preview", "照片预览", "Photo preview"},
    {"ui.photo.rotate_left", "向左旋转", "Rotate left"},
    {"ui.photo.rotate_right", "向右旋转", "Rotate right"},
    {"ui.photo.mode_crop", "裁剪", "Crop"},
    {"ui.photo.mode_redact", "遮挡", "Hide area"},
    {"ui.photo.undo_redact", "撤销遮挡", "Undo hidden area"},
    {"ui.photo.reset", "还原", "Reset"},
    {"ui.photo.apply", "完成", "Done"},
    {"ui.photo.cancel", "取消", "Cancel"},
    {"ui.photo.hint_crop", "在照片上拖动，框出要保留的部分", "Drag on the photo to frame the part to keep."},
    {"ui.photo.hint_redact", "在照片上拖动，遮挡人脸、车牌等", "Drag on the photo to hide faces, number plates and the like."},
    {"ui.photo.regions", "已遮挡 {n} 处", "{n} areas hidden"},
    {"ui.photo.turns", "旋转 {deg}°", "Turned {deg}°"},
    {"ui.photo.review_count", "附照片 {n} 张", "{n} photos attached"},
};
}  // namespace

std::span<const Message> catalog_photo() { return kTable; }

}  // namespace civic
