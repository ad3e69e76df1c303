// entity_map_window.cpp — the Entity map window (placeholder until the graph and map land).
#include "entity_map_window.h"

#include "app.h"

#include <imgui.h>

bool DrawEntityMapContents(EntityMapView&, AppState&) {
  ImGui::TextDisabled("The entity map is being built.");
  return false;
}
