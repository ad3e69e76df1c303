// Tests for graph_layout.h: determinism, finiteness on hostile input, bounded extent and no
// overlap at 500 nodes, pins, stability under filtering, label placement, the entity graph.
#include "graph_layout.h"

#include "analysis.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>

using namespace lectern;

namespace {

// A small deterministic generator for test graphs (the layout itself uses no randomness).
struct Lcg {
  uint64_t s;
  uint32_t Next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return uint32_t(s >> 33);
  }
  double Unit() { return Next() / 2147483648.0; }
};

// `n` nodes with radii 7..22, a preferential-attachment-like edge set (hubs, like a story's
// graph), some isolated nodes, and a few heavy edges.
void MakeGraph(size_t n, uint64_t seed, std::vector<LayoutNode>& nodes, std::vector<LayoutEdge>& edges,
               double isolated_share = 0.1) {
  Lcg rng{seed};
  nodes.clear();
  edges.clear();
  for (size_t i = 0; i < n; ++i) {
    LayoutNode node;
    node.key = "entity-" + std::to_string(i);
    node.radius = 7 + 15 * rng.Unit() * rng.Unit();
    node.charge = node.radius / 12;
    nodes.push_back(node);
  }
  for (size_t i = 1; i < n; ++i) {
    if (rng.Unit() < isolated_share) continue;
    const int links = 1 + int(rng.Next() % 3);
    for (int k = 0; k < links; ++k) {
      // Bias toward low indices (the salient entities).
      const double u = rng.Unit();
      const int j = int(double(i) * u * u);
      if (j != int(i)) edges.push_back({int(i), j, 1 + double(rng.Next() % 6)});
    }
  }
}

void Settle(GraphLayout& l, int per_step = 8, int max_steps = 100000) {
  for (int s = 0; s < max_steps && !StepLayout(l, per_step); ++s) {
  }
}

bool AllFinite(const GraphLayout& l) {
  for (size_t i = 0; i < l.pos.size(); ++i)
    if (!std::isfinite(l.pos[i].x) || !std::isfinite(l.pos[i].y) || !std::isfinite(l.vel[i].x) ||
        !std::isfinite(l.vel[i].y))
      return false;
  return std::isfinite(l.alpha);
}

// Deepest overlap between any two node rims, and the share of overlapping pairs.
double MaxOverlap(const GraphLayout& l, int* pairs = nullptr) {
  double worst = 0;
  int count = 0;
  for (size_t i = 0; i < l.nodes.size(); ++i)
    for (size_t j = i + 1; j < l.nodes.size(); ++j) {
      const double d = std::hypot(l.pos[i].x - l.pos[j].x, l.pos[i].y - l.pos[j].y);
      const double o = l.nodes[i].radius + l.nodes[j].radius - d;
      if (o > 0.5) ++count;
      worst = std::max(worst, o);
    }
  if (pairs) *pairs = count;
  return worst;
}

bool SameBits(const std::vector<Vec2>& a, const std::vector<Vec2>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(Vec2)) == 0);
}

}  // namespace

TEST_CASE("layout: the same input gives bit-identical positions, however the steps are chunked") {
  std::vector<LayoutNode> nodes;
  std::vector<LayoutEdge> edges;
  MakeGraph(150, 7, nodes, edges);
  GraphLayout a, b, c;
  SetGraph(a, nodes, edges);
  SetGraph(b, nodes, edges);
  SetGraph(c, nodes, edges);
  Settle(a, 1);
  Settle(b, 1);
  Settle(c, 13);
  CHECK(a.iterations == b.iterations);
  CHECK(a.iterations == c.iterations);
  CHECK(SameBits(a.pos, b.pos));
  CHECK(SameBits(a.pos, c.pos));
  CHECK(a.settled);
  // The settled picture does not drift: stepping a settled layout changes nothing.
  const std::vector<Vec2> before = a.pos;
  CHECK(StepLayout(a, 50));
  CHECK(SameBits(before, a.pos));
}

