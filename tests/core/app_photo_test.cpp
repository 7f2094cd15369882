// tests/core/app_photo_test.cpp — photos attached to a concern: picked,
// checked against the limits, compressed by a scripted shell that runs the
// real core/media pipeline (run_photo_job), edited (turn, crop, hidden
// areas) and re-made from the raw bytes, removed, and finally carried into
// the outbox entry as tus media, exactly as `civic file --photo` does.
// Errors stay on the attachment, in place; the form keeps every value.
#include <doctest/doctest.h>

#include <deque>
#include <map>

#include "core/app/photo_flow.hpp"
#include "core/app/photo_job.hpp"
#include "core/app/update.hpp"
#include "core/i18n/messages.hpp"
#include "core/media/decode.hpp"
#include "media_test_util.hpp"

using namespace civic;
using namespace civic::app;

namespace {

constexpr std::int64_t kT0 = 1795760284000;
const char* kServices = R"([{"service_code":"n1","service_name":"夜间噪音","group":"噪音"}])";

using Bytes = std::vector<std::uint8_t>;

// A photo as a phone takes it: 320 x 240 stored, EXIF orientation 6 (turn
// 90° clockwise to view) and a GPS position.
Bytes phone_photo() {
  media_test::Tiff tiff;
  tiff.orientation = 6;
  tiff.gps = true;
  return media_test::with_exif(media_test::jpeg_of(media_test::quad_image(320, 240)), tiff.bytes());
}

// The shell: media by id, compression jobs queued until run.
struct Shell {
  State s;
  std::map<std::string, Bytes> media;
  std::deque<PhotoCompress> jobs;
  std::vector<Effect> other;          // effects this shell does not carry (HTTP, saves …)
  std::vector<std::string> forgotten;
  int stored_count = 0;

  void carry(std::vector<Effect> fx) {
    for (auto& f : fx) {
      if (auto* job = std::get_if<PhotoCompress>(&f)) {
        jobs.push_back(*job);
      } else if (auto* forget = std::get_if<MediaForget>(&f)) {
        for (const auto& id : forget->ids) {
          forgotten.push_back(id);
          media.erase(id);
        }
      } else {
        other.push_back(std::move(f));
      }
    }
  }
  void apply(const Event& e) { carry(update(s, e, kT0)); }
  void start_form() {
    Started st;
    st.server_base = "http://h/open311/v2/";
    st.lang = Lang::en;
    apply(st);
    auto it = std::find_if(other.begin(), other.end(), [](const Effect& f) { return std::holds_alternative<HttpRequest>(f); });
    REQUIRE(it != other.end());
    apply(HttpDone{std::get<HttpRequest>(*it).request_id, 200, kServices, "", {}});
    other.clear();
    apply(ServiceChosen{"n1"});
    forms::FieldValue v;
    v.text = "工地每晚打桩到凌晨两点";
    apply(FieldEdited{"description", v});
    REQUIRE(s.draft.phase == Phase::ready);
  }
  std::string pick(Bytes bytes, const std::string& name = "IMG_0001.jpg") {
    const std::string id = "raw-" + std::to_string(media.size() + 1) + "-" + name;
    const auto size = bytes.size();
    media[id] = std::move(bytes);
    apply(PhotoPicked{id, size, name, ""});
    return id;
  }
  // Runs the next job as a worker would: progress, then the result.
  void run_job() {
    REQUIRE(!jobs.empty());
    PhotoCompress job = jobs.front();
    jobs.pop_front();
    apply(PhotoProgress{job.job_id, 40});
    auto it = media.find(job.source);
    PhotoJobResult r;
    if (it == media.end()) {
      r.answer.job_id = job.job_id;
      r.answer.error = make_error("photo.read_failed", job.source);
    } else {
      r = run_photo_job(job, it->second);
      if (!r.answer.error) {
        const std::string stored = "out-" + std::to_string(++stored_count) + ".jpg";
        photo_job_stored(r, stored);
        media[stored] = r.jpeg;
      }
    }
    apply(r.answer);
  }
  const Attachment& only() {
    REQUIRE(s.draft.attachments.size() == 1);
    return s.draft.attachments.front();
  }
};

}  // namespace

