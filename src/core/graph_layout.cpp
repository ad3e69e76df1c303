// graph_layout.cpp — force-directed layout and label placement (see graph_layout.h).
//
// The simulation follows d3-force's well-tested model (velocity Verlet with an "alpha" that
// cools exponentially): link springs, Barnes–Hut many-body repulsion, gravity toward the origin,
// collision between node rims, plus an anchor toward previous positions after a filter change.
// Every source of variation is removed: no random numbers (coincident nodes are separated along
// a direction hashed from the pair, antisymmetrically, so they move apart), fixed iteration
// order, stable sorts with index tie-breaks.
//
// [SECTION] Helpers
// [SECTION] Set-up and stability
// [SECTION] Forces
// [SECTION] Stepping
// [SECTION] Queries
// [SECTION] Label placement
// [SECTION] From an analysis
#include "graph_layout.h"

#include "analysis.h"
#include "text_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>

namespace lectern {

namespace {

// [SECTION] Helpers ----------------------------------------------------------------------------------

constexpr double kPi = 3.14159265358979323846;
constexpr double kGoldenAngle = kPi * (3.0 - 2.23606797749978969641);  // π(3 − √5)

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Angle in [0, 2π) from a hash.
double HashAngle(uint64_t h) { return double(h >> 11) * (1.0 / 9007199254740992.0) * 2 * kPi; }

bool Finite(double v) { return std::isfinite(v); }

double Clamp(double v, double lo, double hi, double fallback) {
  if (!Finite(v)) return v > 0 ? hi : (v < 0 ? lo : fallback);
  return std::min(std::max(v, lo), hi);
}

// A tiny displacement for two nodes at the same spot: a direction hashed from the pair, with
// opposite signs for (i, j) and (j, i) so the two are pushed apart rather than together.
Vec2 Jiggle(int i, int j) {
  const uint64_t lo = uint64_t(std::min(i, j)), hi = uint64_t(std::max(i, j));
  const double a = HashAngle(Mix(lo * 0x100000001B3ull ^ Mix(hi)));
  const double s = i < j ? 1e-3 : -1e-3;
  return {std::cos(a) * s, std::sin(a) * s};
}

// Position on the phyllotaxis spiral (d3-force's initial placement): even density, no overlap.
Vec2 Spiral(size_t i, double spacing) {
  const double r = spacing * std::sqrt(0.5 + double(i));
  const double a = double(i) * kGoldenAngle;
  return {r * std::cos(a), r * std::sin(a)};
}

double MeanRadius(const std::vector<LayoutNode>& nodes) {
  if (nodes.empty()) return 10;
  double s = 0;
  for (const LayoutNode& n : nodes) s += n.radius;
  return s / double(nodes.size());
}

// [SECTION] Set-up and stability ---------------------------------------------------------------------

void Sanitise(std::vector<LayoutNode>& nodes, std::vector<LayoutEdge>& edges) {
  for (LayoutNode& n : nodes) {
    n.radius = Clamp(n.radius, 1, 1000, 10);
    n.charge = Clamp(n.charge, 0, 100, 1);
  }
  const int count = int(nodes.size());
  double max_w = 0;
  bool any_inf = false;
  std::vector<LayoutEdge> kept;
  kept.reserve(edges.size());
  for (const LayoutEdge& e : edges) {
    if (e.a < 0 || e.b < 0 || e.a >= count || e.b >= count || e.a == e.b) continue;
    if (std::isnan(e.weight) || e.weight <= 0) continue;
    if (std::isinf(e.weight)) any_inf = true;
    else max_w = std::max(max_w, e.weight);
    kept.push_back(e);
  }
  for (LayoutEdge& e : kept) {
    if (std::isinf(e.weight)) e.weight = 1;
    else if (any_inf && max_w > 0) e.weight = std::max(e.weight / max_w, 1e-6) * 0.5;
    else e.weight = max_w > 0 ? std::max(e.weight / max_w, 1e-6) : 1;
  }
  edges = std::move(kept);
}

void Remember(GraphLayout& l) {
  for (size_t i = 0; i < l.nodes.size() && i < l.pos.size(); ++i)
    l.memory[l.nodes[i].key] = {l.pos[i], l.pinned[i] != 0};
}

bool SameGraph(const GraphLayout& l, const std::vector<LayoutNode>& nodes, const std::vector<LayoutEdge>& edges) {
  if (l.nodes.size() != nodes.size() || l.edges.size() != edges.size()) return false;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const LayoutNode &a = l.nodes[i], &b = nodes[i];
    if (a.key != b.key || a.radius != b.radius || a.charge != b.charge) return false;
  }
  for (size_t i = 0; i < edges.size(); ++i) {
    const LayoutEdge &a = l.edges[i], &b = edges[i];
    if (a.a != b.a || a.b != b.b || a.weight != b.weight) return false;
  }
  return true;
}

}  // namespace

