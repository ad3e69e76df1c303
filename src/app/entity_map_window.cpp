// entity_map_window.cpp — the Entity map window (see entity_map_window.h).
//
// Drawing layers: the canvas background (edges, or water, land and borders) goes into the
// window's draw list under the canvas; the canvas is a child window whose own draw list holds
// nodes, markers and labels. Two lists, because WebGL's ImGui backend has 16-bit indices and no
// vertex offsets: one draw list holds at most 65,536 vertices, and the land alone can use half.
//
// [SECTION] Helpers          — colours, shapes, text, vertex budget
// [SECTION] Camera           — projection, glide, fit, wheel / drag / pinch
// [SECTION] Model            — graph and story map for the analysis and filters
// [SECTION] Graph view
// [SECTION] Map view
// [SECTION] Details          — the selected entity's mentions and relations, or the entity list
// [SECTION] Toolbar and legend
// [SECTION] Window
// [SECTION] World map asset
#include "entity_map_window.h"

#include "app.h"
#include "platform.h"
#include "text_search.h"
#include "window_layout.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

using lectern::Analysis;
using lectern::Entity;
using lectern::EntityType;
using lectern::Span;

namespace {

// [SECTION] Helpers --------------------------------------------------------------------------------

constexpr float kLabelSize = 13.0f;       // node and marker labels, CSS px
constexpr float kSmallSize = 11.5f;       // edge labels, legend
constexpr float kTouchSlop = 8.0f, kMouseSlop = 3.0f;  // px before a press becomes a drag
constexpr unsigned kVertexBudget = 64000;  // per draw list (16-bit indices, see the top)
constexpr double kPi = 3.14159265358979323846;

const char* const kTypeKeys[4] = {"person", "place", "org", "group"};
const char* const kTypePlural[4] = {"People", "Places", "Organisations", "Groups"};
const char* const kTypeSingular[4] = {"Person", "Place", "Organisation", "Group"};

ImFont* Font(ImFont* f) { return f ? f : ImGui::GetFont(); }

ImU32 WithAlpha(ImU32 c, float a) {
  const unsigned base = (c >> IM_COL32_A_SHIFT) & 0xFF;
  const unsigned alpha = unsigned(std::clamp(float(base) * a, 0.0f, 255.0f));
  return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

ImU32 Mix(ImU32 a, ImU32 b, float t) {
  auto ch = [&](int shift) {
    const float x = float((a >> shift) & 0xFF), y = float((b >> shift) & 0xFF);
    return unsigned(std::lround(x + (y - x) * t)) << shift;
  };
  return ch(IM_COL32_R_SHIFT) | ch(IM_COL32_G_SHIFT) | ch(IM_COL32_B_SHIFT) | ch(IM_COL32_A_SHIFT);
}

bool Room(const ImDrawList* dl, int vertices) { return dl->_VtxCurrentIdx + unsigned(vertices) < kVertexBudget; }

// One shape per entity type, of about equal area for the same r: person circle, place rounded
// square, organisation diamond, group hexagon (distinguishable without colour).
void DrawShape(ImDrawList* dl, EntityType t, ImVec2 c, float r, ImU32 fill, ImU32 stroke, float stroke_w) {
  if (!Room(dl, 80)) return;
  switch (t) {
    case EntityType::Person:
      dl->AddCircleFilled(c, r, fill);
      if (stroke_w > 0) dl->AddCircle(c, r, stroke, 0, stroke_w);
      break;
    case EntityType::Place: {
      const float s = r * 0.88f;
      dl->AddRectFilled(ImVec2(c.x - s, c.y - s), ImVec2(c.x + s, c.y + s), fill, s * 0.38f);
      if (stroke_w > 0) dl->AddRect(ImVec2(c.x - s, c.y - s), ImVec2(c.x + s, c.y + s), stroke, s * 0.38f, 0, stroke_w);
      break;
    }
    case EntityType::Org: {
      const float d = r * 1.2f;
      const ImVec2 a(c.x, c.y - d), b(c.x + d, c.y), e(c.x, c.y + d), f(c.x - d, c.y);
      dl->AddQuadFilled(a, b, e, f, fill);
      if (stroke_w > 0) dl->AddQuad(a, b, e, f, stroke, stroke_w);
      break;
    }
    case EntityType::Group:
      dl->AddNgonFilled(c, r * 1.05f, fill, 6);
      if (stroke_w > 0) dl->AddNgon(c, r * 1.05f, stroke, 6, stroke_w);
      break;
  }
}

// The lines of a node's or marker's tooltip: name, type and role, mention count.
void EntityTooltipLines(const AppState& app, const Entity& e) {
  ImGui::PushFont(app.fonts.sans_bold, 0.0f);
  ImGui::TextUnformatted(lectern::ToValidLine(e.name).c_str());
  ImGui::PopFont();
  ImGui::TextDisabled("%s%s%s", kTypeSingular[int(e.type)], e.role.empty() ? "" : " \xC2\xB7 ", lectern::ToValidLine(e.role).c_str());
  ImGui::Text("%d mention%s", int(e.mentions.size()), e.mentions.size() == 1 ? "" : "s");
}

bool Matches(const std::string& name, const std::string& query) {
  if (query.empty()) return true;
  return !lectern::FindAll(name, {Span{0, uint32_t(name.size())}}, query, 1).empty();
}

const Entity* EntityAt(const Analysis* a, int i) {
  return a && i >= 0 && i < int(a->entities.size()) ? &a->entities[size_t(i)] : nullptr;
}

// Selects an entity from this window (a node, a marker, a list row).
void Select(AppState& app, const Analysis& a, int entity) {
  lectern::SelectEntity(app.selection, a, entity, lectern::SelectOrigin::Map);
}

// Selects the entity and brings one of its mentions (or a sentence about it) into view in the
// article.
void RevealInArticle(AppState& app, const Analysis& a, int entity, Span span, int mention) {
  lectern::SelectMention(app.selection, a, entity, mention, lectern::SelectOrigin::Map);
  RevealSpan(app.article, span);
  app.article.seen_serial = app.selection.serial;  // the article shows `span`, not a mention it picks
  if (app.windows.tabs_mode) ShowWindow(app, WindowId::Article);
}

// Records the last item as a UI target only when it is wholly on screen (a scrolled list's rows
// below the fold are not something a reader, or a test, can click).
void RecordVisibleTarget(AppState& app, const std::string& name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 c0 = dl->GetClipRectMin(), c1 = dl->GetClipRectMax();
  // Rows may reach into the window padding sideways: only the vertical extent must be in view.
  if (a.y >= c0.y - 1 && b.y <= c1.y + 1 && a.x < c1.x && b.x > c0.x) RecordTarget(app, name);
}

// [SECTION] Camera ---------------------------------------------------------------------------------

struct Canvas {
  ImVec2 min, max;
  ImVec2 Centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
  float W() const { return max.x - min.x; }
  float H() const { return max.y - min.y; }
  bool Contains(ImVec2 p, float margin = 0) const {
    return p.x >= min.x - margin && p.x <= max.x + margin && p.y >= min.y - margin && p.y <= max.y + margin;
  }
};

// World <-> screen. The graph's y grows downward like the screen's; the map's grows north.
struct View {
  const MapCamera* cam;
  ImVec2 centre;
  bool flip;
  ImVec2 ToScreen(double x, double y) const {
    return ImVec2(float(centre.x + (x - cam->x) * cam->zoom),
                  float(centre.y + (flip ? -(y - cam->y) : (y - cam->y)) * cam->zoom));
  }
  lectern::Vec2 ToWorld(ImVec2 p) const {
    return {cam->x + (p.x - centre.x) / cam->zoom, cam->y + (flip ? -1 : 1) * (p.y - centre.y) / cam->zoom};
  }
};

// Glides toward the target; exact once within a quarter pixel. True while moving.
bool Glide(MapCamera& c, float dt) {
  if (c.x == c.tx && c.y == c.ty && c.zoom == c.tzoom) return false;
  const double k = 1.0 - std::exp(-double(dt) * 11.0);
  c.x += (c.tx - c.x) * k;
  c.y += (c.ty - c.y) * k;
  c.zoom = std::exp(std::log(c.zoom) + (std::log(c.tzoom) - std::log(c.zoom)) * k);
  const double px = std::max(std::fabs(c.tx - c.x), std::fabs(c.ty - c.y)) * c.zoom;
  if (px < 0.25 && std::fabs(std::log(c.tzoom / c.zoom)) < 1e-3) {
    c.x = c.tx, c.y = c.ty, c.zoom = c.tzoom;
    return false;
  }
  return true;
}

void Jump(MapCamera& c) { c.x = c.tx, c.y = c.ty, c.zoom = c.tzoom; }

// Target that shows the box [x0, x1] x [y0, y1] (world units) in the canvas with a margin.
void FitTarget(MapCamera& c, const Canvas& cv, double x0, double y0, double x1, double y1, double min_zoom,
               double max_zoom, float margin = 28) {
  const double w = std::max(x1 - x0, 1e-9), h = std::max(y1 - y0, 1e-9);
  const double zoom = std::min((cv.W() - 2 * margin) / w, (cv.H() - 2 * margin) / h);
  c.tzoom = std::clamp(std::isfinite(zoom) && zoom > 0 ? zoom : 1.0, min_zoom, max_zoom);
  c.tx = (x0 + x1) * 0.5;
  c.ty = (y0 + y1) * 0.5;
}

// Zooms by `factor` keeping the world point under `at` (screen) fixed. Immediate.
void ZoomAbout(MapCamera& c, const View& v, ImVec2 at, double factor, double min_zoom, double max_zoom) {
  const lectern::Vec2 w = v.ToWorld(at);
  Jump(c);
  c.zoom = c.tzoom = std::clamp(c.zoom * factor, min_zoom, max_zoom);
  c.x = c.tx = w.x - (at.x - v.centre.x) / c.zoom;
  c.y = c.ty = w.y - (v.flip ? -1 : 1) * (at.y - v.centre.y) / c.zoom;
}

// Keeps the map's view inside the world: no empty band beyond the poles or the date line once
// the world is larger than the canvas; centred while it is smaller.
void ClampToWorld(MapCamera& c, const Canvas& cv, const lectern::MapRect& w) {
  auto clamp = [](double& x, double zoom, double half_px, double lo, double hi) {
    const double half = half_px / zoom;
    x = hi - lo > 2 * half ? std::clamp(x, lo + half, hi - half) : (lo + hi) / 2;
  };
  clamp(c.x, c.zoom, cv.W() / 2, w.x0, w.x1);
  clamp(c.y, c.zoom, cv.H() / 2, w.y0, w.y1);
  clamp(c.tx, c.tzoom, cv.W() / 2, w.x0, w.x1);
  clamp(c.ty, c.tzoom, cv.H() / 2, w.y0, w.y1);
}

void PanBy(MapCamera& c, const View& v, float dx, float dy) {
  Jump(c);
  c.x = c.tx = c.x - dx / c.zoom;
  c.y = c.ty = c.y - (v.flip ? -dy : dy) / c.zoom;
}

// Wheel and two-finger gestures over the canvas. True when the reader moved the camera.
bool WheelAndPinch(EntityMapView& ev, MapCamera& cam, const View& v, const Canvas& cv, bool hovered, double min_zoom,
                   double max_zoom) {
  ImGuiIO& io = ImGui::GetIO();
  bool moved = false;
  if (hovered && (io.MouseWheel != 0 || io.MouseWheelH != 0)) {
    if (io.KeyShift || io.MouseWheelH != 0) {
      // Shift+wheel pans sideways (and up/down with a horizontal wheel), ~40 px a notch.
      const float dx = io.KeyShift ? io.MouseWheel : io.MouseWheelH;
      const float dy = io.KeyShift ? io.MouseWheelH : io.MouseWheel;
      PanBy(cam, v, dx * 40.0f, io.KeyShift ? dy * 40.0f : dy * 40.0f);
    } else {
      // One notch (SDL: 1.0 per 100 px of deltaY) zooms by 1.2; trackpads send fractions.
      ZoomAbout(cam, v, io.MousePos, std::pow(1.2, double(io.MouseWheel)), min_zoom, max_zoom);
    }
    moved = true;
  }
  // Pinch: SDL hands ImGui only the first finger (as the mouse), so read all fingers here.
  const auto& touches = platform::Touches();
  int inside = 0;
  float cx = 0, cy = 0;
  for (const platform::TouchPoint& t : touches)
    if (cv.Contains(ImVec2(t.x, t.y)) || ev.pinching) cx += t.x, cy += t.y, ++inside;
  if (inside >= 2) {
    cx /= float(inside), cy /= float(inside);
    const float d = std::hypot(touches[0].x - touches[1].x, touches[0].y - touches[1].y);
    if (ev.pinching && ev.pinch_distance > 1 && d > 1) {
      ZoomAbout(cam, v, ImVec2(ev.pinch_x, ev.pinch_y), double(d / ev.pinch_distance), min_zoom, max_zoom);
      PanBy(cam, v, cx - ev.pinch_x, cy - ev.pinch_y);
      moved = true;
    }
    ev.pinching = true;
    ev.pinch_distance = d, ev.pinch_x = cx, ev.pinch_y = cy;
    ev.pressed = -1;  // the first finger's emulated mouse press is part of the pinch
    ev.dragging = true;
  } else if (ev.pinching && touches.empty()) {
    ev.pinching = false;
  }
  return moved;
}

// Press, drag and release on the canvas item (the last item). `hit` is the entity under the
// pointer. Returns the entity clicked (a press and release without a drag), -2 for a click on
// empty space, -1 for nothing. Drags on empty space pan; `on_drag` handles drags of an entity.
template <typename OnDrag>
int PressDragRelease(EntityMapView& ev, MapCamera& cam, const View& v, int hit, OnDrag on_drag) {
  ImGuiIO& io = ImGui::GetIO();
  int clicked = -1;
  if (ImGui::IsItemActivated()) {
    ev.pressed = hit;
    ev.dragging = false;
    ev.double_press = io.MouseClickedCount[0] >= 2;
    ev.press_x = io.MousePos.x, ev.press_y = io.MousePos.y;
  }
  if (ImGui::IsItemActive()) {
    const float slop = io.MouseSource == ImGuiMouseSource_TouchScreen ? kTouchSlop : kMouseSlop;
    if (!ev.dragging && std::hypot(io.MousePos.x - ev.press_x, io.MousePos.y - ev.press_y) > slop) {
      ev.dragging = true;
      if (ev.pressed < 0) cam.follow_fit = false;
    }
    if (ev.dragging && !ev.pinching) {
      if (ev.pressed >= 0) {
        on_drag(ev.pressed, io.MousePos);
      } else if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) {
        PanBy(cam, v, io.MouseDelta.x, io.MouseDelta.y);
        ev.centre_entity = -1;
      }
    }
  }
  if (ImGui::IsItemDeactivated()) {
    if (!ev.dragging) clicked = ev.pressed >= 0 ? ev.pressed : -2;
    ev.dragging = false;
  }
  return clicked;
}

// [SECTION] Model ----------------------------------------------------------------------------------

unsigned FilterBits(const EntityMapView& v) {
  unsigned bits = 0;
  for (int t = 0; t < 4; ++t) bits |= v.show_type[t] ? 1u << t : 0u;
  return bits;
}

std::vector<uint8_t> Included(const EntityMapView& v, const Analysis& a) {
  std::vector<uint8_t> inc(a.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) inc[i] = v.show_type[int(a.entities[i].type)] ? 1 : 0;
  return inc;
}

// Rebuilds the graph and the story map when the analysis or the filters change. A new analysis
// starts a fresh layout; a filter change keeps it (positions are remembered by entity id).
std::string PinsKey(const std::string& article_id) { return "pins:" + article_id; }

void EnsureModel(EntityMapView& v, const Analysis& a, const lectern::WorldMap& world, const std::string& article_id) {
  const unsigned bits = FilterBits(v);
  if (v.model_for == &a && v.model_filter == bits) {
    // The outlines arrived (or went) since: only the story's countries change.
    if (v.model_countries != world.countries.size()) {
      v.model_countries = world.countries.size();
      v.story = lectern::PlanStoryMap(a, Included(v, a), world);
    }
    return;
  }
  if (v.model_for != &a) {
    v.layout = lectern::GraphLayout{};
    lectern::RestorePins(v.layout, platform::LoadSetting(PinsKey(article_id)));  // where the reader left them
    v.pins_changed = false;
    v.graph_camera = MapCamera{};
    v.map_camera = MapCamera{};
    v.hovered = v.pressed = -1;
    v.all_mentions = v.all_relations = false;
  }
  v.model_for = &a;
  v.model_filter = bits;
  const std::vector<uint8_t> inc = Included(v, a);
  v.graph = lectern::BuildEntityGraph(a, inc);
  lectern::SetGraph(v.layout, v.graph.nodes, v.graph.edges);
  v.story = lectern::PlanStoryMap(a, inc, world);
  v.model_countries = world.countries.size();
  v.label_prefer.assign(a.entities.size() * 2, -1);  // graph labels, then map labels
}

// [SECTION] Graph view -----------------------------------------------------------------------------

struct Label {
  std::string text;
  ImFont* font;
  float size;
  ImU32 color;
  bool halo;
};

// Places and draws labels (greedy, by priority; see PlaceLabels). `keys[i]` (an index into
// view.label_prefer, or -1) keeps the candidate each entity's label used last frame, so labels
// don't hop while the layout moves or the camera pans.
void PlaceAndDrawLabels(ImDrawList* dl, EntityMapView& v, const Palette& pal, const Canvas& cv,
                        std::vector<lectern::LabelRequest>& req, const std::vector<Label>& labels,
                        const std::vector<int>& keys, const std::vector<lectern::Circle>& obstacles) {
  for (size_t i = 0; i < req.size(); ++i)
    if (keys[i] >= 0 && size_t(keys[i]) < v.label_prefer.size()) req[i].prefer = v.label_prefer[size_t(keys[i])];
  const lectern::Bounds bounds{cv.min.x + 2, cv.min.y + 2, cv.max.x - 2, cv.max.y - 2};
  const auto placed = lectern::PlaceLabels(req, obstacles, bounds, 3);
  for (size_t i = 0; i < req.size(); ++i) {
    if (keys[i] >= 0 && size_t(keys[i]) < v.label_prefer.size())
      v.label_prefer[size_t(keys[i])] = placed[i].visible ? placed[i].candidate : -1;
    if (!placed[i].visible || !Room(dl, int(labels[i].text.size()) * 4 + 8)) continue;
    const Label& l = labels[i];
    const ImVec2 p(std::round(float(placed[i].x)), std::round(float(placed[i].y)));
    if (l.halo)
      dl->AddRectFilled(ImVec2(p.x - 2, p.y), ImVec2(p.x + float(req[i].w) - 2, p.y + float(req[i].h)),
                        WithAlpha(pal.page, 0.82f), 3.0f);
    dl->AddText(l.font, l.size, ImVec2(p.x, p.y + 1), l.color, l.text.c_str());
  }
}

// Which entities the search and the selection bring forward: 2 selected/hovered, 1 neighbour or
// match, 0 the rest (dimmed when something is in focus).
std::vector<uint8_t> Emphasis(const EntityMapView& v, const Analysis& a, int selected, bool& any_focus) {
  std::vector<uint8_t> e(a.entities.size(), 0);
  any_focus = false;
  if (selected >= int(e.size())) selected = -1;
  if (!v.search.empty()) {
    any_focus = true;
    for (size_t i = 0; i < a.entities.size(); ++i) e[i] = Matches(a.entities[i].name, v.search) ? 2 : 0;
  }
  const int focus = v.hovered >= 0 ? v.hovered : selected;
  if (focus >= 0 && v.search.empty()) {
    any_focus = true;
    e[size_t(focus)] = 2;
    if (selected >= 0) e[size_t(selected)] = 2;
    for (const lectern::Relation& r : a.relations) {
      if (r.source == focus && r.target >= 0 && size_t(r.target) < e.size()) e[size_t(r.target)] = std::max<uint8_t>(e[size_t(r.target)], 1);
      if (r.target == focus && r.source >= 0 && size_t(r.source) < e.size()) e[size_t(r.source)] = std::max<uint8_t>(e[size_t(r.source)], 1);
    }
  }
  return e;
}

bool DrawGraph(EntityMapView& v, AppState& app, const Analysis& a, const Canvas& cv, ImDrawList* under) {
  ImGuiIO& io = ImGui::GetIO();
  const Palette& pal = GetPalette(app.settings.theme);
  const float dt = std::min(io.DeltaTime, 0.1f);
  lectern::GraphLayout& L = v.layout;
  MapCamera& cam = v.graph_camera;
  bool animating = false;

  // Simulation: a few iterations a frame (fewer for big graphs) until it settles, more when
  // frames come slowly so that settling takes about as long everywhere (~0.4 s at 60 Hz for a
  // story's graph). The settled picture does not depend on how the iterations are split.
  const int n = int(L.nodes.size());
  if (!L.settled) {
    const int per_frame = std::clamp(2400 / (n + 1), 2, 12);
    const float frames = std::clamp(io.DeltaTime * 60.0f, 1.0f, 4.0f);
    lectern::StepLayout(L, int(float(per_frame) * frames));
    animating = true;
  }
  const double min_zoom = 0.04, max_zoom = 6.0;
  if (n > 0 && (cam.follow_fit || !cam.placed)) {
    const lectern::Bounds b = lectern::LayoutBounds(L);
    FitTarget(cam, cv, b.x0, b.y0, b.x1, b.y1, min_zoom, 1.6);
    if (!cam.placed) Jump(cam);
    cam.placed = true;
  }
  // Bring the entity to centre into view; while the layout still moves, keep following it.
  if (v.centre_entity >= 0) {
    const int node = size_t(v.centre_entity) < v.graph.entity_node.size() ? v.graph.entity_node[size_t(v.centre_entity)] : -1;
    if (node >= 0) {
      cam.tx = L.pos[size_t(node)].x;
      cam.ty = L.pos[size_t(node)].y;
      // Close enough to see: the node at least ~10 px across.
      cam.tzoom = std::max(cam.tzoom, std::min(max_zoom, 5.0 / L.nodes[size_t(node)].radius));
      cam.follow_fit = false;
    }
    if (node < 0 || L.settled) v.centre_entity = -1;
  }
  animating |= Glide(cam, dt);
  const View view{&cam, cv.Centre(), false};

  // Input: the canvas is one invisible button (the zoom buttons, submitted before it, win the
  // hover where they overlap it).
  ImGui::SetCursorScreenPos(cv.min);
  ImGui::InvisibleButton("##graph", ImVec2(cv.W(), cv.H()),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);
  ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelX);
  const bool hovered = ImGui::IsItemHovered();
  app.targets.push_back({"map.canvas", cv.min.x, cv.min.y, cv.W(), cv.H()});

