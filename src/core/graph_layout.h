// graph_layout.h — the entity graph's layout: a deterministic force-directed simulation that
// settles, keeps its shape when the graph is filtered, and places labels that do not collide.
//
//   EntityGraph g = BuildEntityGraph(analysis, include);   // nodes = entities, edges = relations
//   GraphLayout layout;
//   SetGraph(layout, g.nodes, g.edges);      // nodes keep the positions they had (by key)
//   bool settled = StepLayout(layout, 6);    // a few iterations a frame, until it settles
//   PinNode(layout, i, x, y);                // a dragged node stays where it was put
//
//   std::vector<LabelPlacement> p = PlaceLabels(labels, obstacles, bounds);  // greedy, by priority
//
// Contracts:
//  - Deterministic: the same nodes and edges (same order) give bit-identical positions after the
//    same number of steps. No randomness: initial positions come from a phyllotaxis spiral in
//    input order (most salient first, so it lands in the middle) and, for nodes added later,
//    from their neighbours and a hash of their key. The number of iterations to settle does not
//    depend on frame timing, so the settled picture is the same however fast frames come.
//  - Finite: positions and velocities are never NaN or infinite, whatever the input (coincident
//    nodes, zero, negative, NaN or huge weights and radii, 0, 1 or thousands of nodes).
//  - Stable: SetGraph keeps every node whose key it has seen (also nodes filtered out and back in)
//    where it was, and pulls kept nodes toward those positions while the rest settles.
//  - Bounded: a gravity term keeps disconnected parts together, so the layout's extent grows with
//    the square root of the total node area, not with the node count.
//
// Units are "layout units": pixels at zoom 1. The view scales and pans; the layout never knows.
//
// [SECTION] Layout
// [SECTION] Label placement
// [SECTION] From an analysis
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct Analysis;

struct Vec2 {
  double x = 0, y = 0;
};

// [SECTION] Layout --------------------------------------------------------------------------------

struct LayoutNode {
  std::string key;          // stable identity across SetGraph calls (an entity id)
  double radius = 10;       // collision radius; clamped to [1, 1000], NaN -> 10
  double charge = 1;        // repulsion multiplier (bigger nodes claim more room); [0, 100]
};

struct LayoutEdge {
  int a = -1, b = -1;       // node indices; invalid or self edges are ignored
  double weight = 1;        // > 0 pulls; 0, negative or NaN: no force. Relative to the max
};

struct LayoutParams {
  double link_distance = 70;    // rest length between the rims of two linked nodes
  double charge = -300;         // many-body strength (negative repels), per unit charge
  double gravity = 0.08;        // pull toward the origin; keeps components together
  double theta = 0.9;           // Barnes–Hut opening criterion (0: exact, O(n²))
  double collide_padding = 6;   // space kept between node rims
  double collide_strength = 0.8;
  double velocity_decay = 0.4;  // share of velocity lost each iteration
  double alpha_min = 0.002;     // below this the layout is settled
  double alpha_decay = 0.0228;  // ~270 iterations from 1 to alpha_min
  double reheat = 0.35;         // alpha after SetGraph changed a laid-out graph
  double anchor = 0.4;          // pull of kept nodes toward where they were (after SetGraph)
  double max_speed = 80;        // cap on the distance a node moves in one iteration
};

struct GraphLayout {
  LayoutParams params;
  std::vector<LayoutNode> nodes;
  std::vector<LayoutEdge> edges;          // sanitised: valid, weights normalised to (0, 1]
  std::vector<Vec2> pos;                  // current positions, one per node
  std::vector<Vec2> vel;
  std::vector<uint8_t> pinned;            // 1: position fixed (dragged by the reader)
  std::vector<Vec2> anchor;               // where kept nodes were before SetGraph
  std::vector<uint8_t> has_anchor;
  double alpha = 0;                       // simulation "temperature": 1 hot, < alpha_min settled
  double alpha_target = 0;                // > 0 while a node is being dragged
  long iterations = 0;                    // since the last SetGraph
  bool settled = true;

  struct Remembered {
    Vec2 pos;
    bool pinned = false;
  };
  std::map<std::string, Remembered> memory;  // every node ever laid out, by key (pos, pin)
};

// Replaces the graph. Nodes seen before (by key) keep their position and pin; new nodes start
// near their already-placed neighbours (or on the spiral when none). Returns true if anything
// changed (and the layout is then not settled). Identical input leaves a settled layout settled.
bool SetGraph(GraphLayout& layout, std::vector<LayoutNode> nodes, std::vector<LayoutEdge> edges);

