// tests/core/app_video_test.cpp — videos (core/app/video_flow.hpp): the
// types a picked video may be sent as; every refusal in place, in both
// languages, with its bytes forgotten and nothing typed lost; the video
// limit beside photos and memos, and the total of all kinds; removal and
// discard forgetting the bytes; videos in the kept draft (and drafts saved
// before videos existed, or before they had a duration); the duration; the outbox uploading a video by tus with its type
// and keeping its bytes until delivered.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "core/app/draft_store.hpp"
#include "core/app/update.hpp"
#include "core/app/video_flow.hpp"
#include "core/app/voice_flow.hpp"
#include "core/forms/schema.hpp"
#include "core/i18n/messages.hpp"
#include "core/outbox/outbox_entry.hpp"

using namespace civic;
using namespace civic::app;

namespace {

constexpr std::int64_t kT0 = 1'795'760'284'000;
const char* kServices = R"([{"service_code":"n1","service_name":"夜间噪音","group":"噪音"}])";
const std::string kSha(64, 'b');
const char* kDescription = "楼下餐馆排风机每晚响到两点";

std::string be32(std::uint32_t v) {
  return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
}
// The first bytes of what a phone writes: an ISO BMFF ftyp box of `brand`,
// then the start of the next box.
std::string bmff_head(const char* brand) { return be32(20) + "ftyp" + brand + be32(0x200) + brand + be32(8) + "moov"; }
const std::string kMp4 = bmff_head("isom");
const std::string kMov = bmff_head("qt  ");
const std::string kWebm = std::string("\x1A\x45\xDF\xA3\x9F\x42\x86\x81\x01\x42\xF7\x81\x01\x42\xF2\x81\x04", 17);

template <class T>
std::vector<T> all(const std::vector<Effect>& fx) {
  std::vector<T> out;
  for (const auto& f : fx)
    if (auto* p = std::get_if<T>(&f)) out.push_back(*p);
  return out;
}

// A phone on the form of n1 with a description typed; its shell can record.
struct Phone {
  State s;
  std::vector<Effect> fx;
  std::vector<std::string> forgotten;
  int next = 1;