  const lectern::Vec2 mouse = view.ToWorld(io.MousePos);
  if (!ImGui::IsItemActive() || !v.dragging) {
    const int node = hovered ? lectern::NodeAt(L, mouse.x, mouse.y, (io.MouseSource == ImGuiMouseSource_TouchScreen ? 10 : 3) / cam.zoom) : -1;
    v.hovered = node >= 0 ? v.graph.node_entity[size_t(node)] : -1;
  }
  if (WheelAndPinch(v, cam, view, cv, hovered, min_zoom, max_zoom)) cam.follow_fit = false, v.centre_entity = -1;
  const int clicked = PressDragRelease(v, cam, view, v.hovered, [&](int entity, ImVec2 at) {
    const int node = v.graph.entity_node[size_t(entity)];
    if (node < 0) return;
    if (!v.dragging) return;
    if (L.alpha_target == 0) {  // the drag starts: grab where the pointer is, hold the camera
      cam.follow_fit = false;
      const lectern::Vec2 p = L.pos[size_t(node)];
      const lectern::Vec2 w0 = view.ToWorld(ImVec2(v.press_x, v.press_y));
      v.grab_dx = w0.x - p.x, v.grab_dy = w0.y - p.y;
      lectern::SetDragging(L, true);
    }
    const lectern::Vec2 w = view.ToWorld(at);
    lectern::PinNode(L, node, w.x - v.grab_dx, w.y - v.grab_dy);
    v.pins_changed = true;
  });
  if (ImGui::IsItemDeactivated() && L.alpha_target > 0) lectern::SetDragging(L, false);
  if (clicked >= 0) {
    const int node = v.graph.entity_node[size_t(clicked)];
    if (v.double_press && node >= 0 && L.pinned[size_t(node)]) lectern::UnpinNode(L, node), v.pins_changed = true;
    Select(app, a, clicked);
  } else if (clicked == -2 && io.MouseReleased[0]) {
    Select(app, a, -1);
  }
  if (hovered && v.hovered >= 0 && !v.dragging) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  const bool active = ImGui::IsItemActive();
  if (active && v.dragging) animating = true;