TEST_CASE("a picked photo is compressed by the shell and offers its GPS") {
  Shell sh;
  sh.start_form();
  const std::string id = sh.pick(phone_photo());
  REQUIRE(sh.jobs.size() == 1);
  CHECK(sh.jobs.front().source == id);
  CHECK(sh.jobs.front().max_edge == kPhotoMaxEdge);
  CHECK(sh.jobs.front().max_source_bytes == kMaxPhotoRawBytes);
  CHECK(sh.only().phase == AttachmentPhase::compressing);
  CHECK(attachments_block_submit(sh.s.draft).has_value());
  sh.run_job();
  const Attachment& a = sh.only();
  CHECK(a.phase == AttachmentPhase::ready);
  CHECK(a.progress == 100);
  CHECK(a.width == 240);     // orientation 6 applied: upright is 240 x 320
  CHECK(a.height == 320);
  CHECK(a.orientation == 6);
  CHECK(a.size == sh.media[a.stored].size());
  CHECK(a.sha256.size() == 64);
  REQUIRE(attachments_gps(sh.s.draft).has_value());
  CHECK(attachments_gps(sh.s.draft)->lat == doctest::Approx(22.543097).epsilon(1e-5));
  // The stored output is upright and carries no EXIF.
  auto out = media::probe(sh.media[a.stored]);
  REQUIRE(out);
  CHECK(out->exif.orientation == 1);
  CHECK_FALSE(out->exif.gps.has_value());
  CHECK_FALSE(attachments_block_submit(sh.s.draft).has_value());
}

TEST_CASE("a file too large to keep says it is too large, even when the shell kept nothing") {
  Shell sh;   // the kiosk's worker reports the size of a file it did not store: no media id
  sh.start_form();
  sh.apply(PhotoPicked{"", kMaxPhotoRawBytes + 1, "scan.tiff", ""});
  REQUIRE(sh.s.draft.attach_error.has_value());
  CHECK(sh.s.draft.attach_error->id == "media.too_big_file");
  CHECK(sh.s.draft.attachments.empty());
  CHECK(sh.jobs.empty());
}

TEST_CASE("bad picks are refused in place; the form keeps its text") {
  struct Row {
    const char* name;
    Bytes bytes;
    std::uint64_t claimed;     // 0: the real size
    const char* shell_error;
    const char* pick_error;    // refused before compressing (attach_error)
    const char* photo_error;   // refused by core/media (on the attachment)
  };
  const Bytes text = {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', '\n'};
  Bytes truncated = phone_photo();
  truncated.resize(truncated.size() / 2);
  const Row rows[] = {
      {"a text file is not an image", text, 0, "", nullptr, "media.not_an_image"},
      {"a truncated JPEG", truncated, 0, "", nullptr, "media.truncated"},
      {"an empty file", {}, 0, "", "media.empty", nullptr},
      {"a file above the raw limit", text, kMaxPhotoRawBytes + 1, "", "media.too_big_file", nullptr},
      {"a file the shell could not read", text, 0, "NotReadableError", "photo.read_failed", nullptr},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      Shell sh;
      sh.start_form();
      const std::string id = "raw-x";
      sh.media[id] = row.bytes;
      sh.apply(PhotoPicked{id, row.claimed ? row.claimed : row.bytes.size(), "notes.txt", row.shell_error});
      if (row.pick_error) {
        REQUIRE(sh.s.draft.attach_error.has_value());
        CHECK(sh.s.draft.attach_error->id == row.pick_error);
        CHECK(sh.s.draft.attachments.empty());
        CHECK(sh.jobs.empty());
        CHECK(sh.media.count(id) == 0);   // its bytes are forgotten
      } else {
        sh.run_job();
        const Attachment& a = sh.only();
        CHECK(a.phase == AttachmentPhase::failed);
        REQUIRE(a.error.has_value());
        CHECK(a.error->id == row.photo_error);
        CHECK(std::string(tr(Lang::en, a.error->id)) != a.error->id);   // a sentence, not an id
      }
      CHECK(sh.s.screen == Screen::form);
      CHECK(sh.s.draft.form.fields[forms::field_index(sh.s.draft.schema, "description")].value.text ==
            "工地每晚打桩到凌晨两点");
    }
  }
}

