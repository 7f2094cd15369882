// core/i18n/catalog_video.cpp — words for videos: the tile on the form, the
// counts, and every reason a picked video could not be kept (and what was
// removed from one that was: its location). Errors say
// what to do next (trim it, pick another, remove one first).
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"video.no_draft", "请先选择要反映的事项，再添加视频", "Choose what the concern is about first, then add a video."},
    {"video.read_failed", "无法读取视频 {name}，请重新选择", "The video {name} could not be read. Please choose it again."},
    {"video.storage_full", "手机存储空间不足，无法保存这段视频。请清理空间后重试",
     "This phone has no room left to keep the video. Free some space and try again."},
    {"video.empty", "视频 {name} 是空文件，请重新选择", "The video {name} is empty. Please choose another."},
    {"video.too_big", "视频 {name} 太大（{size_mb} MB），每段最多 {mb} MB。请剪短后再添加",
     "The video {name} is too large ({size_mb} MB); each video can be at most {mb} MB. Trim it and add it again."},
    {"video.bad_type", "视频 {name} 的格式无法发送，请选择 MP4、MOV 或 WebM 视频",
     "The video {name} is in a format that cannot be sent. Please choose an MP4, MOV or WebM video."},
    {"video.not_video", "文件 {name} 不是可用的视频（MP4、MOV 或 WebM），请重新选择",
     "The file {name} is not a usable video (MP4, MOV or WebM). Please choose another."},
    {"video.clean_failed", "无法检查视频 {name} 中的位置信息，为保护隐私未添加。请重新选择或换一段视频",
     "The video {name} could not be checked for location data, so it was not attached. Please choose it again or pick another."},
    {"video.location_removed", "视频 {name}：已删除 {count} 项拍摄位置信息",
     "Removed the location recorded by the camera from video {name} (entries removed: {count})."},
    {"video.too_many", "每件诉求最多附 {max} 段视频，请先删除一段",
     "A concern can carry at most {max} videos. Remove one first."},

    {"ui.video.add", "添加照片或视频", "Add photo or video"},
    {"ui.video.hint", "视频按原样发送（不含拍摄位置），每段最多 {mb} MB",
     "Videos are sent as recorded, without the place they were shot, at most {mb} MB each."},
    {"ui.video.tile", "视频 {n}：{name}，{size_mb} MB", "Video {n}: {name}, {size_mb} MB"},
    {"ui.video.tile_duration", "视频 {n}：{name}，{duration}，{size_mb} MB", "Video {n}: {name}, {duration}, {size_mb} MB"},
    {"ui.video.remove", "删除视频 {n}", "Remove video {n}"},
    {"ui.video.count", "视频 {n}/{max} 段", "Videos: {n} of {max}"},
    {"ui.video.review_count", "附视频 {n} 段", "{n} videos attached"},
};
}  // namespace

std::span<const Message> catalog_video() { return kTable; }

}  // namespace civic