  // Edges, under the nodes (the background list).
  const int selected = app.selection.entity;
  bool any_focus = false;
  const std::vector<uint8_t> emph = Emphasis(v, a, selected, any_focus);
  const int focus = v.hovered >= 0 ? v.hovered : selected;
  under->PushClipRect(cv.min, cv.max, true);
  under->AddRectFilled(cv.min, cv.max, pal.page);
  const float zoom_f = float(std::clamp(cam.zoom, 0.6, 1.4));
  std::vector<lectern::LabelRequest> req;
  std::vector<Label> labels;
  std::vector<int> keys;
  std::vector<lectern::Circle> obstacles;
  for (size_t e = 0; e < L.edges.size(); ++e) {
    const lectern::LayoutEdge& edge = L.edges[e];
    const int ea = v.graph.node_entity[size_t(edge.a)], eb = v.graph.node_entity[size_t(edge.b)];
    const ImVec2 pa = view.ToScreen(L.pos[size_t(edge.a)].x, L.pos[size_t(edge.a)].y);
    const ImVec2 pb = view.ToScreen(L.pos[size_t(edge.b)].x, L.pos[size_t(edge.b)].y);
    if ((pa.x < cv.min.x && pb.x < cv.min.x) || (pa.x > cv.max.x && pb.x > cv.max.x) ||
        (pa.y < cv.min.y && pb.y < cv.min.y) || (pa.y > cv.max.y && pb.y > cv.max.y))
      continue;
    const lectern::EntityGraph::EdgeInfo& info = v.graph.edge_info[e];
    const bool touches_focus = focus >= 0 && (ea == focus || eb == focus);
    ImU32 col = info.typed ? WithAlpha(pal.text, 0.5f) : WithAlpha(pal.muted, 0.42f);
    if (touches_focus) col = ea == selected || eb == selected ? WithAlpha(pal.focus, 0.85f) : WithAlpha(pal.text, 0.75f);
    else if (any_focus) col = WithAlpha(col, 0.3f);
    const float thick = (0.8f + 2.4f * float(edge.weight)) * zoom_f + (touches_focus ? 0.6f : 0.0f);
    const float ra = float(L.nodes[size_t(edge.a)].radius * cam.zoom), rb = float(L.nodes[size_t(edge.b)].radius * cam.zoom);
    const float dx = pb.x - pa.x, dy = pb.y - pa.y, len = std::sqrt(dx * dx + dy * dy);
    if (len <= ra + rb + 1 || !Room(under, 16)) continue;
    const ImVec2 u(dx / len, dy / len);
    // Typed relations point from source to target with a small arrowhead at the target's rim.
    bool arrow_to_b = true;
    if (info.typed) arrow_to_b = a.relations[size_t(info.relations[0])].target == eb;
    const ImVec2 s(pa.x + u.x * ra, pa.y + u.y * ra), t(pb.x - u.x * rb, pb.y - u.y * rb);
    under->AddLine(s, t, col, thick);
    if (info.typed && len > ra + rb + 14) {
      const float h = 5.0f + thick * 1.5f;
      const ImVec2 tip = arrow_to_b ? t : s, dir = arrow_to_b ? u : ImVec2(-u.x, -u.y);
      const ImVec2 base(tip.x - dir.x * h, tip.y - dir.y * h), nrm(-dir.y * h * 0.45f, dir.x * h * 0.45f);
      under->AddTriangleFilled(tip, ImVec2(base.x + nrm.x, base.y + nrm.y), ImVec2(base.x - nrm.x, base.y - nrm.y), col);
    }
    if (info.typed && (!any_focus || touches_focus)) {
      const lectern::Relation& r = a.relations[size_t(info.relations[0])];
      int more = 0;
      for (int ri : info.relations) more += a.relations[size_t(ri)].kind != lectern::RelationKind::CoOccurrence;
      std::string text = lectern::ToValidLine(lectern::RelationLabel(r));
      if (more > 1) text += " +" + std::to_string(more - 1);
      const float w = MeasureText(Font(app.fonts.sans), kSmallSize, text) + 6;
      if (len - ra - rb > 18) {
        lectern::LabelRequest q;
        q.x = (s.x + t.x) * 0.5, q.y = (s.y + t.y) * 0.5, q.w = w, q.h = kSmallSize + 3;
        q.centred = true;
        q.priority = -10 + edge.weight + (touches_focus ? 5 : 0);
        req.push_back(q);
        labels.push_back({text, Font(app.fonts.sans), kSmallSize, touches_focus ? pal.text : pal.muted, true});
        keys.push_back(-1);
      }
    }
  }
  under->PopClipRect();