TEST_CASE("layout: settles in a bounded number of iterations") {
  std::vector<LayoutNode> nodes;
  std::vector<LayoutEdge> edges;
  MakeGraph(100, 3, nodes, edges);
  GraphLayout l;
  SetGraph(l, nodes, edges);
  Settle(l, 6);
  CHECK(l.settled);
  CHECK(l.iterations > 50);
  CHECK(l.iterations < 400);
}

TEST_CASE("layout: never NaN or infinite, whatever the input") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();

  SUBCASE("no nodes") {
    GraphLayout l;
    SetGraph(l, {}, {});
    CHECK(StepLayout(l, 10));
    CHECK(LayoutBounds(l).Width() == 0);
    CHECK(NodeAt(l, 0, 0) == -1);
  }
  SUBCASE("one node, and an edge to itself and to nowhere") {
    GraphLayout l;
    SetGraph(l, {{"solo", 12, 1}}, {{0, 0, 1}, {0, 5, 1}, {-1, 0, 1}});
    CHECK(l.edges.empty());
    Settle(l);
    CHECK(AllFinite(l));
    CHECK(std::fabs(l.pos[0].x) < 50);
  }
  SUBCASE("every node at the same spot") {
    GraphLayout l;
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    MakeGraph(60, 11, nodes, edges);
    for (const LayoutNode& n : nodes) l.memory[n.key] = {{5, 5}, false};
    SetGraph(l, nodes, edges);
    Settle(l);
    CHECK(AllFinite(l));
    CHECK(MaxOverlap(l) < 1.0);  // they came apart
  }
  SUBCASE("zero, negative, NaN, infinite and huge weights; NaN and huge radii") {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    MakeGraph(40, 5, nodes, edges);
    nodes[3].radius = nan;
    nodes[4].radius = inf;
    nodes[5].radius = -3;
    nodes[6].charge = nan;
    nodes[7].charge = 1e300;
    edges.push_back({1, 2, 0});
    edges.push_back({2, 3, -5});
    edges.push_back({3, 4, nan});
    edges.push_back({4, 5, inf});
    edges.push_back({5, 6, 1e300});
    edges.push_back({6, 7, 1e-300});
    GraphLayout l;
    SetGraph(l, nodes, edges);
    for (const LayoutEdge& e : l.edges) CHECK((e.weight > 0 && e.weight <= 1));
    for (const LayoutNode& n : l.nodes) CHECK((n.radius >= 1 && n.radius <= 1000));
    Settle(l);
    CHECK(AllFinite(l));
  }
  SUBCASE("500 disconnected nodes") {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    MakeGraph(500, 9, nodes, edges);
    GraphLayout l;
    SetGraph(l, nodes, {});
    Settle(l);
    CHECK(AllFinite(l));
  }
}

TEST_CASE("layout: 500 nodes settle in a bounded number of iterations, compact and without overlap") {
  for (double isolated : {0.1, 0.6}) {
    CAPTURE(isolated);
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    MakeGraph(500, 21, nodes, edges, isolated);
    GraphLayout l;
    SetGraph(l, nodes, edges);
    Settle(l, 10);
    // Work done, not time: the cooling schedule settles any graph in about 270 iterations.
    MESSAGE("500 nodes settled in " << l.iterations << " iterations");
    CHECK(l.iterations <= 400);
    CHECK(AllFinite(l));

    // Extent: compare the bounding box with the side of a square holding all node discs.
    double area = 0;
    for (const LayoutNode& n : l.nodes) area += 3.14159265 * n.radius * n.radius;
    const Bounds b = LayoutBounds(l);
    const double side = std::sqrt(area);
    MESSAGE("bounds " << b.Width() << " x " << b.Height() << ", sqrt(total node area) " << side);
    CHECK(b.Width() < 6.5 * side);
    CHECK(b.Height() < 6.5 * side);
    CHECK(b.Width() > side);  // and not collapsed either

    int pairs = 0;
    const double worst = MaxOverlap(l, &pairs);
    MESSAGE("deepest overlap " << worst << " px, overlapping pairs " << pairs);
    CHECK(worst < 1.0);
    CHECK(pairs == 0);
  }
}

