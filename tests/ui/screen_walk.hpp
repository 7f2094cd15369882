// tests/ui/screen_walk.hpp — every screen of the app as one row of a table:
// a name and the steps that bring a fresh UiHarness there through semantic
// ids, answering core's requests with scripted replies in the language each
// asked for (FakeServer). The layout checks (layout_test.cpp) walk every row
// in both languages, in normal and large text, on the phone and the kiosk;
// a new screen is one more row (and its replies, when it fetches something).
// The texts are the reference server's longest real ones (server/migrations),
// so what fits here fits the seeded catalogue.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/tracking/event_json.hpp"
#include "tests/core/media_test_util.hpp"
#include "tests/ui/harness.hpp"

namespace civic::test {

inline const char* kWalkServicesZh = R"json([
  {"service_code":"streetlight-out","service_name":"路灯不亮","description":"路灯不亮、闪烁、白天常亮或灯杆损坏","metadata":true,"group":"道路与路灯"},
  {"service_code":"manhole-cover","service_name":"井盖缺失或破损","description":"井盖丢失、破损、下沉或异响","metadata":false,"group":"道路与路灯"},
  {"service_code":"fire-exit","service_name":"消防通道堵塞","description":"堵塞消防通道、楼道堆物、电动车室内充电等隐患","metadata":false,"group":"公共安全"},
  {"service_code":"prepaid-card","service_name":"预付卡退费纠纷","description":"健身、教育、美容等预付卡商家停业或拒绝退费","metadata":false,"group":"消费维权"}])json";
inline const char* kWalkServicesEn = R"json([
  {"service_code":"streetlight-out","service_name":"Street light out","description":"A street light that is out, flickers, stays on by day, or a damaged pole","metadata":true,"group":"Roads and street lights"},
  {"service_code":"manhole-cover","service_name":"Missing or broken manhole cover","description":"A manhole cover that is missing, broken, sunken or rattling","metadata":false,"group":"Roads and street lights"},
  {"service_code":"fire-exit","service_name":"Blocked fire exit","description":"Blocked fire exits, clutter in stairwells, e-bikes charged indoors","metadata":false,"group":"Public safety"},
  {"service_code":"prepaid-card","service_name":"Prepaid card refund dispute","description":"A gym, school or salon that closed or refuses to refund a prepaid card","metadata":false,"group":"Consumer rights"}])json";
inline const char* kWalkDefZh = R"json({"service_code":"streetlight-out","attributes":[
  {"variable":true,"code":"problem","datatype":"singlevaluelist","required":true,"order":1,"description":"问题类型",
   "values":[{"key":"out","name":"完全不亮"},{"key":"flicker","name":"闪烁"},{"key":"day","name":"白天常亮"},{"key":"pole","name":"灯杆损坏"}]},
  {"variable":true,"code":"lights_out","datatype":"number","required":true,"order":2,"description":"有问题的路灯数量","datatype_description":"整数"},
  {"variable":true,"code":"pole_number","datatype":"string","required":false,"order":3,"description":"灯杆编号（灯杆上的铭牌）"}]})json";
inline const char* kWalkDefEn = R"json({"service_code":"streetlight-out","attributes":[
  {"variable":true,"code":"problem","datatype":"singlevaluelist","required":true,"order":1,"description":"What is wrong?",
   "values":[{"key":"out","name":"Not lit at all"},{"key":"flicker","name":"Flickering"},{"key":"day","name":"Stays on by day"},{"key":"pole","name":"Damaged pole"}]},
  {"variable":true,"code":"lights_out","datatype":"number","required":true,"order":2,"description":"How many lights are affected?","datatype_description":"A whole number"},
  {"variable":true,"code":"pole_number","datatype":"string","required":false,"order":3,"description":"Pole number (on the plate on the pole)"}]})json";

inline constexpr const char* kWalkTicket = "2026-000123";