bool SetGraph(GraphLayout& l, std::vector<LayoutNode> nodes, std::vector<LayoutEdge> edges) {
  Sanitise(nodes, edges);
  Remember(l);
  if (SameGraph(l, nodes, edges) && l.pos.size() == nodes.size()) return false;

  const size_t n = nodes.size();
  const LayoutParams& p = l.params;
  std::vector<Vec2> pos(n), vel(n), anchor(n);
  std::vector<uint8_t> pinned(n, 0), has_anchor(n, 0), placed(n, 0);
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    auto it = l.memory.find(nodes[i].key);
    if (it == l.memory.end()) continue;
    pos[i] = anchor[i] = it->second.pos;
    pinned[i] = it->second.pinned;
    has_anchor[i] = !pinned[i];
    placed[i] = 1;
    ++kept;
  }

  const double spacing = MeanRadius(nodes) * 2 + p.collide_padding;
  if (kept == 0) {
    for (size_t i = 0; i < n; ++i) pos[i] = Spiral(i, spacing);
  } else {
    // New nodes: next to the neighbours already placed (kept ones, or new ones placed earlier
    // in this loop), else just outside what is there, at an angle hashed from the key.
    std::vector<std::vector<int>> adj(n);
    for (const LayoutEdge& e : edges) {
      adj[size_t(e.a)].push_back(e.b);
      adj[size_t(e.b)].push_back(e.a);
    }
    Vec2 centre;
    double extent = 0;
    for (size_t i = 0; i < n; ++i)
      if (placed[i]) centre.x += pos[i].x / double(kept), centre.y += pos[i].y / double(kept);
    for (size_t i = 0; i < n; ++i)
      if (placed[i]) extent = std::max(extent, std::hypot(pos[i].x - centre.x, pos[i].y - centre.y) + nodes[i].radius);
    for (size_t i = 0; i < n; ++i) {
      if (placed[i]) continue;
      const double a = HashAngle(Mix(Fnv1a(nodes[i].key)));
      Vec2 sum;
      int count = 0;
      for (int j : adj[i])
        if (placed[size_t(j)]) sum.x += pos[size_t(j)].x, sum.y += pos[size_t(j)].y, ++count;
      if (count > 0) {
        const double d = nodes[i].radius + spacing + p.link_distance * 0.5;
        pos[i] = {sum.x / count + d * std::cos(a), sum.y / count + d * std::sin(a)};
      } else {
        const double d = extent + nodes[i].radius + p.collide_padding + spacing;
        pos[i] = {centre.x + d * std::cos(a), centre.y + d * std::sin(a)};
      }
      placed[i] = 1;
    }
  }

  l.nodes = std::move(nodes);
  l.edges = std::move(edges);
  l.pos = std::move(pos);
  l.vel = std::move(vel);
  l.anchor = std::move(anchor);
  l.has_anchor = std::move(has_anchor);
  l.pinned = std::move(pinned);
  l.alpha = kept == 0 ? 1.0 : std::max(l.alpha, p.reheat);
  l.iterations = 0;
  l.settled = l.nodes.empty();
  Remember(l);
  return true;
}

