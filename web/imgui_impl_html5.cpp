// dear imgui: Platform Backend for the browser over Emscripten's html5.h.
// See imgui_impl_html5.h for the feature checklist ([X] done, [ ] not yet).
//
// Why a queue: Dear ImGui 1.86 reads input as a per-frame snapshot, so a tap
// whose touchstart and touchend both arrive between two frames would be lost.
// Every DOM event becomes an InputEvent; NewFrame() applies them in order and
// stops at the first one that would overwrite a button, key or position
// change already applied this frame ("trickling", as 1.87 later adopted).
//
// Limits: at most kMaxQueued events wait (older ones are dropped first, a
// stalled tab must not grow memory); one primary touch is followed (pinch
// zoom is the browser's, canvas has touch-action: none); text per event is
// whatever the agent delivers, ImGui caps its own input queue.
#include "imgui_impl_html5.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <deque>
#include <string>

namespace {

constexpr std::size_t kMaxQueued = 4096;
constexpr float kDragSlopCss = 10.f;        // finger travel (CSS px) that turns a tap into a scroll
constexpr double kInertiaTimeConst = 0.325;  // s; the decay iOS and Android lists use
constexpr float kInertiaStopCss = 20.f;      // CSS px/s below which inertia ends
constexpr int kKeypadEnter = 256 + 13;       // KeysDown index distinct from Enter (13)

struct InputEvent {
  enum Kind { pos, button, wheel, key, text, focus } kind;
  explicit InputEvent(Kind k) : kind(k) {}
  float x = 0, y = 0;       // pos (framebuffer px; -FLT_MAX = no pointer), wheel (units)
  int index = 0;            // button number or KeysDown index
  bool down = false;        // button / key / focus state
  bool ctrl = false, shift = false, alt = false, super = false;
  std::string chars;        // text
};

struct Touch {
  enum Mode { none, pressed, scrolling, dragging } mode = none;
  long id = -1;
  float start_x = 0, start_y = 0;   // CSS px
  float last_x = 0, last_y = 0;
  double last_t = 0;                // ms
  float velocity_y = 0;             // CSS px / s, smoothed
};

struct Backend {
  std::string canvas;
  civic::web::Html5Hooks hooks;
  std::deque<InputEvent> queue;
  Touch touch;
  float inertia_velocity = 0;   // CSS px / s; 0 = no inertia
  double last_frame_ms = 0;
  float dpr = 1;
  int fb_w = 0, fb_h = 0;
  bool resized = true;
  bool mods[4] = {};            // ctrl shift alt super as last reported
  std::string clipboard;
  float ime_x = 0, ime_y = 0;
};
Backend* g = nullptr;

void push(InputEvent e) {
  if (g->queue.size() >= kMaxQueued) g->queue.pop_front();
  g->queue.push_back(std::move(e));
}

EM_JS(void, civic_canvas_origin, (const char* selector, float* left, float* top), {
  const c = document.querySelector(UTF8ToString(selector));
  const r = c ? c.getBoundingClientRect() : {left : 0, top : 0};
  HEAPF32[left >> 2] = r.left;
  HEAPF32[top >> 2] = r.top;
});

// Canvas-relative framebuffer position from viewport CSS coordinates.
void push_pos_client(long client_x, long client_y) {
  float left = 0, top = 0;
  civic_canvas_origin(g->canvas.c_str(), &left, &top);
  InputEvent e{InputEvent::pos};
  e.x = (float(client_x) - left) * g->dpr;
  e.y = (float(client_y) - top) * g->dpr;
  push(e);
}
// Whether the shell says a press at viewport CSS (x, y) is on a drag surface.
bool drag_surface_at(float client_x, float client_y) {
  if (!g->hooks.drag_surface_at) return false;
  float left = 0, top = 0;
  civic_canvas_origin(g->canvas.c_str(), &left, &top);
  return g->hooks.drag_surface_at((client_x - left) * g->dpr, (client_y - top) * g->dpr);
}
void push_pos_none() {
  InputEvent e{InputEvent::pos};
  e.x = e.y = -FLT_MAX;
  push(e);
}
void push_button(int b, bool down) {
  InputEvent e{InputEvent::button};
  e.index = b;
  e.down = down;
  push(e);
}
// Pixels of scroll (framebuffer px, positive = content moves up) as ImGui
// wheel units: 1.86 scrolls 5 font heights per unit (imgui.cpp, UpdateMouseWheel).
void push_scroll_px(float fb_px) {
  float step = 5.f * ImGui::GetFontSize();
  if (step <= 0) step = 5.f * 13.f * g->dpr;
  InputEvent e{InputEvent::wheel};
  e.y = -fb_px / step;
  push(e);
}

// ---- mouse ---------------------------------------------------------------

int imgui_button(unsigned short dom_button) {
  // DOM: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
  return dom_button == 1 ? 2 : dom_button == 2 ? 1 : dom_button == 0 ? 0 : -1;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  io.MouseDoubleClickTime = 0.30f;   // a real mouse: double clicks are allowed
  if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) {
    push_pos_none();
    return EM_FALSE;
  }
  push_pos_client(e->clientX, e->clientY);
  int b = imgui_button(e->button);
  if (b >= 0 && type == EMSCRIPTEN_EVENT_MOUSEDOWN) push_button(b, true);
  if (b >= 0 && type == EMSCRIPTEN_EVENT_MOUSEUP) {
    push_button(b, false);
    if (g->hooks.run_frames_now) g->hooks.run_frames_now();
  }
  // Do not prevent mousedown's default: it moves DOM focus to the canvas,
  // which is how keyboard events reach us on a desktop.
  return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  push_pos_client(e->mouse.clientX, e->mouse.clientY);
  float units;
  switch (e->deltaMode) {
    case DOM_DELTA_PIXEL: units = float(e->deltaY) / 100.f; break;   // ~one notch
    case DOM_DELTA_LINE: units = float(e->deltaY) / 3.f; break;
    default: units = float(e->deltaY); break;
  }
  InputEvent w{InputEvent::wheel};
  w.y = -units;
  w.x = 0;
  push(w);
  return EM_TRUE;   // the page itself never scrolls
}

