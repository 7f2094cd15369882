// core/app/video_flow.cpp — see video_flow.hpp. The order of the checks is
// the order a resident can act on: a file too large is said first (the
// shell did not even read it), then a type or content that cannot be sent,
// then the counts.
#include "core/app/video_flow.hpp"

#include <span>

#include "core/app/photo_flow.hpp"
#include "core/app/voice_flow.hpp"
#include "core/media/hash.hpp"
#include "core/media/upload_check.hpp"
#include "core/text/ascii.hpp"
#include "core/text/byte_size.hpp"
#include "core/text/normalize.hpp"

namespace civic::app {

std::string video_content_type(std::string_view declared, std::string_view name) {
  const std::string t = text::lower_ascii(text::trim_spaces(declared.substr(0, declared.find(';'))));
  if (t == "video/mp4" || t == "video/quicktime" || t == "video/webm") return t;
  if (!t.empty() && t != "application/octet-stream") return {};
  const std::string n = text::lower_ascii(name);
  if (n.ends_with(".mp4") || n.ends_with(".m4v")) return "video/mp4";
  if (n.ends_with(".mov")) return "video/quicktime";
  if (n.ends_with(".webm")) return "video/webm";
  return {};
}

Error video_too_big(std::string_view name, std::uint64_t bytes) {
  return make_error("video.too_big", std::to_string(bytes) + " bytes",
                    {{"name", std::string(name.substr(0, 255))}, {"mb", std::to_string(kMaxVideoBytes >> 20)},
                     {"size_mb", text::megabytes(bytes, text::Round::up)}});
}

std::optional<Error> attachments_full(const Draft& d) {
  if (d.attachments.size() < kMaxAttachments) return std::nullopt;
  return make_error("forms.attachments_too_many", {}, {{"max", std::to_string(kMaxAttachments)}});
}

std::vector<Effect> video_picked(State& s, const VideoPicked& e) {
  Draft& d = s.draft;
  std::vector<Effect> fx;
  const std::string name = e.name.substr(0, 255);
  auto refuse = [&](Error err) {
    d.attach_error = std::move(err);
    if (!e.media_id.empty()) fx.push_back(MediaForget{{e.media_id}});
    return fx;
  };
  if (d.service.code.empty()) return refuse(make_error("video.no_draft"));
  if (!e.error.empty())   // a video.* message id from the shell, or a developer detail
    return refuse(make_error(e.error.rfind("video.", 0) == 0 ? e.error : "video.read_failed", e.error,
                             {{"name", name}}));
  if (e.bytes == 0) return refuse(make_error("video.empty", name, {{"name", name}}));
  if (e.bytes > kMaxVideoBytes) return refuse(video_too_big(name, e.bytes));
  const std::string type = video_content_type(e.content_type, e.name);
  if (type.empty())
    return refuse(make_error("video.bad_type", e.content_type.substr(0, 100), {{"name", name}}));
  const auto* head = reinterpret_cast<const std::uint8_t*>(e.head.data());
  const std::size_t head_len = std::min(e.head.size(), kVideoHeadBytes);
  if (head_len < std::min<std::uint64_t>(16, e.bytes))
    return refuse(make_error("video.read_failed", "no head bytes", {{"name", name}}));
  if (auto bad = media::check_upload_magic(type, std::span<const std::uint8_t>(head, head_len)))
    return refuse(make_error("video.not_video", bad->detail + " (" + bad->params["actual"] + ")", {{"name", name}}));
  if (e.media_id.empty()) return refuse(make_error("video.read_failed", "no media id", {{"name", name}}));
  for (const auto& a : d.attachments)
    if (a.id == e.media_id) return refuse(make_error("video.read_failed", "media id reused", {{"name", name}}));
  if (attachment_count(d, AttachmentKind::video) >= kMaxVideos)
    return refuse(make_error("video.too_many", {}, {{"max", std::to_string(kMaxVideos)}}));
  if (auto full = attachments_full(d)) return refuse(*full);
  d.attach_error.reset();
  Attachment a;
  a.kind = AttachmentKind::video;
  a.id = a.stored = e.media_id;
  a.name = name;
  a.raw_bytes = a.size = e.bytes;
  a.phase = AttachmentPhase::ready;
  a.progress = 100;
  a.content_type = type;
  a.sha256 = media::is_digest_hex(e.sha256) ? e.sha256 : "";
  a.duration_ms = e.duration_ms <= kMaxVideoDurationMs ? static_cast<std::int64_t>(e.duration_ms) : 0;
  d.attachments.push_back(std::move(a));
  sync_attachments_field(d);
  return fx;
}

}  // namespace civic::app