// Answers every request core has out, as the reference server would, in the
// language of the request (locale=en or not). `offline`: no reply reaches
// the app (status 0), so a submission stays in the outbox.
struct FakeServer {
  bool offline = false;
  std::string status = "open";   // what GET requests reports for the ticket
  void serve(UiHarness& h) {
    for (int guard = 0; guard < 20 && !h.requests.empty(); ++guard) {
      std::vector<app::HttpRequest> out;
      out.swap(h.requests);
      for (const auto& r : out) {
        bool en = r.url.find("locale=en") != std::string::npos;
        if (offline) {
          h.apply(app::HttpDone{r.request_id, 0, "", "connection refused", {}});
        } else if (r.url.find("services.json") != std::string::npos) {
          h.apply(app::HttpDone{r.request_id, 200, en ? kWalkServicesEn : kWalkServicesZh, "", {}});
        } else if (r.url.find("services/streetlight-out.json") != std::string::npos) {
          h.apply(app::HttpDone{r.request_id, 200, en ? kWalkDefEn : kWalkDefZh, "", {}});
        } else if (r.method == "POST" && r.url.find("/requests.json") != std::string::npos) {
          h.apply(app::HttpDone{r.request_id, 201,
                                std::string(R"([{"service_request_id":")") + kWalkTicket + R"(","token":"tok"}])", "",
                                {}});
        } else if (r.url.find("rating.json") != std::string::npos || r.url.find("reopen.json") != std::string::npos) {
          h.apply(app::HttpDone{r.request_id, 200, "{}", "", {}});
        } else if (r.url.find("requests") != std::string::npos) {
          std::string agency = en ? "Urban Management and Law Enforcement Bureau" : "城市管理和综合执法局";
          h.apply(app::HttpDone{r.request_id, 200,
                                std::string(R"([{"service_request_id":")") + kWalkTicket + R"(","status":")" + status +
                                    R"(","service_name":")" + (en ? "Street light out" : "路灯不亮") +
                                    R"(","agency_responsible":")" + agency + R"("}])",
                                "", {}});
        } else {
          h.apply(app::HttpDone{r.request_id, 404, "[]", "", {}});
        }
      }
    }
    h.frames();
  }
};

// The ticket's life on the Civic event stream, as the server streams it.
inline std::string walk_event(std::uint64_t seq, tracking::EventKind kind, const std::string& dept,
                              const std::string& note) {
  tracking::TicketEvent e;
  e.ticket = kWalkTicket;
  e.seq = seq;
  e.event_id = seq;
  e.kind = kind;
  e.at = 1795766400 + static_cast<std::int64_t>(seq) * 3600;   // 2026-11-27, an hour apart
  e.department = dept;
  e.note = note;
  if (kind == tracking::EventKind::received) e.sla_deadline = 1795766400 + 48 * 3600;
  return "id: " + std::to_string(seq) + "\nevent: ticket\ndata: " + tracking::ticket_event_json(e) + "\n\n";
}

struct WalkStep {
  const char* name;        // also the screenshot's name in the browser and kiosk walks
  const char* expect;      // a node only this screen draws: the walk got there
  bool kiosk_only;         // the kiosk's own screens (session prompt, keyboard)
  std::function<void(UiHarness&, FakeServer&)> go;   // from a fresh start (home, catalogue loaded)
  bool phone_only = false; // the phone's own (voice memos: the kiosk has no microphone)
};