// Runs up to `max_iterations` iterations; returns true when the layout is settled (then further
// calls do nothing). When it settles, a final pass removes remaining overlaps.
bool StepLayout(GraphLayout& layout, int max_iterations);

// Fixes node i at (x, y) (while dragging, call every frame); UnpinNode releases it. Both warm
// the simulation a little so the neighbours follow. Out-of-range indices are ignored.
void PinNode(GraphLayout& layout, int node, double x, double y);
void UnpinNode(GraphLayout& layout, int node);
// While the reader drags a node the simulation stays warm (alpha_target); false lets it settle.
void SetDragging(GraphLayout& layout, bool dragging);

// The reader's pins, for storage: every node ever pinned (shown or filtered out), "key x y" a
// line, in key order. RestorePins reads that text into a fresh layout's memory, so the next
// SetGraph puts those nodes where the reader left them; malformed lines (a key with spaces or
// control characters, a number that is not finite or beyond ±1e6) are skipped.
std::string FormatPins(const GraphLayout& layout);
void RestorePins(GraphLayout& layout, std::string_view text);

// Axis-aligned bounds of the nodes including their radii; {0,0,0,0} for an empty layout.
struct Bounds {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double Width() const { return x1 - x0; }
  double Height() const { return y1 - y0; }
};
Bounds LayoutBounds(const GraphLayout& layout);

// Index of the node under (x, y) (the topmost, i.e. the last drawn, when several), or -1.
// `slop` widens every node's radius (touch targets).
int NodeAt(const GraphLayout& layout, double x, double y, double slop = 0);

// Points on a circle of `radius` around `centre`, evenly spaced starting at `start_angle`
// (radians, 0 = +x, y down). For satellites around a map marker.
std::vector<Vec2> RingPositions(Vec2 centre, double radius, int count, double start_angle);

// [SECTION] Label placement -----------------------------------------------------------------------

struct LabelRequest {
  double x = 0, y = 0;      // anchor centre
  double radius = 0;        // anchor radius: candidates sit just outside it
  double w = 0, h = 0;      // label box
  double priority = 0;      // higher is placed first
  bool must_show = false;   // placed even if it collides (the selected entity); still tries
                            // every candidate for a free spot first
  bool centred = false;     // centred on the anchor, or just above or below it (edge labels)
  int prefer = -1;          // candidate used last time (0..7): tried first, so labels don't hop
};

struct Circle {
  double x = 0, y = 0, r = 0;
};

struct LabelPlacement {
  bool visible = false;
  double x = 0, y = 0;      // top-left of the box
  int candidate = -1;       // which candidate was used (feed back as `prefer`)
};

// Greedy placement: labels in order of priority (ties by index) take the first of up to eight
// candidate positions around their anchor (right, left, below, above, then the diagonals) that
// overlaps no placed label and no obstacle circle and lies inside `bounds` (when bounds has a
// positive size). What does not fit is hidden, so zooming in (anchors further apart, labels
// the same size) shows more. Linear in the number of labels (a uniform grid).
std::vector<LabelPlacement> PlaceLabels(const std::vector<LabelRequest>& labels,
                                        const std::vector<Circle>& obstacles, Bounds bounds = {},
                                        double gap = 2);

// [SECTION] From an analysis ----------------------------------------------------------------------

// The graph of a story: one node per included entity, one edge per related pair (co-occurrence
// weights and typed relations merged). Radius grows with the square root of the entity's share
// of salience and mentions.
struct EntityGraph {
  std::vector<LayoutNode> nodes;
  std::vector<int> node_entity;           // node -> entity index
  std::vector<int> entity_node;           // entity index -> node, -1 when filtered out
  std::vector<LayoutEdge> edges;
  struct EdgeInfo {
    std::vector<int> relations;           // indices into Analysis::relations (typed first)
    bool typed = false;                   // has a relation other than co-occurrence
    double weight = 0;                    // raw: co-occurring sentences + 2 per typed relation
  };
  std::vector<EdgeInfo> edge_info;        // parallel to edges
};

// `include[i]` says whether entity i is shown (missing entries count as included).
EntityGraph BuildEntityGraph(const Analysis& a, const std::vector<uint8_t>& include);

// Node radius for an entity with `salience` (0..1) and `mentions`, given the story's maxima.
double EntityRadius(double salience, size_t mentions, double max_salience, size_t max_mentions);

// The sentence that contains byte `offset` (binary search over Analysis::sentences), or an
// empty span. For showing a mention in context.
struct Span;
Span SentenceAt(const Analysis& a, uint32_t offset);

}  // namespace lectern