namespace {

// [SECTION] Forces -----------------------------------------------------------------------------------

void ApplyLinks(GraphLayout& l, const std::vector<int>& degree) {
  const LayoutParams& p = l.params;
  for (const LayoutEdge& e : l.edges) {
    const size_t s = size_t(e.a), t = size_t(e.b);
    double dx = l.pos[t].x + l.vel[t].x - l.pos[s].x - l.vel[s].x;
    double dy = l.pos[t].y + l.vel[t].y - l.pos[s].y - l.vel[s].y;
    if (dx == 0 && dy == 0) {
      const Vec2 j = Jiggle(e.a, e.b);
      dx = j.x, dy = j.y;
    }
    const double len = std::sqrt(dx * dx + dy * dy);
    // Heavier edges are shorter and stiffer; d3's 1/min(degree) keeps hubs from oscillating.
    const double rest = l.nodes[s].radius + l.nodes[t].radius + p.link_distance * (1.15 - 0.5 * e.weight);
    const double strength = (0.3 + 0.7 * e.weight) / double(std::max(1, std::min(degree[s], degree[t])));
    const double k = (len - rest) / len * l.alpha * strength;
    dx *= k, dy *= k;
    const double bias = double(degree[s]) / double(degree[s] + degree[t]);
    l.vel[t].x -= dx * bias, l.vel[t].y -= dy * bias;
    l.vel[s].x += dx * (1 - bias), l.vel[s].y += dy * (1 - bias);
  }
}

// Barnes–Hut quadtree over the node positions, built from index ranges (no per-node allocation).
struct Quad {
  double x0, y0, size;
  int child[4] = {-1, -1, -1, -1};
  int first = 0, count = 0;      // range in `order` (leaves)
  double q = 0;                  // summed charge
  double cx = 0, cy = 0;         // charge-weighted centre
  bool leaf = true;
};

struct QuadTree {
  std::vector<Quad> quads;
  std::vector<int> order;
  std::vector<int> scratch;
};

constexpr int kMaxDepth = 24;

int BuildQuad(QuadTree& t, const GraphLayout& l, const std::vector<double>& q, int first, int count, double x0,
              double y0, double size, int depth) {
  const int id = int(t.quads.size());
  t.quads.push_back(Quad{x0, y0, size});
  double qs = 0, wsum = 0, cx = 0, cy = 0, mx = 0, my = 0;
  for (int k = first; k < first + count; ++k) {
    const size_t i = size_t(t.order[size_t(k)]);
    const double w = std::fabs(q[i]);
    qs += q[i];
    wsum += w;
    cx += l.pos[i].x * w, cy += l.pos[i].y * w;
    mx += l.pos[i].x, my += l.pos[i].y;
  }
  Quad& quad = t.quads[size_t(id)];
  quad.first = first, quad.count = count, quad.q = qs;
  quad.cx = wsum > 0 ? cx / wsum : mx / std::max(1, count);
  quad.cy = wsum > 0 ? cy / wsum : my / std::max(1, count);
  if (count <= 1 || depth >= kMaxDepth || !(size > 1e-9)) return id;

  // Stable partition into the four quadrants (order: NW, NE, SW, SE).
  const double h = size * 0.5, mxq = x0 + h, myq = y0 + h;
  int counts[4] = {0, 0, 0, 0};
  auto quadrant = [&](int i) {
    return (l.pos[size_t(i)].x >= mxq ? 1 : 0) + (l.pos[size_t(i)].y >= myq ? 2 : 0);
  };
  for (int k = first; k < first + count; ++k) ++counts[quadrant(t.order[size_t(k)])];
  int start[4] = {first, 0, 0, 0};
  for (int c = 1; c < 4; ++c) start[c] = start[c - 1] + counts[c - 1];
  int fill[4] = {start[0], start[1], start[2], start[3]};
  t.scratch.assign(t.order.begin() + first, t.order.begin() + first + count);
  for (int i : t.scratch) t.order[size_t(fill[quadrant(i)]++)] = i;
  int children[4];
  for (int c = 0; c < 4; ++c) {
    children[c] = counts[c] ? BuildQuad(t, l, q, start[c], counts[c], c & 1 ? mxq : x0, c & 2 ? myq : y0, h, depth + 1)
                            : -1;
  }
  Quad& again = t.quads[size_t(id)];  // the vector may have grown
  again.leaf = false;
  for (int c = 0; c < 4; ++c) again.child[c] = children[c];
  return id;
}

void ApplyCharge(GraphLayout& l, QuadTree& t) {
  const size_t n = l.nodes.size();
  if (n < 2) return;
  const LayoutParams& p = l.params;
  std::vector<double> q(n);
  double x0 = l.pos[0].x, y0 = l.pos[0].y, x1 = x0, y1 = y0;
  for (size_t i = 0; i < n; ++i) {
    q[i] = p.charge * l.nodes[i].charge;
    x0 = std::min(x0, l.pos[i].x), x1 = std::max(x1, l.pos[i].x);
    y0 = std::min(y0, l.pos[i].y), y1 = std::max(y1, l.pos[i].y);
  }
  const double size = std::max(x1 - x0, y1 - y0) * (1 + 1e-9) + 1e-6;
  t.quads.clear();
  t.order.resize(n);
  std::iota(t.order.begin(), t.order.end(), 0);
  BuildQuad(t, l, q, 0, int(n), x0, y0, size, 0);

  const double theta2 = p.theta * p.theta;
  std::vector<int> stack;
  for (size_t i = 0; i < n; ++i) {
    const double xi = l.pos[i].x, yi = l.pos[i].y;
    double fx = 0, fy = 0;
    auto apply = [&](double dx, double dy, double strength) {
      double d2 = dx * dx + dy * dy;
      if (d2 < 1) d2 = std::sqrt(d2);  // d3's distanceMin² = 1: soften very close pairs
      if (d2 <= 0) return;
      fx += dx * strength * l.alpha / d2;
      fy += dy * strength * l.alpha / d2;
    };
    stack.assign(1, 0);
    while (!stack.empty()) {
      const Quad& quad = t.quads[size_t(stack.back())];
      stack.pop_back();
      if (quad.q == 0) continue;
      if (!quad.leaf) {
        const double dx = quad.cx - xi, dy = quad.cy - yi;
        const double d2 = dx * dx + dy * dy;
        if (quad.size * quad.size < theta2 * d2) {
          apply(dx, dy, quad.q);
        } else {
          for (int c = 3; c >= 0; --c)
            if (quad.child[c] >= 0) stack.push_back(quad.child[c]);
        }
        continue;
      }
      for (int k = quad.first; k < quad.first + quad.count; ++k) {
        const int j = t.order[size_t(k)];
        if (size_t(j) == i) continue;
        double dx = l.pos[size_t(j)].x - xi, dy = l.pos[size_t(j)].y - yi;
        if (dx == 0 && dy == 0) {
          const Vec2 jg = Jiggle(int(i), j);
          dx = jg.x, dy = jg.y;
        }
        apply(dx, dy, q[size_t(j)]);
      }
    }
    l.vel[i].x += fx, l.vel[i].y += fy;
  }
}

void ApplyGravityAndAnchors(GraphLayout& l) {
  const LayoutParams& p = l.params;
  for (size_t i = 0; i < l.nodes.size(); ++i) {
    l.vel[i].x -= l.pos[i].x * p.gravity * l.alpha;
    l.vel[i].y -= l.pos[i].y * p.gravity * l.alpha;
    if (l.has_anchor[i]) {
      l.vel[i].x += (l.anchor[i].x - l.pos[i].x) * p.anchor * l.alpha;
      l.vel[i].y += (l.anchor[i].y - l.pos[i].y) * p.anchor * l.alpha;
    }
  }
}

// Collision between rims (plus padding). Sweep and prune on x: sort by left edge, compare each
// node with the following ones until their left edge passes its right edge. With `predict`, uses
// the positions the velocities are about to produce (as d3 does) and changes velocities;
// without, moves positions directly (the final clean-up). Returns the deepest overlap seen.
double Collide(GraphLayout& l, bool predict, double strength, std::vector<int>& order) {
  const size_t n = l.nodes.size();
  const double pad = l.params.collide_padding * 0.5;
  auto px = [&](size_t i) { return l.pos[i].x + (predict ? l.vel[i].x : 0); };
  auto py = [&](size_t i) { return l.pos[i].y + (predict ? l.vel[i].y : 0); };
  auto rad = [&](size_t i) { return l.nodes[i].radius + pad; };
  order.resize(n);
  std::iota(order.begin(), order.end(), 0);
  std::vector<double> left(n);
  for (size_t i = 0; i < n; ++i) left[i] = px(i) - rad(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return left[size_t(a)] < left[size_t(b)]; });
  double deepest = 0;
  for (size_t oi = 0; oi < n; ++oi) {
    const size_t i = size_t(order[oi]);
    const double ri = rad(i);
    for (size_t oj = oi + 1; oj < n; ++oj) {
      const size_t j = size_t(order[oj]);
      if (left[j] > px(i) + ri) break;
      const double rj = rad(j), rr = ri + rj;
      double dx = px(i) - px(j), dy = py(i) - py(j);
      double d2 = dx * dx + dy * dy;
      if (d2 >= rr * rr) continue;
      if (d2 == 0) {
        const Vec2 jg = Jiggle(int(i), int(j));
        dx = jg.x, dy = jg.y;
        d2 = dx * dx + dy * dy;
      }
      const double d = std::sqrt(d2);
      deepest = std::max(deepest, rr - d);
      const double k = (rr - d) / d * strength;
      dx *= k, dy *= k;
      double wi = (rj * rj) / (ri * ri + rj * rj);  // the smaller node moves more
      if (l.pinned[i] && l.pinned[j]) continue;
      if (l.pinned[i]) wi = 0;
      if (l.pinned[j]) wi = 1;
      if (predict) {
        l.vel[i].x += dx * wi, l.vel[i].y += dy * wi;
        l.vel[j].x -= dx * (1 - wi), l.vel[j].y -= dy * (1 - wi);
      } else {
        l.pos[i].x += dx * wi, l.pos[i].y += dy * wi;
        l.pos[j].x -= dx * (1 - wi), l.pos[j].y -= dy * (1 - wi);
        left[i] = l.pos[i].x - ri;  // keeps the sweep conservative enough for a clean-up pass
      }
    }
  }
  return deepest;
}