// ---- touch ---------------------------------------------------------------

const EmscriptenTouchPoint* find_touch(const EmscriptenTouchEvent* e, long id, bool changed_only) {
  for (int i = 0; i < e->numTouches; i++)
    if (e->touches[i].identifier == id && (!changed_only || e->touches[i].isChanged)) return &e->touches[i];
  return nullptr;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  io.MouseDoubleClickTime = 0.f;   // two quick taps are two taps, never a double click
  Touch& t = g->touch;
  double now = emscripten_get_now();
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
    if (t.mode != Touch::none) return EM_TRUE;   // a second finger: ignored
    const EmscriptenTouchPoint* p = nullptr;
    for (int i = 0; i < e->numTouches && !p; i++)
      if (e->touches[i].isChanged) p = &e->touches[i];
    if (!p) return EM_TRUE;
    g->inertia_velocity = 0;   // a finger stops a flick, as on every phone
    t = Touch{Touch::pressed, p->identifier, float(p->clientX), float(p->clientY), float(p->clientX),
              float(p->clientY), now, 0};
    push_pos_client(p->clientX, p->clientY);
    push_button(0, true);
    return EM_TRUE;   // no synthesized mouse events, no page scroll or zoom
  }
  const EmscriptenTouchPoint* p = find_touch(e, t.id, type != EMSCRIPTEN_EVENT_TOUCHMOVE);
  if (t.mode == Touch::none || !p) return EM_TRUE;
  float x = float(p->clientX), y = float(p->clientY);
  if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
    if (t.mode == Touch::pressed && std::hypot(x - t.start_x, y - t.start_y) > kDragSlopCss &&
        drag_surface_at(t.start_x, t.start_y)) {
      t.mode = Touch::dragging;   // the press stays down and follows the finger
      push_pos_client(p->clientX, p->clientY);
    } else if (t.mode == Touch::pressed && std::hypot(x - t.start_x, y - t.start_y) > kDragSlopCss) {
      // Becomes a scroll: the press is cancelled by releasing it off any item.
      t.mode = Touch::scrolling;
      push_pos_none();
      push_button(0, false);
      push_pos_client(p->clientX, p->clientY);
      push_scroll_px((t.start_y - y) * g->dpr);
    } else if (t.mode == Touch::scrolling) {
      push_scroll_px((t.last_y - y) * g->dpr);
      double dt = (now - t.last_t) / 1000.0;
      if (dt > 0.001) {
        float v = float((t.last_y - y) / dt);
        t.velocity_y = 0.8f * v + 0.2f * t.velocity_y;
      }
    } else {
      push_pos_client(p->clientX, p->clientY);
    }
    t.last_x = x;
    t.last_y = y;
    t.last_t = now;
    return EM_TRUE;
  }
  // touchend / touchcancel
  bool was_scrolling = t.mode == Touch::scrolling;
  bool stale = (now - t.last_t) > 100.0;   // finger rested before lifting: no flick
  if (was_scrolling) {
    g->inertia_velocity = stale ? 0.f : t.velocity_y;
    g->last_frame_ms = now;   // inertia's first step is measured from the lift
  } else {
    push_pos_client(p->clientX, p->clientY);
    push_button(0, false);
  }
  if (!was_scrolling || g->inertia_velocity == 0) push_pos_none();   // no hover left behind
  t = Touch{};
  if (type == EMSCRIPTEN_EVENT_TOUCHEND && !was_scrolling && g->hooks.run_frames_now) g->hooks.run_frames_now();
  return EM_TRUE;
}

