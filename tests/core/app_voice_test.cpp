// tests/core/app_voice_test.cpp — voice memos (core/app/voice_flow.hpp): the
// record control only where the shell can record; a memo started, timed and
// stopped by the resident, by the cap (the shell's progress, or core's own
// WakeAt when progress stops coming), by hiding the page or leaving the
// form; what a stored memo must be to be kept; failures as messages; a
// recording whose draft is gone is stopped with discard and its late bytes
// forgotten; memos in the kept draft; and the outbox uploading a memo by
// tus with its audio type while keeping its bytes until delivered.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "core/app/draft_store.hpp"
#include "core/app/update.hpp"
#include "core/app/voice_flow.hpp"
#include "core/i18n/messages.hpp"
#include "core/outbox/delivery.hpp"

using namespace civic;
using namespace civic::app;

namespace {

constexpr std::int64_t kT0 = 1'795'760'284'000;
const char* kServices = R"([{"service_code":"n1","service_name":"夜间噪音","group":"噪音"},
                           {"service_code":"p1","service_name":"占道经营","group":"市容"}])";
const std::string kSha(64, 'a');

template <class T>
std::vector<T> all(const std::vector<Effect>& fx) {
  std::vector<T> out;
  for (const auto& f : fx)
    if (auto* p = std::get_if<T>(&f)) out.push_back(*p);
  return out;
}

// A phone whose shell can record (unless told otherwise), on the form of n1
// with a description typed.
struct Phone {
  State s;
  std::int64_t now = kT0;
  std::vector<Effect> fx;                 // the last update's effects
  std::vector<std::string> forgotten;     // every MediaForget id so far

  std::vector<Effect> apply(const Event& e) {
    fx = update(s, e, now);
    for (auto& f : all<MediaForget>(fx)) forgotten.insert(forgotten.end(), f.ids.begin(), f.ids.end());
    return fx;
  }
  explicit Phone(bool can_record = true) {
    Started st;
    st.server_base = "http://h/open311/v2/";
    st.lang = Lang::zh_CN;
    st.can_record = can_record;
    auto start = apply(st);
    apply(DraftLoaded{});
    for (const auto& r : all<HttpRequest>(start))
      if (r.url.find("services.json") != std::string::npos) apply(HttpDone{r.request_id, 200, kServices, "", {}});
    apply(ServiceChosen{"n1"});
    type("description", "楼下餐馆排风机每晚响到两点");
    REQUIRE(s.draft.phase == Phase::ready);
    REQUIRE(s.screen == Screen::form);
  }
  void type(const std::string& field, const std::string& text) {
    forms::FieldValue v;
    if (field == "location") v.location.address = text;
    else v.text = text;
    apply(FieldEdited{field, v});
  }
  std::string text(const std::string& field) const {
    int i = forms::field_index(s.draft.schema, field);
    return i < 0 ? "(no field)" : s.draft.form.fields[static_cast<size_t>(i)].value.text;
  }
  // Tap record; the shell's microphone comes on. Returns the record id.
  std::uint64_t start() {
    apply(RecordPressed{});
    auto starts = all<RecordStart>(fx);
    REQUIRE(starts.size() == 1);
    CHECK(starts[0].max_ms == kMaxVoiceMs);
    CHECK(starts[0].max_bytes == kMaxVoiceBytes);
    apply(RecordStarted{starts[0].record_id});
    REQUIRE(s.recorder.phase == RecordPhase::recording);
    return starts[0].record_id;
  }
  // The RecordStop core asked for in the last update (exactly one).
  RecordStop stop_asked() {
    auto stops = all<RecordStop>(fx);
    REQUIRE(stops.size() == 1);
    return stops[0];
  }
  // A whole memo: started, `ms` long, stopped, stored by the shell.
  std::string record(std::int64_t ms = 3'000, std::uint64_t bytes = 24'000,
                     std::string type = "audio/webm;codecs=opus") {
    const auto id = start();
    apply(RecordProgress{id, ms, bytes, 40});
    apply(RecordStopPressed{});
    REQUIRE(stop_asked().record_id == id);
    const std::string media = "voc-" + std::to_string(id);
    apply(RecordStopped{id, media, bytes, ms, std::move(type), kSha});
    return media;
  }
  std::size_t memos() const { return attachment_count(s.draft, AttachmentKind::voice); }
};

}  // namespace