void Integrate(GraphLayout& l) {
  const LayoutParams& p = l.params;
  const double keep = 1 - p.velocity_decay;
  for (size_t i = 0; i < l.nodes.size(); ++i) {
    Vec2& v = l.vel[i];
    if (l.pinned[i]) {
      v = {};
      continue;
    }
    v.x *= keep, v.y *= keep;
    if (!Finite(v.x) || !Finite(v.y)) v = {};
    const double speed = std::sqrt(v.x * v.x + v.y * v.y);
    if (speed > p.max_speed) v.x *= p.max_speed / speed, v.y *= p.max_speed / speed;
    l.pos[i].x += v.x, l.pos[i].y += v.y;
    if (!Finite(l.pos[i].x) || !Finite(l.pos[i].y)) l.pos[i] = Spiral(i, MeanRadius(l.nodes) * 2);
  }
}

}  // namespace

// [SECTION] Stepping ---------------------------------------------------------------------------------

bool StepLayout(GraphLayout& l, int max_iterations) {
  if (l.settled) return true;
  const size_t n = l.nodes.size();
  if (n == 0) {
    l.settled = true;
    return true;
  }
  const LayoutParams& p = l.params;
  std::vector<int> degree(n, 0);
  for (const LayoutEdge& e : l.edges) ++degree[size_t(e.a)], ++degree[size_t(e.b)];
  QuadTree tree;
  std::vector<int> order;
  for (int it = 0; it < max_iterations; ++it) {
    l.alpha += (l.alpha_target - l.alpha) * p.alpha_decay;
    ApplyLinks(l, degree);
    ApplyCharge(l, tree);
    ApplyGravityAndAnchors(l);
    Collide(l, true, p.collide_strength, order);
    Integrate(l);
    ++l.iterations;
    if (l.alpha < p.alpha_min && l.alpha_target <= 0) {
      // Settled: remove what overlap is left (the forces balance at a small residual).
      for (int pass = 0; pass < 80; ++pass)
        if (Collide(l, false, 1.0, order) < 0.05) break;
      for (Vec2& v : l.vel) v = {};
      l.settled = true;
      break;
    }
  }
  for (size_t i = 0; i < n; ++i) l.memory[l.nodes[i].key] = {l.pos[i], l.pinned[i] != 0};
  return l.settled;
}