// ---- keyboard ------------------------------------------------------------

// KeysDown index for a DOM key: its legacy keyCode (stable on every browser
// for the keys ImGui needs), with the keypad Enter kept apart.
int key_index(const EmscriptenKeyboardEvent* e) {
  if (std::strcmp(e->code, "NumpadEnter") == 0) return kKeypadEnter;
  unsigned long k = e->keyCode;
  if (k == 0 || k >= 256) return -1;
  return int(k);
}

// Keys whose browser default we take over while ImGui has the keyboard.
// Printable keys are left alone: they reach the text agent as `input`.
bool is_edit_key(int k, const EmscriptenKeyboardEvent* e) {
  switch (k) {
    case 8: case 13: case 27: case 33: case 34: case 35: case 36:
    case 37: case 38: case 39: case 40: case 45: case 46: case kKeypadEnter:
      return true;
    case 65: case 67: case 88: case 89: case 90:   // A C X Y Z with Ctrl/Cmd
      return e->ctrlKey || e->metaKey;
    default:
      return false;
  }
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  int k = key_index(e);
  bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  if (k == 229) return EM_FALSE;   // IME or virtual keyboard: the text agent sees it as input
  // Ctrl/Cmd+V: let the browser fire `paste` at the agent (the system
  // clipboard), and keep ImGui from pasting its own copy.
  if ((e->ctrlKey || e->metaKey) && k == 86) return EM_FALSE;
  InputEvent ev{InputEvent::key};
  ev.index = k;
  ev.down = down;
  ev.ctrl = e->ctrlKey;
  ev.shift = e->shiftKey;
  ev.alt = e->altKey;
  ev.super = e->metaKey;
  if (k >= 0) push(ev);
  return (k >= 0 && is_edit_key(k, e) && ImGui::GetIO().WantCaptureKeyboard) ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
  InputEvent e{InputEvent::focus};
  e.down = type == EMSCRIPTEN_EVENT_FOCUS;
  push(e);
  return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  g->resized = true;
  return EM_FALSE;
}

// ---- clipboard -----------------------------------------------------------

EM_JS(void, civic_clipboard_write, (const char* text), {
  const s = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(() => {});
});

void set_clipboard(void*, const char* text) {
  g->clipboard = text ? text : "";
  civic_clipboard_write(g->clipboard.c_str());
}
const char* get_clipboard(void*) { return g->clipboard.c_str(); }

EM_JS(void, civic_agent_place, (float x, float y), {
  if (Module.civicTextAgent) Module.civicTextAgent.place(x, y);
});
void ime_pos(int x, int y) {
  g->ime_x = float(x);
  g->ime_y = float(y);
  civic_agent_place(float(x) / g->dpr, float(y) / g->dpr);   // CSS px for the DOM
}

// ---- frame ---------------------------------------------------------------

