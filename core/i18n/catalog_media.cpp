// core/i18n/catalog_media.cpp — words for photos: decoding, limits, compression.
// Format names ({format}) are never translated: "HEIC" reads the same in both.
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"media.empty", "文件是空的", "The file is empty."},
    {"media.unsupported_format", "不支持此格式：{format}。请使用 JPEG 或 PNG 照片。",
     "format not supported: {format}. Please use a JPEG or PNG photo."},
    {"media.not_an_image", "这个文件不是图片", "This file is not an image."},
    {"media.truncated", "图片文件不完整（可能未传完）", "The image file is incomplete (it may have been cut off)."},
    {"media.corrupt", "图片文件已损坏，无法读取", "The image file is damaged and cannot be read."},
    {"media.too_large",
     "图片太大：{width}×{height}（{megapixels} 百万像素），上限为 {limit} 百万像素",
     "The image is too large: {width}×{height} ({megapixels} MP); the limit is {limit} MP."},
    {"media.too_big_file", "文件太大：{bytes} 字节，上限为 {limit} 字节",
     "The file is too big: {bytes} bytes; the limit is {limit} bytes."},
    {"media.video_malformed", "视频文件结构损坏，无法检查其中的位置信息",
     "The video file's structure is damaged, so it could not be checked for location data."},
    {"media.bad_dimensions", "图片尺寸无效", "The image has invalid dimensions."},
    {"media.budget_unreachable", "无法把照片压缩到 {max_bytes} 字节以内",
     "The photo cannot be made smaller than {max_bytes} bytes."},
    {"media.encode_failed", "照片编码失败", "The photo could not be encoded."},
    {"media.bad_redaction", "遮挡区域无效：{rect}", "Invalid area to hide: {rect}"},
    {"media.orientation", "方向", "Orientation"},
    {"media.gps_found", "照片带有位置：{lat}, {lon}", "The photo carries a location: {lat}, {lon}"},
    {"media.use_photo_location", "使用照片中的位置", "Use the photo's location"},
    {"cli.compress.usage",
     "用法：civic compress 输入 输出 [--max-edge N] [--max-bytes N] [--redact x,y,w,h]... [--blur] [--json]",
     "usage: civic compress IN OUT [--max-edge N] [--max-bytes N] [--redact x,y,w,h]... [--blur] [--json]"},
    {"cli.compress.read_failed", "无法读取文件：{path}", "cannot read file: {path}"},
    {"cli.compress.write_failed", "无法写入文件：{path}", "cannot write file: {path}"},
    {"cli.compress.bad_number", "选项 {option} 需要正整数：{value}", "option {option} needs a positive integer: {value}"},
    {"cli.compress.done", "已保存 {path}：{width}×{height}，{bytes} 字节，质量 {quality}",
     "saved {path}: {width}×{height}, {bytes} bytes, quality {quality}"},
};
}  // namespace

std::span<const Message> catalog_media() { return kTable; }

}  // namespace civic
