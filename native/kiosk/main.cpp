// native/kiosk/main.cpp — civic-kiosk: the service-hall kiosk.
// Platform: GLFW window (fullscreen by default) + OpenGL 3.3 core, Dear ImGui
// with Debian's imgui_impl_glfw / imgui_impl_opengl3, libcurl for HTTP.
//  [x] fullscreen on the primary monitor, --windowed for development
//  [x] renders only when something changed: input, a reply, a running
//      animation (a held finger, a blinking caret); otherwise sleeps in
//      glfwWaitEventsTimeout
//  [x] large-text mode by default; language from --lang
//  [x] automation channel (control.hpp) and screenshots for tests
//  [x] on-screen keyboard with pinyin input (ui/keyboard.hpp, core/ime)
//  [x] the outbox in --data-dir: a concern is on disk before it is sent,
//      and resumes after a restart (core/app/outbox_flow)
//  [x] resident sessions: a tick per 250 ms while one is active, any touch or
//      automation command continues it; its end wipes the UI's copies and
//      the sealed draft file (session.hpp); a receipt with QR (receipt.hpp)
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>

#include "core/app/update.hpp"
#include "core/catalog_search/catalog_search.hpp"
#include "core/ime/dictionary.hpp"
#include "core/i18n/messages.hpp"
#include "native/common/effects.hpp"
#include "native/common/outbox_deliver.hpp"
#include "native/common/paths.hpp"
#include "native/common/photo_worker.hpp"
#include "native/kiosk/control.hpp"
#include "native/kiosk/options.hpp"
#include "native/kiosk/receipt.hpp"
#include "native/kiosk/screenshot.hpp"
#include "native/kiosk/session.hpp"
#include "native/kiosk/session_guard.hpp"
#include "shaders/photo_preview_gl.hpp"
#include "ui/keyboard.hpp"
#include "ui/photo_preview.hpp"
#include "ui/ui.hpp"

namespace civic::kiosk {

namespace {

using Clock = std::chrono::steady_clock;

bool g_input = false;   // set by GLFW callbacks: something to redraw for
bool g_touch = false;   // a resident's hand: keeps the session going

void note_input() { g_input = true; }
void note_touch() { g_input = g_touch = true; }

void install_input_callbacks(GLFWwindow* w) {
  // Installed before ImGui's, which chain to these.
  // A finger moving on the glass (button held) is a touch; a pointer that
  // merely appears over the window (X servers report one at start) is not.
  glfwSetCursorPosCallback(w, [](GLFWwindow* win, double, double) {
    if (glfwGetMouseButton(win, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS) note_touch();
    else note_input();
  });
  glfwSetMouseButtonCallback(w, [](GLFWwindow*, int, int, int) { note_touch(); });
  glfwSetScrollCallback(w, [](GLFWwindow*, double, double) { note_touch(); });
  glfwSetKeyCallback(w, [](GLFWwindow*, int, int, int, int) { note_touch(); });
  glfwSetCharCallback(w, [](GLFWwindow*, unsigned) { note_touch(); });
  glfwSetWindowSizeCallback(w, [](GLFWwindow*, int, int) { note_input(); });
  glfwSetWindowFocusCallback(w, [](GLFWwindow*, int) { note_input(); });
  glfwSetCursorEnterCallback(w, [](GLFWwindow*, int) { note_input(); });
}

void reply(const std::string& cmd, bool ok, const std::string& error = {}, const std::string& nodes_json = {},
           const nlohmann::json& extra = nullptr) {
  nlohmann::json j = {{"ok", ok}, {"cmd", cmd}};
  if (!error.empty()) j["error"] = error;
  if (extra.is_object())
    for (auto it = extra.begin(); it != extra.end(); ++it) j[it.key()] = it.value();
  std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (!nodes_json.empty()) {
    line.pop_back();
    line += ",\"nodes\":" + nodes_json + "}";
  }
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
}

// The on-screen keyboard's pinyin dictionary (generated at build time next
// to the fonts). Without it the keyboard still types digits, Latin letters
// and symbols; the pinyin key is disabled and the reason is logged.
void load_pinyin_dictionary(Lang lang) {
  std::string path = native::exe_dir() + "/../ime/pinyin.tsv";
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    std::fprintf(stderr, "civic-kiosk: %s (%s)\n", std::string(tr(lang, "ime.no_dict")).c_str(), path.c_str());
    return;
  }
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  auto r = ui::kb::load_dictionary(bytes);
  if (!r) std::fprintf(stderr, "civic-kiosk: %s (%s)\n", explain(lang, r.error()).c_str(), r.error().detail.c_str());
}

bool node_has_text(const std::string& text) {
  for (const auto& n : ui::semantic_nodes())
    if (n.name.find(text) != std::string::npos || n.value.find(text) != std::string::npos) return true;
  return false;
}

struct Kiosk {
  Options opt;
  GLFWwindow* window = nullptr;
  app::State state;
  std::deque<app::Event> events;   // queued by the UI during a frame, applied after it
  native::HttpExecutor* http = nullptr;
  native::Platform platform;
  Control control;
  std::optional<Command> current;  // the automation command being carried out
  Clock::time_point deadline;
  int frames_left = 2;             // frames still to draw (ImGui settles in two)
  std::string pending_screenshot;
  // `drag ID FX0 FY0 FX1 FY1`: a finger pressed at one point of node ID's
  // rectangle (fractions), moved, lifted — one step a frame, fed to ImGui
  // in place of the pointer (the photo editor's crop and hidden areas).
  struct ScriptedDrag {
    ImVec2 from, to;
    int step = 0;
  };
  std::optional<ScriptedDrag> drag;
  bool first_shot_done = false;
  int exit_code = 0;
  bool quit = false;
  std::uint64_t swaps = 0;         // frames presented since start (`frames`: idle costs nothing)
  bool want_photo = false;         // "Add photo" was pressed this frame