TEST_CASE("layout: a pinned node stays exactly where it was put") {
  std::vector<LayoutNode> nodes;
  std::vector<LayoutEdge> edges;
  MakeGraph(80, 13, nodes, edges);
  GraphLayout l;
  SetGraph(l, nodes, edges);
  PinNode(l, 0, 300, -200);
  PinNode(l, 5, 300, -200);  // two pins on one spot: the others must still come apart
  UnpinNode(l, 5);
  PinNode(l, 7, -150.5, 42.25);
  Settle(l);
  CHECK(l.pos[0].x == 300);
  CHECK(l.pos[0].y == -200);
  CHECK(l.pos[7].x == -150.5);
  CHECK(l.pos[7].y == 42.25);
  CHECK(AllFinite(l));
  // The pin survives a filter change (it is remembered by key).
  std::vector<LayoutNode> fewer(nodes.begin(), nodes.begin() + 40);
  std::vector<LayoutEdge> fewer_edges;
  for (const LayoutEdge& e : edges)
    if (e.a < 40 && e.b < 40) fewer_edges.push_back(e);
  CHECK(SetGraph(l, fewer, fewer_edges));
  Settle(l);
  CHECK(l.pinned[0] == 1);
  CHECK(l.pos[0].x == 300);
  UnpinNode(l, 0);
  CHECK_FALSE(l.settled);
  Settle(l);
  CHECK(l.pinned[0] == 0);
  // Out-of-range and non-finite requests are ignored.
  PinNode(l, -1, 0, 0);
  PinNode(l, 9999, 0, 0);
  PinNode(l, 1, std::numeric_limits<double>::quiet_NaN(), 0);
  CHECK(l.pinned[1] == 0);
}

TEST_CASE("layout: filtering keeps the mental map") {
  std::vector<LayoutNode> nodes;
  std::vector<LayoutEdge> edges;
  MakeGraph(120, 17, nodes, edges);
  GraphLayout l;
  SetGraph(l, nodes, edges);
  Settle(l);
  const std::vector<Vec2> full = l.pos;
  const Bounds b = LayoutBounds(l);
  const double diag = std::hypot(b.Width(), b.Height());

  // Hide every fourth node (a type filter), as the view would: a new node list and edge list.
  std::vector<LayoutNode> kept;
  std::vector<int> old_index, new_index(nodes.size(), -1);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (i % 4 == 3) continue;
    new_index[i] = int(kept.size());
    old_index.push_back(int(i));
    kept.push_back(nodes[i]);
  }
  std::vector<LayoutEdge> kept_edges;
  for (const LayoutEdge& e : edges)
    if (new_index[size_t(e.a)] >= 0 && new_index[size_t(e.b)] >= 0)
      kept_edges.push_back({new_index[size_t(e.a)], new_index[size_t(e.b)], e.weight});
  CHECK(SetGraph(l, kept, kept_edges));
  // Kept nodes start exactly where they were.
  for (size_t k = 0; k < kept.size(); ++k) CHECK(SameBits({l.pos[k]}, {full[size_t(old_index[k])]}));
  Settle(l);
  std::vector<double> moved;
  for (size_t k = 0; k < kept.size(); ++k)
    moved.push_back(std::hypot(l.pos[k].x - full[size_t(old_index[k])].x, l.pos[k].y - full[size_t(old_index[k])].y));
  std::sort(moved.begin(), moved.end());
  const double median = moved[moved.size() / 2], p90 = moved[moved.size() * 9 / 10];
  MESSAGE("after hiding 25%: median move " << median << ", p90 " << p90 << ", layout diagonal " << diag);
  CHECK(median < 0.08 * diag);
  CHECK(p90 < 0.2 * diag);

  // Showing them again: they come back where they were, and the rest barely moves.
  const std::vector<Vec2> filtered = l.pos;
  CHECK(SetGraph(l, nodes, edges));
  for (size_t i = 0; i < nodes.size(); ++i)
    if (i % 4 == 3) CHECK(SameBits({l.pos[i]}, {full[i]}));
  Settle(l);
  CHECK(AllFinite(l));
}