  // Nodes and their labels (the canvas's own list, above the edges).
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 0; i < n; ++i) {
    const int ent = v.graph.node_entity[size_t(i)];
    const ImVec2 p = view.ToScreen(L.pos[size_t(i)].x, L.pos[size_t(i)].y);
    const float r = std::max(3.0f, float(L.nodes[size_t(i)].radius * cam.zoom));
    if (!cv.Contains(p, r + 2)) continue;
    obstacles.push_back({p.x, p.y, r + 1});
    const Entity& e = a.entities[size_t(ent)];
    app.targets.push_back({"map.node." + e.id, p.x - r, p.y - r, 2 * r, 2 * r});
    const bool dim = any_focus && emph[size_t(ent)] == 0;
    ImU32 fill = TypeColor(pal, e.type);
    if (dim) fill = Mix(pal.page, fill, 0.28f);
    if (ent == selected) {
      dl->AddCircleFilled(p, r + 7, WithAlpha(pal.focus, 0.22f));
      DrawShape(dl, e.type, p, r, fill, pal.focus, 3.0f);
    } else {
      DrawShape(dl, e.type, p, r, fill, ent == v.hovered ? pal.text : pal.page, ent == v.hovered ? 2.0f : 1.5f);
    }
    if (L.pinned[size_t(i)]) {  // a pin: the reader put it there
      const ImVec2 pin(p.x + r * 0.75f, p.y - r * 0.75f);
      dl->AddCircleFilled(pin, 3.5f, pal.text);
      dl->AddCircle(pin, 3.5f, pal.page, 0, 1.2f);
    }
    const bool strong = ent == selected || ent == v.hovered;
    ImFont* font = Font(strong ? app.fonts.sans_bold : app.fonts.sans);
    const std::string name = lectern::ToValidLine(e.name);
    lectern::LabelRequest q;
    q.x = p.x, q.y = p.y, q.radius = r + 1, q.h = kLabelSize + 3;
    q.w = MeasureText(font, kLabelSize, name) + 4;
    q.must_show = strong;
    q.priority = e.salience + (emph[size_t(ent)] ? 1.0 : 0.0) - (dim ? 1.0 : 0.0) + double(e.mentions.size()) * 1e-4;
    req.push_back(q);
    labels.push_back({name, font, kLabelSize, dim ? pal.muted : (strong ? pal.heading : pal.text), true});
    keys.push_back(ent);
  }
  PlaceAndDrawLabels(dl, v, pal, cv, req, labels, keys, obstacles);

  // Hover: who is this? (Not for touch, where the "hover" is only where the last tap was.)
  if (hovered && v.hovered >= 0 && !v.dragging && io.MouseSource != ImGuiMouseSource_TouchScreen &&
      ImGui::BeginTooltip()) {
    EntityTooltipLines(app, a.entities[size_t(v.hovered)]);
    const int node = v.graph.entity_node[size_t(v.hovered)];
    if (node >= 0 && L.pinned[size_t(node)]) ImGui::TextDisabled("Pinned \xE2\x80\x94 double-click to release");
    ImGui::EndTooltip();
  }
  return animating || active;
}

// [SECTION] Map view --------------------------------------------------------------------------------

// The projection's outline (the edge of the world): the meridians ±180° from pole to pole.
std::vector<ImVec2> WorldOutline(const View& view) {
  std::vector<ImVec2> pts;
  for (int k = 0; k <= 36; ++k) {
    const lectern::MapPoint p = lectern::ProjectEqualEarth(-90.0 + 5.0 * k, 180.0);
    pts.push_back(view.ToScreen(p.x, p.y));
  }
  for (int k = 36; k >= 0; --k) {
    const lectern::MapPoint p = lectern::ProjectEqualEarth(-90.0 + 5.0 * k, -180.0);
    pts.push_back(view.ToScreen(p.x, p.y));
  }
  return pts;
}

void DrawLand(ImDrawList* dl, const lectern::WorldMap& world, const View& view, const Canvas& cv, const Palette& pal,
              const std::vector<float>& tint, int hovered_country) {
  const lectern::MapLevel& level = world.levels[world.LevelFor(view.cam->zoom)];
  const int li = int(&level - world.levels);
  const lectern::Vec2 w0 = view.ToWorld(ImVec2(cv.min.x, cv.max.y)), w1 = view.ToWorld(ImVec2(cv.max.x, cv.min.y));
  const lectern::MapRect visible{float(w0.x), float(w0.y), float(w1.x), float(w1.y)};
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  // Fills: the triangles computed at load, copied with the camera transform.
  for (size_t c = 0; c < world.countries.size(); ++c) {
    const lectern::MapCountry& mc = world.countries[c];
    if (!mc.bounds.Overlaps(visible)) continue;
    const auto vr = mc.vertices[li], ir = mc.indices[li];
    if (ir.count == 0 || !Room(dl, int(vr.count))) continue;
    ImU32 col = pal.land;
    if (tint[c] > 0) col = Mix(pal.land, pal.place, tint[c]);
    if (int(c) == hovered_country) col = Mix(col, pal.text, 0.08f);
    dl->PrimReserve(int(ir.count), int(vr.count));
    const ImDrawIdx base = ImDrawIdx(dl->_VtxCurrentIdx);
    for (uint32_t k = 0; k < vr.count; ++k) {
      const lectern::MapPoint p = level.vertices[vr.first + k];
      dl->PrimWriteVtx(view.ToScreen(p.x, p.y), uv, col);
    }
    for (uint32_t k = 0; k < ir.count; ++k) dl->PrimWriteIdx(ImDrawIdx(base + (level.indices[ir.first + k] - vr.first)));
  }
  // Outlines: every border once; coasts darker than borders. Points closer than a pixel to the
  // last one drawn are skipped (a whole coast shrinks to what the screen can show).
  std::vector<ImVec2> pts;
  for (const lectern::MapArc& arc : level.arcs) {
    if (!arc.bounds.Overlaps(visible)) continue;
    pts.clear();
    for (uint32_t k = 0; k < arc.count; ++k) {
      const lectern::MapPoint p = level.arc_points[arc.first + k];
      const ImVec2 s = view.ToScreen(p.x, p.y);
      if (!pts.empty() && k + 1 < arc.count && std::fabs(s.x - pts.back().x) + std::fabs(s.y - pts.back().y) < 1.2f) continue;
      pts.push_back(s);
    }
    if (pts.size() < 2 || !Room(dl, int(pts.size()) * 4)) continue;
    dl->AddPolyline(pts.data(), int(pts.size()), arc.border ? WithAlpha(pal.land_edge, 0.75f) : pal.land_edge,
                    ImDrawFlags_None, 1.0f);
  }
}

// Screen positions of the story's markers and satellites (satellites ring their place).
struct MapItem {
  int entity;
  ImVec2 at;
  float r;
  bool marker;
  int marker_index;
};

std::vector<MapItem> MapItems(const EntityMapView& v, const Analysis& a, const View& view) {
  std::vector<MapItem> items;
  const lectern::StoryMap& s = v.story;
  size_t max_mentions = 1;
  for (const auto& m : s.markers) max_mentions = std::max(max_mentions, a.entities[size_t(m.entity)].mentions.size());
  std::vector<int> per_marker(s.markers.size(), 0);
  for (const auto& sat : s.satellites) ++per_marker[size_t(sat.marker)];
  for (size_t k = 0; k < s.markers.size(); ++k) {
    const auto& m = s.markers[k];
    const float share = float(a.entities[size_t(m.entity)].mentions.size()) / float(max_mentions);
    items.push_back({m.entity, view.ToScreen(m.at.x, m.at.y), 4.5f + 9.5f * std::sqrt(share), true, int(k)});
  }
  std::vector<int> placed(s.markers.size(), 0);
  for (const auto& sat : s.satellites) {
    const MapItem& home = items[size_t(sat.marker)];
    const int count = per_marker[size_t(sat.marker)];
    // A ring around the place, wide enough for all of them (about 15 px apart).
    const double ring = std::max(double(home.r) + 15.0, count * 15.0 / (2 * kPi));
    const auto pos = lectern::RingPositions({home.at.x, home.at.y}, ring, count, -kPi / 2 + 0.35);
    const lectern::Vec2 p = pos[size_t(placed[size_t(sat.marker)]++)];
    items.push_back({sat.entity, ImVec2(float(p.x), float(p.y)), 5.0f, false, sat.marker});
  }
  return items;
}

