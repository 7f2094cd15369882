// ui/semantics.hpp — the record of what was drawn, for tests and assistive tech.
// Every widget in widgets.cpp adds one SemanticNode per frame; begin_frame()
// starts a new list and the previous frame's list stays readable until then.
#pragma once
#include <string>

#include "ui/ui.hpp"

namespace civic::ui::sem {

void begin_frame();
// Adds a node for the last ImGui item (its rectangle comes from ImGui).
SemanticNode& add_for_last_item(std::string id, std::string role, std::string name);
// Adds a node with an explicit rectangle (text drawn by hand, status lines).
SemanticNode& add(std::string id, std::string role, std::string name, float x, float y, float w, float h);
void end_frame();
SemanticNode& last();
// A node added this frame by id (to mark state on a control a compound
// widget drew), or nullptr.
SemanticNode* drawn(const std::string& id);
// Overwrites every recorded name and value (a kiosk session ended).
void wipe();   // the node added last (to refine its name or value)

// An id from a test or the DOM layer asked to be activated: the widget with
// that semantic id reports a click this frame (see ui.hpp activate()).
bool take_activation(const std::string& id);
// Text queued for a textbox by id (set_text in ui.hpp); empty optional if none.
bool take_text(const std::string& id, std::string* out);

}  // namespace civic::ui::sem