void update_size() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(g->canvas.c_str(), &css_w, &css_h);
  float dpr = float(emscripten_get_device_pixel_ratio());
  if (dpr <= 0) dpr = 1;
  int w = int(std::lround(css_w * dpr)), h = int(std::lround(css_h * dpr));
  if (w != g->fb_w || h != g->fb_h || dpr != g->dpr) {
    g->fb_w = w;
    g->fb_h = h;
    g->dpr = dpr;
    g->resized = true;
    emscripten_set_canvas_element_size(g->canvas.c_str(), w, h);
  }
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(float(w), float(h));
  io.DisplayFramebufferScale = ImVec2(1, 1);
}

void apply_mods(ImGuiIO& io, const InputEvent& e) {
  io.KeyCtrl = e.ctrl;
  io.KeyShift = e.shift;
  io.KeyAlt = e.alt;
  io.KeySuper = e.super;
}

// Applies queued events until one would overwrite a change made this frame.
void trickle(ImGuiIO& io) {
  bool button_changed[5] = {};
  bool any_button = false, any_key = false, any_text = false, any_pos = false;
  bool key_changed[512] = {};
  while (!g->queue.empty()) {
    InputEvent& e = g->queue.front();
    switch (e.kind) {
      case InputEvent::pos:
        if (any_button) return;   // a release is seen where it happened, then the pointer moves
        io.MousePos = ImVec2(e.x, e.y);
        any_pos = true;
        break;
      case InputEvent::button:
        if (e.index < 0 || e.index >= 5) break;
        if (button_changed[e.index]) return;
        io.MouseDown[e.index] = e.down;
        button_changed[e.index] = any_button = true;
        break;
      case InputEvent::wheel:
        io.MouseWheel += e.y;
        io.MouseWheelH += e.x;
        break;
      case InputEvent::key:
        if (key_changed[e.index] || any_text) return;   // ImGui reads text before keys
        io.KeysDown[e.index] = e.down;
        apply_mods(io, e);
        key_changed[e.index] = any_key = true;
        break;
      case InputEvent::text:
        if (any_key) return;
        io.AddInputCharactersUTF8(e.chars.c_str());
        any_text = true;
        break;
      case InputEvent::focus:
        io.AddFocusEvent(e.down);
        break;
    }
    g->queue.pop_front();
  }
  (void)any_pos;
}

void advance_inertia(ImGuiIO& io, double now) {
  if (g->inertia_velocity == 0) return;
  double dt = std::min(0.1, (now - g->last_frame_ms) / 1000.0);
  if (dt <= 0) return;
  float px = g->inertia_velocity * float(dt);
  io.MouseWheel += -(px * g->dpr) / std::max(1.f, 5.f * ImGui::GetFontSize());
  g->inertia_velocity *= float(std::exp(-dt / kInertiaTimeConst));
  if (std::fabs(g->inertia_velocity) < kInertiaStopCss) {
    g->inertia_velocity = 0;
    push_pos_none();
  }
}

}  // namespace

// Installs (on) or removes (off) every html5.h callback the backend uses, so
// Init and Shutdown can never disagree about which ones exist.
static void set_callbacks(bool on) {
  const char* c = g->canvas.c_str();
  auto mouse = on ? on_mouse : nullptr;
  auto touch = on ? on_touch : nullptr;
  auto key = on ? on_key : nullptr;
  auto focus = on ? on_focus : nullptr;
  emscripten_set_mousedown_callback(c, nullptr, EM_TRUE, mouse);
  // Moves and releases anywhere in the window, so a drag that leaves the
  // canvas still ends.
  emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, mouse);
  emscripten_set_mouseleave_callback(c, nullptr, EM_TRUE, mouse);
  emscripten_set_wheel_callback(c, nullptr, EM_TRUE, on ? on_wheel : nullptr);
  emscripten_set_touchstart_callback(c, nullptr, EM_TRUE, touch);
  emscripten_set_touchmove_callback(c, nullptr, EM_TRUE, touch);
  emscripten_set_touchend_callback(c, nullptr, EM_TRUE, touch);
  emscripten_set_touchcancel_callback(c, nullptr, EM_TRUE, touch);
  // Keys only from the canvas and the text agent: the page's own inputs
  // (and the accessible layer's) keep Backspace, Tab and the rest.
  for (const char* t : {c, "#civic-text-agent"}) {
    emscripten_set_keydown_callback(t, nullptr, EM_TRUE, key);
    emscripten_set_keyup_callback(t, nullptr, EM_TRUE, key);
  }
  emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, focus);
  emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, focus);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on ? on_resize : nullptr);
  em_orientationchange_callback_func orient = nullptr;
  if (on) orient = [](int, const EmscriptenOrientationChangeEvent*, void*) -> EM_BOOL { g->resized = true; return EM_FALSE; };
  emscripten_set_orientationchange_callback(nullptr, EM_TRUE, orient);
}

