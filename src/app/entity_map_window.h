// entity_map_window.h — the Entity map window: who and what the story is about and how they
// connect (a force-directed graph), and where (a world map of the places).
//
//   EntityMapView view;                          // UI state only: camera, filters, pins
//   bool animating = DrawEntityMapContents(view, app);  // inside the window; true while settling
//
// Reads the open article's analysis and the shared selection from AppState every frame; a click
// on a node or marker calls SelectEntity(app.selection, ..., SelectOrigin::Map), and the article
// follows the selection. The layout (graph_layout.h), the map's projection, hit tests and the
// placement of the story on the map (world_map.h) and label placement are computed by the core;
// this window draws them and turns input into camera moves, pins and selections.
//
// Input: wheel zooms about the pointer (Ctrl+wheel too: browsers send a trackpad pinch as
// Ctrl+wheel), Shift+wheel and horizontal wheel pan, dragging empty space pans, two fingers
// pinch-zoom and pan, dragging a node pins it (double-click releases), a tap selects. Pins are
// kept per article in the browser's storage ("pins:<article id>") and come back on reload.
#pragma once

#include "graph_layout.h"
#include "world_map.h"

#include <cstdint>
#include <string>
#include <vector>

struct AppState;

// A view onto world units: world point (x, y) is drawn at the canvas centre, `zoom` pixels a
// unit. The camera glides to its target (fit, a selection made elsewhere) and stops exactly there.
struct MapCamera {
  double x = 0, y = 0, zoom = 1;        // current
  double tx = 0, ty = 0, tzoom = 1;     // target
  bool placed = false;                  // fitted once for the current content
  bool follow_fit = true;               // keep fitting while the layout settles (until the
                                        // reader pans or zooms)
};

struct EntityMapView {
  bool show_map = false;                // false: graph view, true: world map view
  bool show_type[4] = {true, true, true, true};  // filters, per EntityType
  std::string search;                   // dims what does not match; Enter selects the best match

  MapCamera graph_camera, map_camera;
  double world_zoom = 1;                // map zoom at which the whole world fits the canvas
  struct LinkedMapView {                // a map view a link asked for: applied when the map
    bool pending = false;               // is next drawn (its canvas size known)
    double lat = 0, lon = 0, zoom = 1;  // degrees; 1: the whole world fits
  } linked_map_view;

  // Derived from the open analysis and the filters; rebuilt when either changes.
  const void* model_for = nullptr;      // the analysis the caches were built from
  unsigned model_filter = 0;            // the show_type bits they were built with
  size_t model_countries = 0;           // world outlines the story map was planned with
  lectern::EntityGraph graph;
  lectern::GraphLayout layout;          // remembers positions and pins by entity id
  bool pins_changed = false;            // the reader pinned or released a node: store the pins
  lectern::StoryMap story;
  std::vector<int> label_prefer;        // last label candidate per labelled item (no hopping)

  // Pointer and touch.
  int hovered = -1;                     // entity under the pointer
  int pressed = -1;                     // entity under the press, -1: empty space
  bool dragging = false;                // the press became a drag (pan, or moving a node)
  bool double_press = false;            // the press was the second of a double-click
  float press_x = 0, press_y = 0;       // screen position of the press
  double grab_dx = 0, grab_dy = 0;      // node drag: grab point relative to the node centre
  bool pinching = false;                // two fingers down
  float pinch_distance = 0, pinch_x = 0, pinch_y = 0;
  int hovered_country = -1;

  uint64_t seen_serial = 0;             // selection serial last reacted to
  bool centre_on_select = false;        // a selection made in this window's lists: glide to it
  int centre_entity = -1;               // glide the view to this entity (followed while the
                                        // layout settles), -1: none
  bool focus_search = false;
  bool all_mentions = false, all_relations = false;  // "show all" in the details
};

bool DrawEntityMapContents(EntityMapView& view, AppState& app);

// Fetches world.bin (not in the data bundle: most readers never open the map) into app.world;
// the map view calls it when first shown. On failure sets app.world_error and adds a notice; the
// map view then shows the message and the markers, and the next showing tries again.
void RequestWorldMap(AppState& app);

// The map view's zoom relative to "the whole world fits" (1), for the page's state query.
double MapZoomLevel(const EntityMapView& view);
// Where the reader has moved the world map (centre in degrees, zoom as MapZoomLevel), for a
// link: false while the map shows its own fit of the story's places, or has not been drawn.
bool ReaderMapView(const EntityMapView& view, double* lat, double* lon, double* zoom);