bool DrawMap(EntityMapView& v, AppState& app, const Analysis& a, const Canvas& cv, ImDrawList* under, bool fit) {
  // The outlines are not in the first download: fetched the first time the map is shown (and
  // again after a failure), the markers waiting for them.
  if (app.world_state == AppState::Asset::NotRequested) RequestWorldMap(app);
  if (app.world_state == AppState::Asset::Loading) {
    ImGui::SetCursorScreenPos(ImVec2(cv.min.x + 12, cv.min.y + 10));
    ImGui::TextDisabled("Loading the world map\xE2\x80\xA6");
    return false;
  }
  ImGuiIO& io = ImGui::GetIO();
  const Palette& pal = GetPalette(app.settings.theme);
  const float dt = std::min(io.DeltaTime, 0.1f);
  MapCamera& cam = v.map_camera;
  const lectern::MapRect world_box = lectern::EqualEarthBounds();
  v.world_zoom = std::min((cv.W() - 16) / (world_box.x1 - world_box.x0), (cv.H() - 16) / (world_box.y1 - world_box.y0));
  if (!(v.world_zoom > 0)) v.world_zoom = 1;
  const double min_zoom = v.world_zoom * 0.6, max_zoom = v.world_zoom * 64;

  // First view of a story: fit its places (at least ~25° across, so one city is not a blur).
  auto fit_places = [&]() {
    const lectern::StoryMap& s = v.story;
    if (s.markers.empty()) {
      FitTarget(cam, cv, world_box.x0, world_box.y0, world_box.x1, world_box.y1, min_zoom, max_zoom, 8);
      return;
    }
    const double min_span = 0.4;
    double x0 = s.bounds.x0, x1 = s.bounds.x1, y0 = s.bounds.y0, y1 = s.bounds.y1;
    if (x1 - x0 < min_span) x0 -= (min_span - (x1 - x0)) / 2, x1 = x0 + min_span;
    if (y1 - y0 < min_span * 0.6) y0 -= (min_span * 0.6 - (y1 - y0)) / 2, y1 = y0 + min_span * 0.6;
    FitTarget(cam, cv, x0, y0, x1, y1, v.world_zoom * 0.95, v.world_zoom * 24, 56);
  };
  if (!cam.placed) {
    fit_places();
    Jump(cam);
    cam.placed = true;
  } else if (fit) {
    fit_places();
  }
  if (v.linked_map_view.pending) {  // a link's view, exactly (no glide)
    const lectern::MapPoint p = lectern::ProjectEqualEarth(v.linked_map_view.lat, v.linked_map_view.lon);
    cam.tx = p.x;
    cam.ty = p.y;
    cam.tzoom = std::clamp(v.world_zoom * v.linked_map_view.zoom, min_zoom, max_zoom);
    Jump(cam);
    cam.follow_fit = false;
    v.linked_map_view.pending = false;
  }
  if (v.centre_entity >= 0) {
    const int mk = size_t(v.centre_entity) < v.story.entity_marker.size() ? v.story.entity_marker[size_t(v.centre_entity)] : -1;
    if (mk >= 0) {
      cam.tx = v.story.markers[size_t(mk)].at.x;
      cam.ty = v.story.markers[size_t(mk)].at.y;
      cam.tzoom = std::max(cam.tzoom, v.world_zoom * 2.0);
    }
    v.centre_entity = -1;
  }
  ClampToWorld(cam, cv, world_box);
  bool animating = Glide(cam, dt);
  const View view{&cam, cv.Centre(), true};

  ImGui::SetCursorScreenPos(cv.min);
  ImGui::InvisibleButton("##map", ImVec2(cv.W(), cv.H()), ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);
  ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelX);
  const bool hovered = ImGui::IsItemHovered();
  app.targets.push_back({"map.canvas", cv.min.x, cv.min.y, cv.W(), cv.H()});

  std::vector<MapItem> items = MapItems(v, a, view);
  if (!ImGui::IsItemActive() || !v.dragging) {
    v.hovered = -1;
    float best = 1e9f;
    const float slop = io.MouseSource == ImGuiMouseSource_TouchScreen ? 10.0f : 3.0f;
    if (hovered) {
      for (const MapItem& it : items) {
        const float d = std::hypot(it.at.x - io.MousePos.x, it.at.y - io.MousePos.y) - it.r;
        if (d <= slop && d < best) best = d, v.hovered = it.entity;
      }
    }
  }
  if (WheelAndPinch(v, cam, view, cv, hovered, min_zoom, max_zoom)) cam.follow_fit = false, v.centre_entity = -1;
  const int clicked = PressDragRelease(v, cam, view, v.hovered, [&](int, ImVec2) {
    // Markers stay where the places are: dragging one pans the map.
    PanBy(cam, view, io.MouseDelta.x, io.MouseDelta.y);
    cam.follow_fit = false;
  });
  if (clicked >= 0) Select(app, a, clicked);
  else if (clicked == -2 && io.MouseReleased[0]) Select(app, a, -1);
  ClampToWorld(cam, cv, world_box);
  v.hovered_country = -1;
  if (hovered && v.hovered < 0 && !v.dragging && !app.world.empty()) {
    const lectern::Vec2 w = view.ToWorld(io.MousePos);
    v.hovered_country = app.world.CountryAt({float(w.x), float(w.y)});
  }
  if (hovered && v.hovered >= 0 && !v.dragging) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  const bool active = ImGui::IsItemActive();
  if (v.dragging && active) animating = true;

  // Background: page, the world's water, land, borders.
  under->PushClipRect(cv.min, cv.max, true);
  under->AddRectFilled(cv.min, cv.max, pal.page);
  const std::vector<ImVec2> outline = WorldOutline(view);
  under->AddConvexPolyFilled(outline.data(), int(outline.size()), pal.water);
  const int selected = app.selection.entity;
  std::vector<float> tint(app.world.countries.size(), 0.0f);
  for (const auto& m : v.story.markers)
    if (m.country >= 0) tint[size_t(m.country)] = std::max(tint[size_t(m.country)], m.entity == selected ? 0.34f : 0.16f);
  if (!app.world.empty()) DrawLand(under, app.world, view, cv, pal, tint, v.hovered_country);
  under->AddPolyline(outline.data(), int(outline.size()), WithAlpha(pal.land_edge, 0.8f), ImDrawFlags_Closed, 1.0f);
  under->PopClipRect();

  // Links, tethers, markers, satellites and labels, in the canvas's own list.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool any_focus = false;
  const std::vector<uint8_t> emph = Emphasis(v, a, selected, any_focus);
  const int focus = v.hovered >= 0 ? v.hovered : selected;
  auto item_of = [&](int entity) -> const MapItem* {
    for (const MapItem& it : items)
      if (it.entity == entity) return &it;
    return nullptr;
  };
  std::vector<lectern::LabelRequest> req;
  std::vector<Label> labels;
  std::vector<int> keys;
  std::vector<lectern::Circle> obstacles;
  for (const MapItem& it : items) {
    if (it.marker) continue;
    const MapItem& home = items[size_t(it.marker_index)];
    const bool dim = any_focus && emph[size_t(it.entity)] == 0;
    dl->AddLine(home.at, it.at, WithAlpha(pal.muted, dim ? 0.25f : 0.6f), 1.0f);
  }
  for (const lectern::StoryMap::Link& link : v.story.links) {
    const MapItem *from = item_of(link.from), *to = item_of(link.to);
    if (!from || !to || !Room(dl, 200)) continue;
    const lectern::Relation& r = a.relations[size_t(link.relation)];
    const bool on_focus = focus >= 0 && (link.from == focus || link.to == focus);
    ImU32 col = on_focus ? (link.from == selected || link.to == selected ? pal.focus : pal.text) : WithAlpha(pal.text, 0.55f);
    if (any_focus && !on_focus) col = WithAlpha(col, 0.35f);
    const ImVec2 d(to->at.x - from->at.x, to->at.y - from->at.y);
    const float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (len < from->r + to->r + 6) continue;
    // A gentle arc (always bending the same way for a direction), trimmed to the rims.
    const ImVec2 mid((from->at.x + to->at.x) * 0.5f, (from->at.y + to->at.y) * 0.5f);
    const ImVec2 ctrl(mid.x - d.y * 0.2f, mid.y + d.x * 0.2f);
    dl->AddBezierQuadratic(from->at, ctrl, to->at, col, on_focus ? 2.0f : 1.4f);
    const ImVec2 dir(to->at.x - ctrl.x, to->at.y - ctrl.y);
    const float dl_len = std::max(1e-3f, std::sqrt(dir.x * dir.x + dir.y * dir.y));
    const ImVec2 u(dir.x / dl_len, dir.y / dl_len);
    const ImVec2 tip(to->at.x - u.x * (to->r + 1), to->at.y - u.y * (to->r + 1));
    const ImVec2 base(tip.x - u.x * 8, tip.y - u.y * 8), nrm(-u.y * 3.6f, u.x * 3.6f);
    dl->AddTriangleFilled(tip, ImVec2(base.x + nrm.x, base.y + nrm.y), ImVec2(base.x - nrm.x, base.y - nrm.y), col);
    const std::string text = lectern::ToValidLine(lectern::RelationLabel(r));
    lectern::LabelRequest q;
    const ImVec2 at(0.25f * from->at.x + 0.5f * ctrl.x + 0.25f * to->at.x, 0.25f * from->at.y + 0.5f * ctrl.y + 0.25f * to->at.y);
    q.x = at.x, q.y = at.y, q.h = kSmallSize + 3, q.centred = true;
    q.w = MeasureText(Font(app.fonts.sans), kSmallSize, text) + 6;
    q.priority = on_focus ? 0.5 : -5;
    if (!any_focus || on_focus) {
      req.push_back(q);
      labels.push_back({text, Font(app.fonts.sans), kSmallSize, on_focus ? pal.text : pal.muted, true});
      keys.push_back(-1);
    }
  }
  // Markers (bigger first, so small ones stay visible on top) and satellites.
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return items[x].r > items[y].r; });
  for (size_t oi : order) {
    const MapItem& it = items[oi];
    if (!cv.Contains(it.at, it.r + 2)) continue;
    const Entity& e = a.entities[size_t(it.entity)];
    app.targets.push_back({"map.marker." + e.id, it.at.x - it.r, it.at.y - it.r, 2 * it.r, 2 * it.r});
    obstacles.push_back({it.at.x, it.at.y, it.r + 1});
    const bool dim = any_focus && emph[size_t(it.entity)] == 0;
    ImU32 fill = TypeColor(pal, e.type);
    if (dim) fill = Mix(pal.water, fill, 0.35f);
    if (it.entity == selected) {
      dl->AddCircleFilled(it.at, it.r + 7, WithAlpha(pal.focus, 0.25f));
      DrawShape(dl, it.marker ? EntityType::Person : e.type, it.at, it.r, fill, pal.focus, 3.0f);
    } else {
      DrawShape(dl, it.marker ? EntityType::Person : e.type, it.at, it.r, WithAlpha(fill, it.marker ? 0.9f : 1.0f),
                it.entity == v.hovered ? pal.text : pal.page, it.entity == v.hovered ? 2.0f : 1.5f);
    }
    const bool strong = it.entity == selected || it.entity == v.hovered;
    ImFont* font = Font(strong ? app.fonts.sans_bold : app.fonts.sans);
    const std::string name = lectern::ToValidLine(e.name);
    lectern::LabelRequest q;
    q.x = it.at.x, q.y = it.at.y, q.radius = it.r + 1, q.h = kLabelSize + 3;
    q.w = MeasureText(font, kLabelSize, name) + 4;
    q.must_show = strong;
    q.priority = (it.marker ? 1.0 : 0.0) + e.salience + (emph[size_t(it.entity)] ? 1.0 : 0.0) - (dim ? 2.0 : 0.0);
    req.push_back(q);
    labels.push_back({name, font, kLabelSize, dim ? pal.muted : (strong ? pal.heading : pal.text), true});
    keys.push_back(int(a.entities.size()) + it.entity);
  }
  PlaceAndDrawLabels(dl, v, pal, cv, req, labels, keys, obstacles);

  if (app.world.empty()) {
    const char* msg = app.world_error.empty() ? "The world map is not available." : app.world_error.c_str();
    const ImVec2 at(cv.min.x + 12, cv.min.y + 12);
    dl->AddRectFilled(ImVec2(at.x - 6, at.y - 4), ImVec2(cv.max.x - 6, at.y + 40), WithAlpha(pal.page, 0.92f), 4);
    ImGui::SetCursorScreenPos(at);
    ImGui::PushTextWrapPos(cv.max.x - 14);
    ImGui::TextWrapped("%s", msg);
    ImGui::PopTextWrapPos();
  } else if (v.story.markers.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(cv.min.x + 12, cv.min.y + 10));
    ImGui::TextDisabled("No place in this story could be put on the map.");
  }

  // Hover tooltips; not for touch, where the "hover" is only where the last tap was.
  const bool tooltip = hovered && !v.dragging && io.MouseSource != ImGuiMouseSource_TouchScreen &&
                       (v.hovered >= 0 || v.hovered_country >= 0);
  if (tooltip && ImGui::BeginTooltip()) {
    if (v.hovered >= 0) {
      EntityTooltipLines(app, a.entities[size_t(v.hovered)]);
    } else if (v.hovered_country >= 0) {
      ImGui::TextUnformatted(app.world.countries[size_t(v.hovered_country)].name.c_str());
    }
    ImGui::EndTooltip();
  }
  return animating || active;
}