TEST_CASE("layout: a new node starts next to its neighbour / unchanged input changes nothing") {
  std::vector<LayoutNode> nodes;
  std::vector<LayoutEdge> edges;
  MakeGraph(50, 23, nodes, edges);
  GraphLayout l;
  SetGraph(l, nodes, edges);
  Settle(l);
  CHECK_FALSE(SetGraph(l, nodes, edges));
  CHECK(l.settled);

  nodes.push_back({"newcomer", 10, 1});
  edges.push_back({50, 12, 3});
  CHECK(SetGraph(l, nodes, edges));
  const double d = std::hypot(l.pos[50].x - l.pos[12].x, l.pos[50].y - l.pos[12].y);
  CHECK(d < nodes[12].radius + 10 + 2 * (2 * 12 + 6) + 70);
  CHECK_FALSE(l.settled);
  CHECK(l.alpha < 0.5);  // warmed, not restarted
  Settle(l);
  CHECK(AllFinite(l));
}

TEST_CASE("layout: NodeAt finds the node under a point") {
  GraphLayout l;
  SetGraph(l, {{"a", 10, 1}, {"b", 20, 1}}, {{0, 1, 1}});
  Settle(l);
  CHECK(NodeAt(l, l.pos[0].x + 3, l.pos[0].y - 3) == 0);
  CHECK(NodeAt(l, l.pos[1].x, l.pos[1].y + 19) == 1);
  CHECK(NodeAt(l, l.pos[1].x, l.pos[1].y + 25) == -1);
  CHECK(NodeAt(l, l.pos[1].x, l.pos[1].y + 25, 8) == 1);
}

TEST_CASE("labels: no overlaps, priority wins, must_show always shows, bounds hold") {
  std::vector<LabelRequest> labels;
  std::vector<Circle> obstacles;
  Lcg rng{99};
  for (int i = 0; i < 300; ++i) {
    LabelRequest q;
    q.x = rng.Unit() * 800;
    q.y = rng.Unit() * 600;
    q.radius = 6 + 10 * rng.Unit();
    q.w = 40 + 80 * rng.Unit();
    q.h = 16;
    q.priority = rng.Unit();
    labels.push_back(q);
    obstacles.push_back({q.x, q.y, q.radius});
  }
  labels[17].must_show = true;
  labels[17].priority = -1;
  const Bounds view{0, 0, 800, 600};
  const auto placed = PlaceLabels(labels, obstacles, view);
  int shown = 0;
  for (size_t i = 0; i < placed.size(); ++i) {
    if (!placed[i].visible) continue;
    ++shown;
    const LabelRequest& q = labels[i];
    const auto& p = placed[i];
    if (!q.must_show) {
      CHECK(p.x >= 0);
      CHECK(p.y >= 0);
      CHECK(p.x + q.w <= 800);
      CHECK(p.y + q.h <= 600);
    }
    for (size_t j = i + 1; j < placed.size(); ++j) {
      if (!placed[j].visible) continue;
      const auto& o = placed[j];
      const bool overlap = p.x < o.x + labels[j].w && o.x < p.x + q.w && p.y < o.y + labels[j].h && o.y < p.y + q.h;
      CHECK_FALSE(overlap);
    }
    if (i == 17) continue;
    for (const Circle& c : obstacles) {
      const double nx = std::clamp(c.x, p.x, p.x + q.w), ny = std::clamp(c.y, p.y, p.y + q.h);
      CHECK(std::hypot(c.x - nx, c.y - ny) >= c.r - 1e-9);
    }
  }
  CHECK(placed[17].visible);
  CHECK(shown > 20);
  CHECK(shown < 300);  // crowded: some are hidden
  // The highest-priority label is always placed (nothing is placed before it).
  size_t top = 0;
  for (size_t i = 0; i < labels.size(); ++i)
    if (!labels[i].must_show && labels[i].priority > labels[top].priority) top = i;
  CHECK(placed[top].visible);

  // Zooming in (anchors spread, labels the same size) shows more.
  std::vector<LabelRequest> zoomed = labels;
  std::vector<Circle> zoomed_obstacles = obstacles;
  for (auto& q : zoomed) q.x *= 3, q.y *= 3;
  for (auto& c : zoomed_obstacles) c.x *= 3, c.y *= 3;
  const auto placed_zoomed = PlaceLabels(zoomed, zoomed_obstacles);
  int shown_zoomed = 0;
  for (const auto& p : placed_zoomed) shown_zoomed += p.visible;
  CHECK(shown_zoomed > shown);
}

