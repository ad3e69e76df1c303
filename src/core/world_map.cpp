// world_map.cpp — the world map asset, the Equal Earth projection, triangulation and hit testing
// (see world_map.h; the asset's format is documented in tools/gen_world_map.mjs).
//
// [SECTION] Projection
// [SECTION] Triangulation (ear clipping with holes)
// [SECTION] Parsing
// [SECTION] Assembly: rings, levels, triangles
// [SECTION] Queries
// [SECTION] The story's places
#include "world_map.h"

#include "analysis.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

namespace lectern {

namespace {
constexpr double kPi = 3.14159265358979323846;
}

void MapRect::Add(MapPoint p) {
  x0 = std::min(x0, p.x), y0 = std::min(y0, p.y);
  x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
}

// [SECTION] Projection ---------------------------------------------------------------------------

namespace {
// Equal Earth coefficients (Šavrič, Patterson & Jenny, "The Equal Earth map projection", 2018).
constexpr double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
const double M = std::sqrt(3.0) / 2.0;

double EeY(double t) {
  const double t2 = t * t, t6 = t2 * t2 * t2;
  return t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}
double EeDy(double t) {  // dy/dθ
  const double t2 = t * t, t6 = t2 * t2 * t2;
  return A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
}
}  // namespace

MapPoint ProjectEqualEarth(double lat, double lon) {
  if (!std::isfinite(lat) || !std::isfinite(lon)) return {};
  lat = std::clamp(lat, -90.0, 90.0);
  lon = std::remainder(lon, 360.0);  // [-180, 180]
  const double phi = lat * kPi / 180, lam = lon * kPi / 180;
  const double t = std::asin(M * std::sin(phi));
  const double x = 2 * std::sqrt(3.0) * lam * std::cos(t) / (3 * EeDy(t));
  return {float(x), float(EeY(t))};
}

bool InverseEqualEarth(MapPoint p, double* lat, double* lon) {
  *lat = *lon = 0;
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
  const double y = p.y, ymax = EeY(std::asin(M));
  if (std::fabs(y) > ymax + 1e-7) return false;
  double t = y / A1;  // Newton's method: a handful of iterations reach double precision
  for (int i = 0; i < 12; ++i) {
    const double dt = (EeY(t) - y) / EeDy(t);
    t -= dt;
    if (std::fabs(dt) < 1e-12) break;
  }
  const double ct = std::cos(t);
  if (ct <= 0) return false;
  const double lam = 3 * p.x * EeDy(t) / (2 * std::sqrt(3.0) * ct);
  if (std::fabs(lam) > kPi + 1e-7) return false;
  const double s = std::clamp(std::sin(t) / M, -1.0, 1.0);
  *lat = std::asin(s) * 180 / kPi;
  *lon = std::clamp(lam, -kPi, kPi) * 180 / kPi;
  return true;
}

MapRect EqualEarthBounds() {
  const MapPoint e = ProjectEqualEarth(0, 180), n = ProjectEqualEarth(90, 0);
  return {-e.x, -n.y, e.x, n.y};
}

// [SECTION] Triangulation (ear clipping with holes) ----------------------------------------------
//
// A port of the approach of mapbox/earcut (ISC licence, see THIRD_PARTY.md): holes are bridged
// into the outer ring, then ears are clipped; when no ear is found the ring is filtered, local
// self-intersections are cured, and finally the polygon is split along a valid diagonal. Rings of
// more than 80 points are indexed along a z-order curve so that the "is anything inside this
// ear" test only visits nearby points (Russia's coast has thousands). Runs once, at load.

namespace {

struct EarNode {
  uint32_t i;        // index of the point in the caller's list
  double x, y;
  int prev = -1, next = -1;
  int32_t z = -1;    // z-order value (-1: not computed yet)
  int prev_z = -1, next_z = -1;  // neighbours in z-order (-1: none)
  bool steiner = false;
};

struct Earcut {
  std::vector<EarNode> nodes;
  std::vector<uint32_t>* out = nullptr;
  long budget = 0;   // bounds the work on pathological input
  double min_x = 0, min_y = 0, inv_size = 0;  // z-order grid (inv_size 0: no index)

  EarNode& N(int k) { return nodes[size_t(k)]; }

  int Insert(uint32_t i, double x, double y, int last) {
    const int k = int(nodes.size());
    nodes.push_back({i, x, y});
    if (last < 0) {
      N(k).prev = N(k).next = k;
    } else {
      N(k).next = N(last).next;
      N(k).prev = last;
      N(N(last).next).prev = k;
      N(last).next = k;
    }
    return k;
  }
  void Remove(int k) {
    N(N(k).next).prev = N(k).prev;
    N(N(k).prev).next = N(k).next;
    if (N(k).prev_z >= 0) N(N(k).prev_z).next_z = N(k).next_z;
    if (N(k).next_z >= 0) N(N(k).next_z).prev_z = N(k).prev_z;
  }

