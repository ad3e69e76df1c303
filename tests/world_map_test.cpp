// Tests for world_map.h: the Equal Earth projection, triangulation, the asset parser (a small
// hand-encoded map, every truncation and mutation of it, and the real asset made by
// tools/gen_world_map.mjs from the npm data), hit testing, and planning a story's map.
#include "world_map.h"

#include "analysis.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace lectern;

namespace {

constexpr double kPi = 3.14159265358979323846;

double PolygonArea(const std::vector<MapPoint>& ring) {
  double a = 0;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    a += double(ring[j].x) * ring[i].y - double(ring[i].x) * ring[j].y;
  return std::fabs(a) / 2;
}

double TriangleArea(const std::vector<MapPoint>& pts, const std::vector<uint32_t>& tris) {
  double a = 0;
  for (size_t t = 0; t + 2 < tris.size(); t += 3) {
    const MapPoint p = pts[tris[t]], q = pts[tris[t + 1]], r = pts[tris[t + 2]];
    a += std::fabs((double(q.x) - p.x) * (double(r.y) - p.y) - (double(r.x) - p.x) * (double(q.y) - p.y)) / 2;
  }
  return a;
}

// [SECTION] A tiny asset, encoded here independently of the generator -------------------------

struct Encoder {
  std::string b;
  void Varint(uint64_t v) {
    do {
      uint8_t c = v & 0x7F;
      v >>= 7;
      if (v) c |= 0x80;
      b.push_back(char(c));
    } while (v);
  }
  static uint64_t Zz(int64_t v) { return v >= 0 ? uint64_t(v) * 2 : uint64_t(-v) * 2 - 1; }
};

uint32_t Crc32(const std::string& s) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : s) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = crc & 1 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
  }
  return crc ^ 0xFFFFFFFFu;
}

std::string WithHeader(const std::string& payload, uint16_t version = 1) {
  std::string h = "LWMP";
  auto u16 = [&](uint16_t v) { h.push_back(char(v & 0xFF)), h.push_back(char(v >> 8)); };
  auto u32 = [&](uint32_t v) {
    for (int k = 0; k < 4; ++k) h.push_back(char((v >> (8 * k)) & 0xFF));
  };
  u16(version);
  u16(0);
  u32(uint32_t(payload.size()));
  u32(Crc32(payload));
  return h + payload;
}

// Grid of 360 x 180 (one unit a degree). Country A: the square lon 0..10, lat 0..10 with a
// square hole (lon 4..6, lat 4..6) that is country C. Country B: lon 10..20, lat 0..10, sharing
// A's east edge (one arc, referenced by both).
std::string TinyPayload() {
  Encoder e;
  e.Varint(360);
  e.Varint(180);
  e.Varint(3);
  for (int t : {8000, 40000, 400000}) e.Varint(uint64_t(t));
  auto g = [](double lon, double lat) { return std::make_pair(int64_t(lon + 180), int64_t(lat + 90)); };
  const std::vector<std::vector<std::pair<double, double>>> arcs = {
      {{10, 0}, {10, 10}},                            // 0: shared border, south to north
      {{10, 10}, {5, 10}, {0, 10}, {0, 0}, {10, 0}},  // 1: A's other sides
      {{10, 0}, {20, 0}, {20, 10}, {10, 10}},         // 2: B's other sides
      {{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}},       // 3: the hole / country C
  };
  e.Varint(arcs.size());
  for (size_t a = 0; a < arcs.size(); ++a) {
    const auto& arc = arcs[a];
    e.Varint(arc.size() * 4 + (a == 0 || a == 3 ? 3 : 1));  // drawn; 0 and 3 are borders
    int64_t px = 0, py = 0;
    for (auto [lon, lat] : arc) {
      const auto [x, y] = g(lon, lat);
      e.Varint(Encoder::Zz(x - px) * 4 + 2);
      e.Varint(Encoder::Zz(y - py));
      px = x, py = y;
    }
  }
  e.Varint(3);
  auto country = [&](int numeric, const char* a2, const std::string& name,
                     const std::vector<std::vector<std::vector<int64_t>>>& polygons) {
    e.Varint(uint64_t(numeric));
    e.b.push_back(a2[0]);
    e.b.push_back(a2[1]);
    e.Varint(name.size());
    e.b += name;
    e.Varint(polygons.size());
    for (const auto& rings : polygons) {
      e.Varint(rings.size());
      for (const auto& ring : rings) {
        e.Varint(ring.size());
        for (int64_t ref : ring) e.Varint(Encoder::Zz(ref));
      }
    }
  };
  country(1, "AA", "Alpha", {{{0, 1}, {~3}}});
  country(2, "BB", "Beta", {{{~0, 2}}});
  country(3, "CC", "Gamma", {{{3}}});
  return e.b;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The real asset, generated from node_modules by the build's own tool (skipped without node).
const std::string& RealAsset() {
  static const std::string bytes = [] {
    const std::string out = (std::filesystem::temp_directory_path() / "lectern_world_map_test.bin").string();
    const std::string cmd = std::string("node \"") + LECTERN_SOURCE_DIR + "/tools/gen_world_map.mjs\" \"" +
                            LECTERN_SOURCE_DIR + "/node_modules\" " + out + " > /dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return std::string();
    std::string b = ReadFile(out);
    std::remove(out.c_str());
    return b;
  }();
  return bytes;
}

}  // namespace