  std::vector<Effect> apply(const Event& e) {
    fx = update(s, e, kT0);
    for (auto& f : all<MediaForget>(fx)) forgotten.insert(forgotten.end(), f.ids.begin(), f.ids.end());
    return fx;
  }
  explicit Phone(Lang lang = Lang::zh_CN, bool open = true) {
    Started st;
    st.server_base = "http://h/open311/v2/";
    st.lang = lang;
    st.can_record = true;
    auto start = apply(st);
    apply(DraftLoaded{});
    for (const auto& r : all<HttpRequest>(start))
      if (r.url.find("services.json") != std::string::npos) apply(HttpDone{r.request_id, 200, kServices, "", {}});
    if (!open) return;
    apply(ServiceChosen{"n1"});
    type("description", kDescription);
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
  // A video the shell stored; returns its media id.
  std::string pick(std::uint64_t bytes = 4'000'000, std::string type = "video/mp4", std::string name = "现场.mp4",
                   std::string head = kMp4) {
    const std::string id = "vid-" + std::to_string(next++);
    apply(VideoPicked{id, bytes, std::move(name), std::move(type), kSha, std::move(head), ""});
    return id;
  }
  std::string memo() {
    apply(RecordPressed{});
    auto starts = all<RecordStart>(fx);
    if (starts.empty()) return {};
    apply(RecordStarted{starts[0].record_id});
    apply(RecordStopPressed{});
    const std::string id = "voc-" + std::to_string(next++);
    apply(RecordStopped{starts[0].record_id, id, 9'000, 2'000, "audio/webm", kSha});
    return id;
  }
  std::size_t count(AttachmentKind k) const { return attachment_count(s.draft, k); }
};

}  // namespace

TEST_CASE("the limits are the server's") {
  const forms::FormOptions server;
  CHECK(kMaxVideoBytes == server.max_attachment_bytes);
  CHECK(kMaxAttachments == server.max_attachments);
  for (const char* t : {"video/mp4", "video/quicktime", "video/webm"}) {
    CAPTURE(t);
    CHECK(std::find(server.attachment_types.begin(), server.attachment_types.end(), t) !=
          server.attachment_types.end());
  }
}

TEST_CASE("the type a picked video is sent as") {
  struct Row {
    const char* name;
    const char* declared;
    const char* file;
    const char* sent;
  };
  const Row rows[] = {
      {"an Android camera's MP4", "video/mp4", "VID_20261127.mp4", "video/mp4"},
      {"an iPhone's MOV", "video/quicktime", "IMG_0042.MOV", "video/quicktime"},
      {"a WebM", "video/webm", "clip.webm", "video/webm"},
      {"parameters and case are dropped", " Video/MP4; codecs=avc1 ", "a.mp4", "video/mp4"},
      {"no declared type: the extension .mov", "", "IMG_0042.MOV", "video/quicktime"},
      {"no declared type: the extension .m4v", "", "clip.m4v", "video/mp4"},
      {"octet-stream: the extension .webm", "application/octet-stream", "x.webm", "video/webm"},
      {"AVI is not checked by the server", "video/x-msvideo", "a.avi", ""},
      {"3GP is not checked by the server", "video/3gpp", "a.3gp", ""},
      {"a declared type beats the extension", "video/x-matroska", "a.mp4", ""},
      {"no type and no known extension", "", "a.mkv", ""},
      {"a photo type is not a video", "image/jpeg", "a.jpg", ""},
  };
  for (const auto& r : rows)
    SUBCASE(r.name) { CHECK(video_content_type(r.declared, r.file) == r.sent); }
}

TEST_CASE("a picked video is kept as picked, ready at once") {
  struct Row {
    const char* name;
    const char* type;
    const char* file;
    std::string head;
    const char* kept_as;
  };
  const Row rows[] = {
      {"MP4", "video/mp4", "现场.mp4", kMp4, "video/mp4"},
      {"MOV from an iPhone", "video/quicktime", "IMG_0042.MOV", kMov, "video/quicktime"},
      {"WebM", "video/webm", "clip.webm", kWebm, "video/webm"},
      {"MOV with no declared type", "", "IMG_0042.MOV", kMov, "video/quicktime"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      const std::string id = p.pick(5'242'880, r.type, r.file, r.head);
      CHECK_FALSE(p.s.draft.attach_error);
      REQUIRE(p.s.draft.attachments.size() == 1);
      const Attachment& a = p.s.draft.attachments[0];
      CHECK(a.kind == AttachmentKind::video);
      CHECK(a.phase == AttachmentPhase::ready);
      CHECK(a.id == id);
      CHECK(a.stored == id);   // nothing compressed: the picked bytes are what is sent
      CHECK(a.size == 5'242'880);
      CHECK(a.content_type == r.kept_as);
      CHECK(a.sha256 == kSha);
      CHECK(a.name == r.file);
      CHECK(all<PhotoCompress>(p.fx).empty());
      CHECK(p.forgotten.empty());
    }
  }
}

TEST_CASE("a video that cannot go is refused in place, its bytes forgotten, nothing typed lost") {
  struct Row {
    const char* name;
    VideoPicked picked;
    const char* id;
    const char* zh;   // part of the message a resident reads
    const char* en;
  };
  const Row rows[] = {
      {"over the server's 20 MiB cap (reported unread)",
       {"", kMaxVideoBytes + 1, "长视频.mp4", "video/mp4", "", "", ""}, "video.too_big",
       "视频 长视频.mp4 太大（20.1 MB），每段最多 20 MB", "each video can be at most 20 MB"},
      {"a type the server cannot check", {"vid-9", 1000, "a.avi", "video/x-msvideo", kSha, "RIFF....AVI LIST", ""},
       "video.bad_type", "MP4、MOV 或 WebM", "MP4, MOV or WebM"},
      {"named .mp4 but not an MP4", {"vid-9", 1000, "x.mp4", "video/mp4", kSha, "this is not a video at all", ""},
       "video.not_video", "文件 x.mp4 不是可用的视频", "is not a usable video"},
      {"a HEIC photo named .mov", {"vid-9", 1000, "x.mov", "video/quicktime", kSha, bmff_head("heic"), ""},
       "video.not_video", "不是可用的视频", "not a usable video"},
      {"an empty file", {"vid-9", 0, "e.mp4", "video/mp4", "", "", ""}, "video.empty", "空文件", "is empty"},
      {"the phone is full", {"", 1000, "a.mp4", "video/mp4", "", "", "video.storage_full"}, "video.storage_full",
       "存储空间不足", "no room left"},
      {"its location could not be checked (the shell's media worker failed or the boxes lie)",
       {"", 1000, "a.mp4", "video/mp4", "", "", "video.clean_failed"}, "video.clean_failed",
       "无法检查视频 a.mp4 中的位置信息，为保护隐私未添加", "could not be checked for location data, so it was not attached"},
      {"the file could not be read", {"", 1000, "a.mp4", "video/mp4", "", "", "NotReadableError"},
       "video.read_failed", "无法读取视频 a.mp4", "could not be read"},
      {"a shell that sent no head", {"vid-9", 1000, "a.mp4", "video/mp4", kSha, "", ""}, "video.read_failed",
       "无法读取视频", "could not be read"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      for (Lang lang : {Lang::zh_CN, Lang::en}) {
        Phone p(lang);
        p.apply(r.picked);
        CHECK(p.s.draft.attachments.empty());
        REQUIRE(p.s.draft.attach_error);
        CHECK(p.s.draft.attach_error->id == r.id);
        const std::string said = explain(lang, *p.s.draft.attach_error);
        CAPTURE(said);
        CHECK(said.find(lang == Lang::zh_CN ? r.zh : r.en) != std::string::npos);
        if (!r.picked.media_id.empty()) CHECK(p.forgotten == std::vector<std::string>{r.picked.media_id});
        else CHECK(p.forgotten.empty());
        CHECK(p.text("description") == kDescription);
        // A good video after a refusal clears the message.
        p.pick();
        CHECK_FALSE(p.s.draft.attach_error);
        CHECK(p.count(AttachmentKind::video) == 1);
      }
    }
  }
}

TEST_CASE("no video before the resident chose what the concern is about") {
  Phone p(Lang::zh_CN, false);
  p.apply(VideoPicked{"vid-1", 1000, "a.mp4", "video/mp4", kSha, kMp4, ""});
  REQUIRE(p.s.draft.attach_error);
  CHECK(p.s.draft.attach_error->id == "video.no_draft");
  CHECK(p.forgotten == std::vector<std::string>{"vid-1"});
}

TEST_CASE("at most kMaxVideos videos, and kMaxAttachments of all kinds together") {
  SUBCASE("a third video is refused; removing one frees a place") {
    Phone p;
    const std::string first = p.pick();
    p.pick();
    const std::string third = p.pick();
    CHECK(p.count(AttachmentKind::video) == kMaxVideos);
    REQUIRE(p.s.draft.attach_error);
    CHECK(p.s.draft.attach_error->id == "video.too_many");
    CHECK(explain(Lang::zh_CN, *p.s.draft.attach_error) == "每件诉求最多附 2 段视频，请先删除一段");
    CHECK(p.forgotten == std::vector<std::string>{third});
    p.apply(PhotoRemoved{first});
    CHECK(p.forgotten == std::vector<std::string>{third, first});
    CHECK(p.count(AttachmentKind::video) == 1);
    CHECK_FALSE(p.s.draft.attach_error);
    p.pick();
    CHECK(p.count(AttachmentKind::video) == kMaxVideos);
  }
  SUBCASE("photos and memos do not count against the videos") {
    Phone p;
    for (int i = 0; i < 3; ++i) p.apply(PhotoPicked{"raw-" + std::to_string(i), 1000, "a.jpg", ""});
    p.memo();
    p.pick();
    p.pick();
    CHECK(p.count(AttachmentKind::video) == 2);
    CHECK_FALSE(p.s.draft.attach_error);
  }
  SUBCASE("6 photos and 2 videos leave room for one memo, not two") {
    Phone p;
    for (int i = 0; i < 6; ++i) p.apply(PhotoPicked{"raw-" + std::to_string(i), 1000, "a.jpg", ""});
    p.pick();
    p.pick();
    CHECK_FALSE(p.memo().empty());
    CHECK(p.s.draft.attachments.size() == kMaxAttachments);
    CHECK(p.memo().empty());   // refused at the tap: the microphone is never asked for
    REQUIRE(p.s.recorder.error);
    CHECK(p.s.recorder.error->id == "forms.attachments_too_many");
    CHECK(explain(Lang::zh_CN, *p.s.recorder.error) == "最多添加 9 个附件");
  }
  SUBCASE("3 memos and 2 videos leave room for 4 photos") {
    Phone p;
    for (int i = 0; i < 3; ++i) p.memo();
    p.pick();
    p.pick();
    for (int i = 0; i < 5; ++i) p.apply(PhotoPicked{"raw-" + std::to_string(i), 1000, "a.jpg", ""});
    CHECK(p.count(AttachmentKind::photo) == 4);
    REQUIRE(p.s.draft.attach_error);
    CHECK(p.s.draft.attach_error->id == "forms.attachments_too_many");
    CHECK(p.forgotten == std::vector<std::string>{"raw-4"});
  }
  SUBCASE("6 photos and 3 memos leave no room for a video") {
    Phone p;
    for (int i = 0; i < 6; ++i) p.apply(PhotoPicked{"raw-" + std::to_string(i), 1000, "a.jpg", ""});
    for (int i = 0; i < 3; ++i) p.memo();
    const std::string v = p.pick();
    CHECK(p.count(AttachmentKind::video) == 0);
    REQUIRE(p.s.draft.attach_error);
    CHECK(p.s.draft.attach_error->id == "forms.attachments_too_many");
    CHECK(p.forgotten == std::vector<std::string>{v});
  }
}

TEST_CASE("a discarded draft forgets its videos; the form's media field counts them") {
  Phone p;
  const std::string v = p.pick(3'000'000);
  int i = forms::field_index(p.s.draft.schema, "media");
  REQUIRE(i >= 0);
  const auto& media = p.s.draft.form.fields[static_cast<size_t>(i)].value.attachments;
  REQUIRE(media.size() == 1);
  CHECK(media[0].mime == "video/mp4");
  CHECK(media[0].bytes == 3'000'000);
  p.apply(HomePressed{});
  p.apply(DraftDiscarded{});
  CHECK(std::find(p.forgotten.begin(), p.forgotten.end(), v) != p.forgotten.end());
  CHECK(p.s.draft.attachments.empty());
}

TEST_CASE("videos are kept with the draft and come back after a reload") {
  Phone p;
  p.apply(PhotoPicked{"raw-1", 1000, "a.jpg", ""});   // still compressing: not kept
  const std::string mp4 = p.pick(7'340'032, "video/mp4", "现场.mp4", kMp4);
  const std::string mov = p.pick(1'048'576, "", "IMG_0042.MOV", kMov);
  const std::string bytes = draft_bytes(p.s);
  REQUIRE_FALSE(bytes.empty());
  auto parsed = parse_draft(bytes);
  REQUIRE(parsed);
  REQUIRE(parsed->photos.size() == 2);
  CHECK(parsed->photos[0].kind == AttachmentKind::video);
  CHECK(parsed->photos[1].content_type == "video/quicktime");

  State s;
  update(s, Started{"http://h/open311/v2/", Lang::zh_CN}, kT0);
  update(s, DraftLoaded{bytes}, kT0);
  REQUIRE(s.draft.attachments.size() == 2);
  const Attachment& a = s.draft.attachments[0];
  CHECK(a.kind == AttachmentKind::video);
  CHECK(a.id == mp4);
  CHECK(a.stored == mp4);
  CHECK(a.name == "现场.mp4");
  CHECK(a.size == 7'340'032);
  CHECK(a.sha256 == kSha);
  CHECK(a.phase == AttachmentPhase::ready);
  CHECK(s.draft.attachments[1].id == mov);

  struct Row {
    const char* name;
    const char* from;
    const char* to;
  };
  const Row bad[] = {
      {"a video of a type the server refuses", "\"video/quicktime\"", "\"video/x-msvideo\""},
      {"a video over the byte cap", "\"size\":1048576", "\"size\":99999999"},
      {"a video whose stored bytes are elsewhere", "\"stored\":\"vid-2\"", "\"stored\":\"jpg-9\""},
      {"a video longer than a day (a lying mvhd)", "\"kind\":\"video\"", "\"kind\":\"video\",\"duration_ms\":86400001"},
      {"a video with a negative duration", "\"kind\":\"video\"", "\"kind\":\"video\",\"duration_ms\":-5"},
      {"a video of size zero", "\"size\":1048576", "\"size\":0"},
  };
  for (const auto& r : bad) {
    SUBCASE(r.name) {
      std::string changed = bytes;
      const auto at = changed.rfind(r.from);
      REQUIRE(at != std::string::npos);
      changed.replace(at, std::string(r.from).size(), r.to);
      auto refused = parse_draft(changed);
      REQUIRE_FALSE(refused);
      CHECK(refused.error().id == "draft.bad");
    }
  }
}

TEST_CASE("a video's duration: from the shell's walk of its mvhd, kept with the draft") {
  struct Row {
    const char* name;
    std::uint64_t reported;
    std::int64_t kept;
  };
  const Row rows[] = {
      {"1:05 as reported", 65'500, 65'500},
      {"not known", 0, 0},
      {"exactly a day", kMaxVideoDurationMs, std::int64_t(kMaxVideoDurationMs)},
      {"longer than a day: a lying mvhd, shown as not known", kMaxVideoDurationMs + 1, 0},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      p.apply(VideoPicked{"vid-7", 3'000'000, "现场.mp4", "video/mp4", kSha, kMp4, "", r.reported});
      REQUIRE(p.s.draft.attachments.size() == 1);
      CHECK(p.s.draft.attachments[0].duration_ms == r.kept);
      // Kept over a reload; a draft without it (saved before) reads as 0.
      const std::string bytes = draft_bytes(p.s);
      CHECK((bytes.find("\"duration_ms\"") != std::string::npos) == (r.kept > 0));
      State s;
      update(s, Started{"http://h/open311/v2/", Lang::zh_CN}, kT0);
      update(s, DraftLoaded{bytes}, kT0);
      REQUIRE(s.draft.attachments.size() == 1);
      CHECK(s.draft.attachments[0].duration_ms == r.kept);
    }
  }
}

