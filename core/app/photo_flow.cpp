// core/app/photo_flow.cpp — see photo_flow.hpp. Jobs are matched by id, so a
// late answer for a photo the resident removed, re-edited or left behind
// (a kiosk session ended) finds nothing and is dropped — and its bytes are
// forgotten, never attached.
#include "core/app/photo_flow.hpp"

#include <algorithm>

#include "core/app/video_flow.hpp"
#include "core/forms/form_state.hpp"

namespace civic::app {

namespace {

Attachment* find_attachment(Draft& d, const std::string& id) {
  for (auto& a : d.attachments)
    if (a.id == id) return &a;
  return nullptr;
}

Attachment* find_job(Draft& d, std::uint64_t job) {
  if (job == 0) return nullptr;
  for (auto& a : d.attachments)
    if (a.job_id == job) return &a;
  return nullptr;
}

PhotoCompress compress_job(State& s, Attachment& a) {
  PhotoCompress fx;
  fx.job_id = s.next_job_id++;
  fx.source = a.id;
  fx.edit = a.edit;
  fx.max_edge = kPhotoMaxEdge;
  fx.max_bytes = kPhotoMaxBytes;
  fx.max_source_bytes = kMaxPhotoRawBytes;
  a.job_id = fx.job_id;
  a.phase = AttachmentPhase::compressing;
  a.progress = 0;
  a.error.reset();
  return fx;
}

}  // namespace

void sync_attachments_field(Draft& d) {
  if (forms::field_index(d.schema, "media") < 0) return;
  forms::FieldValue v;
  for (const auto& a : d.attachments)
    if (a.phase == AttachmentPhase::ready) v.attachments.push_back({a.name, a.content_type, a.size});
  forms::set_value(d.form, d.schema, "media", std::move(v));
}

std::vector<Effect> photo_picked(State& s, const PhotoPicked& e) {
  Draft& d = s.draft;
  std::vector<Effect> fx;
  auto refuse = [&](Error err) {
    d.attach_error = std::move(err);
    if (!e.media_id.empty()) fx.push_back(MediaForget{{e.media_id}});
    return fx;
  };
  if (d.service.code.empty()) return refuse(make_error("photo.no_draft"));
  if (!e.error.empty())   // a photo.* message id from the shell, or a developer detail
    return refuse(make_error(e.error.rfind("photo.", 0) == 0 ? e.error : "photo.read_failed", e.error, {{"name", e.name}}));
  // The size first: a shell need not keep a file too large to use (the
  // kiosk's worker does not), and the resident must hear why, not "unreadable".
  if (e.bytes == 0) return refuse(make_error("media.empty", e.name));
  if (e.bytes > kMaxPhotoRawBytes)
    return refuse(make_error("media.too_big_file", e.name,
                             {{"bytes", std::to_string(e.bytes)}, {"limit", std::to_string(kMaxPhotoRawBytes)}}));
  if (e.media_id.empty() || find_attachment(d, e.media_id)) return refuse(make_error("photo.read_failed", "media id"));
  const auto photos = std::count_if(d.attachments.begin(), d.attachments.end(),
                                   [](const Attachment& a) { return a.kind == AttachmentKind::photo; });
  if (static_cast<std::size_t>(photos) >= kMaxPhotos)
    return refuse(make_error("photo.too_many", {}, {{"max", std::to_string(kMaxPhotos)}}));
  if (auto full = attachments_full(d)) return refuse(*full);   // with memos and videos
  d.attach_error.reset();
  Attachment a;
  a.id = e.media_id;
  a.name = e.name;
  a.raw_bytes = e.bytes;
  d.attachments.push_back(std::move(a));
  fx.push_back(compress_job(s, d.attachments.back()));
  return fx;
}

std::vector<Effect> photo_progress(State& s, const PhotoProgress& e) {
  if (Attachment* a = find_job(s.draft, e.job_id)) a->progress = std::clamp(e.percent, a->progress, 100);
  return {};
}

std::vector<Effect> photo_compressed(State& s, const PhotoCompressed& e) {
  Attachment* a = find_job(s.draft, e.job_id);
  if (!a) {   // removed, re-edited or wiped meanwhile: its output has no owner
    if (!e.error && !e.stored.empty()) return {MediaForget{{e.stored}}};
    return {};
  }
  std::vector<Effect> fx;
  a->job_id = 0;
  a->progress = 100;
  if (e.error) {
    // The earlier good result (if an edit failed) stays usable: keep it.
    a->phase = a->stored.empty() ? AttachmentPhase::failed : AttachmentPhase::ready;
    a->error = e.error;
    return fx;
  }
  if (!a->stored.empty() && a->stored != e.stored) fx.push_back(MediaForget{{a->stored}});
  a->phase = AttachmentPhase::ready;
  a->error.reset();
  a->stored = e.stored;
  a->size = e.size;
  a->sha256 = e.sha256;
  a->hash = e.hash;
  a->width = e.width;
  a->height = e.height;
  a->source_width = e.source_width;
  a->source_height = e.source_height;
  a->orientation = e.orientation;
  a->gps = e.gps;
  sync_attachments_field(s.draft);
  return fx;
}

std::vector<Effect> photo_removed(State& s, const PhotoRemoved& e) {
  Draft& d = s.draft;
  std::vector<Effect> fx;
  auto it = std::find_if(d.attachments.begin(), d.attachments.end(), [&](const Attachment& a) { return a.id == e.media_id; });
  if (it == d.attachments.end()) return fx;
  MediaForget forget{{it->id}};
  if (!it->stored.empty() && it->stored != it->id) forget.ids.push_back(it->stored);
  fx.push_back(std::move(forget));
  d.attachments.erase(it);
  d.attach_error.reset();
  sync_attachments_field(d);
  if (s.editor.id == e.media_id) {
    s.editor = {};
    if (s.screen == Screen::photo) s.screen = Screen::form;
  }
  return fx;
}

std::vector<Effect> photo_edit_opened(State& s, const PhotoEditOpened& e) {
  const Attachment* a = find_attachment(s.draft, e.media_id);
  if (!a || a->kind != AttachmentKind::photo || a->phase != AttachmentPhase::ready) return {};   // nothing to preview
  s.editor.id = a->id;
  s.editor.edit = a->edit;
  s.screen = Screen::photo;
  return {};
}

std::vector<Effect> photo_edit_changed(State& s, const PhotoEditChanged& e) {
  if (s.screen != Screen::photo || s.editor.id.empty()) return {};
  media::PhotoEdit edit = e.edit;
  edit.quarter_turns = ((edit.quarter_turns % 4) + 4) % 4;
  if (edit.redactions.size() > media::kMaxRedactions) edit.redactions.resize(media::kMaxRedactions);
  s.editor.edit = std::move(edit);
  return {};
}

std::vector<Effect> photo_edit_closed(State& s, const PhotoEditClosed& e) {
  if (s.editor.id.empty()) return {};
  std::vector<Effect> fx;
  Attachment* a = find_attachment(s.draft, s.editor.id);
  if (e.apply && a && !(a->edit == s.editor.edit)) {
    a->edit = s.editor.edit;
    fx.push_back(compress_job(s, *a));   // from the raw bytes: edits never stack losses
  }
  s.editor = {};
  if (s.screen == Screen::photo) s.screen = Screen::form;
  return fx;
}

std::optional<Error> attachments_block_submit(const Draft& d) {
  for (const auto& a : d.attachments)
    if (a.phase == AttachmentPhase::compressing) return make_error("photo.still_compressing");
  return std::nullopt;
}

std::vector<outbox::MediaItem> attachment_media(const Draft& d) {
  std::vector<outbox::MediaItem> items;
  for (const auto& a : d.attachments) {
    if (a.phase != AttachmentPhase::ready || a.stored.empty()) continue;
    if (items.size() >= outbox::kMaxMedia) break;
    outbox::MediaItem m;
    m.path = a.stored;
    m.content_type = a.content_type;
    m.size = a.size;
    m.sha256 = a.sha256;
    items.push_back(std::move(m));
  }
  return items;
}

std::optional<media::GeoPoint> attachments_gps(const Draft& d) {
  for (const auto& a : d.attachments)
    if (a.phase == AttachmentPhase::ready && a.gps) return a.gps;
  return std::nullopt;
}

void forget_attachments(const Draft& d, std::vector<Effect>& fx) {
  MediaForget forget;
  for (const auto& a : d.attachments) {
    forget.ids.push_back(a.id);
    if (!a.stored.empty() && a.stored != a.id) forget.ids.push_back(a.stored);
  }
  if (!forget.ids.empty()) fx.push_back(std::move(forget));
}

void forget_raw(const Draft& d, std::vector<Effect>& fx) {
  MediaForget forget;
  for (const auto& a : d.attachments)
    if (a.stored != a.id) forget.ids.push_back(a.id);   // a memo's bytes are what the outbox sends
  if (!forget.ids.empty()) fx.push_back(std::move(forget));
}

}  // namespace civic::app