TEST_CASE("Equal Earth: known points, round trips, equal area") {
  MapPoint o = ProjectEqualEarth(0, 0);
  CHECK(o.x == 0);
  CHECK(o.y == 0);
  const MapRect w = EqualEarthBounds();
  CHECK(w.x1 == doctest::Approx(2.7066).epsilon(1e-4));
  CHECK(w.y1 == doctest::Approx(1.3173).epsilon(1e-4));
  CHECK(ProjectEqualEarth(50, 10).y > 0);  // north is up (positive)
  CHECK(ProjectEqualEarth(0, 10).x > 0);   // east is positive
  // Wrapping and clamping; non-finite input is harmless.
  CHECK(ProjectEqualEarth(10, 190).x == doctest::Approx(ProjectEqualEarth(10, -170).x));
  CHECK(ProjectEqualEarth(95, 0).y == doctest::Approx(ProjectEqualEarth(90, 0).y));
  o = ProjectEqualEarth(std::nan(""), 3);
  CHECK((o.x == 0 && o.y == 0));

  for (double lat = -89; lat <= 89; lat += 7.3)
    for (double lon = -179; lon <= 179; lon += 11.7) {
      double la, lo;
      REQUIRE(InverseEqualEarth(ProjectEqualEarth(lat, lon), &la, &lo));
      CHECK(la == doctest::Approx(lat).epsilon(1e-5));
      CHECK(lo == doctest::Approx(lon).epsilon(1e-5));
    }
  double la, lo;
  CHECK_FALSE(InverseEqualEarth({3.0f, 0}, &la, &lo));     // east of the world's edge
  CHECK_FALSE(InverseEqualEarth({0, 1.5f}, &la, &lo));     // above the pole line
  CHECK_FALSE(InverseEqualEarth({2.6f, 1.2f}, &la, &lo));  // outside the rounded corner
  CHECK_FALSE(InverseEqualEarth({std::nanf(""), 0}, &la, &lo));

  // Equal area: a 1° cell at 60°N covers (sin 61° − sin 60°) / sin 1° of one at the equator.
  auto cell = [](double lat) {
    std::vector<MapPoint> ring;
    for (int k = 0; k <= 10; ++k) ring.push_back(ProjectEqualEarth(lat, k * 0.1));
    for (int k = 10; k >= 0; --k) ring.push_back(ProjectEqualEarth(lat + 1, k * 0.1));
    return PolygonArea(ring);
  };
  const double expected = (std::sin(61 * kPi / 180) - std::sin(60 * kPi / 180)) / std::sin(1 * kPi / 180);
  CHECK(cell(60) / cell(0) == doctest::Approx(expected).epsilon(1e-3));
}