void PinNode(GraphLayout& l, int node, double x, double y) {
  if (node < 0 || node >= int(l.nodes.size()) || !Finite(x) || !Finite(y)) return;
  const size_t i = size_t(node);
  l.pos[i] = {x, y};
  l.vel[i] = {};
  l.pinned[i] = 1;
  l.has_anchor[i] = 0;
  l.memory[l.nodes[i].key] = {l.pos[i], true};
  if (l.settled || l.alpha < 0.1) l.alpha = std::max(l.alpha, 0.1);
  l.settled = false;
}

void UnpinNode(GraphLayout& l, int node) {
  if (node < 0 || node >= int(l.nodes.size())) return;
  const size_t i = size_t(node);
  l.pinned[i] = 0;
  l.memory[l.nodes[i].key] = {l.pos[i], false};
  l.alpha = std::max(l.alpha, 0.1);
  l.settled = false;
}

std::string FormatPins(const GraphLayout& l) {
  std::string out;
  char buf[64];
  for (const auto& [key, m] : l.memory) {
    if (!m.pinned) continue;
    std::snprintf(buf, sizeof buf, " %.1f %.1f\n", m.pos.x, m.pos.y);
    out += key;
    out += buf;
  }
  return out;
}

void RestorePins(GraphLayout& l, std::string_view text) {
  auto number = [](std::string_view s, double* v) {
    if (s.empty() || s.size() > 24) return false;
    const std::string t(s);
    char* end = nullptr;
    *v = std::strtod(t.c_str(), &end);
    return end == t.c_str() + t.size() && std::isfinite(*v) && std::fabs(*v) <= 1e6;
  };
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    const size_t a = line.find(' ');
    const size_t b = a == std::string_view::npos ? a : line.find(' ', a + 1);
    if (a == 0 || b == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, a);
    double x, y;
    if (!number(line.substr(a + 1, b - a - 1), &x) || !number(line.substr(b + 1), &y)) continue;
    if (std::any_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; })) continue;
    l.memory[std::string(key)] = {Vec2{x, y}, true};
  }
}

