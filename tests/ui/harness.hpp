// tests/ui/harness.hpp — a headless ImGui frame loop around ui::draw() and
// app::update(): taps and typing go through semantic ids (ui::activate,
// ui::set_text) exactly as the kiosk's automation channel does, and the
// effects core asks for are kept so a test can answer them with scripted
// replies. Photos take the shell's path: a picker that "takes" the bytes a
// test gives it, compression by the real core/media job (run_photo_job, as
// the kiosk's worker thread runs it), and a renderer that hands ImGui a
// texture name for the preview (nothing is rasterised headless).
// No window, no GL, no network, no sleeping.
#pragma once
#include <doctest/doctest.h>
#include <imgui.h>

#include <cfloat>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "core/app/photo_job.hpp"
#include "core/app/update.hpp"
#include "ui/photo_preview.hpp"
#include "ui/ui.hpp"

namespace civic::test {

struct UiHarness {
  app::State state;
  std::deque<app::Event> queued;
  std::vector<app::HttpRequest> requests;   // effects not yet answered

  std::vector<app::StreamOpen> streams;     // event streams core opened (answered by the test)
  std::vector<app::RecordStart> recordings; // voice memos core asked for (answered by the test)
  std::vector<app::RecordStop> record_stops;
  std::vector<app::PlayMemo> plays;         // memos core asked to play (answered by the test)
  std::vector<app::StopPlayback> play_stops;
  bool kiosk = true;                        // the hall's shell (no microphone) or the phone's

  // Defaults: the 1080×1920 hall screen (64 px targets). The phone is
  // UiHarness(1170, 2532, 3, false, false): 390×844 CSS px at dpr 3.
  explicit UiHarness(float w = 1080, float h = 1920, float dpi = 1, bool large = true, bool kiosk = true) {
    ImGui::CreateContext();
    ui::Presentation p;
    p.dpi_scale = dpi;
    p.large_text = large;
    p.kiosk = kiosk;
    this->kiosk = kiosk;
    REQUIRE(ui::setup(p, CIVIC_FONT_FILE));
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* px;
    int tw, th;
    io.Fonts->GetTexDataAsAlpha8(&px, &tw, &th);   // builds the atlas
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;   // what a platform backend does
    io.DisplaySize = ImVec2(w, h);
    io.DeltaTime = 1.f / 60;
  }
  ~UiHarness() {
    no_photos();
    ImGui::DestroyContext();
  }

  // Storage effects are carried out at once (an in-memory outbox that never
  // fails); HTTP requests wait for the test's scripted reply, except the
  // capabilities document: the flows run against a plain GeoReport v2
  // server (404) unless a test sets `capabilities` (sealing: app_trust_test).
  std::map<std::string, std::string> outbox;
  std::string capabilities;
  void apply(const app::Event& e) {
    std::deque<app::Event> todo{e};
    while (!todo.empty()) {
      app::Event next = std::move(todo.front());
      todo.pop_front();
      for (auto& fx : app::update(state, next)) {
        if (auto* r = std::get_if<app::HttpRequest>(&fx)) {
          if (r->url.find("civic/capabilities.json") != std::string::npos)
            todo.push_back(app::HttpDone{r->request_id, capabilities.empty() ? 404 : 200, capabilities, ""});
          else
            requests.push_back(*r);
        } else if (auto* save = std::get_if<app::OutboxSave>(&fx)) {
          outbox[save->key] = save->bytes;
          todo.push_back(app::OutboxSaved{save->save_id, true, ""});
        } else if (auto* open = std::get_if<app::StreamOpen>(&fx)) {
          streams.push_back(*open);
        } else if (auto* rec = std::get_if<app::RecordStart>(&fx)) {
          recordings.push_back(*rec);
        } else if (auto* stop = std::get_if<app::RecordStop>(&fx)) {
          record_stops.push_back(*stop);
        } else if (auto* play = std::get_if<app::PlayMemo>(&fx)) {
          plays.push_back(*play);
        } else if (auto* halt = std::get_if<app::StopPlayback>(&fx)) {
          play_stops.push_back(*halt);
        } else if (auto* del = std::get_if<app::OutboxDelete>(&fx)) {
          outbox.erase(del->key);
        } else if (auto* job = std::get_if<app::PhotoCompress>(&fx)) {
          jobs.push_back(*job);
        } else if (auto* forget = std::get_if<app::MediaForget>(&fx)) {
          for (const auto& id : forget->ids) media.erase(id);
        } else if (std::holds_alternative<app::OutboxLoad>(fx)) {
          app::OutboxLoaded loaded;
          for (const auto& [k, v] : outbox) loaded.records.push_back(v);
          todo.push_back(loaded);
        }
      }
    }
  }
  void frame() {
    ImGui::NewFrame();
    ui::draw(state, [this](const app::Event& e) { queued.push_back(e); });
    ImGui::Render();
    while (!queued.empty()) {
      app::Event e = queued.front();
      queued.pop_front();
      apply(e);
    }
  }
  // A clean app in the same ImGui context (the font atlas is built once):
  // what a kiosk's session end does, plus forgetting every scripted reply.
  void restart() {
    frame();
    state = app::State{};
    queued.clear();
    requests.clear();
    streams.clear();
    recordings.clear();
    record_stops.clear();
    plays.clear();
    play_stops.clear();
    outbox.clear();
    no_photos();
    ui::wipe_resident_traces();
  }
  void frames(int n = 2) {
    for (int i = 0; i < n; ++i) frame();
  }
  const ui::SemanticNode& node(const std::string& id) {
    const ui::SemanticNode* n = ui::find_node(id);
    if (!n) FAIL("no node " << id << " in " << ui::semantic_nodes_json());
    return *n;
  }
  bool has(const std::string& id) { return ui::find_node(id) != nullptr; }
  void tap(const std::string& id) {
    node(id);
    ui::activate(id);
    frames();
  }
  void type(const std::string& id, const std::string& text) {
    node(id);
    ui::set_text(id, text);
    frames();
  }
  // Takes the oldest unanswered request whose URL contains `url_part`
  // (a delivered ticket's live poll may be out too, unanswered).
  app::HttpRequest take(const std::string& url_part) {
    REQUIRE_MESSAGE(!requests.empty(), "expected a request for " << url_part);
    auto it = requests.begin();
    for (auto r = requests.begin(); r != requests.end(); ++r)
      if (r->url.find(url_part) != std::string::npos && !is_live_poll(*r)) {
        it = r;
        break;
      }
    app::HttpRequest r = *it;
    requests.erase(it);
    CHECK_MESSAGE(r.url.find(url_part) != std::string::npos, r.url << " lacks " << url_part);
    return r;
  }
  bool is_live_poll(const app::HttpRequest& r) const {
    auto p = state.pending.find(r.request_id);
    return p != state.pending.end() && p->second.purpose == app::Purpose::follow;
  }
  // --- photos --------------------------------------------------------------
  std::map<std::string, std::vector<std::uint8_t>> media;   // the shell's store, by media id
  std::deque<app::PhotoCompress> jobs;                      // compressions asked for, not yet run
  int media_made = 0;