TEST_CASE("triangulation: convex, concave, holes, degenerate") {
  const std::vector<MapPoint> square = {{0, 0}, {4, 0}, {4, 4}, {0, 4}};
  auto tris = TriangulatePolygon({square});
  CHECK(tris.size() == 6);
  CHECK(TriangleArea(square, tris) == doctest::Approx(16));

  // A "C" (concave), clockwise on purpose.
  const std::vector<MapPoint> c = {{0, 0}, {0, 5}, {5, 5}, {5, 4}, {1, 4}, {1, 1}, {5, 1}, {5, 0}};
  tris = TriangulatePolygon({c});
  CHECK(tris.size() == 3 * (c.size() - 2));
  CHECK(TriangleArea(c, tris) == doctest::Approx(PolygonArea(c)));

  // A square with a square hole: the triangles cover the ring, not the hole.
  const std::vector<MapPoint> hole = {{1, 1}, {1, 2}, {2, 2}, {2, 1}};
  std::vector<MapPoint> all = square;
  all.insert(all.end(), hole.begin(), hole.end());
  tris = TriangulatePolygon({square, hole});
  CHECK(TriangleArea(all, tris) == doctest::Approx(15));

  // Degenerate: too few points, collinear, repeated, non-finite.
  CHECK(TriangulatePolygon({}).empty());
  CHECK(TriangulatePolygon({{{0, 0}, {1, 1}}}).empty());
  CHECK(TriangleArea({{0, 0}, {1, 1}, {2, 2}, {3, 3}}, TriangulatePolygon({{{0, 0}, {1, 1}, {2, 2}, {3, 3}}})) == 0);
  tris = TriangulatePolygon({{{0, 0}, {0, 0}, {4, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 4}}});
  CHECK(tris.size() >= 6);
  CHECK(TriangulatePolygon({{{0, 0}, {std::nanf(""), 0}, {4, 4}}}).empty());
  // A self-intersecting bow tie: some triangles, no crash.
  TriangulatePolygon({{{0, 0}, {4, 4}, {4, 0}, {0, 4}}});
}

TEST_CASE("world map: a small hand-encoded asset parses / borders are shared / holes hit-test") {
  WorldMap m;
  std::string error;
  REQUIRE(ParseWorldMap(WithHeader(TinyPayload()), m, error));
  CHECK(error.empty());
  REQUIRE(m.countries.size() == 3);
  CHECK(m.countries[0].name == "Alpha");
  CHECK(std::string(m.countries[1].alpha2) == "BB");
  CHECK(m.countries[2].numeric == 3);
  CHECK(m.FindCountry("bb") == 1);
  CHECK(m.FindCountry("ZZ") == -1);
  CHECK(m.FindCountry("") == -1);
  // Four arcs, one of them a border (A|B) and the hole's ring (A|C) another.
  REQUIRE(m.levels[0].arcs.size() == 4);
  int borders = 0;
  for (const MapArc& a : m.levels[0].arcs) borders += a.border;
  CHECK(borders == 2);
  CHECK(m.CountryAt(ProjectEqualEarth(2, 2)) == 0);
  CHECK(m.CountryAt(ProjectEqualEarth(5, 5)) == 2);  // in the hole: Gamma, not Alpha
  CHECK(m.CountryAt(ProjectEqualEarth(5, 15)) == 1);
  CHECK(m.CountryAt(ProjectEqualEarth(-5, 5)) == -1);
  CHECK(m.CountryAt({std::nanf(""), 0}) == -1);
  // Alpha's fill has the hole cut out: its triangles cover the ring's area minus the hole.
  const MapCountry& a = m.countries[0];
  const MapLevel& l0 = m.levels[0];
  std::vector<uint32_t> tris(l0.indices.begin() + a.indices[0].first,
                             l0.indices.begin() + a.indices[0].first + a.indices[0].count);
  CHECK(TriangleArea(l0.vertices, tris) == doctest::Approx(a.area).epsilon(1e-4));
  const MapRing& outer = l0.rings[a.rings[0].first];
  CHECK(a.area < PolygonArea({l0.vertices.begin() + outer.first, l0.vertices.begin() + outer.first + outer.count}));
  CHECK(m.levels[2].tolerance == doctest::Approx(0.4));
}

