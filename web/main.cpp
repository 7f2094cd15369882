// web/main.cpp — the browser shell of Civic Desk: frame loop, WebGL2 context,
// fonts, and the bridge between core's update() and the page.
//
// Shell checklist (the same entry points as native/kiosk: init, frame, effects):
//  [X] WebGL2 context (emscripten_webgl_create_context, majorVersion 2) with
//      imgui_impl_opengl3 (GLSL ES 3.00) and our html5.h platform backend.
//  [X] emscripten_set_main_loop on requestAnimationFrame; a frame is drawn
//      only when something changed (input, a completed effect, a dispatched
//      event, resize, inertia) plus two settling frames; idle = no GL work.
//  [X] Server base from <meta name="civic-server">, else same origin +
//      /open311/v2/; language from ?lang=, else navigator.languages (zh-CN
//      when none we speak).
//  [X] CJK font in two files (scripts/make-font.mjs): civic-ui.ttf (the
//      project's own ~1,100 characters, ~80 KiB brotli) fetched by the page
//      while wasm compiles, kept in memory (ui::provide_font: the wasm has
//      no file system, -sFILESYSTEM=0); the first frame builds the
//      atlas (ui::setup) with the characters of the replies already in
//      (ui::expect_text); no frame is drawn before the font. civic-common.ttf (the rest of GB 2312 level 1) is
//      fetched after the first interactive frame and merged as a partial
//      fallback (ui/glyphs.hpp), so what the first frame waits for is small.
//  [X] A frame that drew characters the atlas lacked is drawn again at once
//      after the rebuild, in the same animation frame: a box is never shown
//      for a character a loaded font has (and the interactive mark is set on
//      a frame that shows every glyph).
//  [X] Completions (fetch replies, storage, timers) are applied as they
//      arrive, not at the next animation frame: the catalogue is in the
//      state before the first frame when it is quicker than the font.
//  [X] First interactive frame = first frame (issue 8's budget): the page
//      prefetches the catalogue while the wasm compiles (civic-page.js,
//      adopted by civic_fetch); the first frame waits up to
//      kFirstFrameWaitMs after the font for it; the WebGL2 context is made
//      by that frame, not in main() — on a software GPU every commit of a
//      composited canvas reads it back, and replies queued behind such
//      commits arrived a second late. Startup stages and each early frame's
//      cost are performance marks (timing_web.hpp) for the benchmark.
//  [X] Semantic nodes published to the page's accessible DOM layer after any
//      frame that changed them; DOM actions come back as ui::activate/set_text.
//  [X] Text agent: focused inside the tap/click that activated a text field.
//  [X] Counters for the budget benchmark (frames drawn, first frame marks).
//  [X] Photos (photos_web.hpp): picker, compression in a worker, preview.
//  [X] Voice memos (voice_web.hpp): MediaRecorder, stored like photos.
//  [X] Memo playback (playback_web.hpp): <audio> over the stored bytes.
//  [X] Font atlas re-rasterised when devicePixelRatio changes (zoom).
//  [X] Page visibility: hidden (visibilitychange, pagehide) is applied at
//      once — core saves the draft synchronously (localStorage) before the
//      browser may freeze the page — and no frame is drawn while hidden;
//      queued completions wait until the page is shown again.
//  [X] Lazy glyphs (ui/glyphs.hpp): the atlas starts with the catalogue's
//      characters and grows as text appears, rebuilt after the frame that
//      drew a character it lacked — the first frame does not wait for 4,100
//      CJK glyphs to be rasterised.
//  [X] A fallback font for rare characters, in slices of kRareSlice code
//      points (fonts/rare/XXXX.ttf, scripts/make-rare-font.mjs): a slice is
//      fetched only when a character drawn is missing from the first font,
//      then merged into the atlas; window.civic.missingGlyphs() counts what
//      the last frame still drew as a box.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>   // GetActiveID: which field the keyboard is for
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <set>
#include <string>