void SetDragging(GraphLayout& l, bool dragging) {
  l.alpha_target = dragging ? 0.25 : 0.0;
  if (dragging) l.settled = false;
}

// [SECTION] Queries ----------------------------------------------------------------------------------

Bounds LayoutBounds(const GraphLayout& l) {
  Bounds b;
  if (l.nodes.empty()) return b;
  b.x0 = b.y0 = 1e300;
  b.x1 = b.y1 = -1e300;
  for (size_t i = 0; i < l.nodes.size(); ++i) {
    const double r = l.nodes[i].radius;
    b.x0 = std::min(b.x0, l.pos[i].x - r), b.x1 = std::max(b.x1, l.pos[i].x + r);
    b.y0 = std::min(b.y0, l.pos[i].y - r), b.y1 = std::max(b.y1, l.pos[i].y + r);
  }
  return b;
}

int NodeAt(const GraphLayout& l, double x, double y, double slop) {
  int best = -1;
  double best_d = 0;
  for (size_t i = 0; i < l.nodes.size(); ++i) {
    const double d = std::hypot(l.pos[i].x - x, l.pos[i].y - y) - l.nodes[i].radius;
    if (d <= slop && (best < 0 || d <= best_d)) best = int(i), best_d = d;
  }
  return best;
}

std::vector<Vec2> RingPositions(Vec2 centre, double radius, int count, double start_angle) {
  std::vector<Vec2> out;
  if (count <= 0) return out;
  out.reserve(size_t(count));
  for (int k = 0; k < count; ++k) {
    const double a = start_angle + 2 * kPi * k / count;
    out.push_back({centre.x + radius * std::cos(a), centre.y + radius * std::sin(a)});
  }
  return out;
}

// [SECTION] Label placement --------------------------------------------------------------------------

namespace {

struct Box {
  double x0, y0, x1, y1;
  bool Overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

bool BoxHitsCircle(const Box& b, const Circle& c) {
  const double nx = std::min(std::max(c.x, b.x0), b.x1), ny = std::min(std::max(c.y, b.y0), b.y1);
  const double dx = c.x - nx, dy = c.y - ny;
  return dx * dx + dy * dy < c.r * c.r;
}

// Top-left of candidate k for a label of size (w, h) around a circle (x, y, r).
Vec2 Candidate(const LabelRequest& q, int k, double pad) {
  const double r = q.radius, d = r * 0.7071 + pad;
  switch (k) {
    case 0: return {q.x + r + pad, q.y - q.h / 2};            // right
    case 1: return {q.x - r - pad - q.w, q.y - q.h / 2};      // left
    case 2: return {q.x - q.w / 2, q.y + r + pad * 0.5};      // below
    case 3: return {q.x - q.w / 2, q.y - r - pad * 0.5 - q.h};  // above
    case 4: return {q.x + d, q.y - d - q.h * 0.6};            // upper right
    case 5: return {q.x + d, q.y + d - q.h * 0.4};            // lower right
    case 6: return {q.x - d - q.w, q.y - d - q.h * 0.6};      // upper left
    case 7: return {q.x - d - q.w, q.y + d - q.h * 0.4};      // lower left
    case 9: return {q.x - q.w / 2, q.y - q.h * 1.6};          // centred, nudged up
    case 10: return {q.x - q.w / 2, q.y + q.h * 0.6};         // centred, nudged down
    default: return {q.x - q.w / 2, q.y - q.h / 2};           // centred
  }
}

// A uniform grid of item lists over the labels' extent.
struct Grid {
  double x0 = 0, y0 = 0, cell = 1;
  int cols = 1, rows = 1;
  std::vector<std::vector<int>> cells;
  void Range(const Box& b, int& c0, int& r0, int& c1, int& r1) const {
    auto col = [&](double x) { return std::min(cols - 1, std::max(0, int(std::floor((x - x0) / cell)))); };
    auto row = [&](double y) { return std::min(rows - 1, std::max(0, int(std::floor((y - y0) / cell)))); };
    c0 = col(b.x0), c1 = col(b.x1), r0 = row(b.y0), r1 = row(b.y1);
  }
  void Insert(const Box& b, int item) {
    int c0, r0, c1, r1;
    Range(b, c0, r0, c1, r1);
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) cells[size_t(r * cols + c)].push_back(item);
  }
};

}  // namespace