namespace walk {

inline void home(UiHarness& h, FakeServer& s, Lang lang, app::Settings settings) {
  app::Started st{"http://civic.test/open311/v2/", lang, settings};
  st.can_stream = true;
  st.can_record = !h.kiosk;   // the web shell where the browser can record; the kiosk says no
  st.can_play = !h.kiosk;     // and play a memo back
  st.session = {120000, 20000};
  h.apply(st);
  h.frames();
  s.serve(h);
}
inline void form(UiHarness& h, FakeServer& s) {
  h.tap("group/0");
  h.tap("service/streetlight-out");
  s.serve(h);
}
// The form with one photo added and made small (the fixture: 640×480 stored,
// EXIF orientation 6, a GPS position), then its editor, when `edit`.
inline void photo(UiHarness& h, FakeServer& s, bool edit) {
  h.photo_source(media_test::read_fixture("exif_gps.jpg"));
  form(h, s);
  h.tap("photo/add");
  h.run_photo_jobs();
  REQUIRE_MESSAGE(h.has("photo/1/thumb"), "the photo became ready");
  if (edit) h.tap("photo/1/edit");
}
// The form with a voice memo being recorded: 1:07 in, at a middling level.
inline void recording(UiHarness& h, FakeServer& s) {
  form(h, s);
  h.tap("voice/record");
  REQUIRE_MESSAGE(!h.recordings.empty(), "core asked the shell to record");
  const auto id = h.recordings.back().record_id;
  h.apply(app::RecordStarted{id});
  h.apply(app::RecordProgress{id, 67'400, 270'000, 55});
  h.frames();
}
// The form with two memos kept (and a photo), then the microphone refused.
inline void memos(UiHarness& h, FakeServer& s, bool denied) {
  h.photo_source(media_test::read_fixture("exif_gps.jpg"));
  form(h, s);
  h.tap("photo/add");
  h.run_photo_jobs();
  for (std::int64_t ms : {7'000, 119'800}) {
    h.tap("voice/record");
    const auto id = h.recordings.back().record_id;
    h.apply(app::RecordStarted{id});
    h.apply(app::RecordProgress{id, ms, 1000, 40});
    h.frames();
    h.tap("voice/stop");
    h.apply(app::RecordStopped{id, "voc-" + std::to_string(id), ms * 4, ms, "audio/webm;codecs=opus", ""});
    h.frames();
  }
  if (denied) {
    h.tap("voice/record");
    h.apply(app::RecordFailed{h.recordings.back().record_id, app::RecordFailure::denied, "NotAllowedError"});
    h.frames();
  }
}
// The form with a photo and two videos picked from the phone's chooser (an
// MP4 from an Android camera, 1:05 long, an iPhone's MOV whose length was
// not found), then one refused as too large, when `refused`.
inline void videos(UiHarness& h, FakeServer& s, bool refused) {
  h.photo_source(media_test::read_fixture("exif_gps.jpg"));
  ui::set_picker_takes_video(true);
  form(h, s);
  h.tap("photo/add");
  h.run_photo_jobs();
  auto be32 = [](std::uint32_t v) { return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)}; };
  auto head = [&](const char* brand) { return be32(20) + "ftyp" + brand + be32(0x200) + brand + be32(8) + "moov"; };
  h.apply(app::VideoPicked{"vid-1", 7'654'321, "VID_20261127_213015.mp4", "video/mp4", "", head("isom"), "", 65'500});
  h.apply(app::VideoPicked{"vid-2", 18'400'000, "IMG_0042.MOV", "video/quicktime", "", head("qt  "), ""});
  if (refused)
    h.apply(app::VideoPicked{"", 64'000'000, "工地夜间施工全程录像.mp4", "video/mp4", "", "", ""});
  h.frames();
}
// Those memos, the second (1:59 long) playing back, 1:07 in.
inline void playing(UiHarness& h, FakeServer& s) {
  memos(h, s, false);
  h.tap("voice/2/play");
  REQUIRE_MESSAGE(!h.plays.empty(), "core asked the shell to play");
  const auto id = h.plays.back().play_id;
  h.apply(app::PlaybackStarted{id});
  h.apply(app::PlaybackProgress{id, 67'400});
  h.frames();
}
inline void fill(UiHarness& h) {
  h.type("field/description", h.state.lang == Lang::en ? "Three lights at the east gate have been out for three nights"
                                                      : "小区东门三盏路灯连续三晚不亮，夜间行人看不清路");
  h.tap("field/attribute[problem]/out");
  h.type("field/attribute[lights_out]", "3");
  h.type("field/location", h.state.lang == Lang::en ? "1 Keji Road, Nanshan District" : "南山区科技园路 1 号东门");
  h.type("field/phone", "13800138000");
}
inline void review(UiHarness& h, FakeServer& s) {
  form(h, s);
  fill(h);
  h.tap("review");
}
inline void delivered(UiHarness& h, FakeServer& s) {
  review(h, s);
  h.tap("submit");
  s.serve(h);
}
// The delivered ticket's screen with its stream open and `n` events in.
inline void ticket(UiHarness& h, FakeServer& s, int n) {
  delivered(h, s);
  h.tap("follow");
  s.serve(h);
  REQUIRE_MESSAGE(!h.streams.empty(), "the ticket is followed on the event stream");
  std::uint64_t id = h.streams.back().stream_id;
  h.apply(app::StreamOpened{id, 200});
  bool en = h.state.lang == Lang::en;
  std::string dept = en ? "Urban Management and Law Enforcement Bureau" : "城市管理和综合执法局";
  using K = tracking::EventKind;
  const struct { K kind; const char* note_zh; const char* note_en; } life[] = {
      {K::received, "", ""},
      {K::accepted, "", ""},
      {K::assigned, "", ""},
      {K::in_progress, "已派维修班组，预计明天上午到场", "A repair crew is on its way, expected tomorrow morning"},
      {K::resolved, "已更换三盏路灯的灯泡并检查线路", "Replaced the bulbs of all three lights and checked the wiring"},
  };
  std::string bytes;
  for (int k = 0; k < n; ++k) bytes += walk_event(k + 1, life[k].kind, dept, en ? life[k].note_en : life[k].note_zh);
  h.apply(app::StreamBytes{id, bytes});
  h.frames();
}

}  // namespace walk

// Every screen, in the order a resident meets them.
inline std::vector<WalkStep> screen_walk() {
  using namespace walk;
  return {
      {"home", "settings/large_text", false, [](UiHarness&, FakeServer&) {}},   // with the accessibility settings at its end
      {"group", "service/streetlight-out", false, [](UiHarness& h, FakeServer&) { h.tap("group/0"); }},
      {"form", "field/description", false, [](UiHarness& h, FakeServer& s) { form(h, s); }},
      {"form-photo", "photo/1/thumb", false, [](UiHarness& h, FakeServer& s) { photo(h, s, false); }},
      {"photo-editor", "photo/preview", false, [](UiHarness& h, FakeServer& s) { photo(h, s, true); }},
      {"photo-rotated", "photo/rotate_left", false,
       [](UiHarness& h, FakeServer& s) {
         photo(h, s, true);
         h.tap("photo/rotate_right");
       }},
      {"photo-crop", "photo/mode_crop", false,   // crop mode: the whole photo, the part kept outlined
       [](UiHarness& h, FakeServer& s) {
         photo(h, s, true);
         h.tap("photo/mode_crop");
         h.drag("photo/preview", 0.15f, 0.1f, 0.85f, 0.8f);
       }},
      {"photo-redacted", "photo/undo_redact", false,   // cropped, and an area hidden
       [](UiHarness& h, FakeServer& s) {
         photo(h, s, true);
         h.tap("photo/mode_crop");
         h.drag("photo/preview", 0.15f, 0.1f, 0.85f, 0.8f);
         h.tap("photo/mode_crop");
         h.drag("photo/preview", 0.3f, 0.3f, 0.6f, 0.55f);
         REQUIRE(h.state.editor.edit.redactions.size() == 1);
       }},
      {"form-recording", "voice/stop", false, [](UiHarness& h, FakeServer& s) { recording(h, s); }, true},
      {"form-voice", "voice/2/remove", false, [](UiHarness& h, FakeServer& s) { memos(h, s, false); }, true},
      {"form-voice-playing", "voice/2/position", false, [](UiHarness& h, FakeServer& s) { playing(h, s); }, true},
      {"form-voice-denied", "voice/error", false, [](UiHarness& h, FakeServer& s) { memos(h, s, true); }, true},
      {"form-video", "video/2/remove", false, [](UiHarness& h, FakeServer& s) { videos(h, s, false); }, true},
      {"form-video-refused", "photo/error", false, [](UiHarness& h, FakeServer& s) { videos(h, s, true); }, true},
      {"form-errors", "form/errors", false,
       [](UiHarness& h, FakeServer& s) {
         form(h, s);
         h.type("field/description", h.state.lang == Lang::en ? "dark" : "太暗");
         h.tap("review");
       }},
      {"draft", "draft/discard", false,   // home with the kept draft: continue or discard
       [](UiHarness& h, FakeServer& s) {
         form(h, s);
         fill(h);
         h.tap("back");
         h.tap("back");
       }},
      {"review", "submit", false, [](UiHarness& h, FakeServer& s) { review(h, s); }},
      {"receipt-queued", "ticket/queued", false,
       [](UiHarness& h, FakeServer& s) {
         review(h, s);
         s.offline = true;
         h.tap("submit");
         s.serve(h);
       }},
      {"receipt", "ticket/number", false, [](UiHarness& h, FakeServer& s) { delivered(h, s); }},
      {"tickets", "ticket/2026-000123", false,
       [](UiHarness& h, FakeServer& s) {
         delivered(h, s);
         h.tap("done");
         h.tap("my_concerns");
         s.serve(h);
       }},
      {"ticket-timeline", "ticket/sla", false, [](UiHarness& h, FakeServer& s) { ticket(h, s, 4); }},
      {"ticket-resolved", "rate/1", false,   // rate it or reopen it
       [](UiHarness& h, FakeServer& s) {
         s.status = "closed";
         ticket(h, s, 5);
       }},
      {"ticket-rating-comment", "rate/comment", false,   // a comment typed before the stars
       [](UiHarness& h, FakeServer& s) {
         s.status = "closed";
         ticket(h, s, 5);
         h.type("rate/comment", h.state.lang == Lang::en ? "Fixed quickly, but the crew left packaging on the pavement"
                                                         : "修得很快，但维修后包装材料留在了人行道上");
       }},
      {"ticket-rated", "rated", false,
       [](UiHarness& h, FakeServer& s) {
         s.status = "closed";
         ticket(h, s, 5);
         h.tap("rate/4");
         s.serve(h);
       }},
      {"ticket-reopened", "reopened", false,
       [](UiHarness& h, FakeServer& s) {
         s.status = "closed";
         ticket(h, s, 5);
         h.tap("reopen");
         s.status = "open";
         s.serve(h);
         // The server's own word on the stream: reopened (no longer closed).
         h.apply(app::StreamBytes{h.streams.back().stream_id,
                                  walk_event(6, tracking::EventKind::reopened, "", "")});
         h.frames();
       }},
      {"session-warning", "session/still_there", true,
       [](UiHarness& h, FakeServer& s) {
         form(h, s);
         h.apply(app::SessionTick{1000, true});
         h.apply(app::SessionTick{1000 + 105000, false});
         h.frames();
       }},
      {"keyboard-pinyin", "cand/0", true,
       [](UiHarness& h, FakeServer& s) {
         form(h, s);
         h.tap("field/description");
         if (h.has("key/mode/pinyin")) h.tap("key/mode/pinyin");
         for (const char* k : {"key/l", "key/u", "key/d", "key/e", "key/n", "key/g"}) h.tap(k);
       }},
  };
}

}  // namespace civic::test
