// dear imgui: Platform Backend for the browser over Emscripten's html5.h
// (Civic Desk's own; Emscripten 3.1.6's GLFW layer drops touch positions,
// ignores phone keyboards and ignores devicePixelRatio).
// Renderer: imgui_impl_opengl3 on a WebGL2 context (IMGUI_IMPL_OPENGL_ES3).
//
// Implemented features:
//  [X] Platform: mouse (position, 3 buttons, wheel in pixel/line/page modes).
//  [X] Platform: touch with positions; a tap is a click, never a double click.
//  [X] Platform: touch drag scrolls the window under the finger (a drag
//      cancels the press), with inertia after the finger lifts — except on a
//      surface that takes drags itself (the photo editor's picture: a drag
//      there frames an area), which keeps the press and follows the finger.
//  [X] Platform: keyboard by KeyboardEvent.code, modifiers, ImGuiKey_ mapping;
//      only on the canvas and the text agent, so the page's other inputs keep
//      Backspace and Tab.
//  [X] Platform: text from the text agent (index.html): typed text, IME
//      compositions (pinyin), paste; Backspace from virtual keyboards that
//      send keyCode 229; copy to the system clipboard.
//  [X] Platform: focus / blur of the page.
//  [X] Platform: canvas sized by CSS, framebuffer at devicePixelRatio,
//      follows resize, rotation and zoom. Display coordinates are
//      framebuffer pixels (DisplayFramebufferScale = 1, see ui/ui.hpp).
//  [X] Platform: 1.86 has no input queue: events are queued here and trickled
//      into frames so a press and release between two frames are both seen.
//  [X] Platform: idle detection: the shell asks whether a frame is needed.
//  [ ] Platform: mouse cursor shapes (a phone has none; the kiosk is native).
//  [ ] Platform: gamepads.
#pragma once

namespace civic::web {

// Hooks the backend calls back into the shell.
struct Html5Hooks {
  // Runs frames now, inside the DOM event (end of a tap or click), so the
  // text agent can be focused while the browser still counts it as a user
  // gesture: phones open their keyboard only then.
  void (*run_frames_now)() = nullptr;
  // True when a press at (x, y) (framebuffer px) is on a surface that takes
  // drags itself, so a drag from there is not a scroll.
  bool (*drag_surface_at)(float x, float y) = nullptr;
};

}  // namespace civic::web

// canvas_selector: e.g. "#canvas". Registers all html5.h callbacks.
bool ImGui_ImplHtml5_Init(const char* canvas_selector, civic::web::Html5Hooks hooks);
void ImGui_ImplHtml5_Shutdown();
// Sizes the framebuffer, applies queued input for one frame, advances inertia.
void ImGui_ImplHtml5_NewFrame();

// True while input waits in the queue, a finger is down or inertia runs:
// the shell draws a frame only then (or when its own state changed).
bool ImGui_ImplHtml5_WantsFrame();
// devicePixelRatio as of the last NewFrame (framebuffer px per CSS px).
float ImGui_ImplHtml5_PixelRatio();
// True once after the canvas size or pixel ratio changed.
bool ImGui_ImplHtml5_TakeResized();

// Text from the text agent (UTF-8), and synthesized key taps (DOM keyCode),
// e.g. Backspace from an Android keyboard that reports keyCode 229.
void ImGui_ImplHtml5_AddText(const char* utf8);
void ImGui_ImplHtml5_TapKey(int dom_key_code);