  // Interleaves the bits of the point's 15-bit grid coordinates (a Morton code).
  int32_t ZOrder(double px, double py) const {
    uint32_t x = uint32_t((px - min_x) * inv_size), y = uint32_t((py - min_y) * inv_size);
    x = (x | (x << 8)) & 0x00FF00FFu;
    x = (x | (x << 4)) & 0x0F0F0F0Fu;
    x = (x | (x << 2)) & 0x33333333u;
    x = (x | (x << 1)) & 0x55555555u;
    y = (y | (y << 8)) & 0x00FF00FFu;
    y = (y | (y << 4)) & 0x0F0F0F0Fu;
    y = (y | (y << 2)) & 0x33333333u;
    y = (y | (y << 1)) & 0x55555555u;
    return int32_t(x | (y << 1));
  }

  // Links the ring's nodes in z-order (Simon Tatham's linked-list merge sort).
  void IndexCurve(int start) {
    int p = start;
    do {
      if (N(p).z < 0) N(p).z = ZOrder(N(p).x, N(p).y);
      N(p).prev_z = N(p).prev;
      N(p).next_z = N(p).next;
      p = N(p).next;
    } while (p != start);
    N(N(p).prev_z).next_z = -1;
    N(p).prev_z = -1;
    int list = p, merges, in_size = 1;
    do {
      int q = -1, e = -1, tail = -1;
      p = list;
      list = -1;
      merges = 0;
      while (p >= 0) {
        ++merges;
        q = p;
        int p_size = 0;
        for (int i = 0; i < in_size; ++i) {
          ++p_size;
          q = N(q).next_z;
          if (q < 0) break;
        }
        int q_size = in_size;
        while (p_size > 0 || (q_size > 0 && q >= 0)) {
          if (p_size != 0 && (q_size == 0 || q < 0 || N(p).z <= N(q).z)) {
            e = p, p = N(p).next_z, --p_size;
          } else {
            e = q, q = N(q).next_z, --q_size;
          }
          if (tail >= 0) N(tail).next_z = e;
          else list = e;
          N(e).prev_z = tail;
          tail = e;
        }
        p = q;
      }
      N(tail).next_z = -1;
      in_size *= 2;
    } while (merges > 1);
  }
  bool Equals(int a, int b) { return N(a).x == N(b).x && N(a).y == N(b).y; }
  double Area(int p, int q, int r) {
    return (N(q).y - N(p).y) * (N(r).x - N(q).x) - (N(q).x - N(p).x) * (N(r).y - N(q).y);
  }
  static bool PointInTriangle(double ax, double ay, double bx, double by, double cx, double cy, double px, double py) {
    return (cx - px) * (ay - py) >= (ax - px) * (cy - py) && (ax - px) * (by - py) >= (bx - px) * (ay - py) &&
           (bx - px) * (cy - py) >= (cx - px) * (by - py);
  }

  // A ring as a circular list in the requested orientation; returns its last node or -1.
  int LinkedList(const std::vector<MapPoint>& pts, uint32_t base, bool clockwise) {
    double sum = 0;
    const size_t n = pts.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++)
      sum += (double(pts[j].x) - pts[i].x) * (double(pts[i].y) + pts[j].y);
    int last = -1;
    if (clockwise == (sum > 0)) {
      for (size_t i = 0; i < n; ++i) last = Insert(base + uint32_t(i), pts[i].x, pts[i].y, last);
    } else {
      for (size_t i = n; i-- > 0;) last = Insert(base + uint32_t(i), pts[i].x, pts[i].y, last);
    }
    if (last >= 0 && Equals(last, N(last).next)) {
      Remove(last);
      last = N(last).next;
    }
    return last;
  }

  // Removes duplicate and collinear points.
  int Filter(int start, int end = -1) {
    if (start < 0) return start;
    if (end < 0) end = start;
    int p = start;
    bool again;
    do {
      again = false;
      if (!N(p).steiner && (Equals(p, N(p).next) || Area(N(p).prev, p, N(p).next) == 0)) {
        Remove(p);
        p = end = N(p).prev;
        if (p == N(p).next) break;
        again = true;
      } else {
        p = N(p).next;
      }
    } while ((again || p != end) && --budget > 0);
    return end;
  }

  bool IsEar(int ear) {
    const int a = N(ear).prev, b = ear, c = N(ear).next;
    if (Area(a, b, c) >= 0) return false;  // reflex
    const double ax = N(a).x, ay = N(a).y, bx = N(b).x, by = N(b).y, cx = N(c).x, cy = N(c).y;
    const double x0 = std::min({ax, bx, cx}), y0 = std::min({ay, by, cy});
    const double x1 = std::max({ax, bx, cx}), y1 = std::max({ay, by, cy});
    if (inv_size > 0) {
      // Only points whose z-order lies in the triangle's box range can be inside it.
      const int32_t min_z = ZOrder(x0, y0), max_z = ZOrder(x1, y1);
      auto blocks = [&](int p) {
        const EarNode& q = N(p);
        return p != a && p != c && q.x >= x0 && q.x <= x1 && q.y >= y0 && q.y <= y1 &&
               !(q.x == ax && q.y == ay) && PointInTriangle(ax, ay, bx, by, cx, cy, q.x, q.y) &&
               Area(q.prev, p, q.next) >= 0;
      };
      int p = N(ear).prev_z, n = N(ear).next_z;
      while (p >= 0 && N(p).z >= min_z && n >= 0 && N(n).z <= max_z) {
        if (blocks(p) || blocks(n)) return false;
        p = N(p).prev_z, n = N(n).next_z;
        if (--budget <= 0) return false;
      }
      for (; p >= 0 && N(p).z >= min_z; p = N(p).prev_z)
        if (blocks(p) || --budget <= 0) return false;
      for (; n >= 0 && N(n).z <= max_z; n = N(n).next_z)
        if (blocks(n) || --budget <= 0) return false;
      return true;
    }
    for (int p = N(c).next; p != a; p = N(p).next) {
      const EarNode& q = N(p);
      if (q.x >= x0 && q.x <= x1 && q.y >= y0 && q.y <= y1 && !(q.x == ax && q.y == ay) &&
          PointInTriangle(ax, ay, bx, by, cx, cy, q.x, q.y) && Area(q.prev, p, q.next) >= 0)
        return false;
      if (--budget <= 0) return false;
    }
    return true;
  }