// [SECTION] Details --------------------------------------------------------------------------------

// A keyword-in-context line: the sentence cut at word boundaries so that `hit` fits in `width`,
// with "…" where it was cut.
struct Snippet {
  std::string before, hit, after;
};

Snippet MakeSnippet(const lectern::Document& doc, Span sentence, Span hit, ImFont* font, ImFont* bold, float size,
                    float width) {
  Snippet s;
  if (sentence.empty()) sentence = hit;
  hit.begin = std::clamp(hit.begin, sentence.begin, sentence.end);
  hit.end = std::clamp(hit.end, hit.begin, sentence.end);
  s.before = lectern::ToValidLine(doc.Text({sentence.begin, hit.begin}));
  s.hit = lectern::ToValidLine(doc.Text(hit));
  s.after = lectern::ToValidLine(doc.Text({hit.end, sentence.end}));
  const std::string ell = "\xE2\x80\xA6";
  const float hit_w = MeasureText(bold, size, s.hit);
  float room = std::max(0.0f, width - hit_w);
  const float before_w = MeasureText(font, size, s.before), after_w = MeasureText(font, size, s.after);
  if (before_w + after_w <= room) return s;
  // Give the left side up to 40% of the room (more when the right side is short).
  const float left_room = std::max(room * 0.4f, room - after_w);
  if (before_w > left_room) {
    std::vector<size_t> starts;  // word starts, cut candidates
    for (size_t i = 1; i < s.before.size(); ++i)
      if (s.before[i - 1] == ' ' && s.before[i] != ' ') starts.push_back(i);
    size_t lo = 0, hi = starts.size();  // the first start whose tail fits
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (MeasureText(font, size, ell + s.before.substr(starts[mid])) <= left_room) hi = mid;
      else lo = mid + 1;
    }
    s.before = lo < starts.size() ? ell + s.before.substr(starts[lo]) : ell;
  }
  room -= MeasureText(font, size, s.before);
  if (MeasureText(font, size, s.after) > room) {
    std::vector<size_t> ends;  // cut before each space
    for (size_t i = 1; i < s.after.size(); ++i)
      if (s.after[i] == ' ' && s.after[i - 1] != ' ') ends.push_back(i);
    size_t lo = 0, hi = ends.size();  // the number of ends that fit
    while (lo < hi) {
      const size_t mid = (lo + hi + 1) / 2;
      if (MeasureText(font, size, s.after.substr(0, ends[mid - 1]) + ell) <= room) lo = mid;
      else hi = mid - 1;
    }
    s.after = lo > 0 ? s.after.substr(0, ends[lo - 1]) + ell : ell;
  }
  return s;
}

// Draws a snippet as one clickable row; the full sentence shows on hover. True when clicked.
bool SnippetRow(AppState& app, const char* id, const Snippet& s, const std::string& full, ImU32 hit_col, ImU32 hit_bg,
                const std::string& target) {
  const Palette& pal = GetPalette(app.settings.theme);
  ImFont* font = Font(app.fonts.sans);
  ImFont* bold = Font(app.fonts.sans_bold);
  const float size = ImGui::GetFontSize();
  const float w = ImGui::GetContentRegionAvail().x, h = size + 8;
  const bool clicked = ImGui::InvisibleButton(id, ImVec2(std::max(w, 10.0f), h));
  RecordVisibleTarget(app, target);
  const ImVec2 p = ImGui::GetItemRectMin();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool hov = ImGui::IsItemHovered();
  if (hov) {
    dl->AddRectFilled(p, ImGui::GetItemRectMax(), ImGui::GetColorU32(ImGuiCol_HeaderHovered), 4);
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  }
  float x = p.x + 4;
  const float y = p.y + 4;
  dl->AddText(font, size, ImVec2(x, y), pal.muted, s.before.c_str());
  x += MeasureText(font, size, s.before);
  const float hw = MeasureText(bold, size, s.hit);
  if (!s.hit.empty()) dl->AddRectFilled(ImVec2(x - 2, y - 1), ImVec2(x + hw + 2, y + size + 2), hit_bg, 3);
  dl->AddText(bold, size, ImVec2(x, y), hit_col, s.hit.c_str());
  x += hw;
  dl->AddText(font, size, ImVec2(x, y), pal.muted, s.after.c_str());
  if (hov && ImGui::BeginTooltip()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(full.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("Click to show it in the article");
    ImGui::EndTooltip();
  }
  return clicked;
}

// A clickable entity name in its type's colour (a small link).
bool EntityLink(AppState& app, const Entity& e, const std::string& target) {
  const Palette& pal = GetPalette(app.settings.theme);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(TypeColor(pal, e.type)));
  ImGui::PushFont(app.fonts.sans_bold, 0.0f);
  const std::string label = lectern::ToValidLine(e.name) + "##" + target;
  const ImVec2 size = ImGui::CalcTextSize(label.c_str(), nullptr, true);
  const bool clicked = ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_None, size);
  ImGui::PopFont();
  ImGui::PopStyleColor();
  RecordVisibleTarget(app, target);
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return clicked;
}

// The first mention of `entity` inside `span`, or an empty span.
Span MentionIn(const Analysis& a, int entity, Span span) {
  if (entity < 0) return {};
  for (const lectern::Mention& m : a.entities[size_t(entity)].mentions)
    if (m.span.begin >= span.begin && m.span.end <= span.end) return m.span;
  return {};
}

