// core/app/voice_flow.cpp — see voice_flow.hpp. Answers are matched by
// record id: anything for another id (an abandoned recording) is dropped,
// and its bytes forgotten.
#include "core/app/voice_flow.hpp"

#include <algorithm>
#include "core/media/hash.hpp"
#include "core/media/upload_check.hpp"
#include "core/text/ascii.hpp"
#include "core/text/normalize.hpp"

#include "core/app/outbox_flow.hpp"
#include "core/app/photo_flow.hpp"
#include "core/app/video_flow.hpp"

namespace civic::app {

namespace {

bool live(const Recorder& r) { return r.phase != RecordPhase::idle; }

// Back to idle with nothing of the last recording left on screen; the
// error, if any, is the caller's to set or keep.
void reset(Recorder& r) {
  r.phase = RecordPhase::idle;
  r.id = 0;
  r.started_ms = 0;
  r.elapsed_ms = 0;
  r.level = 0;
}

// Ask the shell to stop; the memo comes back as RecordStopped.
void stop(State& s, std::vector<Effect>& fx) {
  Recorder& r = s.recorder;
  if (r.phase == RecordPhase::starting) {
    // The microphone was never live: nothing to keep.
    fx.push_back(RecordStop{r.id, true});
    reset(r);
    return;
  }
  if (r.phase != RecordPhase::recording) return;
  r.phase = RecordPhase::stopping;
  fx.push_back(RecordStop{r.id, false});
}

}  // namespace

std::string voice_content_type(std::string_view recorded) {
  const std::string t = text::lower_ascii(text::trim_spaces(recorded.substr(0, recorded.find(';'))));
  if (t == "audio/webm" || t == "audio/ogg" || t == "audio/mp4") return t;
  return {};
}

std::size_t attachment_count(const Draft& d, AttachmentKind kind) {
  return static_cast<std::size_t>(
      std::count_if(d.attachments.begin(), d.attachments.end(), [&](const Attachment& a) { return a.kind == kind; }));
}

std::vector<Effect> record_pressed(State& s) {
  Recorder& r = s.recorder;
  Draft& d = s.draft;
  if (!r.available || live(r)) return {};
  r.error.reset();
  if (d.service.code.empty()) {
    r.error = make_error("voice.no_draft");
    return {};
  }
  if (attachment_count(d, AttachmentKind::voice) >= kMaxVoiceMemos) {
    r.error = make_error("voice.too_many", {}, {{"max", std::to_string(kMaxVoiceMemos)}});
    return {};
  }
  if (auto full = attachments_full(d)) {   // with photos and videos
    r.error = std::move(full);
    return {};
  }
  r.phase = RecordPhase::starting;
  r.id = r.next_id++;
  r.elapsed_ms = 0;
  r.level = 0;
  return {RecordStart{r.id, kMaxVoiceMs, kMaxVoiceBytes, kVoiceBitsPerSecond}};
}

std::vector<Effect> record_stop_pressed(State& s) {
  std::vector<Effect> fx;
  stop(s, fx);
  return fx;
}

std::vector<Effect> record_started(State& s, const RecordStarted& e) {
  Recorder& r = s.recorder;
  if (e.record_id != r.id || r.phase != RecordPhase::starting) return {};
  r.phase = RecordPhase::recording;
  r.started_ms = s.now_ms;
  std::vector<Effect> fx;
  request_wake(s, s.now_ms + kMaxVoiceMs, fx);   // the cap holds even if progress stops coming
  return fx;
}

std::vector<Effect> record_progress(State& s, const RecordProgress& e) {
  Recorder& r = s.recorder;
  if (e.record_id != r.id || r.phase != RecordPhase::recording) return {};
  r.elapsed_ms = std::clamp<std::int64_t>(e.elapsed_ms, r.elapsed_ms, kMaxVoiceMs);
  r.level = std::clamp(e.level, 0, 100);
  std::vector<Effect> fx;
  if (e.elapsed_ms >= kMaxVoiceMs || e.bytes >= kMaxVoiceBytes) stop(s, fx);
  return fx;
}

void voice_on_tick(State& s, std::vector<Effect>& fx) {
  Recorder& r = s.recorder;
  if (r.phase != RecordPhase::recording) return;
  const std::int64_t due = r.started_ms + kMaxVoiceMs;
  if (s.now_ms >= due) {
    r.elapsed_ms = kMaxVoiceMs;
    stop(s, fx);
  } else {
    request_wake(s, due, fx);   // another module's earlier wake came first
  }
}

std::vector<Effect> record_stopped(State& s, const RecordStopped& e) {
  Recorder& r = s.recorder;
  std::vector<Effect> fx;
  auto drop = [&] {
    if (!e.media_id.empty()) fx.push_back(MediaForget{{e.media_id}});
  };
  if (e.record_id == 0 || e.record_id != r.id || !live(r)) {   // abandoned: its bytes have no owner
    drop();
    return fx;
  }
  reset(r);
  Draft& d = s.draft;
  auto refuse = [&](Error err) {
    r.error = std::move(err);
    drop();
    return fx;
  };
  const std::string type = voice_content_type(e.content_type);
  if (d.service.code.empty()) return refuse(make_error("voice.no_draft"));
  if (e.media_id.empty()) return refuse(make_error("voice.failed", "no media id"));
  if (type.empty())
    return refuse(make_error("voice.bad_type", e.content_type, {{"type", e.content_type.substr(0, 60)}}));
  if (e.bytes == 0 || e.duration_ms < kMinVoiceMs)
    return refuse(make_error("voice.too_short", std::to_string(e.duration_ms) + " ms"));
  if (e.duration_ms > kMaxVoiceMs + kVoiceStopGraceMs)
    return refuse(make_error("voice.too_long", std::to_string(e.duration_ms) + " ms",
                             {{"seconds", std::to_string(kMaxVoiceMs / 1000)}}));
  if (e.bytes > kMaxVoiceBytes)
    return refuse(make_error("voice.too_big", std::to_string(e.bytes),
                             {{"kb", std::to_string(kMaxVoiceBytes >> 10)}}));
  if (attachment_count(d, AttachmentKind::voice) >= kMaxVoiceMemos)
    return refuse(make_error("voice.too_many", {}, {{"max", std::to_string(kMaxVoiceMemos)}}));
  if (auto full = attachments_full(d)) return refuse(*full);
  for (const auto& a : d.attachments)
    if (a.id == e.media_id) return refuse(make_error("voice.failed", "media id reused"));
  r.error.reset();
  Attachment a;
  a.kind = AttachmentKind::voice;
  a.id = a.stored = e.media_id;
  a.name = "voice-" + std::to_string(attachment_count(d, AttachmentKind::voice) + 1) + "." +
           std::string(media::upload_extension(type));
  a.raw_bytes = a.size = e.bytes;
  a.phase = AttachmentPhase::ready;
  a.progress = 100;
  a.content_type = type;
  a.sha256 = media::is_digest_hex(e.sha256) ? e.sha256 : "";
  a.duration_ms = std::min(e.duration_ms, kMaxVoiceMs);
  d.attachments.push_back(std::move(a));
  sync_attachments_field(d);
  return fx;
}

std::vector<Effect> record_failed(State& s, const RecordFailed& e) {
  Recorder& r = s.recorder;
  if (e.record_id != r.id || !live(r)) return {};
  reset(r);
  const char* id = "voice.failed";
  switch (e.failure) {
    case RecordFailure::denied: id = "voice.denied"; break;
    case RecordFailure::no_device: id = "voice.no_device"; break;
    case RecordFailure::unsupported: id = "voice.unsupported"; break;
    case RecordFailure::storage_full: id = "voice.storage_full"; break;
    case RecordFailure::failed: break;
  }
  r.error = make_error(id, e.detail.substr(0, 500));
  return {};
}

void voice_finish(State& s, std::vector<Effect>& fx) { stop(s, fx); }

void voice_abandon(State& s, std::vector<Effect>& fx) {
  Recorder& r = s.recorder;
  if (!live(r)) return;
  if (r.phase != RecordPhase::stopping) fx.push_back(RecordStop{r.id, true});
  reset(r);
  r.error.reset();
}

std::optional<Error> voice_blocks_submit(const State& s) {
  if (live(s.recorder)) return make_error("voice.still_recording");
  return std::nullopt;
}

}  // namespace civic::app