  static int Sign(double v) { return (v > 0) - (v < 0); }
  bool OnSegment(int p, int q, int r) {
    return N(q).x <= std::max(N(p).x, N(r).x) && N(q).x >= std::min(N(p).x, N(r).x) &&
           N(q).y <= std::max(N(p).y, N(r).y) && N(q).y >= std::min(N(p).y, N(r).y);
  }
  bool Intersects(int p1, int q1, int p2, int q2) {
    const int o1 = Sign(Area(p1, q1, p2)), o2 = Sign(Area(p1, q1, q2));
    const int o3 = Sign(Area(p2, q2, p1)), o4 = Sign(Area(p2, q2, q1));
    if (o1 != o2 && o3 != o4) return true;
    if (o1 == 0 && OnSegment(p1, p2, q1)) return true;
    if (o2 == 0 && OnSegment(p1, q2, q1)) return true;
    if (o3 == 0 && OnSegment(p2, p1, q2)) return true;
    if (o4 == 0 && OnSegment(p2, q1, q2)) return true;
    return false;
  }
  bool IntersectsPolygon(int a, int b) {
    int p = a;
    do {
      const int n = N(p).next;
      if (N(p).i != N(a).i && N(n).i != N(a).i && N(p).i != N(b).i && N(n).i != N(b).i && Intersects(p, n, a, b))
        return true;
      p = n;
    } while (p != a && --budget > 0);
    return false;
  }
  bool LocallyInside(int a, int b) {
    return Area(N(a).prev, a, N(a).next) < 0 ? Area(a, b, N(a).next) >= 0 && Area(a, N(a).prev, b) >= 0
                                            : Area(a, b, N(a).prev) < 0 || Area(a, N(a).next, b) < 0;
  }
  bool MiddleInside(int a, int b) {
    int p = a;
    bool inside = false;
    const double px = (N(a).x + N(b).x) / 2, py = (N(a).y + N(b).y) / 2;
    do {
      const EarNode &u = N(p), &v = N(u.next);
      if (((u.y > py) != (v.y > py)) && v.y != u.y && (px < (v.x - u.x) * (py - u.y) / (v.y - u.y) + u.x))
        inside = !inside;
      p = u.next;
    } while (p != a);
    return inside;
  }
  bool IsValidDiagonal(int a, int b) {
    return N(N(a).next).i != N(b).i && N(N(a).prev).i != N(b).i && !IntersectsPolygon(a, b) &&
           ((LocallyInside(a, b) && LocallyInside(b, a) && MiddleInside(a, b) &&
             (Area(N(a).prev, a, N(b).prev) != 0 || Area(a, N(b).prev, b) != 0)) ||
            (Equals(a, b) && Area(N(a).prev, a, N(a).next) > 0 && Area(N(b).prev, b, N(b).next) > 0));
  }
  // Links a and b with a bridge; returns the copy of b on the other side.
  int Split(int a, int b) {
    const int a2 = int(nodes.size());
    nodes.push_back({N(a).i, N(a).x, N(a).y});
    const int b2 = int(nodes.size());
    nodes.push_back({N(b).i, N(b).x, N(b).y});
    const int an = N(a).next, bp = N(b).prev;
    N(a).next = b, N(b).prev = a;
    N(a2).next = an, N(an).prev = a2;
    N(b2).next = a2, N(a2).prev = b2;
    N(bp).next = b2, N(b2).prev = bp;
    return b2;
  }

  int CureLocalIntersections(int start) {
    int p = start;
    do {
      const int a = N(p).prev, b = N(N(p).next).next;
      if (!Equals(a, b) && Intersects(a, p, N(p).next, b) && LocallyInside(a, b) && LocallyInside(b, a)) {
        Emit(a, p, b);
        Remove(p);
        Remove(N(p).next);
        p = start = b;
      }
      p = N(p).next;
    } while (p != start && --budget > 0);
    return Filter(p);
  }

  void SplitEarcut(int start) {
    int a = start;
    do {
      int b = N(N(a).next).next;
      while (b != N(a).prev) {
        if (N(a).i != N(b).i && IsValidDiagonal(a, b)) {
          int c = Split(a, b);
          a = Filter(a, N(a).next);
          c = Filter(c, N(c).next);
          Clip(a, 0);
          Clip(c, 0);
          return;
        }
        b = N(b).next;
        if (--budget <= 0) return;
      }
      a = N(a).next;
    } while (a != start);
  }

  void Emit(int a, int b, int c) {
    out->push_back(N(a).i);
    out->push_back(N(b).i);
    out->push_back(N(c).i);
  }