void DrawEntityDetails(EntityMapView& v, AppState& app, const Analysis& a, int sel) {
  const lectern::Document& doc = *app.OpenDocument();
  const Palette& pal = GetPalette(app.settings.theme);
  const Entity& e = a.entities[size_t(sel)];
  const float avail = ImGui::GetContentRegionAvail().x;
  ImFont* font = Font(app.fonts.sans);
  ImFont* bold = Font(app.fonts.sans_bold);
  const float size = ImGui::GetFontSize();

  // Heading: shape, name, type and role, and a way back to the list.
  {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    DrawShape(ImGui::GetWindowDrawList(), e.type, ImVec2(p.x + 8, p.y + 11), 6.5f, TypeColor(pal, e.type), pal.page, 1.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 22, p.y));
    ImGui::PushFont(app.fonts.sans_bold, size * 1.2f);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + avail - 52);
    ImGui::TextWrapped("%s", lectern::ToValidLine(e.name).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(p.x + avail - 24, p.y));
    if (ImGui::SmallButton("\xC3\x97")) Select(app, a, -1);  // ×
    RecordTarget(app, "map.details.close");
    ImGui::SetItemTooltip("Clear the selection");
    ImGui::SetCursorScreenPos(after);
  }
  ImGui::TextDisabled("%s%s%s \xC2\xB7 %d mention%s", kTypeSingular[int(e.type)], e.role.empty() ? "" : " \xC2\xB7 ",
                      lectern::ToValidLine(e.role).c_str(), int(e.mentions.size()), e.mentions.size() == 1 ? "" : "s");
  const int node = v.graph.entity_node.size() > size_t(sel) ? v.graph.entity_node[size_t(sel)] : -1;
  if (node >= 0 && v.layout.pinned[size_t(node)]) {
    ImGui::SameLine();
    if (ImGui::SmallButton("Unpin")) lectern::UnpinNode(v.layout, node), v.pins_changed = true;
    RecordTarget(app, "map.details.unpin");
  }

  // Mentions, each in its sentence.
  ImGui::Spacing();
  char title[64];
  std::snprintf(title, sizeof title, "Mentions (%d)", int(e.mentions.size()));
  ImGui::SeparatorText(title);
  const int shown_mentions = v.all_mentions ? int(e.mentions.size()) : std::min(int(e.mentions.size()), 8);
  for (int k = 0; k < shown_mentions; ++k) {
    const Span m = e.mentions[size_t(k)].span;
    const Span sentence = lectern::SentenceAt(a, m.begin);
    ImGui::PushID(k);
    const Snippet s = MakeSnippet(doc, sentence, m, font, bold, size, avail - 8);
    // The mention the article shows now is marked with a bar in the focus colour.
    if (app.selection.mention == k) {
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x - 4, p.y + 3), ImVec2(p.x - 1, p.y + size + 5), pal.focus, 1.5f);
    }
    if (SnippetRow(app, "##mention", s, lectern::ToValidLine(doc.Text(sentence.empty() ? m : sentence)), TypeColor(pal, e.type),
                   TypeBackground(pal, e.type), "map.mention." + std::to_string(k)))
      RevealInArticle(app, a, sel, m, k);
    ImGui::PopID();
  }
  if (int(e.mentions.size()) > shown_mentions) {
    if (ImGui::SmallButton(("Show all " + std::to_string(e.mentions.size()) + " mentions").c_str())) v.all_mentions = true;
    RecordTarget(app, "map.mentions.all");
  }

  // Relations, one group per related entity: what the story says of the two ("president of",
  // "visit to"), how often they appear together, and the sentences that support it. Groups with
  // a typed relation first, then by shared sentences.
  struct Group {
    int other = -1;
    std::vector<int> typed;   // relation indices
    int together = -1;        // the co-occurrence relation, if any
    size_t sentences = 0;
  };
  std::vector<Group> groups;
  for (size_t r = 0; r < a.relations.size(); ++r) {
    const lectern::Relation& rel = a.relations[r];
    if (rel.source != sel && rel.target != sel) continue;
    const int other = rel.source == sel ? rel.target : rel.source;
    if (!EntityAt(&a, other) || other == sel) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.other == other; });
    if (it == groups.end()) it = groups.insert(groups.end(), Group{other, {}, -1, 0});
    if (rel.kind == lectern::RelationKind::CoOccurrence) it->together = int(r);
    else it->typed.push_back(int(r));
    it->sentences = std::max(it->sentences, rel.evidence.size());
  }
  std::stable_sort(groups.begin(), groups.end(), [](const Group& x, const Group& y) {
    if (x.typed.empty() != y.typed.empty()) return !x.typed.empty();
    return x.sentences > y.sentences;
  });
  ImGui::Spacing();
  std::snprintf(title, sizeof title, "Relations (%d)", int(groups.size()));
  ImGui::SeparatorText(title);
  if (groups.empty()) ImGui::TextDisabled("The story does not connect it to anyone or anything else.");
  const int shown_groups = v.all_relations ? int(groups.size()) : std::min(int(groups.size()), 10);
  for (int k = 0; k < shown_groups; ++k) {
    const Group& g = groups[size_t(k)];
    const Entity& o = a.entities[size_t(g.other)];
    ImGui::PushID(k);
    const std::string target = "map.relation." + std::to_string(k);
    bool go = false;
    // "Ana Ruiz president of Chile": the selected entity plain, the other one a link.
    auto name = [&](int who) {
      if (who != g.other) {
        ImGui::TextUnformatted(lectern::ToValidLine(e.name).c_str());
        return;
      }
      go |= EntityLink(app, o, target);
    };
    for (int ri : g.typed) {
      const lectern::Relation& r = a.relations[size_t(ri)];
      name(r.source);
      ImGui::SameLine(0, 5);
      ImGui::TextDisabled("%s", lectern::ToValidLine(lectern::RelationLabel(r)).c_str());
      ImGui::SameLine(0, 5);
      name(r.target);
    }
    if (g.together >= 0) {
      const size_t n = a.relations[size_t(g.together)].evidence.size();
      if (g.typed.empty()) {
        ImGui::TextDisabled("with");
        ImGui::SameLine(0, 5);
        go |= EntityLink(app, o, target);
        ImGui::SameLine(0, 6);
      } else {
        ImGui::TextDisabled("   ");
        ImGui::SameLine(0, 0);
      }
      ImGui::TextDisabled("%d sentence%s together", int(n), n == 1 ? "" : "s");
    }
    if (go) {
      v.centre_on_select = true;
      Select(app, a, g.other);
    }
    // The supporting sentences: typed relations' evidence first, without repeats.
    std::vector<Span> evidence;
    for (int ri : g.typed)
      for (Span ev : a.relations[size_t(ri)].evidence)
        if (std::find(evidence.begin(), evidence.end(), ev) == evidence.end()) evidence.push_back(ev);
    if (g.together >= 0)
      for (Span ev : a.relations[size_t(g.together)].evidence)
        if (std::find(evidence.begin(), evidence.end(), ev) == evidence.end()) evidence.push_back(ev);
    ImGui::Indent(10);
    const int shown_ev = std::min(int(evidence.size()), v.all_relations ? 6 : 3);
    for (int j = 0; j < shown_ev; ++j) {
      const Span ev = evidence[size_t(j)];
      Span hit = MentionIn(a, g.other, ev);
      if (hit.empty()) hit = MentionIn(a, sel, ev);
      if (hit.empty()) hit = {ev.begin, ev.begin};
      ImGui::PushID(j);
      const Snippet s = MakeSnippet(doc, ev, hit, font, bold, size, ImGui::GetContentRegionAvail().x - 8);
      if (SnippetRow(app, "##evidence", s, lectern::ToValidLine(doc.Text(ev)), TypeColor(pal, o.type), TypeBackground(pal, o.type),
                     "map.evidence." + std::to_string(k) + "." + std::to_string(j)))
        RevealInArticle(app, a, sel, ev, -1);
      ImGui::PopID();
    }
    ImGui::Unindent(10);
    ImGui::Spacing();
    ImGui::PopID();
  }
  if (int(groups.size()) > shown_groups) {
    if (ImGui::SmallButton(("Show all " + std::to_string(groups.size()) + " related").c_str())) v.all_relations = true;
    RecordTarget(app, "map.relations.all");
  }
}

// With nothing selected: the entities (after filters and search), most central first.
void DrawEntityList(EntityMapView& v, AppState& app, const Analysis& a) {
  const Palette& pal = GetPalette(app.settings.theme);
  int shown = 0;
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    if (!v.show_type[int(e.type)] || !Matches(e.name, v.search)) continue;
    ++shown;
    ImGui::PushID(int(i));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string label = "      " + lectern::ToValidLine(e.name);
    if (ImGui::Selectable(label.c_str(), false)) {
      v.centre_on_select = true;
      Select(app, a, int(i));
    }
    RecordVisibleTarget(app, "map.entity." + e.id);
    const float h = ImGui::GetItemRectSize().y;
    DrawShape(ImGui::GetWindowDrawList(), e.type, ImVec2(p.x + 9, p.y + h * 0.5f), 5.5f, TypeColor(pal, e.type), pal.page, 1.0f);
    char count[16];
    std::snprintf(count, sizeof count, "%d", int(e.mentions.size()));
    const float cw = ImGui::CalcTextSize(count).x;
    ImGui::GetWindowDrawList()->AddText(ImVec2(ImGui::GetItemRectMax().x - cw - 4, p.y + (h - ImGui::GetFontSize()) * 0.5f),
                                        pal.muted, count);
    ImGui::PopID();
  }
  if (shown == 0) {
    ImGui::TextDisabled(v.search.empty() ? "Nothing to list with these filters." : "No name matches the search.");
  }
}

// [SECTION] Toolbar and legend ---------------------------------------------------------------------

// Returns true when the reader asked to fit the view.
bool DrawToolbar(EntityMapView& v, AppState& app, const Analysis& a) {
  const Palette& pal = GetPalette(app.settings.theme);
  bool fit = false;
  // Graph | Map, as a segmented control; `map.toggle` is whichever switches to the other view.
  for (int k = 0; k < 2; ++k) {
    const bool active = (k == 1) == v.show_map;
    if (k) ImGui::SameLine(0, 0);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(active ? ImGuiCol_HeaderActive : ImGuiCol_FrameBg));
    ImGui::PushFont(active ? app.fonts.sans_bold : nullptr, 0.0f);
    if (ImGui::Button(k == 0 ? "Graph" : "Map") && v.show_map != (k == 1)) {
      v.show_map = k == 1;
      v.centre_entity = app.selection.entity;  // keep the reader's focus across the switch
      if (v.show_map && app.world_state == AppState::Asset::Failed) app.world_state = AppState::Asset::NotRequested;
    }
    ImGui::PopFont();
    ImGui::PopStyleColor();
    RecordTarget(app, k == 0 ? "map.view.graph" : "map.view.map");
    if (!active) RecordTarget(app, "map.toggle");
    ImGui::SetItemTooltip(k == 0 ? "Who and what the story connects" : "Where the story takes place");
  }
  ImGui::SameLine();
  if (ImGui::Button("Fit")) fit = true;
  RecordTarget(app, "map.fit");
  ImGui::SetItemTooltip("Show everything");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(80.0f, std::min(240.0f, ImGui::GetContentRegionAvail().x)));
  if (v.focus_search) {
    ImGui::SetKeyboardFocusHere();
    v.focus_search = false;
  }
  if (ImGui::InputTextWithHint("##map-search", "Search names", &v.search, ImGuiInputTextFlags_EnterReturnsTrue)) {
    // Enter: select the most central match.
    for (size_t i = 0; i < a.entities.size(); ++i) {
      if (v.show_type[int(a.entities[i].type)] && Matches(a.entities[i].name, v.search)) {
        v.centre_on_select = true;
        Select(app, a, int(i));
        break;
      }
    }
  }
  RecordTarget(app, "map.search");
  if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGuiKey_Escape)) v.search.clear();

  // Type filters, with the type's shape and colour and a count.
  int counts[4] = {0, 0, 0, 0};
  for (const Entity& e : a.entities) ++counts[int(e.type)];
  for (int t = 0; t < 4; ++t) {
    char label[64];
    std::snprintf(label, sizeof label, "      %s %d###filter%d", kTypePlural[t], counts[t], t);
    if (t > 0)
      SameLineIfFits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x, 14);
    ImGui::Checkbox(label, &v.show_type[t]);
    RecordTarget(app, std::string("map.filter.") + kTypeKeys[t]);
    const ImVec2 p = ImGui::GetItemRectMin();
    const float fh = ImGui::GetFrameHeight();
    DrawShape(ImGui::GetWindowDrawList(), EntityType(t), ImVec2(p.x + fh + ImGui::GetStyle().ItemInnerSpacing.x + 7, p.y + fh * 0.5f),
              5.0f, v.show_type[t] ? TypeColor(pal, EntityType(t)) : pal.muted, pal.page, 1.0f);
  }
  return fit;
}

