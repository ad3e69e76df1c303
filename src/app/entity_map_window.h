// entity_map_window.h — the Entity map window: who and what the story is about and how they
// connect (a force-directed graph), and where (a world map of the places).
//
//   EntityMapView view;                          // UI state only: camera, filters, pins
//   bool animating = DrawEntityMapContents(view, app);  // inside the window; true while settling
//
// Reads the open article's analysis and the shared selection from AppState every frame; a click
// on a node or marker calls SelectEntity(app.selection, ..., SelectOrigin::Map). The layout is
// computed by the core (graph_layout.h) and cached here per article and filter.
#pragma once

struct AppState;

struct EntityMapView {
  // Filled in by the entity-map implementation (camera, view mode, filters, layout cache...).
  bool show_map = false;   // false: graph view, true: world map view
};

bool DrawEntityMapContents(EntityMapView& view, AppState& app);