  // Photos: the worker's answers, its preview pixels to the GPU, and the
  // document camera's folder as the source (--photo-dir).
  shaders::PhotoPreviewGl* preview = nullptr;
  std::vector<std::string> taken;      // photo-dir files already attached (by name + mtime)
  void carry_photos() {
    if (!platform.photos) return;
    for (auto& pv : platform.photos->take_previews()) {
      if (preview) preview->set_pixels(pv.id, pv.width, pv.height, pv.orientation, pv.rgba.data());
      frames_left = std::max(frames_left, 2);
    }
    for (auto& e : platform.photos->take_events()) {
      apply(e);
      frames_left = std::max(frames_left, 2);
    }
  }
  void pick_photo() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path best;
    fs::file_time_type best_time{};
    std::string best_key;
    for (const auto& entry : fs::directory_iterator(opt.photo_dir, ec)) {
      if (!entry.is_regular_file(ec)) continue;
      const auto t = entry.last_write_time(ec);
      const std::string key = entry.path().filename().string() + "@" + std::to_string(t.time_since_epoch().count());
      if (std::find(taken.begin(), taken.end(), key) != taken.end()) continue;
      if (best.empty() || t > best_time) {
        best = entry.path();
        best_time = t;
        best_key = key;
      }
    }
    if (best.empty()) {
      apply(app::PhotoPicked{"", 0, "", "photo.source_empty"});
      return;
    }
    taken.push_back(best_key);
    auto picked = platform.photos->store_raw(best.string(), app::kMaxPhotoRawBytes);
    if (!picked) {
      apply(app::PhotoPicked{"", 1, best.filename().string(), picked.error().id});
      return;
    }
    apply(picked.value());
  }

  void apply(const app::Event& e) {
    native::run_effects(platform, app::update(state, e, unix_now()));
    if (files && state.session.ended != ended_seen) session_ended();
  }

  // Completions of storage effects, and the Tick core asked for.
  void carry_platform() {
    for (int guard = 0; guard < 10000 && !platform.done.empty(); ++guard) {
      app::Event e = std::move(platform.done.front());
      platform.done.pop_front();
      apply(e);
    }
    if (native::take_due_tick(platform, unix_now())) apply(app::Tick{});
    carry_photos();
  }
  // How long the loop may sleep before core's next Tick.
  double idle_wait_s(double longest) const {
    if (platform.wake_at_ms == 0) return longest;
    double s = double(platform.wake_at_ms - unix_now()) / 1000.0;
    return std::clamp(s, 0.01, longest);
  }