TEST_CASE("world map: missing, truncated, corrupt and hostile assets give a clear error, never a crash") {
  const std::string good = WithHeader(TinyPayload());
  WorldMap m;
  std::string error;
  CHECK_FALSE(ParseWorldMap("", m, error));
  CHECK(error.find("empty") != std::string::npos);
  CHECK_FALSE(ParseWorldMap("<!doctype html><html>Not found</html>", m, error));
  CHECK(error.find("not a Lectern world map") != std::string::npos);
  CHECK_FALSE(ParseWorldMap(WithHeader(TinyPayload(), 7), m, error));
  CHECK(error.find("version 7") != std::string::npos);
  CHECK_FALSE(ParseWorldMap(good + "x", m, error));
  CHECK(m.empty());

  // Every truncation.
  for (size_t n = 0; n < good.size(); ++n) {
    CHECK_FALSE(ParseWorldMap(std::string_view(good).substr(0, n), m, error));
    CHECK_FALSE(error.empty());
    CHECK(m.empty());
  }
  CHECK(error.find("truncated") != std::string::npos);

  // Every single-byte change of the payload is caught by the checksum...
  for (size_t i = 16; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = char(bad[i] ^ 0x5A);
    CHECK_FALSE(ParseWorldMap(bad, m, error));
    CHECK(error.find("checksum") != std::string::npos);
  }
  // ...and with a recomputed checksum the structural checks stand alone: no crash, and either a
  // valid map or an error (a mutation can still describe a valid map).
  const std::string payload = TinyPayload();
  uint64_t state = 12345;
  int rejected = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string p = payload;
    const int edits = 1 + round % 4;
    for (int k = 0; k < edits; ++k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      const size_t at = size_t(state >> 33) % p.size();
      const uint8_t value = uint8_t(state >> 17);
      switch (round % 3) {
        case 0: p[at] = char(value); break;
        case 1: p.insert(p.begin() + long(at), char(value)); break;
        default: p.erase(p.begin() + long(at)); break;
      }
    }
    const bool ok = ParseWorldMap(WithHeader(p), m, error);
    if (!ok) {
      ++rejected;
      CHECK(m.empty());
      CHECK(error.rfind("The world map could not be loaded: ", 0) == 0);
    }
  }
  CHECK(rejected > 3000);

  // Counts far beyond the data never allocate: an arc claiming four billion points.
  Encoder e;
  e.Varint(360), e.Varint(180), e.Varint(3), e.Varint(1), e.Varint(1), e.Varint(1);
  e.Varint(1), e.Varint(0xFFFFFFFFull * 4 + 1);
  CHECK_FALSE(ParseWorldMap(WithHeader(e.b), m, error));
  CHECK(error.find("out of range") != std::string::npos);
}