  void Clip(int ear, int pass) {
    if (ear < 0) return;
    if (pass == 0 && inv_size > 0) IndexCurve(ear);
    int stop = ear;
    while (N(ear).prev != N(ear).next) {
      if (--budget <= 0) return;
      const int prev = N(ear).prev, next = N(ear).next;
      if (IsEar(ear)) {
        Emit(prev, ear, next);
        Remove(ear);
        ear = stop = N(next).next;  // skipping the next vertex leaves fewer slivers
        continue;
      }
      ear = next;
      if (ear == stop) {
        if (pass == 0) {
          Clip(Filter(ear), 1);
        } else if (pass == 1) {
          Clip(CureLocalIntersections(Filter(ear)), 2);
        } else {
          SplitEarcut(ear);
        }
        break;
      }
    }
  }

  int Leftmost(int start) {
    int p = start, left = start;
    do {
      if (N(p).x < N(left).x || (N(p).x == N(left).x && N(p).y < N(left).y)) left = p;
      p = N(p).next;
    } while (p != start);
    return left;
  }

  bool SectorContainsSector(int m, int p) {
    return Area(N(m).prev, m, N(p).prev) < 0 && Area(N(p).next, m, N(m).next) < 0;
  }

  // The outer-ring node a hole's leftmost point can be joined to without crossing anything.
  int HoleBridge(int hole, int outer) {
    int p = outer, m = -1;
    const double hx = N(hole).x, hy = N(hole).y;
    double qx = -1e300;
    do {
      const EarNode &u = N(p), &v = N(u.next);
      if (hy <= u.y && hy >= v.y && v.y != u.y) {
        const double x = u.x + (hy - u.y) * (v.x - u.x) / (v.y - u.y);
        if (x <= hx && x > qx) {
          qx = x;
          m = u.x < v.x ? p : u.next;
          if (x == hx) return m;
        }
      }
      p = u.next;
    } while (p != outer && --budget > 0);
    if (m < 0) return -1;
    const int stop = m;
    const double mx = N(m).x, my = N(m).y;
    double tan_min = 1e300;
    p = m;
    do {
      const EarNode& u = N(p);
      if (hx >= u.x && u.x >= mx && hx != u.x &&
          PointInTriangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, u.x, u.y)) {
        const double tan = std::fabs(hy - u.y) / (hx - u.x);
        if (LocallyInside(p, hole) &&
            (tan < tan_min || (tan == tan_min && (u.x > N(m).x || (u.x == N(m).x && SectorContainsSector(m, p)))))) {
          m = p;
          tan_min = tan;
        }
      }
      p = u.next;
    } while (p != stop && --budget > 0);
    return m;
  }

  int EliminateHoles(const std::vector<std::vector<MapPoint>>& rings, int outer) {
    std::vector<int> queue;
    uint32_t base = uint32_t(rings[0].size());
    for (size_t r = 1; r < rings.size(); ++r) {
      if (rings[r].size() >= 3) {
        const int list = LinkedList(rings[r], base, false);
        if (list >= 0) {
          if (list == N(list).next) N(list).steiner = true;
          queue.push_back(Leftmost(list));
        }
      }
      base += uint32_t(rings[r].size());
    }
    std::stable_sort(queue.begin(), queue.end(), [&](int a, int b) {
      return N(a).x != N(b).x ? N(a).x < N(b).x : N(a).y < N(b).y;
    });
    for (int hole : queue) {
      const int bridge = HoleBridge(hole, outer);
      if (bridge < 0) continue;
      const int back = Split(bridge, hole);
      Filter(back, N(back).next);
      outer = Filter(bridge, N(bridge).next);
    }
    return outer;
  }
};

}  // namespace

std::vector<uint32_t> TriangulatePolygon(const std::vector<std::vector<MapPoint>>& rings) {
  std::vector<uint32_t> out;
  if (rings.empty() || rings[0].size() < 3) return out;
  for (const auto& ring : rings)
    for (MapPoint p : ring)
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) return out;
  Earcut e;
  size_t total = 0;
  for (const auto& r : rings) total += r.size();
  e.nodes.reserve(total * 2 + 16);
  e.out = &out;
  e.budget = long(std::min<size_t>(total * total * 8 + 100000, 400000000));
  int outer = e.LinkedList(rings[0], 0, true);
  if (outer < 0 || e.N(outer).next == e.N(outer).prev) return out;
  if (rings.size() > 1) outer = e.EliminateHoles(rings, outer);
  if (rings[0].size() > 80) {
    double x1 = rings[0][0].x, y1 = rings[0][0].y;
    e.min_x = x1, e.min_y = y1;
    for (MapPoint p : rings[0]) {
      e.min_x = std::min(e.min_x, double(p.x)), e.min_y = std::min(e.min_y, double(p.y));
      x1 = std::max(x1, double(p.x)), y1 = std::max(y1, double(p.y));
    }
    const double size = std::max(x1 - e.min_x, y1 - e.min_y);
    e.inv_size = size > 0 ? 32767.0 / size : 0;
  }
  e.Clip(outer, 0);
  return out;
}

// [SECTION] Parsing -------------------------------------------------------------------------------