  // Ended (Finish or timeout): the UI's copies and the draft file go at once,
  // before anything else runs (an automation command may look right after).
  void session_ended() {
    ended_seen = state.session.ended;
    ui::wipe_resident_traces();
    ui::kb::reset();   // the on-screen keyboard's pinyin composition and target (linked by the kiosk only)
    receipt_for.clear();
    files->end();
    frames_left = std::max(frames_left, 2);
  }

  // --- the resident's session (session.hpp, receipt.hpp) ---
  SessionFiles* files = nullptr;
  std::string font_path;
  Clock::time_point started = Clock::now();
  std::int64_t last_tick_ms = 0;
  std::uint64_t ended_seen = 0;
  std::string receipt_for;             // the ticket whose receipt was issued
  bool restored = false;               // a draft came back after a restart: its resident is here

  // Both clocks run `skew_ms` ahead after the automation channel's `advance`
  // (tests: a session's countdown, a poll's wait, without sleeping).
  std::int64_t skew_ms = 0;
  std::int64_t now_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count() + skew_ms;
  }
  std::int64_t unix_now() const { return native::unix_ms_now() + skew_ms; }
  bool session_busy() const { return state.session.active; }

  void session_step() {
    std::int64_t now = now_ms();
    if (g_touch) {
      g_touch = false;
      apply(app::SessionTick{now, true});
      last_tick_ms = now;
    } else if (session_busy() && now - last_tick_ms >= 250) {
      apply(app::SessionTick{now, false});
      last_tick_ms = now;
    }
    if (restored) {   // the restored form counts as the resident's touch: the session goes on
      restored = false;
      if (!state.draft.service.code.empty()) apply(app::SessionTick{now, true});
    }
    if (state.screen == app::Screen::receipt) {
      const app::Ticket* t = app::find_ticket(state, state.open_ticket);
      if (t && !t->id.empty() && t->id != receipt_for) {
        receipt_for = t->id;
        IssuedReceipt r = issue_receipt(opt, font_path, state, *t);
        ui::set_receipt_view(std::move(r.view));
        frames_left = std::max(frames_left, 2);
      }
    }
  }