TEST_CASE("the limit on photos per concern") {
  Shell sh;
  sh.start_form();
  for (std::size_t i = 0; i < kMaxPhotos; ++i) sh.pick(phone_photo(), "p" + std::to_string(i) + ".jpg");
  CHECK(sh.s.draft.attachments.size() == kMaxPhotos);
  CHECK_FALSE(sh.s.draft.attach_error.has_value());
  sh.pick(phone_photo(), "one-too-many.jpg");
  CHECK(sh.s.draft.attachments.size() == kMaxPhotos);
  REQUIRE(sh.s.draft.attach_error.has_value());
  CHECK(sh.s.draft.attach_error->id == "photo.too_many");
  CHECK(format(Lang::en, "photo.too_many", {{"max", "6"}}).find("6") != std::string::npos);
  // Removing one makes room again, and clears the message.
  sh.apply(PhotoRemoved{sh.s.draft.attachments.front().id});
  CHECK_FALSE(sh.s.draft.attach_error.has_value());
  sh.pick(phone_photo(), "now-it-fits.jpg");
  CHECK(sh.s.draft.attachments.size() == kMaxPhotos);
}

TEST_CASE("the editor: turn, crop and hide areas, re-made from the raw bytes") {
  struct Row {
    const char* name;
    media::PhotoEdit edit;
    int width, height;   // of the output (the upright photo is 240 x 320)
  };
  media::PhotoEdit turned;
  turned.quarter_turns = 1;
  media::PhotoEdit cropped;
  cropped.crop = {0.25f, 0.5f, 0.5f, 0.25f};
  media::PhotoEdit hidden;
  hidden.redactions = {{0.1f, 0.1f, 0.3f, 0.2f}, {0.5f, 0.6f, 0.4f, 0.3f}};
  media::PhotoEdit all = hidden;
  all.quarter_turns = 3;
  all.crop = {0.0f, 0.0f, 0.5f, 1.0f};
  const Row rows[] = {
      {"a quarter turn swaps the sides", turned, 320, 240},
      {"a crop keeps the framed part", cropped, 120, 80},
      {"two hidden areas keep the size", hidden, 240, 320},
      {"turn, crop and hide together", all, 160, 240},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      Shell sh;
      sh.start_form();
      const std::string id = sh.pick(phone_photo());
      sh.run_job();
      const std::string first = sh.only().stored;
      sh.apply(PhotoEditOpened{id});
      CHECK(sh.s.screen == Screen::photo);
      CHECK(sh.s.editor.id == id);
      sh.apply(PhotoEditChanged{row.edit});
      CHECK(sh.only().edit == media::PhotoEdit{});   // not applied until Done
      sh.apply(PhotoEditClosed{true});
      CHECK(sh.s.screen == Screen::form);
      REQUIRE(sh.jobs.size() == 1);
      CHECK(sh.jobs.front().source == id);           // from the raw bytes, not the first output
      CHECK(sh.jobs.front().edit == row.edit);
      CHECK(sh.only().phase == AttachmentPhase::compressing);
      sh.run_job();
      const Attachment& a = sh.only();
      CHECK(a.phase == AttachmentPhase::ready);
      CHECK(a.width == row.width);
      CHECK(a.height == row.height);
      CHECK(a.edit == row.edit);
      CHECK(sh.media.count(first) == 0);             // the superseded output is forgotten
      CHECK(sh.media.count(a.stored) == 1);
    }
  }
  SUBCASE("cancel (or back) leaves the photo as it was") {
    Shell sh;
    sh.start_form();
    const std::string id = sh.pick(phone_photo());
    sh.run_job();
    sh.apply(PhotoEditOpened{id});
    sh.apply(PhotoEditChanged{turned});
    sh.apply(BackPressed{});
    CHECK(sh.s.screen == Screen::form);
    CHECK(sh.jobs.empty());
    CHECK(sh.only().edit == media::PhotoEdit{});
  }
  SUBCASE("a photo still compressing cannot be opened") {
    Shell sh;
    sh.start_form();
    const std::string id = sh.pick(phone_photo());
    sh.apply(PhotoEditOpened{id});
    CHECK(sh.s.screen == Screen::form);
  }
}