TEST_CASE("drafts saved before videos existed still read, and too many videos do not") {
  const std::string head = R"({"v":1,"lang":"zh-CN","service":"n1","service_name":"夜间噪音","group":"噪音",)"
                           R"("metadata":false,"on_form":true,"fields":[{"id":"description","text":"排风机每晚响"}])";
  auto photo = [](int n) {
    return R"({"id":"raw-)" + std::to_string(n) + R"(","name":"a.jpg","raw_bytes":9000,"stored":"jpg-)" +
           std::to_string(n) + R"(","content_type":"image/jpeg","size":5000,"sha256":"","hash":"","width":640,"height":480})";
  };
  auto memo = [](int n) {
    return R"({"id":"voc-)" + std::to_string(n) + R"(","name":"voice-1.webm","raw_bytes":9000,"stored":"voc-)" +
           std::to_string(n) + R"(","content_type":"audio/webm","size":9000,"sha256":"","hash":"","width":0,"height":0,"kind":"voice","duration_ms":2000})";
  };
  auto video = [](int n) {
    return R"({"id":"vid-)" + std::to_string(n) + R"(","name":"a.mp4","raw_bytes":9000,"stored":"vid-)" +
           std::to_string(n) + R"(","content_type":"video/mp4","size":9000,"sha256":"","hash":"","width":0,"height":0,"kind":"video"})";
  };
  auto timed_video = [&](int n) {   // saved after videos had a duration
    std::string v = video(n);
    return v.substr(0, v.size() - 1) + R"(,"duration_ms":65500})";
  };
  auto with = [&](std::vector<std::string> items) {
    std::string out = head + R"(,"photos":[)";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
    return out + "]}";
  };
  struct Row {
    const char* name;
    std::string bytes;
    std::size_t photos, memos, videos;
    bool ok;
  };
  const Row rows[] = {
      {"v1 before attachments were kept", head + "}", 0, 0, 0, true},
      {"v1 with photos only (no kind)", with({photo(1), photo(2)}), 2, 0, 0, true},
      {"v1 with photos and memos", with({photo(1), memo(2)}), 1, 1, 0, true},
      {"v1 with all three kinds", with({photo(1), memo(2), video(3), video(4)}), 1, 1, 2, true},
      {"v1 with videos with and without a duration", with({video(3), timed_video(4)}), 0, 0, 2, true},
      {"three videos", with({video(1), video(2), video(3)}), 0, 0, 0, false},
      {"ten attachments in all", with({photo(1), photo(2), photo(3), photo(4), photo(5), photo(6), memo(7), memo(8),
                                        video(9), video(10)}),
       0, 0, 0, false},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto d = parse_draft(r.bytes);
      REQUIRE(bool(d) == r.ok);
      if (!r.ok) {
        CHECK(d.error().id == "draft.bad");
      } else {
        std::size_t n[3] = {0, 0, 0};
        for (const auto& a : d->photos) n[static_cast<int>(a.kind)]++;
        CHECK(n[0] == r.photos);
        CHECK(n[1] == r.memos);
        CHECK(n[2] == r.videos);
      }
    }
  }
}