  void frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (drag) {
      ImGuiIO& io = ImGui::GetIO();
      const int k = drag->step++;
      const ImVec2 mid((drag->from.x + drag->to.x) / 2, (drag->from.y + drag->to.y) / 2);
      io.MousePos = k == 0 || k == 1 ? drag->from : k == 2 ? mid : k <= 4 ? drag->to : ImVec2(-FLT_MAX, -FLT_MAX);
      io.MouseDown[0] = k >= 1 && k <= 3;
    }
    ImGui::NewFrame();
    ui::draw(state, [this](const app::Event& e) { events.push_back(e); });
    ImGui::Render();
    int fw, fh;
    glfwGetFramebufferSize(window, &fw, &fh);
    glViewport(0, 0, fw, fh);
    const auto bg = ui::background();   // the theme's background: the main window draws none
    glClearColor(bg[0], bg[1], bg[2], 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!pending_screenshot.empty() && events.empty() && frames_left <= 1) {
      bool ok = save_screenshot(pending_screenshot, fw, fh);
      if (current && current->verb == "screenshot") finish(ok, ok ? "" : "cannot write " + pending_screenshot);
      pending_screenshot.clear();
    }
    glfwSwapBuffers(window);
    swaps++;
    std::uint64_t before = state.revision;
    while (!events.empty()) {
      app::Event e = std::move(events.front());
      events.pop_front();
      apply(e);
    }
    if (want_photo) {
      want_photo = false;
      pick_photo();
    }
    if (state.revision != before) frames_left = std::max(frames_left, 2);
    if (ui::needs_redraw()) frames_left = std::max(frames_left, 2);   // the keyboard changed (run() counts this frame)
  }

  void finish(bool ok, const std::string& error = {}, const std::string& nodes = {},
              const nlohmann::json& extra = nullptr) {
    reply(current->line, ok, error, nodes, extra);
    if (!ok && !opt.script.empty()) {
      exit_code = 3;
      quit = true;
    }
    current.reset();
  }

  // Starts or advances the current automation command; true when it needs frames.
  void step_control() {
    if (!current) {
      current = control.next();
      if (!current) return;
      deadline = Clock::now() + std::chrono::milliseconds(15000);
      const auto& a = current->args;
      if ((current->verb == "wait" && a.size() > 1) || (current->verb == "wait-idle" && !a.empty()))
        deadline = Clock::now() + std::chrono::milliseconds(std::atoi(a.back().c_str()));
      const std::string& v = current->verb;
      if (v == "scroll") {
        if (a.empty() || !ui::find_node(a[0])) return finish(false, "no such node: " + (a.empty() ? "" : a[0]));
        ui::scroll_to(a[0]);
        frames_left = std::max(frames_left, 2);
        return;   // completes once the column has moved (see after_frame)
      }
      if (v == "advance") {
        if (a.empty() || std::atoll(a[0].c_str()) <= 0) return finish(false, "advance needs MS > 0");
        skew_ms += std::atoll(a[0].c_str());
        apply(app::SessionTick{now_ms(), a.size() > 1 && a[1] == "touched"});
        carry_platform();   // a Tick now due (a poll's wait) fires at once
        frames_left = std::max(frames_left, 2);
        return finish(true);
      }
      if (v == "frames") return finish(true, {}, {}, {{"frames", swaps}});
      if (v == "tap" || v == "type") {
        if (a.empty() || !ui::find_node(a[0])) return finish(false, "no such node: " + (a.empty() ? "" : a[0]));
        apply(app::SessionTick{now_ms(), true});   // an automated finger is a resident's finger, touching now
        if (v == "tap") ui::activate(a[0]);
        else ui::set_text(a[0], current->rest);
        frames_left = std::max(frames_left, 1);
        return;   // completes after the next frame (see tick)
      }
      if (v == "drag") {
        const ui::SemanticNode* n = a.empty() ? nullptr : ui::find_node(a[0]);
        if (!n || a.size() != 5) return finish(false, "drag needs a drawn ID and FX0 FY0 FX1 FY1");
        auto at = [&](const std::string& fx, const std::string& fy) {
          return ImVec2(n->x + static_cast<float>(std::atof(fx.c_str())) * n->w,
                        n->y + static_cast<float>(std::atof(fy.c_str())) * n->h);
        };
        apply(app::SessionTick{now_ms(), true});
        drag = ScriptedDrag{at(a[1], a[2]), at(a[3], a[4]), 0};
        frames_left = std::max(frames_left, 7);
        return;   // completes once the finger is lifted and the frame drawn (see after_frame)
      }
      if (v == "screenshot") {
        if (a.empty()) return finish(false, "screenshot needs a file");
        pending_screenshot = a[0];
        frames_left = std::max(frames_left, 2);
        return;
      }
      if (v == "dump") return finish(true, {}, ui::semantic_nodes_json());
      if (v == "resize") {
        if (a.size() != 2) return finish(false, "resize needs W H");
        glfwSetWindowSize(window, std::atoi(a[0].c_str()), std::atoi(a[1].c_str()));
        frames_left = std::max(frames_left, 2);
        return finish(true);
      }
      if (v == "quit") {
        quit = true;
        return finish(true);
      }
      if (v != "wait" && v != "wait-text" && v != "wait-idle") return finish(false, "unknown command: " + v);
      return;
    }
  }

  // After a frame: complete commands whose condition now holds.
  void after_frame() {
    if (!current) return;
    const std::string& v = current->verb;
    if (v == "scroll") {
      if (frames_left == 0) finish(true);
    } else if (v == "drag") {
      if (drag && drag->step >= 6) {
        drag.reset();
        frames_left = std::max(frames_left, 2);
        finish(true);
      }
    } else if (v == "tap" || v == "type") {
      // Done once a frame shows the tap's outcome (the keyboard may need a second).
      if (frames_left == 0 || (events.empty() && !ui::needs_redraw())) finish(true);
    } else if (v == "wait") {
      if (!current->args.empty() && ui::find_node(current->args[0])) finish(true);
    } else if (v == "wait-text") {
      if (node_has_text(current->rest)) finish(true);
    } else if (v == "wait-idle") {
      if (http->in_flight() == 0 && events.empty() && platform.done.empty() && frames_left == 0 &&
          state.draft_store.due_ms == 0)   // and the draft's throttled save is done
        finish(true);
    }
    if (current && Clock::now() > deadline && v != "screenshot") finish(false, "timed out: " + current->line);
  }

  bool animating() const { return ImGui::GetIO().MouseDown[0] || ImGui::GetIO().WantTextInput; }

  int run() {
    while (!quit && !glfwWindowShouldClose(window)) {
      bool busy = frames_left > 0 || current.has_value() || !control.empty();
      if (busy) glfwPollEvents();
      else if (animating() || session_busy()) glfwWaitEventsTimeout(idle_wait_s(0.25));   // caret blink, drag, countdown
      else glfwWaitEventsTimeout(idle_wait_s(5.0));
      if (g_input) {
        g_input = false;
        frames_left = std::max(frames_left, 2);
      }
      for (auto& up : http->poll_progress()) apply(up);   // a photo going up: a frame when its percent moves
      for (auto& done : http->poll()) apply(done);   // request ids tell update() what each was for
      carry_platform();
      session_step();
      if (state.revision != drawn_revision) frames_left = std::max(frames_left, 2);
      step_control();
      if (frames_left > 0 || animating()) {
        frame();
        drawn_revision = state.revision;
        if (frames_left > 0) frames_left--;
      }
      after_frame();
      if (!opt.screenshot.empty() && !first_shot_done && http->in_flight() == 0 && frames_left == 0 &&
          state.catalog.phase != app::Phase::loading) {
        first_shot_done = true;
        pending_screenshot = opt.screenshot;
        frames_left = 2;
        shot_then_quit = true;
      } else if (shot_then_quit && pending_screenshot.empty()) {
        quit = true;
      }
      if (current && !busy) std::this_thread::yield();
    }
    return exit_code;
  }
  std::uint64_t drawn_revision = ~0ull;
  bool shot_then_quit = false;
};

}  // namespace

