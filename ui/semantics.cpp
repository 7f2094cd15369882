// ui/semantics.cpp — semantic nodes per frame, plus the activation queue that
// lets tests and the web's accessible DOM press a control by its stable id
// (the same path a finger takes ends in the same Event).
#include "ui/glyphs.hpp"
#include "ui/semantics.hpp"

#include <imgui.h>

#include <map>
#include <nlohmann/json.hpp>

namespace civic::ui {

namespace {
std::vector<SemanticNode> g_building;
std::vector<SemanticNode> g_last;
std::vector<std::string> g_activations;          // pressed by id, consumed when drawn
std::map<std::string, std::string> g_texts;      // typed by id, consumed when drawn
std::string g_scroll_to;                         // scroll_to(id): brought into view when drawn
}  // namespace

namespace sem {

void begin_frame() { g_building.clear(); }

SemanticNode& add(std::string id, std::string role, std::string name, float x, float y, float w, float h) {
  SemanticNode n;
  n.id = std::move(id);
  n.role = std::move(role);
  n.name = std::move(name);
  n.x = x, n.y = y, n.w = w, n.h = h;
  n.text_px = ImGui::GetFontSize();
  g_building.push_back(std::move(n));
  return g_building.back();
}

SemanticNode& add_for_last_item(std::string id, std::string role, std::string name) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  if (!g_scroll_to.empty() && id == g_scroll_to) {
    ImGui::SetScrollHereY(0.5f);   // the window holding this item (the column)
    g_scroll_to.clear();
  }
  return add(std::move(id), std::move(role), std::move(name), a.x, a.y, b.x - a.x, b.y - a.y);
}

SemanticNode& last() { return g_building.back(); }

SemanticNode* drawn(const std::string& id) {
  for (auto it = g_building.rbegin(); it != g_building.rend(); ++it)
    if (it->id == id) return &*it;
  return nullptr;
}

namespace {
void zero_string(std::string& s) {
  s.resize(s.capacity());
  volatile char* p = s.data();
  for (size_t i = 0; i < s.size(); ++i) p[i] = 0;
  s.clear();
  s.shrink_to_fit();
}
void zero_nodes(std::vector<SemanticNode>& nodes) {
  for (auto& n : nodes) {
    zero_string(n.name);
    zero_string(n.value);
    zero_string(n.description);
  }
  nodes.clear();
}
}  // namespace

void wipe() {
  zero_nodes(g_building);
  zero_nodes(g_last);
  g_activations.clear();
  for (auto& [id, text] : g_texts) zero_string(text);
  g_texts.clear();
}

void end_frame() {
  // Every name and value drawn is text the atlas must hold (lazy glyphs).
  for (const auto& n : g_building) {
    glyphs::note(n.name);
    glyphs::note(n.value);
    glyphs::note(n.description);
  }
  g_last.swap(g_building);
  // An activation for an id that was not drawn this frame is dropped, so a
  // stale tap can never fire on a later screen.
  g_activations.clear();
  g_texts.clear();
  g_scroll_to.clear();
}

bool take_activation(const std::string& id) {
  for (auto it = g_activations.begin(); it != g_activations.end(); ++it)
    if (*it == id) {
      g_activations.erase(it);
      return true;
    }
  return false;
}

bool take_text(const std::string& id, std::string* out) {
  auto it = g_texts.find(id);
  if (it == g_texts.end()) return false;
  *out = std::move(it->second);
  g_texts.erase(it);
  return true;
}

}  // namespace sem

const std::vector<SemanticNode>& semantic_nodes() { return g_last; }

const SemanticNode* find_node(const std::string& id) {
  for (const auto& n : g_last)
    if (n.id == id) return &n;
  return nullptr;
}

void activate(const std::string& id) { g_activations.push_back(id); }
void scroll_to(const std::string& id) { g_scroll_to = id; }
void set_text(const std::string& id, const std::string& text) { g_texts[id] = text; }

std::string semantic_nodes_json() {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& n : g_last) {
    nlohmann::json o = nlohmann::json::object();
    o["id"] = n.id;
    o["role"] = n.role;
    o["name"] = n.name;
    o["value"] = n.value;
    if (!n.description.empty()) o["description"] = n.description;
    o["disabled"] = n.disabled;
    o["invalid"] = n.invalid;
    o["checked"] = n.checked;
    o["rect"] = {n.x, n.y, n.w, n.h};
    arr.push_back(std::move(o));
  }
  // Names come from servers: replace invalid UTF-8 rather than abort (JSON_NOEXCEPTION).
  return arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace civic::ui