#include "core/app/update.hpp"
#include "imgui_impl_html5.h"
#include "effects_web.hpp"
#include "photos_web.hpp"
#include "timing_web.hpp"
#include "playback_web.hpp"
#include "video_web.hpp"
#include "voice_web.hpp"
#include "ui/photo_preview.hpp"
#include "ui/glyphs.hpp"
#include "ui/ui.hpp"

namespace {

using namespace civic;

constexpr const char* kCanvas = "#canvas";
// Names of the fetched fonts, held in memory (ui::provide_font): no file system.
constexpr const char* kFontPath = "civic-ui.ttf";
constexpr const char* kCommonFontPath = "civic-common.ttf";
constexpr unsigned kRareSlice = 512;   // scripts/make-rare-font.mjs SLICE
constexpr int kSettleFrames = 2;   // ImGui lays out new content over two frames
constexpr double kFirstFrameWaitMs = 400;   // the most the first frame waits for the catalogue after the font

struct Shell {
  app::State state;
  std::deque<app::Event> ui_events;   // dispatched while drawing; applied before the next frame
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  bool fonts_ready = false;
  std::string font_path;              // kFontPath, or empty when the font could not be fetched
  bool first_frame_marked = false, interactive_marked = false;
  std::uint64_t drawn_revision = ~std::uint64_t(0);
  int settle = kSettleFrames;
  std::uint64_t frames_drawn = 0;
  std::string published_nodes;
  Lang published_lang = Lang::en;
  bool agent_wanted = false;
  ImGuiID agent_field = 0;            // the text field the agent was last opened for
  bool in_frame = false;
  std::set<unsigned> rare_asked;      // slices of the fallback font asked for (each once)
  enum class Common { idle, loading, done } common = Common::idle;   // civic-common.ttf
  bool draining = false;
  bool atlas_built = false;            // the first font's atlas (built by the first frame)
  bool gl_failed = false;              // no WebGL2: the page says so, nothing is drawn
  double fonts_at = 0;                 // when the first font arrived (performance.now())
  std::uint64_t expected_catalog = 0;  // Catalog::revision whose names ui::expect_text has seen
  bool catalog_marked = false, shown_marked = false;
  double last_drawn_at = -1;          // when the last frame's callback returned (timing::presented)
};
Shell* g_shell = nullptr;

void dispatch(const app::Event& e) { g_shell->ui_events.push_back(e); }

// Time goes into core with every event (core never reads a clock).
void apply(const app::Event& e) {
  web::run_effects(app::update(g_shell->state, e, static_cast<std::int64_t>(emscripten_date_now())));
  if (!g_shell->catalog_marked && g_shell->state.catalog.phase == app::Phase::ready) {
    g_shell->catalog_marked = true;
    web::timing::mark("civic-catalog-applied");
  }
}

// Applies every queued completion and UI event, one at a time, in order.
void drain() {
  g_shell->draining = true;
  for (auto& e : web::take_completions()) apply(e);
  while (!g_shell->ui_events.empty()) {
    app::Event e = std::move(g_shell->ui_events.front());
    g_shell->ui_events.pop_front();
    apply(e);
  }
  g_shell->draining = false;
}

// A completion just arrived (a JS callback, between frames): apply it now,
// unless a frame or a drain is running (it is taken by that one's next
// round) or the page is hidden (it waits until the page is shown again).
void completion_arrived() {
  Shell& s = *g_shell;
  if (s.in_frame || s.draining || s.state.page_hidden) return;
  drain();
}

bool needs_frame() {
  Shell& s = *g_shell;
  if (!s.fonts_ready || s.state.page_hidden || s.gl_failed) return false;
  // The first frame waits a moment for the catalogue (prefetched by the
  // page, usually in before the font): one frame that shows it rather than
  // a "loading" frame first, whose commit the reply would queue behind.
  if (s.frames_drawn == 0 && s.state.catalog.phase == app::Phase::loading &&
      web::timing::now() - s.fonts_at < kFirstFrameWaitMs)
    return false;
  return s.settle > 0 || ImGui_ImplHtml5_WantsFrame() || web::has_completions() || !s.ui_events.empty() ||
         s.state.revision != s.drawn_revision || web::photos_take_redraw();
}

EM_JS(void, civic_publish, (const char* nodes_json, float dpr, const char* lang), {
  if (Module.civicPage) Module.civicPage.publish(UTF8ToString(nodes_json), dpr, UTF8ToString(lang));
});
EM_JS(void, civic_agent_want, (bool want), {
  if (Module.civicTextAgent) Module.civicTextAgent.want(want);
});

EM_JS(void, civic_request_common_font, (const char* url), {
  fetch(UTF8ToString(url)).then((r) => {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  }).then((buf) => {
    const bytes = new Uint8Array(buf);
    const ptr = _malloc(bytes.length);
    HEAPU8.set(bytes, ptr);
    _civic_common_font_bytes(ptr, bytes.length);
    _free(ptr);
  }).catch((e) => {
    console.warn('civic: everyday-character font not loaded (' + e + ')');
    _civic_common_font_bytes(0, 0);
  });
});

EM_JS(void, civic_request_rare_font, (const char* url, unsigned first), {
  fetch(UTF8ToString(url)).then((r) => {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  }).then((buf) => {
    const bytes = new Uint8Array(buf);
    const ptr = _malloc(bytes.length);
    HEAPU8.set(bytes, ptr);
    _civic_rare_font_bytes(first, ptr, bytes.length);
    _free(ptr);
  }).catch((e) => console.warn('civic: fallback font not loaded (' + e + ')'));
});

void publish() {
  Shell& s = *g_shell;
  std::string nodes = ui::semantic_nodes_json();
  if (nodes == s.published_nodes && s.state.lang == s.published_lang) return;
  s.published_nodes = std::move(nodes);
  s.published_lang = s.state.lang;
  civic_publish(s.published_nodes.c_str(), ImGui_ImplHtml5_PixelRatio(), std::string(lang_tag(s.state.lang)).c_str());
}

// The WebGL2 context and ImGui's renderer, made by the first frame (main()
// leaves them out, see there). False, with the page's message, when the
// browser has no WebGL2: then no frame is ever drawn.
bool gl_init() {
  Shell& s = *g_shell;
  if (s.gl > 0) return true;
  if (s.gl_failed) return false;
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.antialias = EM_FALSE;   // ImGui anti-aliases its own shapes
  attrs.premultipliedAlpha = EM_TRUE;
  attrs.preserveDrawingBuffer = EM_FALSE;
  double t0 = web::timing::now();
  s.gl = emscripten_webgl_create_context(kCanvas, &attrs);
  if (s.gl <= 0) {
    s.gl_failed = true;
    EM_ASM({ if (Module.civicPage) Module.civicPage.fatal('webgl2'); });
    return false;
  }
  emscripten_webgl_make_context_current(s.gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  web::timing::measure("civic-gl-init", t0, web::timing::now());
  return true;
}

// Draws one frame; true when it drew characters the atlas lacked and the atlas
// was rebuilt with them (the caller draws again before the browser shows it).
bool draw_frame() {
  Shell& s = *g_shell;
  if (s.in_frame || !gl_init()) return false;
  s.in_frame = true;
  drain();
  s.drawn_revision = s.state.revision;
  if (s.settle > 0) s.settle--;

  // Text that just arrived (the catalogue) is rasterised before this frame
  // draws it, not after: a reply is shown in the frame that applies it, not
  // in one drawn twice. The first atlas is built here too, once the first
  // font is in — with the catalogue's characters when it came first.
  web::timing::Frame t;
  t.frame = int(s.frames_drawn);
  if (s.expected_catalog != s.state.catalog.revision) {   // not per keystroke: only a new catalogue
    s.expected_catalog = s.state.catalog.revision;
    ui::expect_text(s.state);
  }
  if (!s.atlas_built || ui::glyphs::rebuild_wanted()) {
    t.atlas_start = web::timing::now();
    ui::setup(ui::presentation(), s.font_path);
    if (s.atlas_built) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }   // else the backend's first NewFrame makes the texture
    s.atlas_built = true;
    t.atlas_end = web::timing::now();
    if (s.frames_drawn == 0) web::timing::measure("civic-atlas", t.atlas_start, t.atlas_end);
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplHtml5_NewFrame();
  if (ImGui_ImplHtml5_TakeResized()) {
    float dpr = ImGui_ImplHtml5_PixelRatio();
    if (dpr != ui::presentation().dpi_scale) {
      // Zoom or a move to another screen: rasterise the glyphs again at the
      // new ratio, so text stays sharp (outside ImGui's frame, as required).
      ui::Presentation p = ui::presentation();
      p.dpi_scale = dpr;
      ui::setup(p, s.font_path);
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    s.settle = kSettleFrames;
  }
  ImGuiIO& io = ImGui::GetIO();
  t.build_start = web::timing::now();
  ImGui::NewFrame();
  ui::draw(s.state, dispatch);
  ImGui::Render();
  t.build_end = web::timing::now();

  emscripten_webgl_make_context_current(s.gl);
  glViewport(0, 0, int(io.DisplaySize.x), int(io.DisplaySize.y));
  const auto bg = ui::background();   // the theme's background: the main window draws none
  glClearColor(bg[0], bg[1], bg[2], 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  t.gl_end = web::timing::now();
  s.frames_drawn++;
  if (!s.ui_events.empty()) s.settle = kSettleFrames;

  publish();
  // Characters this frame drew that the atlas lacks: rasterise them now
  // (between frames), and ask for the fallback font when no font has them.
  // Until civic-common.ttf is in, a character the first font lacks is most
  // likely an everyday one (a slice would not hold it): slices wait for it.
  bool rebuilt = false;
  if (ui::glyphs::rebuild_wanted()) {
    double start = web::timing::now();
    ui::setup(ui::presentation(), s.font_path);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    if (t.atlas_end == 0) t.atlas_start = start;
    t.atlas_end = web::timing::now();
    s.settle = kSettleFrames;
    rebuilt = true;
  }
  web::timing::frame(t, ImGui::GetDrawData());
  if (!s.font_path.empty() && s.common == Shell::Common::done)
    for (ImWchar c : ui::glyphs::uncovered()) {
      if (c < 0x3400 || c > 0x9FFF) continue;   // the slices hold CJK ideographs (and Ext. A) only
      unsigned first = unsigned(c) / kRareSlice * kRareSlice;
      if (!s.rare_asked.insert(first).second) continue;
      char url[64];
      std::snprintf(url, sizeof url, "fonts/rare/%04x.ttf", first);
      civic_request_rare_font(url, first);
    }
  // The marks go on frames the browser shows (not one drawn again at once).
  if (!rebuilt && !s.first_frame_marked) {
    s.first_frame_marked = true;
    web::timing::mark("civic-first-frame");
  }
  if (!rebuilt && !s.interactive_marked && s.state.catalog.phase == app::Phase::ready) {
    s.interactive_marked = true;
    web::timing::mark("civic-first-interactive");
  }
  // The everyday characters once the first screen is up (or has failed).
  if (s.common == Shell::Common::idle && s.first_frame_marked && s.state.catalog.phase != app::Phase::loading) {
    s.common = s.font_path.empty() ? Shell::Common::done : Shell::Common::loading;
    if (s.common == Shell::Common::loading) civic_request_common_font("fonts/civic-common.ttf");
  }
  s.in_frame = false;
  return rebuilt;
}

void tick() {
  Shell& s = *g_shell;
  if (s.last_drawn_at >= 0) {
    web::timing::presented(int(s.frames_drawn) - 1, s.last_drawn_at);
    s.last_drawn_at = -1;
    if (s.interactive_marked && !s.shown_marked) {
      s.shown_marked = true;   // the browser has shown the interactive frame: this is the next one
      web::timing::mark("civic-first-interactive-shown");
    }
  }
  if (!needs_frame()) return;
  if (draw_frame()) draw_frame();
  s.last_drawn_at = web::timing::now();
}

// Inside the DOM event that ended a tap or click: run the frames that apply
// it, then open or close the keyboard while the gesture still counts.
void run_frames_now() {
  if (!g_shell->fonts_ready || g_shell->in_frame) return;
  for (int i = 0; i < 4 && ImGui_ImplHtml5_WantsFrame(); i++) draw_frame();
  draw_frame();   // io.WantTextInput is decided at the start of the frame after a click
  bool want = ImGui::GetIO().WantTextInput;
  // A tap from one field straight to another keeps the agent wanted, but
  // the new field may need another keyboard (the phone's keypad, then text).
  ImGuiID field = want ? ImGui::GetActiveID() : 0;
  if (want != g_shell->agent_wanted || field != g_shell->agent_field) {
    g_shell->agent_wanted = want;
    g_shell->agent_field = field;
    civic_agent_want(want);
  }
}

EM_JS(void, civic_request_font, (const char* url), {
  const p = Module.civicFont || fetch(UTF8ToString(url)).then((r) => {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  });
  p.then((buf) => {
     const bytes = new Uint8Array(buf);
     const ptr = _malloc(bytes.length);
     HEAPU8.set(bytes, ptr);
     _civic_font_bytes(ptr, bytes.length);
     _free(ptr);
   }).catch((e) => {
    console.warn('civic: font not loaded (' + e + '); using the built-in Latin font');
    _civic_font_bytes(0, 0);
  });
});

EM_JS(void, civic_listen_visibility, (), {
  const report = (hidden) => { if (Module._civic_page_visibility) Module._civic_page_visibility(hidden ? 1 : 0); };
  document.addEventListener('visibilitychange', () => report(document.visibilityState === 'hidden'));
  window.addEventListener('pagehide', () => report(true));
  window.addEventListener('pageshow', (e) => { if (e.persisted) report(document.visibilityState === 'hidden'); });
});

EM_JS(char*, civic_page_config, (), {
  const meta = document.querySelector('meta[name="civic-server"]');
  let server = meta && meta.content ? meta.content : "";
  if (!server) server = location.origin + '/open311/v2/';
  const q = new URLSearchParams(location.search).get('lang');
  const lang = q || (navigator.languages && navigator.languages.join(',')) || navigator.language || "";
  const s = server + '\n' + lang;
  const n = lengthBytesUTF8(s) + 1;
  const p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});

}  // namespace

extern "C" {

// The font's bytes (or none, when it could not be fetched).
EMSCRIPTEN_KEEPALIVE void civic_font_bytes(const unsigned char* bytes, int len) {
  web::timing::mark("civic-font-in");
  bool have = bytes && len > 0;
  if (have) ui::provide_font(kFontPath, std::vector<unsigned char>(bytes, bytes + len));
  // The atlas is built by the first frame (draw_frame), after the replies
  // that came meanwhile are applied, so it holds their characters at once.
  ui::Presentation& p = ui::presentation();
  p.dpi_scale = ImGui_ImplHtml5_PixelRatio();
  p.lazy_glyphs = true;
  g_shell->font_path = have ? kFontPath : "";
  if (have) ui::glyphs::enable(true);
  g_shell->fonts_ready = true;
  g_shell->fonts_at = web::timing::now();
  g_shell->settle = kSettleFrames;
}

// The accessible DOM layer: a real button was pressed, a real field edited.
EMSCRIPTEN_KEEPALIVE void civic_a11y_activate(const char* id) {
  ui::activate(id);
  g_shell->settle = kSettleFrames;
}
EMSCRIPTEN_KEEPALIVE void civic_a11y_set_text(const char* id, const char* text) {
  ui::set_text(id, text);
  g_shell->settle = kSettleFrames;
}

// The text agent: committed text (typed, IME composition end, paste) and
// synthesized key taps.
EMSCRIPTEN_KEEPALIVE void civic_agent_text(const char* utf8) { ImGui_ImplHtml5_AddText(utf8); }
EMSCRIPTEN_KEEPALIVE void civic_agent_key(int dom_key_code) { ImGui_ImplHtml5_TapKey(dom_key_code); }

// civic-common.ttf (civic_request_common_font), or none when it could not be
// fetched: merged for the CJK characters the first font lacks; then slices
// of the rare-character font may be asked for what it lacks too.
EMSCRIPTEN_KEEPALIVE void civic_common_font_bytes(const unsigned char* bytes, int len) {
  g_shell->common = Shell::Common::done;
  g_shell->settle = kSettleFrames;
  if (!bytes || len <= 0) return;
  ui::provide_font(kCommonFontPath, std::vector<unsigned char>(bytes, bytes + len));
  ui::glyphs::add_fallback_font(kCommonFontPath, ImWchar(0x3400), ImWchar(0x9FFF), /*partial=*/true);
}

// A slice of the fallback font (civic_request_rare_font): kept in memory
// and merged at the next rebuild for the characters the first font lacks.
EMSCRIPTEN_KEEPALIVE void civic_rare_font_bytes(unsigned first, const unsigned char* bytes, int len) {
  if (!bytes || len <= 0 || first > 0xFFFF) return;
  char path[64];
  std::snprintf(path, sizeof path, "civic-rare-%04x.ttf", first);
  ui::provide_font(path, std::vector<unsigned char>(bytes, bytes + len));
  unsigned last = std::min(first + kRareSlice - 1, 0xFFFFu);
  ui::glyphs::add_fallback_font(path, ImWchar(first), ImWchar(last));
  g_shell->settle = kSettleFrames;
}

// For tests: characters the last frame drew as the missing-glyph box, and
// how often the atlas was built.
EMSCRIPTEN_KEEPALIVE double civic_missing_glyphs() { return ui::glyphs::missing_last_frame(); }
EMSCRIPTEN_KEEPALIVE double civic_font_builds() { return ui::glyphs::rebuilds(); }

// The page went out of sight or came back (civic_listen_visibility). Applied
// now, not at the next frame: a hidden page may never get one.
EMSCRIPTEN_KEEPALIVE void civic_page_visibility(int hidden) {
  if (!g_shell || g_shell->in_frame) return;
  if (bool(hidden) == g_shell->state.page_hidden) return;
  drain();   // the last keystrokes first, so they are in what is saved
  apply(app::PageVisibility{hidden != 0});
  if (!hidden) g_shell->settle = kSettleFrames;
}

// For the budget benchmark: frames drawn since start.
EMSCRIPTEN_KEEPALIVE double civic_frames_drawn() { return g_shell ? double(g_shell->frames_drawn) : 0; }

}  // extern "C"

int main() {
  web::timing::mark("civic-main");
  g_shell = new Shell();

  // No WebGL yet (gl_init, at the first frame): a context the browser
  // composites costs a canvas read-back per commit on a software GPU, and
  // the replies the first frame waits for must not queue behind one.
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui_ImplHtml5_Init(kCanvas, civic::web::Html5Hooks{run_frames_now, ui::drag_surface_at});
  web::photos_init();   // the photo picker; the editor's WebGL2 preview compiles on first use
  web::video_init();    // the same picker takes videos, stored as picked (video_web.hpp)

  char* cfg = civic_page_config();
  std::string config(cfg);
  std::free(cfg);
  auto nl = config.find('\n');
  app::Started started;
  started.server_base = config.substr(0, nl);
  started.lang = parse_lang(nl == std::string::npos ? "" : config.substr(nl + 1));
  started.can_stream = true;   // EventSource (effects_web.cpp)
  web::voice_init(started);    // voice memos where the browser can record (voice_web.hpp)
  web::playback_init(started); // and a memo heard back before it is sent (playback_web.hpp)
  web::install_network_events();
  web::on_completion(completion_arrived);
  web::load_trust(started);   // pinned server keys: personal fields are sealed from the first filing
  civic_listen_visibility();
  apply(started);   // the catalogue request runs while the font downloads; the outbox loads
  web::timing::mark("civic-catalog-requested");

  civic_request_font("fonts/civic-ui.ttf");
  emscripten_set_main_loop(tick, 0, false);
  return 0;
}