TEST_CASE("the record control works only where the shell can record") {
  Phone no(false);
  no.apply(RecordPressed{});
  CHECK(all<RecordStart>(no.fx).empty());
  CHECK(no.s.recorder.phase == RecordPhase::idle);

  Phone yes;
  CHECK(yes.s.recorder.available);
  const std::string media = yes.record();
  REQUIRE(yes.memos() == 1);
  const Attachment& a = yes.s.draft.attachments.front();
  CHECK(a.kind == AttachmentKind::voice);
  CHECK(a.phase == AttachmentPhase::ready);
  CHECK(a.id == media);
  CHECK(a.stored == media);               // kept as recorded: nothing to compress
  CHECK(a.content_type == "audio/webm");  // the codec parameter is not part of the upload's type
  CHECK(a.duration_ms == 3'000);
  CHECK(a.size == 24'000);
  CHECK(a.sha256 == kSha);
  CHECK(yes.s.recorder.phase == RecordPhase::idle);
  CHECK_FALSE(yes.s.recorder.error);
  CHECK(yes.text("description") == "楼下餐馆排风机每晚响到两点");
}

TEST_CASE("a recording stops by itself, and what was said is kept") {
  struct Row {
    const char* name;
    std::function<void(Phone&, std::uint64_t id)> act;
  };
  const Row rows[] = {
      {"the shell's progress reaches the time cap",
       [](Phone& p, std::uint64_t id) { p.apply(RecordProgress{id, kMaxVoiceMs, 480'000, 30}); }},
      {"the shell's progress reaches the byte cap",
       [](Phone& p, std::uint64_t id) { p.apply(RecordProgress{id, 60'000, kMaxVoiceBytes, 30}); }},
      {"no progress at all: core's own wake at the cap",
       [](Phone& p, std::uint64_t) {
         // An earlier wake (the draft's save) comes first: core asks again for the cap.
         p.now += kMaxVoiceMs - 1;
         p.apply(Tick{});
         CHECK(all<RecordStop>(p.fx).empty());   // not yet
         auto wakes = all<WakeAt>(p.fx);
         REQUIRE(!wakes.empty());
         CHECK(wakes.back().at_ms == kT0 + kMaxVoiceMs);
         p.now += 1;
         p.apply(Tick{});
       }},
      {"the page is hidden", [](Phone& p, std::uint64_t) { p.apply(PageVisibility{true}); }},
      {"the resident goes on to the review", [](Phone& p, std::uint64_t) { p.apply(ReviewPressed{}); }},
      {"the resident goes back", [](Phone& p, std::uint64_t) { p.apply(BackPressed{}); }},
      {"the big stop button", [](Phone& p, std::uint64_t) { p.apply(RecordStopPressed{}); }},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      p.type("phone", "13800138000");
      p.type("location", "科技园路 1 号");
      const auto id = p.start();
      r.act(p, id);
      const RecordStop stop = p.stop_asked();
      CHECK(stop.record_id == id);
      CHECK_FALSE(stop.discard);
      CHECK(p.s.recorder.phase == RecordPhase::stopping);
      // While the memo is stored nothing can be submitted.
      if (p.s.screen == Screen::review) {
        p.apply(SubmitPressed{});
        CHECK(all<OutboxSave>(p.fx).empty());
        REQUIRE(p.s.draft.submit_error);
        CHECK(p.s.draft.submit_error->id == "voice.still_recording");
      }
      p.apply(RecordStopped{id, "voc-1", 100'000, std::min<std::int64_t>(kMaxVoiceMs + 300, 60'000), "audio/webm", kSha});
      CHECK(p.memos() == 1);
      CHECK(p.s.recorder.phase == RecordPhase::idle);
      CHECK(p.forgotten.empty());
    }
  }
}

TEST_CASE("a stored memo that breaks a rule is refused in place and its bytes forgotten") {
  struct Row {
    const char* name;
    std::int64_t ms;
    std::uint64_t bytes;
    const char* type;
    const char* media;
    const char* error;
  };
  const Row rows[] = {
      {"shorter than half a second", kMinVoiceMs - 1, 3'000, "audio/webm", "voc-x", "voice.too_short"},
      {"no bytes at all", 2'000, 0, "audio/webm", "voc-x", "voice.too_short"},
      {"longer than the cap and the shell's grace", kMaxVoiceMs + kVoiceStopGraceMs + 1, 500'000, "audio/webm",
       "voc-x", "voice.too_long"},
      {"larger than the byte cap", 30'000, kMaxVoiceBytes + 1, "audio/webm", "voc-x", "voice.too_big"},
      {"a type the server does not take", 3'000, 30'000, "audio/wav", "voc-x", "voice.bad_type"},
      {"a video type", 3'000, 30'000, "video/webm;codecs=vp8,opus", "voc-x", "voice.bad_type"},
      {"no media id", 3'000, 30'000, "audio/webm", "", "voice.failed"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      const auto id = p.start();
      p.apply(RecordStopPressed{});
      p.apply(RecordStopped{id, r.media, r.bytes, r.ms, r.type, kSha});
      CHECK(p.memos() == 0);
      CHECK(p.s.recorder.phase == RecordPhase::idle);
      REQUIRE(p.s.recorder.error);
      CHECK(p.s.recorder.error->id == r.error);
      if (*r.media) CHECK(p.forgotten == std::vector<std::string>{r.media});
      CHECK(p.text("description") == "楼下餐馆排风机每晚响到两点");
      // The resident can try again.
      p.record();
      CHECK(p.memos() == 1);
      CHECK_FALSE(p.s.recorder.error);
    }
  }
}

TEST_CASE("at most kMaxVoiceMemos memos, and photos are counted apart") {
  Phone p;
  for (std::size_t i = 0; i < kMaxVoiceMemos; ++i) p.record();
  REQUIRE(p.memos() == kMaxVoiceMemos);
  p.apply(RecordPressed{});
  CHECK(all<RecordStart>(p.fx).empty());
  REQUIRE(p.s.recorder.error);
  CHECK(p.s.recorder.error->id == "voice.too_many");
  CHECK(p.s.recorder.error->params.at("max") == std::to_string(kMaxVoiceMemos));
  // A photo can still be added: the photo limit counts photos only.
  p.apply(PhotoPicked{"raw-1", 1000, "a.jpg", ""});
  CHECK(all<PhotoCompress>(p.fx).size() == 1);
  CHECK_FALSE(p.s.draft.attach_error);
  // Removing a memo frees a place; its bytes are forgotten once.
  const std::string first = p.s.draft.attachments.front().id;
  p.apply(PhotoRemoved{first});
  CHECK(p.forgotten == std::vector<std::string>{first});
  CHECK(p.memos() == kMaxVoiceMemos - 1);
  p.record();
  CHECK(p.memos() == kMaxVoiceMemos);
}

TEST_CASE("why the microphone could not be used, in both languages") {
  struct Row {
    const char* name;
    RecordFailure failure;
    const char* id;
    const char* zh;
  };
  const Row rows[] = {
      {"permission denied", RecordFailure::denied, "voice.denied", "麦克风"},
      {"no microphone", RecordFailure::no_device, "voice.no_device", "没有找到麦克风"},
      {"no recorder in this browser", RecordFailure::unsupported, "voice.unsupported", "不能录音"},
      {"storage full", RecordFailure::storage_full, "voice.storage_full", "存储空间"},
      {"anything else", RecordFailure::failed, "voice.failed", "重试"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      p.apply(RecordPressed{});
      const auto id = all<RecordStart>(p.fx).at(0).record_id;
      p.apply(RecordFailed{id, r.failure, "NotAllowedError: Permission denied"});
      CHECK(p.s.recorder.phase == RecordPhase::idle);
      REQUIRE(p.s.recorder.error);
      CHECK(p.s.recorder.error->id == r.id);
      CHECK(explain(Lang::zh_CN, *p.s.recorder.error).find(r.zh) != std::string::npos);
      CHECK(explain(Lang::en, *p.s.recorder.error) != explain(Lang::zh_CN, *p.s.recorder.error));
      CHECK(p.text("description") == "楼下餐馆排风机每晚响到两点");
      // A failure for an old id changes nothing.
      p.apply(RecordFailed{id + 7, RecordFailure::denied, ""});
      CHECK(p.s.recorder.error->id == r.id);
    }
  }
}

TEST_CASE("a recording whose draft is gone is stopped with discard; its late bytes are forgotten") {
  struct Row {
    const char* name;
    std::function<void(Phone&)> act;
  };
  const Row rows[] = {
      {"the draft is discarded", [](Phone& p) { p.apply(DraftDiscarded{}); }},
      {"another service is chosen", [](Phone& p) { p.apply(ServiceChosen{"p1"}); }},
      {"the kiosk session ends", [](Phone& p) { p.apply(SessionEnded{}); }},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      const auto id = p.start();
      r.act(p);
      const RecordStop stop = p.stop_asked();
      CHECK(stop.record_id == id);
      CHECK(stop.discard);
      CHECK(p.s.recorder.phase == RecordPhase::idle);
      p.apply(RecordStopped{id, "voc-late", 9'000, 2'000, "audio/webm", kSha});
      CHECK(p.memos() == 0);
      CHECK(std::count(p.forgotten.begin(), p.forgotten.end(), "voc-late") == 1);
      CHECK(p.s.recorder.available);
    }
  }
  SUBCASE("stop while the microphone is still being asked for keeps nothing") {
    Phone p;
    p.apply(RecordPressed{});
    const auto id = all<RecordStart>(p.fx).at(0).record_id;
    p.apply(RecordStopPressed{});
    CHECK(p.stop_asked().discard);
    p.apply(RecordStarted{id});   // the permission came after all
    CHECK(p.s.recorder.phase == RecordPhase::idle);
  }
}

TEST_CASE("the upload type of a recording") {
  struct Row {
    const char* recorded;
    const char* sent;
  };
  const Row rows[] = {
      {"audio/webm;codecs=opus", "audio/webm"}, {"audio/webm", "audio/webm"},
      {"Audio/Ogg; codecs=opus", "audio/ogg"},  {"audio/mp4", "audio/mp4"},
      {" audio/mp4 ;codecs=mp4a.40.2", "audio/mp4"},
      {"audio/wav", ""}, {"video/webm", ""}, {"", ""}, {"audio/webmx", ""},
  };
  for (const auto& r : rows)
    SUBCASE(r.recorded) { CHECK(voice_content_type(r.recorded) == r.sent); }
}

TEST_CASE("memos are kept with the draft and come back after a reload") {
  Phone p;
  p.record(4'200, 33'000);
  p.record(1'000, 9'000, "audio/ogg; codecs=opus");
  const std::string bytes = draft_bytes(p.s);
  REQUIRE_FALSE(bytes.empty());
  auto parsed = parse_draft(bytes);
  REQUIRE(parsed);
  REQUIRE(parsed->photos.size() == 2);
  CHECK(parsed->photos[0].kind == AttachmentKind::voice);
  CHECK(parsed->photos[0].duration_ms == 4'200);
  CHECK(parsed->photos[1].content_type == "audio/ogg");

  // A reload: a new phone, handed those bytes.
  State s;
  update(s, Started{"http://h/open311/v2/", Lang::zh_CN}, kT0);
  update(s, DraftLoaded{bytes}, kT0);
  REQUIRE(s.draft.attachments.size() == 2);
  CHECK(s.draft.attachments[0].kind == AttachmentKind::voice);
  CHECK(s.draft.attachments[0].stored == s.draft.attachments[0].id);
  CHECK(s.draft.attachments[0].size == 33'000);
  CHECK(s.draft.attachments[1].duration_ms == 1'000);

  struct Row {
    const char* name;
    const char* from;
    const char* to;
  };
  const Row bad[] = {
      {"a memo of a type the server refuses", "\"audio/webm\"", "\"audio/wav\""},
      {"a memo over the byte cap", "\"size\":33000", "\"size\":99999999"},
      {"a memo longer than the cap", "\"duration_ms\":4200", "\"duration_ms\":999999"},
      {"a memo whose stored bytes are elsewhere", "\"stored\":\"voc-1\"", "\"stored\":\"jpg-9\""},
      {"an unknown kind", "\"kind\":\"voice\"", "\"kind\":\"hologram\""},
  };
  for (const auto& r : bad) {
    SUBCASE(r.name) {
      std::string changed = bytes;
      const auto at = changed.rfind(r.from);   // in the attachments, after the form's fields
      REQUIRE(at != std::string::npos);
      changed.replace(at, std::string(r.from).size(), r.to);
      auto refused = parse_draft(changed);
      REQUIRE_FALSE(refused);
      CHECK(refused.error().id == "draft.bad");
    }
  }
}

TEST_CASE("submit uploads a memo by tus with its audio type and keeps its bytes until delivered") {
  Phone p;
  p.type("phone", "13800138000");
  p.type("location", "科技园路 1 号");
  const std::string media = p.record(5'000, 40'000);
  p.apply(ReviewPressed{});
  REQUIRE(p.s.screen == Screen::review);
  p.apply(SubmitPressed{});
  auto saves = all<OutboxSave>(p.fx);
  REQUIRE(saves.size() == 1);
  auto entry = outbox::deserialize_entry(saves[0].bytes);
  REQUIRE(entry);
  REQUIRE(entry->media.size() == 1);
  CHECK(entry->media[0].path == media);
  CHECK(entry->media[0].content_type == "audio/webm");
  CHECK(entry->media[0].size == 40'000);
  CHECK(entry->media[0].sha256 == kSha);
  p.apply(OutboxSaved{saves[0].save_id, true, ""});
  CHECK(p.s.screen == Screen::receipt);
  CHECK(std::find(p.forgotten.begin(), p.forgotten.end(), media) == p.forgotten.end());   // the upload's bytes
  // The next saved step creates the upload, declaring the memo's type.
  auto step = all<OutboxSave>(p.fx);
  REQUIRE(step.size() == 1);
  p.apply(OutboxSaved{step[0].save_id, true, ""});
  auto create = all<HttpRequest>(p.fx);
  REQUIRE(create.size() == 1);
  CHECK(create[0].method == "POST");
  std::string metadata;
  for (const auto& [k, v] : create[0].headers)
    if (k == "Upload-Metadata") metadata = v;
  CHECK(metadata.find("filetype YXVkaW8vd2VibQ==") != std::string::npos);   // base64("audio/webm")
}