TEST_CASE("late answers find nothing and leave nothing behind") {
  SUBCASE("removed while compressing: the output is forgotten, not attached") {
    Shell sh;
    sh.start_form();
    const std::string id = sh.pick(phone_photo());
    PhotoCompress job = sh.jobs.front();
    sh.jobs.clear();
    sh.apply(PhotoRemoved{id});
    CHECK(sh.s.draft.attachments.empty());
    CHECK(sh.media.count(id) == 0);
    PhotoCompressed late;
    late.job_id = job.job_id;
    late.stored = "late.jpg";
    sh.media["late.jpg"] = {1, 2, 3};
    sh.apply(late);
    CHECK(sh.s.draft.attachments.empty());
    CHECK(sh.media.count("late.jpg") == 0);
  }
  SUBCASE("a kiosk session ends: every photo of the resident is forgotten") {
    Shell sh;
    sh.start_form();
    const std::string a = sh.pick(phone_photo());
    sh.run_job();
    const std::string b = sh.pick(phone_photo(), "second.jpg");
    const std::uint64_t job = sh.jobs.front().job_id;
    sh.apply(SessionEnded{});
    CHECK(sh.s.draft.attachments.empty());
    CHECK(sh.media.count(a) == 0);
    CHECK(sh.media.count(b) == 0);
    CHECK(sh.media.size() == 0);
    CHECK(sh.s.next_job_id > job);   // a late answer can never match a new job
  }
  SUBCASE("an edit that fails keeps the earlier good photo") {
    Shell sh;
    sh.start_form();
    const std::string id = sh.pick(phone_photo());
    sh.run_job();
    const std::string good = sh.only().stored;
    sh.apply(PhotoEditOpened{id});
    sh.media.erase(id);   // the raw bytes are gone (say, storage was cleared)
    media::PhotoEdit e;
    e.quarter_turns = 2;
    sh.apply(PhotoEditChanged{e});
    sh.apply(PhotoEditClosed{true});
    sh.run_job();
    CHECK(sh.only().phase == AttachmentPhase::ready);
    CHECK(sh.only().stored == good);
    REQUIRE(sh.only().error.has_value());
    CHECK(sh.only().error->id == "photo.read_failed");
  }
}

TEST_CASE("submit carries the compressed photos into the outbox entry as tus media") {
  Shell sh;
  sh.start_form();
  forms::FieldValue v;
  v.location.address = "科技园路 1 号";
  sh.apply(FieldEdited{"location", v});
  v = {};
  v.text = "13800138000";
  sh.apply(FieldEdited{"phone", v});
  const std::string id = sh.pick(phone_photo());
  sh.pick({'n', 'o', 't'}, "notes.txt");   // fails: not sent
  sh.run_job();
  sh.run_job();
  sh.apply(ReviewPressed{});
  REQUIRE(sh.s.screen == Screen::review);
  sh.other.clear();
  sh.apply(SubmitPressed{});
  REQUIRE(sh.other.size() == 1);
  const auto* save = std::get_if<OutboxSave>(&sh.other[0]);
  REQUIRE(save);
  auto entry = outbox::deserialize_entry(save->bytes);
  REQUIRE(entry);
  REQUIRE(entry->media.size() == 1);
  const Attachment& a = sh.s.draft.attachments.front();
  CHECK(entry->media[0].path == a.stored);
  CHECK(entry->media[0].content_type == "image/jpeg");
  CHECK(entry->media[0].size == a.size);
  CHECK(entry->media[0].sha256 == a.sha256);
  CHECK(entry->media[0].offset == 0);
  CHECK_FALSE(entry->media[0].done);
  // Once the entry is durable the raw bytes go; the compressed ones stay for the upload.
  const std::string stored = a.stored;
  sh.other.clear();
  sh.apply(OutboxSaved{save->save_id, true, ""});
  CHECK(sh.s.screen == Screen::receipt);
  CHECK(sh.media.count(id) == 0);
  CHECK(sh.media.count(stored) == 1);
  // The first step is the tus creation of that upload.
  REQUIRE(!sh.other.empty());
  const auto* step = std::get_if<OutboxSave>(&sh.other[0]);
  REQUIRE(step);
  sh.other.clear();
  sh.apply(OutboxSaved{step->save_id, true, ""});
  REQUIRE(sh.other.size() == 1);
  const auto* create = std::get_if<HttpRequest>(&sh.other[0]);
  REQUIRE(create);
  CHECK(create->method == "POST");
  CHECK(create->url.find("uploads") != std::string::npos);
}

TEST_CASE("submit waits for a photo still being made small") {
  Shell sh;
  sh.start_form();
  forms::FieldValue v;
  v.location.address = "科技园路 1 号";
  sh.apply(FieldEdited{"location", v});
  v = {};
  v.text = "13800138000";
  sh.apply(FieldEdited{"phone", v});
  sh.pick(phone_photo());
  sh.apply(ReviewPressed{});
  sh.other.clear();
  sh.apply(SubmitPressed{});
  CHECK(sh.other.empty());
  REQUIRE(sh.s.draft.submit_error.has_value());
  CHECK(sh.s.draft.submit_error->id == "photo.still_compressing");
  sh.run_job();
  sh.apply(SubmitPressed{});
  REQUIRE(sh.other.size() == 1);
  CHECK(std::holds_alternative<OutboxSave>(sh.other[0]));
}