TEST_CASE("labels: the preferred candidate is kept / centred labels / hostile input") {
  LabelRequest q;
  q.x = 100, q.y = 100, q.radius = 10, q.w = 50, q.h = 14, q.prefer = 3;
  auto placed = PlaceLabels({q}, {});
  CHECK(placed[0].visible);
  CHECK(placed[0].candidate == 3);
  CHECK(placed[0].y + q.h <= 100 - 10);  // above the node
  q.prefer = -1;
  q.centred = true;
  placed = PlaceLabels({q}, {});
  CHECK(placed[0].x == doctest::Approx(75));
  CHECK(placed[0].y == doctest::Approx(93));
  // Something on the midpoint: the label moves just above it, still centred.
  placed = PlaceLabels({q}, {{100, 100, 4}});
  CHECK(placed[0].visible);
  CHECK(placed[0].x == doctest::Approx(75));
  CHECK(placed[0].y + q.h <= 96);
  LabelRequest bad = q;
  bad.x = std::numeric_limits<double>::quiet_NaN();
  LabelRequest empty = q;
  empty.w = 0;
  placed = PlaceLabels({bad, empty, q}, {{std::numeric_limits<double>::infinity(), 0, 5}});
  CHECK_FALSE(placed[0].visible);
  CHECK_FALSE(placed[1].visible);
  CHECK(placed[2].visible);
  CHECK(PlaceLabels({}, {}).empty());
}

TEST_CASE("entity graph: relations merge per pair, filters drop nodes, sizes follow salience") {
  Analysis a;
  auto add = [&](const char* id, EntityType t, double salience, int mentions) {
    Entity e;
    e.id = id;
    e.name = id;
    e.type = t;
    e.salience = salience;
    for (int m = 0; m < mentions; ++m) e.mentions.push_back({Span{uint32_t(m * 10), uint32_t(m * 10 + 4)}});
    a.entities.push_back(e);
  };
  add("chile", EntityType::Place, 0.4, 6);
  add("peru", EntityType::Place, 0.3, 5);
  add("ruiz", EntityType::Person, 0.2, 2);
  add("nato", EntityType::Org, 0.1, 1);
  auto rel = [&](int s, int t, RelationKind k, double w, const char* label) {
    Relation r;
    r.source = s, r.target = t, r.kind = k, r.weight = w, r.label = label;
    a.relations.push_back(r);
  };
  rel(0, 1, RelationKind::CoOccurrence, 3, "");
  rel(1, 0, RelationKind::AgreementWith, 1, "agreement with");
  rel(2, 1, RelationKind::RoleOf, 1, "president of");
  rel(3, 3, RelationKind::CoOccurrence, 1, "");      // self: dropped
  rel(3, 9, RelationKind::CoOccurrence, 1, "");      // out of range: dropped
  rel(2, 3, RelationKind::CoOccurrence, 0, "");      // weight 0 still links (counts once)

  EntityGraph g = BuildEntityGraph(a, {});
  REQUIRE(g.nodes.size() == 4);
  REQUIRE(g.edges.size() == 3);
  CHECK(g.nodes[0].key == "chile");
  CHECK(g.nodes[0].radius > g.nodes[3].radius);
  // chile–peru: co-occurrence (3) + a typed relation (2), typed listed first.
  CHECK(g.edges[0].a == 0);
  CHECK(g.edges[0].b == 1);
  CHECK(g.edges[0].weight == 5);
  CHECK(g.edge_info[0].typed);
  CHECK(a.relations[size_t(g.edge_info[0].relations[0])].kind == RelationKind::AgreementWith);

  // Hide the places: only ruiz and nato remain, linked once.
  g = BuildEntityGraph(a, {0, 0, 1, 1});
  REQUIRE(g.nodes.size() == 2);
  CHECK(g.entity_node[0] == -1);
  CHECK(g.entity_node[2] == 0);
  CHECK(g.node_entity[1] == 3);
  REQUIRE(g.edges.size() == 1);
  CHECK_FALSE(g.edge_info[0].typed);

  CHECK(EntityRadius(0, 0, 0, 0) == 7);
  CHECK(EntityRadius(1, 10, 1, 10) == 22);
  CHECK(std::isfinite(EntityRadius(std::numeric_limits<double>::quiet_NaN(), 3, 1, 10)));
}