std::vector<LabelPlacement> PlaceLabels(const std::vector<LabelRequest>& labels, const std::vector<Circle>& obstacles,
                                        Bounds bounds, double gap) {
  std::vector<LabelPlacement> out(labels.size());
  if (labels.empty()) return out;
  if (!Finite(gap) || gap < 0) gap = 0;
  const bool clip = bounds.Width() > 0 && bounds.Height() > 0;
  const double pad = 3;

  // Extent and cell size: about three median label heights.
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  std::vector<double> heights;
  for (const LabelRequest& q : labels) {
    if (!Finite(q.x) || !Finite(q.y) || !Finite(q.w) || !Finite(q.h) || !Finite(q.radius)) continue;
    const double m = q.radius + pad + q.w + q.h;
    x0 = std::min(x0, q.x - m), x1 = std::max(x1, q.x + m);
    y0 = std::min(y0, q.y - m), y1 = std::max(y1, q.y + m);
    heights.push_back(std::max(q.h, 1.0));
  }
  if (heights.empty()) return out;
  std::nth_element(heights.begin(), heights.begin() + long(heights.size() / 2), heights.end());
  Grid grid;
  grid.cell = std::max(heights[heights.size() / 2] * 3, 1.0);
  // Never more than 256 x 256 cells, however spread out the anchors are.
  grid.cell = std::max({grid.cell, (x1 - x0) / 256, (y1 - y0) / 256});
  grid.x0 = x0, grid.y0 = y0;
  grid.cols = std::max(1, int(std::ceil((x1 - x0) / grid.cell)));
  grid.rows = std::max(1, int(std::ceil((y1 - y0) / grid.cell)));
  grid.cells.assign(size_t(grid.cols * grid.rows), {});

  // Items: obstacles first (ids 0..m-1), then placed labels (m + index).
  std::vector<Box> boxes;
  const int m = int(obstacles.size());
  for (int i = 0; i < m; ++i) {
    const Circle& c = obstacles[size_t(i)];
    if (!Finite(c.x) || !Finite(c.y) || !Finite(c.r) || c.r <= 0) continue;
    grid.Insert({c.x - c.r, c.y - c.r, c.x + c.r, c.y + c.r}, i);
  }
  std::vector<Box> placed(labels.size());
  std::vector<int> stamp(size_t(m) + labels.size(), -1);

  std::vector<int> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const LabelRequest &qa = labels[size_t(a)], &qb = labels[size_t(b)];
    if (qa.must_show != qb.must_show) return qa.must_show;
    return qa.priority > qb.priority;
  });

  int query = 0;
  for (int li : order) {
    const LabelRequest& q = labels[size_t(li)];
    if (!Finite(q.x) || !Finite(q.y) || !Finite(q.w) || !Finite(q.h) || !Finite(q.radius) || q.w <= 0 || q.h <= 0)
      continue;
    int candidates[9], count = 0;
    if (q.centred) {
      candidates[count++] = 8;
      candidates[count++] = 9;
      candidates[count++] = 10;
    } else {
      if (q.prefer >= 0 && q.prefer < 8) candidates[count++] = q.prefer;
      for (int k = 0; k < 8; ++k)
        if (k != q.prefer) candidates[count++] = k;
    }
    int chosen = -1;
    Box chosen_box{};
    for (int c = 0; c < count && chosen < 0; ++c) {
      const Vec2 tl = Candidate(q, candidates[c], pad);
      const Box b{tl.x - gap / 2, tl.y - gap / 2, tl.x + q.w + gap / 2, tl.y + q.h + gap / 2};
      if (clip && (tl.x < bounds.x0 || tl.y < bounds.y0 || tl.x + q.w > bounds.x1 || tl.y + q.h > bounds.y1)) continue;
      bool free = true;
      ++query;
      int c0, r0, c1, r1;
      grid.Range(b, c0, r0, c1, r1);
      for (int r = r0; r <= r1 && free; ++r) {
        for (int col = c0; col <= c1 && free; ++col) {
          for (int item : grid.cells[size_t(r * grid.cols + col)]) {
            if (stamp[size_t(item)] == query) continue;
            stamp[size_t(item)] = query;
            const bool hit = item < m ? BoxHitsCircle(b, obstacles[size_t(item)]) : b.Overlaps(placed[size_t(item - m)]);
            if (hit) {
              free = false;
              break;
            }
          }
        }
      }
      if (free) chosen = candidates[c], chosen_box = b;
    }
    if (chosen < 0 && q.must_show) {
      chosen = candidates[0];
      const Vec2 tl = Candidate(q, chosen, pad);
      chosen_box = {tl.x - gap / 2, tl.y - gap / 2, tl.x + q.w + gap / 2, tl.y + q.h + gap / 2};
    }
    if (chosen < 0) continue;
    placed[size_t(li)] = chosen_box;
    grid.Insert(chosen_box, m + li);
    const Vec2 tl = Candidate(q, chosen, pad);
    out[size_t(li)] = {true, tl.x, tl.y, chosen};
  }
  return out;
}

