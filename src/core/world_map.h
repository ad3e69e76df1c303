// world_map.h — country outlines for the map view: the packaged asset (world.bin, made from
// Natural Earth by tools/gen_world_map.mjs), its projection, and hit testing.
//
//   WorldMap world;
//   std::string error;
//   if (!ParseWorldMap(bytes, world, error)) show(error);   // never throws, never crashes
//   MapPoint p = ProjectEqualEarth(48.85, 2.35);            // Paris, in projected units
//   int level = world.LevelFor(pixels_per_unit);            // detail for the current zoom
//   for (const MapCountry& c : world.countries) fill(world.levels[level], c.triangles[level]);
//   int hovered = world.CountryAt(p);                       // -1 over the sea
//
// Projection: Equal Earth (Šavrič, Patterson & Jenny 2018), equal-area, on the unit sphere.
// Projected units: x in [-2.7066, 2.7066] (east positive), y in [-1.3173, 1.3173] (NORTH
// positive; a view flips y for the screen).
//
// Levels of detail: each point of the asset carries the coarsest level that still draws it
// (Visvalingam effective area, computed per shared border at build time, so neighbours always
// agree). Level 0 is the finest. Fills are triangulated once per level at load (earcut-style
// ear clipping with holes), so drawing is a copy of vertices, no work per frame.
//
// [SECTION] Projection
// [SECTION] The map
// [SECTION] The story's places
// [SECTION] Loading
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// [SECTION] Projection ----------------------------------------------------------------------------

struct MapPoint {
  float x = 0, y = 0;
};

struct MapRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool Contains(MapPoint p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
  bool Overlaps(const MapRect& o) const { return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1; }
  void Add(MapPoint p);
};

// Latitude and longitude in degrees (clamped to [-90, 90] and wrapped to [-180, 180]).
// Non-finite input gives (0, 0).
MapPoint ProjectEqualEarth(double lat, double lon);
// The inverse; false (and *lat = *lon = 0) outside the projected world.
bool InverseEqualEarth(MapPoint p, double* lat, double* lon);
// The whole projected world.
MapRect EqualEarthBounds();

// [SECTION] The map ------------------------------------------------------------------------------

constexpr int kMapLevels = 3;  // 0 finest … 2 coarsest

struct MapArc {                 // one polyline of the outlines; every border is drawn once
  uint32_t first = 0, count = 0;  // into MapLevel::arc_points
  MapRect bounds;
  bool border = false;          // shared by two countries (else a coastline)
};

struct MapRing {
  uint32_t first = 0, count = 0;  // into MapLevel::vertices (not closed: last != first)
  MapRect bounds;
  bool hole = false;
};

struct MapLevel {
  double tolerance = 0;               // square degrees: smaller details were dropped
  std::vector<MapPoint> arc_points;   // outlines
  std::vector<MapArc> arcs;
  std::vector<MapPoint> vertices;     // fills: the countries' rings, country after country
  std::vector<MapRing> rings;
  std::vector<uint32_t> indices;      // triangle list; absolute indices into `vertices`
};

struct MapCountry {
  struct Range {
    uint32_t first = 0, count = 0;
  };
  std::string name;             // Natural Earth's short name: "Chile", "United States of America"
  char alpha2[3] = {0, 0, 0};   // ISO 3166-1 alpha-2 ("IR"), "" where there is none
  uint16_t numeric = 0;         // ISO 3166-1 numeric, 0 where there is none
  MapRect bounds;               // projected
  double area = 0;              // projected area (equal-area, so proportional to the real one)
  Range rings[kMapLevels];      // into levels[l].rings
  Range vertices[kMapLevels];   // into levels[l].vertices
  Range indices[kMapLevels];    // into levels[l].indices
};

struct WorldMap {
  std::vector<MapCountry> countries;
  MapLevel levels[kMapLevels];

  bool empty() const { return countries.empty(); }
  // The country containing p (even-odd over its finest rings), or -1 (sea, or no map).
  int CountryAt(MapPoint p) const;
  // By ISO alpha-2, case-insensitive; -1 when unknown.
  int FindCountry(std::string_view alpha2) const;
  // The coarsest level whose dropped details stay under about three square pixels at this zoom
  // (pixels per projected unit).
  int LevelFor(double pixels_per_unit) const;
};

// [SECTION] The story's places -------------------------------------------------------------------
//
// What the map view shows for an analysis: a marker per place with coordinates; each person,
// organisation or group that belongs to one of those places beside it (a "satellite": by
// Entity::located_in, then a RoleOf / LocatedIn relation, then its nation's country code); and
// the typed relations between entities on the map ("visit to", "agreement with") as links.

struct Analysis;

struct StoryMap {
  struct Marker {
    int entity = -1;              // a place with coordinates
    MapPoint at;                  // projected
    int country = -1;             // WorldMap country (by its code, else under the point), or -1
  };
  struct Satellite {
    int entity = -1;              // a person, organisation or group
    int marker = -1;              // index into markers: the place it belongs to
    int relation = -1;            // the relation that puts it there; -1: located_in or nation
  };
  struct Link {
    int relation = -1;            // index into Analysis::relations (typed, not co-occurrence)
    int from = -1, to = -1;       // entity indices (source, target), both on the map
  };
  std::vector<Marker> markers;          // most mentioned first
  std::vector<Satellite> satellites;    // in entity order
  std::vector<Link> links;
  std::vector<int> entity_marker;       // entity -> its marker (satellites: their place's), or -1
  std::vector<int> unplaced;            // shown entities the map cannot place
  MapRect bounds;                       // of the markers; all zero when there are none
};

// `include[i]` says whether entity i is shown (missing entries count as included).
StoryMap PlanStoryMap(const Analysis& a, const std::vector<uint8_t>& include, const WorldMap& world);

// [SECTION] Loading ------------------------------------------------------------------------------

// Parses the asset with full validation: signature, version, size, CRC-32, every count and
// index, every ring closing. On failure returns false, leaves `out` empty and sets `error` to a
// sentence a reader can act on. Never throws, whatever the bytes.
bool ParseWorldMap(std::string_view bytes, WorldMap& out, std::string& error);

// Triangulates a polygon given as rings (the first is the outer boundary, the others holes):
// returns a triangle list of indices into the concatenated rings' points. Degenerate input gives
// fewer (or no) triangles, never a crash. Exposed for tests.
std::vector<uint32_t> TriangulatePolygon(const std::vector<std::vector<MapPoint>>& rings);

}  // namespace lectern