void DrawLegend(AppState& app, const EntityMapView& v, const Canvas& cv) {
  const Palette& pal = GetPalette(app.settings.theme);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = Font(app.fonts.sans);
  const float size = kSmallSize;
  float w = 10;
  for (int t = 0; t < 4; ++t) w += 18 + MeasureText(font, size, kTypeSingular[t]) + 8;
  const char* extra = v.show_map ? "size: mentions" : "size: salience";
  w += MeasureText(font, size, extra) + 6;
  if (w > cv.W() - 16) return;  // too narrow: the filters above say the same
  const ImVec2 p(cv.min.x + 8, cv.max.y - size - 16);
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + size + 10), WithAlpha(pal.page, 0.88f), 5);
  float x = p.x + 8;
  const float cy = p.y + (size + 10) * 0.5f;
  for (int t = 0; t < 4; ++t) {
    const EntityType type = EntityType(t);
    DrawShape(dl, v.show_map && type == EntityType::Place ? EntityType::Person : type, ImVec2(x + 5, cy), 4.5f,
              TypeColor(pal, type), pal.page, 1.0f);
    x += 14;
    dl->AddText(font, size, ImVec2(x, cy - size * 0.5f - 1), pal.muted, kTypeSingular[t]);
    x += MeasureText(font, size, kTypeSingular[t]) + 12;
  }
  dl->AddText(font, size, ImVec2(x, cy - size * 0.5f - 1), pal.muted, extra);
}

// Zoom buttons in the canvas's top right corner (for readers without a wheel or a trackpad).
void DrawZoomButtons(EntityMapView& v, AppState& app, const Canvas& cv) {
  MapCamera& cam = v.show_map ? v.map_camera : v.graph_camera;
  const double lo = v.show_map ? v.world_zoom * 0.6 : 0.04, hi = v.show_map ? v.world_zoom * 64 : 6.0;
  const float bw = ImGui::GetFrameHeight();
  ImGui::SetCursorScreenPos(ImVec2(cv.max.x - bw - 8, cv.min.y + 8));
  if (ImGui::Button("+", ImVec2(bw, bw))) cam.tzoom = std::min(hi, cam.tzoom * 1.5), cam.follow_fit = false;
  RecordTarget(app, "map.zoom.in");
  ImGui::SetCursorScreenPos(ImVec2(cv.max.x - bw - 8, cv.min.y + 10 + bw));
  if (ImGui::Button("\xE2\x80\x93", ImVec2(bw, bw))) cam.tzoom = std::max(lo, cam.tzoom / 1.5), cam.follow_fit = false;  // –
  RecordTarget(app, "map.zoom.out");
}

}  // namespace

// [SECTION] Window ---------------------------------------------------------------------------------

bool DrawEntityMapContents(EntityMapView& v, AppState& app) {
  const Analysis* a = app.OpenAnalysis();
  if (!a || !app.OpenDocument()) {
    ImGui::TextDisabled("Open an article to see who and what it is about.");
    return false;
  }
  if (a->entities.empty()) {
    ImGui::TextDisabled("No people, places or organisations were found in this article.");
    return false;
  }
  const std::string& article_id = app.OpenDocument()->id;
  EnsureModel(v, *a, app.world, article_id);
  const bool fit = DrawToolbar(v, app, *a);
  // The toolbar's view switch and filters may have changed the model.
  EnsureModel(v, *a, app.world, article_id);

  // Canvas beside the details when the window is wide, above them when it is narrow.
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool side = avail.x >= 720;
  const float details_w = side ? std::clamp(avail.x * 0.34f, 280.0f, 380.0f) : avail.x;
  const ImVec2 canvas_size = side ? ImVec2(avail.x - details_w - ImGui::GetStyle().ItemSpacing.x, avail.y)
                                  : ImVec2(avail.x, std::max(200.0f, std::floor(avail.y * 0.62f)));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  Canvas cv{origin, ImVec2(origin.x + canvas_size.x, origin.y + canvas_size.y)};
  if (cv.W() < 40 || cv.H() < 40) return false;

  // A selection made elsewhere (or in this window's lists) brings its node or marker into view.
  const bool selection_changed = v.seen_serial != app.selection.serial;
  if (selection_changed) {
    v.seen_serial = app.selection.serial;
    v.all_mentions = v.all_relations = false;
    if (app.selection.origin != lectern::SelectOrigin::Map || v.centre_on_select) v.centre_entity = app.selection.entity;
    v.centre_on_select = false;
  }
  if (fit) v.centre_entity = -1;
  // Fit: the view follows the content again (for the map: a link then carries no map view).
  if (fit) (v.show_map ? v.map_camera : v.graph_camera).follow_fit = true;

  bool animating = false;
  ImDrawList* under = ImGui::GetWindowDrawList();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::BeginChild("##map-canvas", canvas_size, ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
  ImGui::PopStyleVar();
  // Two channels: the zoom buttons and the legend on top, but the buttons submitted first so
  // that they, not the canvas under them, take the pointer. (ImGui's AllowOverlap would make
  // the canvas ignore a press in the first frame of hovering: touch taps and fast clicks.)
  ImDrawList* canvas_list = ImGui::GetWindowDrawList();
  canvas_list->ChannelsSplit(2);
  canvas_list->ChannelsSetCurrent(1);
  DrawZoomButtons(v, app, cv);
  canvas_list->ChannelsSetCurrent(0);
  if (v.show_map) {
    animating |= DrawMap(v, app, *a, cv, under, fit);
  } else {
    animating |= DrawGraph(v, app, *a, cv, under);
    if (v.graph.nodes.empty()) {
      ImGui::SetCursorScreenPos(ImVec2(cv.min.x + 12, cv.min.y + 10));
      ImGui::TextDisabled("Every type is hidden: tick one above to show it.");
    }
  }
  canvas_list->ChannelsSetCurrent(1);
  DrawLegend(app, v, cv);
  canvas_list->ChannelsMerge();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  // The canvas's border, drawn over its edge.
  under->AddRect(cv.min, cv.max, GetPalette(app.settings.theme).rule, 4.0f);

  // Details: the selection, or the list of entities.
  if (side) ImGui::SameLine();
  ImGui::BeginChild("##map-details", ImVec2(details_w, 0), ImGuiChildFlags_None);
  const int sel = app.selection.entity;
  if (sel >= 0 && sel < int(a->entities.size())) {
    DrawEntityDetails(v, app, *a, sel);
  } else {
    ImGui::TextDisabled("Select a name to see where the story mentions it.");
    ImGui::Spacing();
    DrawEntityList(v, app, *a);
  }
  ImGui::EndChild();
  if (v.pins_changed && !v.dragging) {  // once a drag ends, not every frame of it
    StoreSetting(app, PinsKey(article_id), lectern::FormatPins(v.layout));
    v.pins_changed = false;
  }
  return animating;
}

double MapZoomLevel(const EntityMapView& v) {
  return v.world_zoom > 0 ? v.map_camera.zoom / v.world_zoom : 1.0;
}

bool ReaderMapView(const EntityMapView& v, double* lat, double* lon, double* zoom) {
  if (v.linked_map_view.pending) {  // asked for, not drawn yet: still what the link says
    *lat = v.linked_map_view.lat, *lon = v.linked_map_view.lon, *zoom = v.linked_map_view.zoom;
    return true;
  }
  const MapCamera& cam = v.map_camera;
  if (!cam.placed || cam.follow_fit || !(v.world_zoom > 0)) return false;
  // Where the camera is going (mid-glide, the link is its destination).
  if (!lectern::InverseEqualEarth({float(cam.tx), float(cam.ty)}, lat, lon)) return false;
  *zoom = cam.tzoom / v.world_zoom;
  return true;
}

// [SECTION] World map asset ------------------------------------------------------------------------

void RequestWorldMap(AppState& app) {
  if (app.world_state == AppState::Asset::Loading || app.world_state == AppState::Asset::Ready) return;
  app.world_state = AppState::Asset::Loading;
  app.world_error.clear();
  // The app state outlives every fetch: the page has one app, for as long as it is open.
  platform::FetchAsset("world.bin", [&app](std::string bytes, std::string error) {
    if (error.empty()) {
      lectern::ParseWorldMap(bytes, app.world, error);
    } else {
      error = "The world map could not be loaded (" + error + "). It is tried again when the map is next shown.";
    }
    app.world_state = error.empty() ? AppState::Asset::Ready : AppState::Asset::Failed;
    if (!error.empty()) {
      app.world = lectern::WorldMap{};
      app.world_error = error;
      AddNotice(app, error, 12);
    }
  });
}