namespace {

constexpr char kMagic[4] = {'L', 'W', 'M', 'P'};
constexpr uint16_t kVersion = 1;
constexpr size_t kHeaderBytes = 16;

uint32_t Crc32(std::string_view bytes) {
  static constexpr auto kTable = [] {
    struct T { uint32_t v[256]; } t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t.v[n] = c;
    }
    return t;
  }();
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) crc = kTable.v[(crc ^ b) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

uint32_t ReadU32(std::string_view b, size_t at) {
  return uint32_t(uint8_t(b[at])) | uint32_t(uint8_t(b[at + 1])) << 8 | uint32_t(uint8_t(b[at + 2])) << 16 |
         uint32_t(uint8_t(b[at + 3])) << 24;
}

// Bounds-checked reader over the payload; the first failure sticks and names what was read.
struct Reader {
  std::string_view bytes;
  size_t at = 0;
  std::string failure;

  bool ok() const { return failure.empty(); }
  size_t Left() const { return bytes.size() - at; }
  void Fail(const std::string& what) {
    if (failure.empty()) failure = what + " at byte " + std::to_string(at + kHeaderBytes);
  }
  uint64_t Varint(const char* what, uint64_t max) {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at >= bytes.size()) {
        Fail(std::string("the data ends inside ") + what);
        return 0;
      }
      const uint8_t b = uint8_t(bytes[at++]);
      v |= uint64_t(b & 0x7F) << shift;
      if (!(b & 0x80)) {
        if (v > max) {
          Fail(std::string(what) + " is out of range (" + std::to_string(v) + ")");
          return 0;
        }
        return v;
      }
    }
    Fail(std::string(what) + " is not a valid number");
    return 0;
  }
  int64_t Zigzag(const char* what, uint64_t max) {
    const uint64_t z = Varint(what, max * 2 + 1);
    return (z & 1) ? -int64_t(z >> 1) - 1 : int64_t(z >> 1);
  }
  std::string_view Bytes(size_t n, const char* what) {
    if (n > Left()) {
      Fail(std::string("the data ends inside ") + what);
      return {};
    }
    std::string_view s = bytes.substr(at, n);
    at += n;
    return s;
  }
};

struct RawArc {
  std::vector<int32_t> x, y;
  std::vector<uint8_t> level;
  bool outline = false;  // drawn as an outline (else only part of a fill)
  bool border = false;   // between two countries
};

struct RawCountry {
  std::string name;
  char alpha2[3] = {0, 0, 0};
  uint16_t numeric = 0;
  std::vector<std::vector<std::vector<int64_t>>> polygons;  // polygon -> ring -> arc refs
};

}  // namespace