// [SECTION] From an analysis -------------------------------------------------------------------------

double EntityRadius(double salience, size_t mentions, double max_salience, size_t max_mentions) {
  const double s = max_salience > 0 && Finite(salience) ? std::clamp(salience / max_salience, 0.0, 1.0) : 0.0;
  const double m = max_mentions > 0 ? std::clamp(double(mentions) / double(max_mentions), 0.0, 1.0) : 0.0;
  const double share = 0.5 * std::sqrt(s) + 0.5 * std::sqrt(m);
  return 7.0 + 15.0 * share;
}

Span SentenceAt(const Analysis& a, uint32_t offset) {
  const auto& s = a.sentences;
  auto it = std::upper_bound(s.begin(), s.end(), offset, [](uint32_t o, const Sentence& x) { return o < x.span.begin; });
  if (it == s.begin()) return {};
  --it;
  return it->span.Contains(offset) ? it->span : Span{};
}

EntityGraph BuildEntityGraph(const Analysis& a, const std::vector<uint8_t>& include) {
  EntityGraph g;
  const size_t n = a.entities.size();
  auto included = [&](size_t i) { return i >= include.size() || include[i] != 0; };
  g.entity_node.assign(n, -1);
  double max_sal = 0;
  size_t max_mentions = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!included(i)) continue;
    if (Finite(a.entities[i].salience)) max_sal = std::max(max_sal, a.entities[i].salience);
    max_mentions = std::max(max_mentions, a.entities[i].mentions.size());
  }
  for (size_t i = 0; i < n; ++i) {
    if (!included(i)) continue;
    const Entity& e = a.entities[i];
    LayoutNode node;
    node.key = e.id.empty() ? "#" + std::to_string(i) : e.id;
    node.radius = EntityRadius(e.salience, e.mentions.size(), max_sal, max_mentions);
    node.charge = node.radius / 12.0;
    g.entity_node[i] = int(g.nodes.size());
    g.node_entity.push_back(int(i));
    g.nodes.push_back(std::move(node));
  }
  std::map<std::pair<int, int>, EntityGraph::EdgeInfo> pairs;
  for (size_t r = 0; r < a.relations.size(); ++r) {
    const Relation& rel = a.relations[r];
    if (rel.source < 0 || rel.target < 0 || size_t(rel.source) >= n || size_t(rel.target) >= n) continue;
    if (rel.source == rel.target) continue;
    const int ns = g.entity_node[size_t(rel.source)], nt = g.entity_node[size_t(rel.target)];
    if (ns < 0 || nt < 0) continue;
    EntityGraph::EdgeInfo& info = pairs[{std::min(ns, nt), std::max(ns, nt)}];
    info.relations.push_back(int(r));
    if (rel.kind == RelationKind::CoOccurrence) {
      info.weight += Finite(rel.weight) && rel.weight > 0 ? std::min(rel.weight, 1e6) : 1.0;
    } else {
      info.typed = true;
      info.weight += 2;
    }
  }
  for (auto& [key, info] : pairs) {
    std::stable_sort(info.relations.begin(), info.relations.end(), [&](int x, int y) {
      return (a.relations[size_t(x)].kind != RelationKind::CoOccurrence) >
             (a.relations[size_t(y)].kind != RelationKind::CoOccurrence);
    });
    g.edges.push_back({key.first, key.second, info.weight});
    g.edge_info.push_back(std::move(info));
  }
  return g;
}

}  // namespace lectern