int main(int argc, char** argv) {
  std::string error;
  auto opt = parse_options(argc, argv, &error);
  if (!opt) {
    std::fprintf(stderr, "civic-kiosk: %s\n", error.c_str());
    return 2;
  }
  if (std::string err = prepare_data_dir(opt->data_dir); !err.empty()) {
    std::fprintf(stderr, "civic-kiosk: %s\n",
                 format(opt->lang, "kiosk.no_data_dir", {{"path", opt->data_dir}, {"detail", err}}).c_str());
    return 1;
  }
  // Supervised by default: a crashed UI is restarted with the session key.
  KeySlot* slot = opt->supervise ? make_shared_key_slot() : make_key_slot();
  if (opt->supervise && slot) {
    int rc = supervise();
    if (rc >= 0) return rc;
  }
  if (!glfwInit()) {
    std::fprintf(stderr, "civic-kiosk: %s\n", std::string(tr(opt->lang, "kiosk.no_display")).c_str());
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  std::string title(tr(opt->lang, "app.title"));
  GLFWwindow* window = nullptr;
  GLFWmonitor* monitor = opt->windowed ? nullptr : glfwGetPrimaryMonitor();
  if (monitor) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    window = glfwCreateWindow(mode->width, mode->height, title.c_str(), monitor, nullptr);
  } else {
    window = glfwCreateWindow(opt->width, opt->height, title.c_str(), nullptr, nullptr);
  }
  if (!window) {
    std::fprintf(stderr, "civic-kiosk: %s\n", std::string(tr(opt->lang, "kiosk.no_gl")).c_str());
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(opt->vsync ? 1 : 0);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  install_input_callbacks(window);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  float sx = 1, sy = 1;
  glfwGetWindowContentScale(window, &sx, &sy);
  ui::Presentation pres;
  pres.dpi_scale = opt->dpi > 0 ? opt->dpi : sx;
  pres.large_text = opt->large_text;
  pres.high_contrast = opt->high_contrast;
  pres.kiosk = true;
  std::string font = opt->font.empty() ? native::exe_dir() + "/../fonts/civic-cjk.ttf" : opt->font;
  if (!ui::setup(pres, font))
    std::fprintf(stderr, "civic-kiosk: %s\n", format(opt->lang, "kiosk.no_font", {{"path", font}}).c_str());
  ui::kb::install();
  load_pinyin_dictionary(opt->lang);

  {
    native::HttpExecutor http({}, 4, [] { glfwPostEmptyEvent(); });
    Kiosk k;
    k.opt = *opt;
    k.window = window;
    k.http = &http;
    k.platform.http = &http;
    native::OutboxStore store(opt->data_dir);   // concerns on their way, across restarts
    k.platform.store = &store;
    // The server's pinned keys (shared with the receipt check) and its last
    // capabilities document: personal fields are sealed from the first touch.
    k.platform.pins_path = opt->data_dir + "/pins.json";
    k.platform.capabilities_path = opt->data_dir + "/capabilities.json";
    // Photos are compressed on a worker thread either way (a photo restored
    // with a draft still needs it); they are attached only from --photo-dir.
    native::PhotoWorker photos(opt->data_dir + "/photos", [] { glfwPostEmptyEvent(); });
    k.platform.photos = &photos;
    shaders::PhotoPreviewGl preview_gl;
    if (preview_gl.init(shaders::GlFlavor::gl33_core)) {
      k.preview = &preview_gl;
      ui::set_photo_renderer({[&](const std::string& id) { return preview_gl.pixels(id); },
                              [&](const ui::PhotoQuad& q) { return preview_gl.render(q); }});
    } else {
      std::fprintf(stderr, "civic-kiosk: %s\n", preview_gl.error().c_str());
    }
    if (!opt->photo_dir.empty()) ui::set_photo_picker([&k] { k.want_photo = true; });   // taken after the frame
    // Concerns still on their way when their resident leaves stay queued, but
    // not in the clear: records are encrypted under DATA/outbox.key (0600).
    if (auto key = native::load_or_make_key_file(opt->data_dir + "/outbox.key")) {
      store.encrypt_records_with(std::move(key).value());
    } else {
      std::fprintf(stderr, "civic-kiosk: %s\n", explain(opt->lang, key.error()).c_str());
      return 1;
    }
    if (opt->control) k.control.start_stdin([] { glfwPostEmptyEvent(); });
    if (!opt->script.empty() && !k.control.load_script(opt->script)) {
      std::fprintf(stderr, "civic-kiosk: cannot read %s\n", opt->script.c_str());
      return 2;
    }
    if (!slot) {
      std::fprintf(stderr, "civic-kiosk: %s\n",
                   format(opt->lang, "kiosk.no_data_dir", {{"path", opt->data_dir}, {"detail", "mmap"}}).c_str());
      return 1;
    }
    SessionFiles files(opt->data_dir, slot);
    k.files = &files;
    // core's DraftSave / DraftLoad: sealed under the session key (session.hpp).
    k.platform.draft_save = [&files](const std::string& bytes) { files.save(bytes); };
    k.platform.draft_load = [&files, &k] {
      std::string text = files.load();
      k.restored = !text.empty();
      return text;
    };
    k.font_path = font;
    app::Started start;
    start.server_base = opt->server;
    start.lang = opt->lang;
    start.settings = app::Settings{opt->large_text, opt->high_contrast};
    start.session = {opt->idle_seconds * 1000LL, opt->warn_seconds * 1000LL};
    start.hall = opt->hall;
    start.shared_device = true;
    native::load_trust(k.platform, start);
    k.platform.position = opt->hall;   // the kiosk's answer to LocateRequest
    k.apply(start);   // its DraftLoad brings back a draft a crashed UI left
    // The service search finds 路灯 by "ludeng" / "ld" with the keyboard's readings.
    if (const ime::Dictionary* dict = ui::kb::loaded_dictionary())
      k.apply(app::ReadingsLoaded{
          std::make_shared<const catalog_search::Readings>(catalog_search::readings_from_dictionary(*dict))});
    int rc = k.run();
    ui::set_photo_picker({});
    ui::set_photo_renderer({});
    preview_gl.shutdown();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return rc;
  }
}

}  // namespace civic::kiosk

int main(int argc, char** argv) { return civic::kiosk::main(argc, argv); }