bool ParseWorldMap(std::string_view bytes, WorldMap& out, std::string& error) {
  out = WorldMap{};
  error.clear();
  const std::string prefix = "The world map could not be loaded: ";
  auto fail = [&](const std::string& why) {
    out = WorldMap{};
    error = prefix + why + ".";
    return false;
  };
  if (bytes.empty()) return fail("the file is empty");
  if (bytes.size() < kHeaderBytes) return fail("the file is truncated (" + std::to_string(bytes.size()) + " bytes)");
  if (std::memcmp(bytes.data(), kMagic, 4) != 0) return fail("the file is not a Lectern world map");
  const uint16_t version = uint16_t(uint8_t(bytes[4]) | uint8_t(bytes[5]) << 8);
  if (version != kVersion) return fail("format version " + std::to_string(version) + " is not supported");
  const uint32_t payload_bytes = ReadU32(bytes, 8), crc = ReadU32(bytes, 12);
  if (bytes.size() - kHeaderBytes < payload_bytes)
    return fail("the file is truncated (" + std::to_string(bytes.size()) + " of " +
                std::to_string(payload_bytes + kHeaderBytes) + " bytes)");
  if (bytes.size() - kHeaderBytes > payload_bytes) return fail("the file has unexpected bytes at its end");
  Reader r{bytes.substr(kHeaderBytes), 0, {}};
  if (Crc32(r.bytes) != crc) return fail("the file is damaged (checksum mismatch)");

  // Header fields.
  const int64_t grid_x = int64_t(r.Varint("the grid width", 1u << 24));
  const int64_t grid_y = int64_t(r.Varint("the grid height", 1u << 24));
  const uint64_t level_count = r.Varint("the level count", 16);
  if (r.ok() && (grid_x < 2 || grid_y < 2)) r.Fail("the grid is empty");
  if (r.ok() && level_count != kMapLevels) r.Fail("the file has " + std::to_string(level_count) + " detail levels");
  for (int l = 0; r.ok() && l < kMapLevels; ++l) out.levels[l].tolerance = double(r.Varint("a tolerance", 1u << 30)) * 1e-6;

  // Arcs: every point costs at least two bytes, which bounds every count by the bytes left.
  const size_t arc_count = size_t(r.Varint("the arc count", r.Left() / 4));
  std::vector<RawArc> arcs(r.ok() ? arc_count : 0);
  for (size_t a = 0; r.ok() && a < arcs.size(); ++a) {
    const uint64_t head = r.Varint("an arc's point count", (r.Left() / 2) * 4 + 3);
    const size_t n = size_t(head >> 2);
    if (r.ok() && n < 2) r.Fail("arc " + std::to_string(a) + " has fewer than two points");
    RawArc& arc = arcs[a];
    arc.outline = (head & 1) != 0;
    arc.border = (head & 2) != 0;
    arc.x.resize(n), arc.y.resize(n), arc.level.resize(n);
    int64_t x = 0, y = 0;
    for (size_t i = 0; r.ok() && i < n; ++i) {
      const uint64_t packed = r.Varint("a point", (uint64_t(grid_x) * 2 + 1) * 4 + 3);
      const uint64_t z = packed >> 2;
      x += (z & 1) ? -int64_t(z >> 1) - 1 : int64_t(z >> 1);
      y += r.Zigzag("a point", uint64_t(grid_y));
      const int level = int(packed & 3);
      if (!r.ok()) break;
      if (x < 0 || x > grid_x || y < 0 || y > grid_y || level >= kMapLevels) {
        r.Fail("arc " + std::to_string(a) + " leaves the map");
        break;
      }
      arc.x[i] = int32_t(x), arc.y[i] = int32_t(y), arc.level[i] = uint8_t(level);
    }
    if (r.ok()) arc.level.front() = arc.level.back() = kMapLevels - 1;  // ends join other arcs
  }

  // Countries.
  const size_t country_count = size_t(r.Varint("the country count", std::min<size_t>(r.Left() / 4, 10000)));
  std::vector<RawCountry> raw(r.ok() ? country_count : 0);
  for (size_t c = 0; r.ok() && c < raw.size(); ++c) {
    RawCountry& rc = raw[c];
    rc.numeric = uint16_t(r.Varint("a country code", 999));
    const std::string_view a2 = r.Bytes(2, "a country code");
    if (!r.ok()) break;
    if (a2[0] || a2[1]) {
      if (!std::isalpha(uint8_t(a2[0])) || !std::isalpha(uint8_t(a2[1]))) {
        r.Fail("a country code is not two letters");
        break;
      }
      rc.alpha2[0] = char(std::toupper(uint8_t(a2[0]))), rc.alpha2[1] = char(std::toupper(uint8_t(a2[1])));
    }
    const size_t name_len = size_t(r.Varint("a country name", 256));
    rc.name = std::string(r.Bytes(name_len, "a country name"));
    const size_t polygons = size_t(r.Varint("a polygon count", r.Left()));
    if (r.ok() && polygons == 0) r.Fail("country " + rc.name + " has no outline");
    for (size_t p = 0; r.ok() && p < polygons; ++p) {
      const size_t rings = size_t(r.Varint("a ring count", r.Left()));
      if (r.ok() && rings == 0) r.Fail("country " + rc.name + " has an empty polygon");
      rc.polygons.emplace_back();
      for (size_t k = 0; r.ok() && k < rings; ++k) {
        const size_t refs = size_t(r.Varint("a ring's arc count", r.Left()));
        if (r.ok() && refs == 0) r.Fail("country " + rc.name + " has an empty ring");
        std::vector<int64_t> ring;
        for (size_t j = 0; r.ok() && j < refs; ++j) {
          const int64_t ref = r.Zigzag("an arc reference", arcs.size());
          const int64_t arc = ref < 0 ? ~ref : ref;
          if (r.ok() && (arc < 0 || arc >= int64_t(arcs.size()))) r.Fail("an arc reference is out of range");
          if (r.ok()) ring.push_back(ref);
        }
        // The arcs must join end to start and the ring must close.
        for (size_t j = 0; r.ok() && j < ring.size(); ++j) {
          auto end_of = [&](int64_t ref, bool last) {
            const RawArc& a = arcs[size_t(ref < 0 ? ~ref : ref)];
            const size_t i = (ref < 0) == last ? 0 : a.x.size() - 1;
            return std::make_pair(a.x[i], a.y[i]);
          };
          if (end_of(ring[j], true) != end_of(ring[(j + 1) % ring.size()], false))
            r.Fail("a ring of " + rc.name + " does not close");
        }
        rc.polygons.back().push_back(std::move(ring));
      }
    }
  }
  if (r.ok() && r.Left() != 0) r.Fail("unexpected data after the countries");
  if (!r.ok()) return fail("the file is damaged (" + r.failure + ")");
  if (raw.empty()) return fail("the file holds no countries");

  // [SECTION] Assembly: rings, levels, triangles ----------------------------------------------------

  // Project every arc point once.
  std::vector<std::vector<MapPoint>> projected(arcs.size());
  for (size_t a = 0; a < arcs.size(); ++a) {
    const RawArc& arc = arcs[a];
    projected[a].resize(arc.x.size());
    for (size_t i = 0; i < arc.x.size(); ++i)
      projected[a][i] = ProjectEqualEarth(-90.0 + 180.0 * double(arc.y[i]) / double(grid_y),
                                          -180.0 + 360.0 * double(arc.x[i]) / double(grid_x));
  }
  auto empty_rect = [] { return MapRect{1e30f, 1e30f, -1e30f, -1e30f}; };

  for (int l = 0; l < kMapLevels; ++l) {
    MapLevel& level = out.levels[l];
    for (size_t a = 0; a < arcs.size(); ++a) {
      if (!arcs[a].outline) continue;
      MapArc ma;
      ma.first = uint32_t(level.arc_points.size());
      ma.bounds = empty_rect();
      ma.border = arcs[a].border;
      for (size_t i = 0; i < arcs[a].x.size(); ++i) {
        if (arcs[a].level[i] < l) continue;
        level.arc_points.push_back(projected[a][i]);
        ma.bounds.Add(projected[a][i]);
      }
      ma.count = uint32_t(level.arc_points.size() - ma.first);
      level.arcs.push_back(ma);
    }
  }

  out.countries.resize(raw.size());
  std::vector<std::vector<MapPoint>> poly;
  for (size_t c = 0; c < raw.size(); ++c) {
    MapCountry& mc = out.countries[c];
    mc.name = raw[c].name;
    std::memcpy(mc.alpha2, raw[c].alpha2, 3);
    mc.numeric = raw[c].numeric;
    mc.bounds = empty_rect();
    for (int l = 0; l < kMapLevels; ++l) {
      MapLevel& level = out.levels[l];
      mc.rings[l].first = uint32_t(level.rings.size());
      mc.vertices[l].first = uint32_t(level.vertices.size());
      mc.indices[l].first = uint32_t(level.indices.size());
      for (const auto& polygon : raw[c].polygons) {
        poly.clear();
        for (size_t k = 0; k < polygon.size(); ++k) {
          std::vector<MapPoint> ring;
          for (int64_t ref : polygon[k]) {
            const size_t a = size_t(ref < 0 ? ~ref : ref);
            const size_t n = arcs[a].x.size();
            for (size_t s = 0; s < n; ++s) {
              const size_t i = ref < 0 ? n - 1 - s : s;
              if (arcs[a].level[i] < l) continue;
              if (s == 0 && !ring.empty()) continue;  // shared with the previous arc's end
              ring.push_back(projected[a][i]);
            }
          }
          if (ring.size() > 1) ring.pop_back();  // closed: the last point repeats the first
          if (ring.size() < 3) {
            if (k == 0) break;  // the outer ring vanished at this level: skip the polygon
            continue;
          }
          poly.push_back(std::move(ring));
        }
        if (poly.empty()) continue;
        const uint32_t base = uint32_t(level.vertices.size());
        for (size_t k = 0; k < poly.size(); ++k) {
          MapRing ring;
          ring.first = uint32_t(level.vertices.size());
          ring.count = uint32_t(poly[k].size());
          ring.bounds = empty_rect();
          ring.hole = k > 0;
          for (MapPoint p : poly[k]) ring.bounds.Add(p);
          double area = 0;
          for (size_t i = 0, j = poly[k].size() - 1; i < poly[k].size(); j = i++)
            area += double(poly[k][j].x) * poly[k][i].y - double(poly[k][i].x) * poly[k][j].y;
          if (l == 0) {
            mc.area += (k == 0 ? 1 : -1) * std::fabs(area) / 2;
            mc.bounds.Add({ring.bounds.x0, ring.bounds.y0});
            mc.bounds.Add({ring.bounds.x1, ring.bounds.y1});
          }
          level.rings.push_back(ring);
          level.vertices.insert(level.vertices.end(), poly[k].begin(), poly[k].end());
        }
        for (uint32_t i : TriangulatePolygon(poly)) level.indices.push_back(base + i);
      }
      mc.rings[l].count = uint32_t(level.rings.size()) - mc.rings[l].first;
      mc.vertices[l].count = uint32_t(level.vertices.size()) - mc.vertices[l].first;
      mc.indices[l].count = uint32_t(level.indices.size()) - mc.indices[l].first;
    }
    if (mc.rings[0].count == 0) mc.bounds = {};
  }
  return true;
}