TEST_CASE("submit uploads a video by tus with its type and keeps its bytes until delivered") {
  struct Row {
    const char* name;
    const char* type;
    const char* file;
    std::string head;
    const char* filetype_b64;
  };
  const Row rows[] = {
      {"MP4", "video/mp4", "现场.mp4", kMp4, "dmlkZW8vbXA0"},
      {"MOV", "video/quicktime", "IMG_0042.MOV", kMov, "dmlkZW8vcXVpY2t0aW1l"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      Phone p;
      p.type("phone", "13800138000");
      p.type("location", "科技园路 1 号");
      const std::string media = p.pick(6'000'000, r.type, r.file, r.head);
      p.apply(ReviewPressed{});
      REQUIRE(p.s.screen == Screen::review);
      p.apply(SubmitPressed{});
      auto saves = all<OutboxSave>(p.fx);
      REQUIRE(saves.size() == 1);
      auto entry = outbox::deserialize_entry(saves[0].bytes);
      REQUIRE(entry);
      REQUIRE(entry->media.size() == 1);
      CHECK(entry->media[0].path == media);
      CHECK(entry->media[0].content_type == r.type);
      CHECK(entry->media[0].size == 6'000'000);
      CHECK(entry->media[0].sha256 == kSha);
      p.apply(OutboxSaved{saves[0].save_id, true, ""});
      CHECK(p.s.screen == Screen::receipt);
      CHECK(std::find(p.forgotten.begin(), p.forgotten.end(), media) == p.forgotten.end());
      auto step = all<OutboxSave>(p.fx);
      REQUIRE(step.size() == 1);
      p.apply(OutboxSaved{step[0].save_id, true, ""});
      auto create = all<HttpRequest>(p.fx);
      REQUIRE(create.size() == 1);
      CHECK(create[0].method == "POST");
      std::string metadata, length;
      for (const auto& [k, v] : create[0].headers) {
        if (k == "Upload-Metadata") metadata = v;
        if (k == "Upload-Length") length = v;
      }
      CHECK(metadata.find(std::string("filetype ") + r.filetype_b64) != std::string::npos);
      CHECK(length == "6000000");
    }
  }
}
