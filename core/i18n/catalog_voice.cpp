// core/i18n/catalog_voice.cpp — words for voice memos: the record control,
// its states, the memo tiles, and every reason a memo could not be made or
// kept. Errors say what to do next (write it instead, allow the microphone).
#include "core/i18n/catalog_tables.hpp"

namespace civic {

namespace {
constexpr Message kTable[] = {
    {"voice.no_draft", "请先选择要反映的事项，再录语音", "Choose what the concern is about first, then record a voice memo."},
    {"voice.too_many", "每件诉求最多附 {max} 段语音，请先删除一段",
     "A concern can carry at most {max} voice memos. Remove one first."},
    {"voice.denied", "没有获得麦克风权限，无法录音。请在浏览器设置中允许使用麦克风，或用文字描述",
     "The microphone was not allowed, so nothing was recorded. Allow it in the browser's settings, or describe the "
     "concern in writing."},
    {"voice.no_device", "没有找到麦克风，无法录音。请用文字描述",
     "No microphone was found, so nothing was recorded. Please describe the concern in writing."},
    {"voice.unsupported", "这个浏览器不能录音，请用文字描述",
     "This browser cannot record sound. Please describe the concern in writing."},
    {"voice.storage_full", "手机存储空间不足，无法保存这段语音。请清理空间后重试",
     "This phone has no room left to keep the memo. Free some space and try again."},
    {"voice.failed", "录音没有成功，请重试", "The recording did not work. Please try again."},
    {"voice.bad_type", "这段录音的格式（{type}）无法发送，请用文字描述",
     "The recording's format ({type}) cannot be sent. Please describe the concern in writing."},
    {"voice.too_short", "语音太短，请重新录一段", "The memo is too short. Please record it again."},
    {"voice.too_long", "每段语音最长 {seconds} 秒", "A voice memo can be at most {seconds} seconds long."},
    {"voice.too_big", "这段语音太大（最多 {kb} KB），请录短一些",
     "The memo is too large (at most {kb} KB). Please record a shorter one."},
    {"voice.still_recording", "正在录音，请先停止录音再提交", "A voice memo is being recorded. Stop it before you submit."},

    {"ui.voice.record", "录语音", "Record a voice memo"},
    {"ui.voice.hint", "最长 {seconds} 秒，到时自动停止", "Up to {seconds} seconds; it stops by itself."},
    {"ui.voice.starting", "正在打开麦克风…", "Opening the microphone…"},
    {"ui.voice.recording", "正在录音 {elapsed} / {max}", "Recording {elapsed} of {max}"},
    {"ui.voice.level", "音量", "Input level"},
    {"ui.voice.stop", "停止录音", "Stop recording"},
    {"ui.voice.saving", "正在保存语音…", "Saving the memo…"},
    {"ui.voice.memo", "语音 {n}，{duration}", "Voice memo {n}, {duration}"},
    {"ui.voice.remove", "删除语音 {n}", "Remove voice memo {n}"},
    {"ui.voice.count", "语音 {n}/{max} 段", "Voice memos: {n} of {max}"},
    {"voice.play_missing", "这段语音的录音已不在本机，无法播放。请删除它，重新录一段",
     "This memo's recording is no longer on this device, so it cannot be played. Remove it and record it again."},
    {"voice.play_unsupported", "这个浏览器无法播放这段语音，但它仍会随诉求一起发送",
     "This browser cannot play the memo back, but it will still be sent with the concern."},
    {"voice.play_failed", "语音没有播放出来，请重试", "The memo could not be played. Please try again."},
    {"ui.voice.play", "播放语音 {n}", "Play voice memo {n}"},
    {"ui.voice.play_stop", "停止播放语音 {n}", "Stop voice memo {n}"},
    {"ui.voice.position", "正在播放 {position} / {duration}", "Playing {position} / {duration}"},
    {"ui.voice.review_count", "附语音 {n} 段", "{n} voice memos attached"},
};
}  // namespace

std::span<const Message> catalog_voice() { return kTable; }

}  // namespace civic