TEST_CASE("ring positions are evenly spaced around the centre") {
  const auto ring = RingPositions({10, 20}, 5, 4, 0);
  REQUIRE(ring.size() == 4);
  CHECK(ring[0].x == doctest::Approx(15));
  CHECK(ring[1].y == doctest::Approx(25));
  CHECK(RingPositions({0, 0}, 5, 0, 0).empty());
}

TEST_CASE("SentenceAt finds the sentence around an offset") {
  Analysis a;
  Sentence s1, s2;
  s1.span = {0, 10};
  s2.span = {12, 30};
  a.sentences = {s1, s2};
  CHECK(SentenceAt(a, 0) == Span{0, 10});
  CHECK(SentenceAt(a, 9) == Span{0, 10});
  CHECK(SentenceAt(a, 10).empty());  // between sentences
  CHECK(SentenceAt(a, 20) == Span{12, 30});
  CHECK(SentenceAt(a, 30).empty());
  CHECK(SentenceAt(Analysis{}, 5).empty());
}

TEST_CASE("pins round-trip through text and come back on the next SetGraph, bad lines skipped") {
  GraphLayout l;
  std::vector<LayoutNode> nodes = {{"ana-ruiz", 10, 1}, {"chile", 10, 1}, {"peru", 10, 1}};
  SetGraph(l, nodes, {});
  PinNode(l, 0, 120.5, -40.25);
  PinNode(l, 2, 3, 4);
  UnpinNode(l, 2);
  const std::string text = FormatPins(l);
  CHECK(text == "ana-ruiz 120.5 -40.2\n");  // one decimal: a tenth of a unit is below a pixel
  GraphLayout fresh;
  RestorePins(fresh, text + "bad line\nx nan 1\ny 1 2e9\n 1 2\nz 1 2 3\nfine-id 7 8");
  SetGraph(fresh, nodes, {});
  REQUIRE(fresh.pinned.size() == 3);
  CHECK(fresh.pinned[0] == 1);
  CHECK(fresh.pos[0].x == doctest::Approx(120.5));
  CHECK(fresh.pos[0].y == doctest::Approx(-40.2));
  CHECK(fresh.pinned[1] == 0);
  CHECK(fresh.pinned[2] == 0);
  CHECK(fresh.memory.count("fine-id") == 1);
  CHECK(fresh.memory.count("x") == 0);
  CHECK(fresh.memory.count("y") == 0);
  CHECK(fresh.memory.count("z") == 0);
  CHECK(fresh.memory.size() == 4);  // ana-ruiz, fine-id, and the two unpinned nodes laid out
}