// [SECTION] Queries -------------------------------------------------------------------------------

int WorldMap::CountryAt(MapPoint p) const {
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return -1;
  const MapLevel& level = levels[0];
  for (size_t c = 0; c < countries.size(); ++c) {
    const MapCountry& mc = countries[c];
    if (!mc.bounds.Contains(p)) continue;
    bool inside = false;
    for (uint32_t k = mc.rings[0].first; k < mc.rings[0].first + mc.rings[0].count; ++k) {
      const MapRing& ring = level.rings[k];
      if (!ring.bounds.Contains(p)) continue;
      const MapPoint* v = level.vertices.data() + ring.first;
      for (uint32_t i = 0, j = ring.count - 1; i < ring.count; j = i++) {
        if ((v[i].y > p.y) != (v[j].y > p.y) &&
            p.x < (v[j].x - v[i].x) * (p.y - v[i].y) / (v[j].y - v[i].y) + v[i].x)
          inside = !inside;
      }
    }
    if (inside) return int(c);
  }
  return -1;
}

int WorldMap::FindCountry(std::string_view alpha2) const {
  if (alpha2.size() != 2) return -1;
  const char a = char(std::toupper(uint8_t(alpha2[0]))), b = char(std::toupper(uint8_t(alpha2[1])));
  for (size_t c = 0; c < countries.size(); ++c)
    if (countries[c].alpha2[0] == a && countries[c].alpha2[1] == b) return int(c);
  return -1;
}

int WorldMap::LevelFor(double pixels_per_unit) const {
  // Projected units per degree of longitude at the equator: 2.7066 / 180.
  const double px_per_degree = pixels_per_unit * (double(EqualEarthBounds().x1) / 180.0);
  for (int l = kMapLevels - 1; l > 0; --l)
    if (levels[l].tolerance * px_per_degree * px_per_degree <= 3.0) return l;
  return 0;
}