bool ImGui_ImplHtml5_Init(const char* canvas_selector, civic::web::Html5Hooks hooks) {
  ImGuiIO& io = ImGui::GetIO();
  g = new Backend();
  g->canvas = canvas_selector;
  g->hooks = hooks;
  io.BackendPlatformName = "imgui_impl_html5";
  io.BackendPlatformUserData = g;
  io.ConfigInputTextCursorBlink = false;   // a blinking caret would keep the GPU busy when idle
  io.IniFilename = nullptr;                // nothing persists behind the resident's back
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  io.ImeSetInputScreenPosFn = ime_pos;
  io.KeyMap[ImGuiKey_Tab] = 9;
  io.KeyMap[ImGuiKey_LeftArrow] = 37;
  io.KeyMap[ImGuiKey_RightArrow] = 39;
  io.KeyMap[ImGuiKey_UpArrow] = 38;
  io.KeyMap[ImGuiKey_DownArrow] = 40;
  io.KeyMap[ImGuiKey_PageUp] = 33;
  io.KeyMap[ImGuiKey_PageDown] = 34;
  io.KeyMap[ImGuiKey_Home] = 36;
  io.KeyMap[ImGuiKey_End] = 35;
  io.KeyMap[ImGuiKey_Insert] = 45;
  io.KeyMap[ImGuiKey_Delete] = 46;
  io.KeyMap[ImGuiKey_Backspace] = 8;
  io.KeyMap[ImGuiKey_Space] = 32;
  io.KeyMap[ImGuiKey_Enter] = 13;
  io.KeyMap[ImGuiKey_Escape] = 27;
  io.KeyMap[ImGuiKey_KeyPadEnter] = kKeypadEnter;
  io.KeyMap[ImGuiKey_A] = 65;
  io.KeyMap[ImGuiKey_C] = 67;
  io.KeyMap[ImGuiKey_V] = 86;
  io.KeyMap[ImGuiKey_X] = 88;
  io.KeyMap[ImGuiKey_Y] = 89;
  io.KeyMap[ImGuiKey_Z] = 90;

  set_callbacks(true);
  update_size();
  g->last_frame_ms = emscripten_get_now();
  return true;
}

void ImGui_ImplHtml5_Shutdown() {
  set_callbacks(false);
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = nullptr;
  io.BackendPlatformUserData = nullptr;
  delete g;
  g = nullptr;
}

void ImGui_ImplHtml5_NewFrame() {
  ImGuiIO& io = ImGui::GetIO();
  double now = emscripten_get_now();
  io.DeltaTime = float(std::max(1e-4, std::min(1.0, (now - g->last_frame_ms) / 1000.0)));
  update_size();
  advance_inertia(io, now);
  trickle(io);
  g->last_frame_ms = now;
}

bool ImGui_ImplHtml5_WantsFrame() {
  return g && (!g->queue.empty() || g->touch.mode != Touch::none || g->inertia_velocity != 0 || g->resized);
}

float ImGui_ImplHtml5_PixelRatio() { return g ? g->dpr : 1.f; }

bool ImGui_ImplHtml5_TakeResized() {
  if (!g || !g->resized) return false;
  g->resized = false;
  return true;
}

void ImGui_ImplHtml5_AddText(const char* utf8) {
  if (!g || !utf8 || !*utf8) return;
  InputEvent e{InputEvent::text};
  e.chars = utf8;
  push(e);
}

void ImGui_ImplHtml5_TapKey(int dom_key_code) {
  if (!g || dom_key_code <= 0 || dom_key_code >= 512) return;
  InputEvent e{InputEvent::key};
  e.index = dom_key_code;
  e.down = true;
  push(e);
  e.down = false;
  push(e);
}