TEST_CASE("world map: the real asset (Natural Earth 1:50m via world-atlas)") {
  const std::string& bytes = RealAsset();
  if (bytes.empty()) {
    MESSAGE("skipped: node or node_modules is not available to generate the asset");
    return;
  }
  WorldMap m;
  std::string error;
  REQUIRE(ParseWorldMap(bytes, m, error));
  MESSAGE("asset " << bytes.size() << " bytes, " << m.countries.size() << " countries; vertices per level "
                   << m.levels[0].vertices.size() << "/" << m.levels[1].vertices.size() << "/"
                   << m.levels[2].vertices.size() << ", outline points " << m.levels[0].arc_points.size() << "/"
                   << m.levels[1].arc_points.size() << "/" << m.levels[2].arc_points.size());
  CHECK(m.countries.size() > 200);

  // Places a news story names, with small countries 1:110m lacks.
  struct Probe {
    std::string code;
    double lat, lon;
  } probes[] = {{"IR", 35.69, 51.39},  {"RU", 55.75, 37.62},  {"PT", 40.2, -8.4}, {"QA", 25.29, 51.53},
                {"PL", 52.23, 21.01},  {"SG", 1.35, 103.82},  {"MT", 35.9, 14.45},  {"US", 38.9, -77.04},
                {"LS", -29.6, 28.2},   {"ZA", -26.2, 28.05},  {"BR", -15.8, -47.9}, {"JP", 35.68, 139.69},
                {"FJ", -17.7, 178.0},  {"NZ", -40.35, 175.61}};
  for (const Probe& p : probes) {
    CAPTURE(p.code);
    const int c = m.FindCountry(p.code);
    REQUIRE(c >= 0);
    CHECK(m.CountryAt(ProjectEqualEarth(p.lat, p.lon)) == c);
  }
  CHECK(m.CountryAt(ProjectEqualEarth(0, -30)) == -1);    // the Atlantic
  CHECK(m.CountryAt(ProjectEqualEarth(-40, 80)) == -1);   // the Indian Ocean

  // Every country's fill covers exactly its outline at every level (holes cut out).
  for (int l = 0; l < kMapLevels; ++l) {
    const MapLevel& level = m.levels[l];
    double total_rings = 0, total_tris = 0;
    for (const MapCountry& c : m.countries) {
      double ring_area = 0;
      for (uint32_t k = c.rings[l].first; k < c.rings[l].first + c.rings[l].count; ++k) {
        const MapRing& r = level.rings[k];
        const double a = PolygonArea({level.vertices.begin() + r.first, level.vertices.begin() + r.first + r.count});
        ring_area += r.hole ? -a : a;
      }
      std::vector<uint32_t> tris(level.indices.begin() + c.indices[l].first,
                                 level.indices.begin() + c.indices[l].first + c.indices[l].count);
      const double tri_area = TriangleArea(level.vertices, tris);
      CAPTURE(c.name);
      CAPTURE(l);
      CHECK(tri_area == doctest::Approx(ring_area).epsilon(0.02));
      for (uint32_t i : tris) CHECK(i < level.vertices.size());
      total_rings += ring_area, total_tris += tri_area;
    }
    CHECK(total_tris == doctest::Approx(total_rings).epsilon(1e-3));
  }
  // Coarser levels are smaller, and the zoom picks finer levels as it grows.
  CHECK(m.levels[2].vertices.size() < m.levels[1].vertices.size());
  CHECK(m.levels[1].vertices.size() < m.levels[0].vertices.size());
  CHECK(m.LevelFor(150) == 2);  // the whole world in ~800 px
  CHECK(m.LevelFor(150 * 30) == 0);
  int last = kMapLevels - 1;
  for (double z = 50; z < 1e5; z *= 1.3) {
    const int level = m.LevelFor(z);
    CHECK(level <= last);
    last = level;
  }
  // Even the finest level fits one 16-bit-indexed draw list per layer when fully in view.
  CHECK(m.levels[2].vertices.size() < 40000);
}