// [SECTION] The story's places ---------------------------------------------------------------------

StoryMap PlanStoryMap(const Analysis& a, const std::vector<uint8_t>& include, const WorldMap& world) {
  StoryMap m;
  const int n = int(a.entities.size());
  auto shown = [&](int i) { return i >= 0 && i < n && (size_t(i) >= include.size() || include[size_t(i)] != 0); };
  auto valid = [&](int i) { return i >= 0 && i < n; };
  m.entity_marker.assign(size_t(n), -1);

  // Markers: shown places with finite coordinates, most mentioned first.
  std::vector<int> places;
  for (int i = 0; i < n; ++i) {
    const Entity& e = a.entities[size_t(i)];
    if (shown(i) && e.type == EntityType::Place && e.has_coordinates && std::isfinite(e.lat) && std::isfinite(e.lon) &&
        std::fabs(e.lat) <= 90 && std::fabs(e.lon) <= 360)
      places.push_back(i);
  }
  std::stable_sort(places.begin(), places.end(), [&](int x, int y) {
    return a.entities[size_t(x)].mentions.size() > a.entities[size_t(y)].mentions.size();
  });
  m.bounds = {1e30f, 1e30f, -1e30f, -1e30f};
  for (int i : places) {
    const Entity& e = a.entities[size_t(i)];
    StoryMap::Marker mk;
    mk.entity = i;
    mk.at = ProjectEqualEarth(e.lat, e.lon);
    mk.country = world.FindCountry(e.country_code);
    if (mk.country < 0) mk.country = world.CountryAt(mk.at);
    m.entity_marker[size_t(i)] = int(m.markers.size());
    m.markers.push_back(mk);
    m.bounds.Add(mk.at);
  }
  if (m.markers.empty()) m.bounds = {};

  // Satellites: where each shown non-place belongs.
  auto marker_of = [&](int e) {
    // A place without coordinates may sit in one that has them ("Élysée" in "Paris").
    for (int hops = 0; valid(e) && hops < 4; ++hops) {
      if (m.entity_marker[size_t(e)] >= 0 && a.entities[size_t(e)].type == EntityType::Place)
        return m.entity_marker[size_t(e)];
      e = a.entities[size_t(e)].located_in;
    }
    return -1;
  };
  for (int i = 0; i < n; ++i) {
    const Entity& e = a.entities[size_t(i)];
    if (!shown(i) || e.type == EntityType::Place) continue;
    StoryMap::Satellite sat;
    sat.entity = i;
    sat.marker = marker_of(e.located_in);
    for (RelationKind kind : {RelationKind::RoleOf, RelationKind::LocatedIn}) {
      for (size_t r = 0; sat.marker < 0 && r < a.relations.size(); ++r) {
        const Relation& rel = a.relations[r];
        if (rel.kind != kind || rel.source != i) continue;
        const int mk = marker_of(rel.target);
        if (mk >= 0) sat.marker = mk, sat.relation = int(r);
      }
    }
    if (sat.marker < 0 && e.country_code.size() == 2) {
      for (size_t k = 0; k < m.markers.size() && sat.marker < 0; ++k) {
        const std::string& code = a.entities[size_t(m.markers[k].entity)].country_code;
        if (code.size() == 2 && std::toupper(uint8_t(code[0])) == std::toupper(uint8_t(e.country_code[0])) &&
            std::toupper(uint8_t(code[1])) == std::toupper(uint8_t(e.country_code[1])))
          sat.marker = int(k);  // markers are most mentioned first: the story's main place there
      }
    }
    if (sat.marker < 0) {
      m.unplaced.push_back(i);
      continue;
    }
    m.entity_marker[size_t(i)] = sat.marker;
    m.satellites.push_back(sat);
  }
  for (int i = 0; i < n; ++i)
    if (shown(i) && a.entities[size_t(i)].type == EntityType::Place && m.entity_marker[size_t(i)] < 0)
      m.unplaced.push_back(i);
  std::sort(m.unplaced.begin(), m.unplaced.end());

  // Links: typed relations between entities at different places, except the tie that put a
  // satellite where it is and "located in" between two places (the map already shows both).
  for (size_t r = 0; r < a.relations.size(); ++r) {
    const Relation& rel = a.relations[r];
    if (rel.kind == RelationKind::CoOccurrence || !valid(rel.source) || !valid(rel.target) || rel.source == rel.target)
      continue;
    if (!shown(rel.source) || !shown(rel.target)) continue;
    if (m.entity_marker[size_t(rel.source)] < 0 || m.entity_marker[size_t(rel.target)] < 0) continue;
    const bool both_places = a.entities[size_t(rel.source)].type == EntityType::Place &&
                             a.entities[size_t(rel.target)].type == EntityType::Place;
    if (rel.kind == RelationKind::LocatedIn && both_places) continue;
    bool tie = false;
    for (const StoryMap::Satellite& s : m.satellites) tie |= s.relation == int(r);
    if (tie) continue;
    // Both ends at one place (a satellite and its own place, by another relation): the tether
    // already shows it.
    if (m.entity_marker[size_t(rel.source)] == m.entity_marker[size_t(rel.target)]) continue;
    m.links.push_back({int(r), rel.source, rel.target});
  }
  return m;
}

}  // namespace lectern