  // "Add photo" takes `bytes` (a copy each tap), as the kiosk's document
  // camera folder or the phone's file picker would; the preview renderer
  // reports the stored size and orientation core found, and a texture name.
  void photo_source(std::vector<std::uint8_t> bytes) {
    ui::set_photo_picker([this, bytes] {
      const std::string id = "raw-" + std::to_string(++media_made);
      media[id] = bytes;
      queued.push_back(app::PhotoPicked{id, bytes.size(), "IMG_000" + std::to_string(media_made) + ".jpg", ""});
    });
    ui::PhotoRenderer r;
    r.pixels = [this](const std::string& id) -> std::optional<ui::PhotoPixels> {
      for (const auto& a : state.draft.attachments) {
        if (a.id != id || a.source_width == 0) continue;
        const bool sideways = a.orientation >= 5;   // EXIF 5–8 store the picture turned
        return ui::PhotoPixels{sideways ? a.source_height : a.source_width,
                               sideways ? a.source_width : a.source_height, a.orientation};
      }
      return std::nullopt;
    };
    r.render = [](const ui::PhotoQuad&) -> std::uintptr_t { return 1; };
    ui::set_photo_renderer(std::move(r));
  }
  void no_photos() {
    ui::set_photo_picker({});
    ui::set_picker_takes_video(false);
    ui::set_photo_renderer({});
    media.clear();
    jobs.clear();
  }
  // Runs every queued compression as the shell's worker does: a progress
  // report, core/media's real job, the JPEG kept under a new id.
  void run_photo_jobs() {
    while (!jobs.empty()) {
      app::PhotoCompress job = jobs.front();
      jobs.pop_front();
      apply(app::PhotoProgress{job.job_id, 50});
      app::PhotoJobResult r;
      auto it = media.find(job.source);
      if (it == media.end()) {
        r.answer.job_id = job.job_id;
        r.answer.error = make_error("photo.read_failed", job.source);
      } else {
        r = app::run_photo_job(job, it->second);
        if (!r.answer.error) {
          const std::string stored = "out-" + std::to_string(++media_made) + ".jpg";
          app::photo_job_stored(r, stored);
          media[stored] = r.jpeg;
        }
      }
      apply(r.answer);
    }
    frames();
  }
  // A finger dragged over node `id` from one point to another, given as
  // fractions of its rectangle (the photo editor's regions and crop).
  void drag(const std::string& id, float fx0, float fy0, float fx1, float fy1) {
    const ui::SemanticNode n = node(id);
    ImGuiIO& io = ImGui::GetIO();
    auto at = [&](float fx, float fy) { return ImVec2(n.x + fx * n.w, n.y + fy * n.h); };
    io.MousePos = at(fx0, fy0);
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MousePos = at((fx0 + fx1) / 2, (fy0 + fy1) / 2);
    frame();
    io.MousePos = at(fx1, fy1);
    frame();
    io.MouseDown[0] = false;
    frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frames();
  }

  void reply(const app::HttpRequest& r, int status, const std::string& body) {
    apply(app::HttpDone{r.request_id, status, body, status == 0 ? "connection refused" : ""});
    frames();
  }
};

}  // namespace civic::test