TEST_CASE("story map: markers for places, people beside their place, typed relations as links") {
  WorldMap world;
  std::string error;
  REQUIRE(ParseWorldMap(WithHeader(TinyPayload()), world, error));
  Analysis a;
  auto add = [&](const char* id, EntityType t, int mentions, bool coords = false, double lat = 0, double lon = 0,
                 const char* code = "") {
    Entity e;
    e.id = id;
    e.type = t;
    e.has_coordinates = coords;
    e.lat = lat, e.lon = lon;
    e.country_code = code;
    for (int k = 0; k < mentions; ++k) e.mentions.push_back({Span{uint32_t(k), uint32_t(k + 1)}});
    a.entities.push_back(e);
    return int(a.entities.size()) - 1;
  };
  const int alpha = add("alpha", EntityType::Place, 2, true, 2, 2, "AA");       // in country Alpha
  const int beta = add("beta", EntityType::Place, 5, true, 5, 15);             // no code: under the point
  const int capital = add("capital", EntityType::Place, 1, true, 8, 3, "AA");
  const int palace = add("palace", EntityType::Place, 1);                      // no coordinates
  a.entities[size_t(palace)].located_in = capital;
  const int chief = add("chief", EntityType::Person, 3, false, 0, 0, "");
  const int envoy = add("envoy", EntityType::Person, 1, false, 0, 0, "AA");    // by nation
  const int guard = add("guard", EntityType::Org, 1);
  a.entities[size_t(guard)].located_in = palace;                               // via the palace
  const int drifter = add("drifter", EntityType::Person, 1);                   // nowhere
  auto rel = [&](int s, int t, RelationKind k) {
    Relation r;
    r.source = s, r.target = t, r.kind = k;
    a.relations.push_back(r);
    return int(a.relations.size()) - 1;
  };
  const int role = rel(chief, beta, RelationKind::RoleOf);
  const int visit = rel(chief, alpha, RelationKind::VisitTo);
  rel(alpha, beta, RelationKind::CoOccurrence);
  rel(capital, alpha, RelationKind::LocatedIn);                // place in place: not a link
  const int deal = rel(alpha, beta, RelationKind::AgreementWith);
  rel(drifter, alpha, RelationKind::VisitTo);                  // drifter is not on the map

  StoryMap m = PlanStoryMap(a, {}, world);
  REQUIRE(m.markers.size() == 3);
  CHECK(m.markers[0].entity == beta);  // most mentioned first
  CHECK(m.markers[0].country == 1);
  CHECK(m.markers[1].entity == alpha);
  CHECK(m.markers[1].country == 0);
  REQUIRE(m.satellites.size() == 3);
  CHECK(m.satellites[0].entity == chief);
  CHECK(m.satellites[0].marker == m.entity_marker[size_t(beta)]);
  CHECK(m.satellites[0].relation == role);
  CHECK(m.satellites[1].entity == envoy);
  CHECK(m.satellites[1].marker == m.entity_marker[size_t(alpha)]);  // AA's most mentioned place
  CHECK(m.satellites[2].entity == guard);
  CHECK(m.satellites[2].marker == m.entity_marker[size_t(capital)]);
  CHECK(m.unplaced == std::vector<int>{palace, drifter});
  REQUIRE(m.links.size() == 2);
  CHECK(m.links[0].relation == visit);
  CHECK(m.links[1].relation == deal);
  CHECK(m.bounds.x1 > m.bounds.x0);

  // Filtering people out removes satellites and their links; no places, no bounds.
  std::vector<uint8_t> include(a.entities.size(), 1);
  include[size_t(chief)] = 0;
  m = PlanStoryMap(a, include, world);
  CHECK(m.satellites.size() == 2);
  CHECK(m.links.size() == 1);
  m = PlanStoryMap(a, {0, 0, 0, 0, 1, 1, 1, 1}, world);
  CHECK(m.markers.empty());
  CHECK(m.bounds.x0 == 0);
  CHECK(m.satellites.empty());
  CHECK(m.unplaced.size() == 4);
  // Hostile coordinates never become markers; an empty world still plans.
  a.entities[size_t(alpha)].lat = std::nan("");
  m = PlanStoryMap(a, {}, WorldMap{});
  CHECK(m.markers.size() == 2);
  CHECK(m.markers[0].country == -1);
}
