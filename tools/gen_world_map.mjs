#!/usr/bin/env node
// gen_world_map.mjs — converts Natural Earth's country outlines (npm world-atlas, TopoJSON) into
// the compact binary asset the map view loads (src/core/world_map.h parses and validates it).
// Run by CMake at build time (src/app/CMakeLists.txt):
//
//   node tools/gen_world_map.mjs NODE_MODULES_DIR OUT.bin [--scale 50m|110m] [--tolerance DEG2]
//
// Inputs (package.json pins both; nothing is downloaded):
//   world-atlas/countries-50m.json  Natural Earth 4.1 Admin 0 countries, 1:50m (public domain),
//                                   as TopoJSON by Mike Bostock (ISC)
//   world-countries/countries.json  ISO 3166-1 numeric (ccn3) -> alpha-2 (cca2) (ODbL 1.0)
//
// Why 50m, simplified: 1:110m has no Singapore, Malta, Bahrain, Andorra…, places wire stories
// name; 1:50m has all 241 units but ~80k points, more than the map needs on a screen and more
// than one ImGui draw list holds (16-bit indices, no vertex offsets in WebGL). Each TopoJSON arc
// (a border shared by two countries is one arc) is simplified once with Visvalingam–Whyatt, so
// neighbours keep an identical border and no slivers open; arc end points are never dropped.
//
// [SECTION] Format (little-endian; all counts are LEB128 varints, deltas zigzag varints)
//   header   "LWMP" u16 version(1) u16 flags(0) u32 payload_bytes u32 crc32(payload)
//   payload  varint grid_x, varint grid_y         lon = -180 + 360 * x / grid_x,
//                                                 lat =  -90 + 180 * y / grid_y
//            varint level_count (3), per level: varint tolerance in 1e-6 square degrees
//            varint arc_count
//              per arc: varint n * 4 + flags (n >= 2; flags: 1 drawn as an outline, 2 a border
//              between two countries, else a coast), then n points: varint zigzag(dx) * 4 + level,
//              zigzag dy (deltas from the previous point, the first from (0, 0); level 0..2 is
//              the coarsest level of detail that still draws the point)
//            varint country_count
//              per country: varint iso_numeric (0: none), 2 bytes alpha-2 ("\0\0": none),
//              varint name_bytes + UTF-8 name, varint polygon_count,
//                per polygon: varint ring_count (the first ring is the outer one),
//                  per ring: varint arc_ref_count, zigzag arc refs (i, or ~i for arc i
//                  reversed; consecutive arcs share their joining point, as in TopoJSON)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const option = (name, fallback) => {
  const i = args.indexOf('--' + name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const [nodeModules, outFile] = positional;
if (!nodeModules || !outFile) {
  console.error('usage: gen_world_map.mjs NODE_MODULES_DIR OUT.bin [--scale 50m|110m] [--tolerance DEG2]');
  process.exit(2);
}
const scale = option('scale', '50m');
// Minimum effective triangle area (square degrees) a point must span to be kept at all. 0.008
// keeps coasts smooth at the map's highest zoom (a small country fills the view) and keeps 38%
// of 50m's points: 107 KB (92 KB gzip) against 186 KB unsimplified; 110m would be 35 KB but
// lacks the small countries.
const tolerance = Number(option('tolerance', '0.008'));
const LEVELS = [tolerance, 0.04, 0.4];     // effective-area thresholds of detail levels 0, 1, 2
const GRID_X = 1 << 16, GRID_Y = 1 << 15;  // ~0.0055° steps: ~600 m, finer than a pixel at max zoom

function fail(message) {
  console.error('gen_world_map: ' + message);
  process.exit(1);
}

// [SECTION] TopoJSON decoding ----------------------------------------------------------------------

const topoFile = path.join(nodeModules, 'world-atlas', `countries-${scale}.json`);
if (!fs.existsSync(topoFile)) fail(`${topoFile} is missing: run npm ci (world-atlas is in package.json)`);
const topo = JSON.parse(fs.readFileSync(topoFile, 'utf8'));
if (topo.type !== 'Topology' || !topo.objects || !topo.objects.countries || !Array.isArray(topo.arcs))
  fail(`${topoFile} is not a TopoJSON topology with a 'countries' object`);

// Quantised TopoJSON arcs are delta-encoded integers; the transform maps them to degrees.
const arcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => {
    if (topo.transform) {
      x += dx;
      y += dy;
      return [x * topo.transform.scale[0] + topo.transform.translate[0],
              y * topo.transform.scale[1] + topo.transform.translate[1]];
    }
    return [dx, dy];
  });
});

// [SECTION] Simplification (Visvalingam–Whyatt, per arc) ------------------------------------------

const triArea = (a, b, c) => Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;

// Effective area of every point of an arc (square degrees): the area of the triangle it forms with
// its neighbours at the moment Visvalingam's elimination removes it. End points are Infinity; a
// closed arc (an island drawn by one arc) also keeps its two most significant interior points at
// Infinity so it remains a triangle at every level of detail.
function effectiveAreas(points) {
  const n = points.length;
  if (n <= 2) return new Float64Array(n).fill(Infinity);
  const area = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n), next = new Int32Array(n);
  for (let i = 0; i < n; i++) { prev[i] = i - 1; next[i] = i + 1; }
  // A plain array scan per removal would be O(n²) on 5k-point coasts; a binary heap keyed by
  // area with lazy invalidation keeps it O(n log n).
  const heap = [];
  const push = (i) => { heap.push([area[i], i]); let k = heap.length - 1;
    while (k > 0) { const p = (k - 1) >> 1; if (heap[p][0] <= heap[k][0]) break; [heap[p], heap[k]] = [heap[k], heap[p]]; k = p; } };
  const pop = () => { const top = heap[0], last = heap.pop(); if (heap.length) { heap[0] = last; let k = 0;
    for (;;) { const l = 2 * k + 1, r = l + 1; let m = k;
      if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
      if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
      if (m === k) break; [heap[m], heap[k]] = [heap[k], heap[m]]; k = m; } } return top; };
  for (let i = 1; i < n - 1; i++) { area[i] = triArea(points[i - 1], points[i], points[i + 1]); push(i); }
  const eff = new Float64Array(n).fill(Infinity);
  let maxSoFar = 0;
  while (heap.length) {
    const [a, i] = pop();
    if (a !== area[i] || eff[i] !== Infinity) continue;  // stale entry
    maxSoFar = Math.max(maxSoFar, a);  // effective area never decreases (Visvalingam's rule)
    eff[i] = maxSoFar;
    const p = prev[i], q = next[i];
    next[p] = q;
    prev[q] = p;
    if (p > 0) { area[p] = triArea(points[prev[p]], points[p], points[q]); push(p); }
    if (q < n - 1) { area[q] = triArea(points[p], points[q], points[next[q]]); push(q); }
  }
  const closed = points[0][0] === points[n - 1][0] && points[0][1] === points[n - 1][1];
  if (closed) {
    const ranked = [...eff.keys()].slice(1, n - 1).sort((a, b) => eff[b] - eff[a] || a - b);
    for (const i of ranked.slice(0, 2)) eff[i] = Infinity;
  }
  return eff;
}

// [SECTION] Levels of detail ---------------------------------------------------------------------------

// Level of detail of a point: 0 drawn only when zoomed in, 2 also at world scale, -1 never. The
// map picks the coarsest level whose tolerance is below about a pixel's area at the current zoom.
const TOP = LEVELS.length - 1;
const levelOf = (eff) => LEVELS.reduce((l, t, i) => (eff >= t ? i : l), -1);

// Every point as [lon, lat, level]; arc ends are always drawn (they join other arcs).
const leveled = arcs.map((arc) => {
  const eff = effectiveAreas(arc);
  return arc.map(([lon, lat], i) => [lon, lat, i === 0 || i === arc.length - 1 ? TOP : levelOf(eff[i])]);
});

// [SECTION] The antimeridian ------------------------------------------------------------------------------
//
// world-atlas is spherical: Russia's Chukotka, Fiji and Antarctica cross ±180°, and Antarctica's
// ring winds around the pole. A planar map needs them cut. Outlines: an arc that jumps across
// ±180° is split there into outline-only arcs. Fills: a polygon with a crossing ring is replaced
// by the pieces of that ring clipped to [-180°, 180°] (a ring around a pole is first closed along
// the pole line), stored as fill-only arcs. Shared borders stay shared, so outline styles hold.

const jumps = (pts) => pts.some((p, i) => i > 0 && Math.abs(p[0] - pts[i - 1][0]) > 180);
const nearPole = (pts) => pts.every((p) => Math.abs(p[1]) > 89.9);

// Latitude where the segment p -> q (q's longitude unwrapped next to p's) meets longitude `lon`.
function crossLat(p, q, lon) {
  const t = (lon - p[0]) / (q[0] - p[0]);
  return p[1] + (q[1] - p[1]) * (Number.isFinite(t) ? t : 0);
}

function splitAtAntimeridian(pts) {
  const parts = [[pts[0]]];
  for (let i = 1; i < pts.length; i++) {
    const p = pts[i - 1], q = pts[i];
    if (Math.abs(q[0] - p[0]) > 180) {
      const edge = p[0] > 0 ? 180 : -180;
      const lat = crossLat(p, [q[0] + (edge > 0 ? 360 : -360), q[1]], edge);
      parts[parts.length - 1].push([edge, lat, TOP]);
      parts.push([[-edge, lat, TOP]]);
    }
    parts[parts.length - 1].push(q);
  }
  return parts.filter((part) => part.length >= 2);
}

// Sutherland–Hodgman against one vertical line; `keep(lon)` says which side stays.
function clipAt(pts, lon, keep) {
  const out = [];
  for (let i = 0; i < pts.length; i++) {
    const p = pts[(i + pts.length - 1) % pts.length], q = pts[i];
    const pin = keep(p[0]), qin = keep(q[0]);
    if (qin !== pin) out.push([lon, crossLat(p, q, lon), TOP]);
    if (qin) out.push(q);
  }
  return out;
}

const signedArea = (pts) => pts.reduce((s, p, i) => {
  const q = pts[(i + 1) % pts.length];
  return s + p[0] * q[1] - q[0] * p[1];
}, 0) / 2;

// A closed ring (first == last) that crosses ±180° -> planar rings (open) inside [-180°, 180°].
function cutRing(ring) {
  const u = [ring[0]];
  for (let i = 1; i < ring.length; i++) {
    let lon = ring[i][0];
    const prev = u[i - 1][0];
    while (lon - prev > 180) lon -= 360;
    while (lon - prev < -180) lon += 360;
    u.push([lon, ring[i][1], ring[i][2]]);
  }
  let pts = u.slice(0, -1);
  const winding = u[u.length - 1][0] - u[0][0];
  if (Math.abs(winding) > 180) {
    // Around a pole: close along the pole line.
    const pole = pts.reduce((s, p) => s + p[1], 0) / pts.length < 0 ? -90 : 90;
    const last = u[u.length - 1];
    pts = [...u, [last[0], pole, TOP], [u[0][0], pole, TOP]];
  }
  const minLon = Math.min(...pts.map((p) => p[0])), maxLon = Math.max(...pts.map((p) => p[0]));
  const pieces = [];
  for (let k = Math.floor((minLon + 180) / 360); k * 360 - 180 < maxLon; k++) {
    const lo = -180 + 360 * k, hi = 180 + 360 * k;
    let piece = clipAt(pts, lo, (lon) => lon >= lo);
    piece = clipAt(piece, hi, (lon) => lon <= hi);
    piece = piece.map(([lon, lat, level]) => [lon - 360 * k, lat, level]);
    if (piece.length >= 3 && Math.abs(signedArea(piece)) > 1e-6) pieces.push(piece);
  }
  return pieces;
}

// [SECTION] Countries and arcs ----------------------------------------------------------------------

const worldCountries = JSON.parse(
  fs.readFileSync(path.join(nodeModules, 'world-countries', 'countries.json'), 'utf8'));
const alpha2ByNumeric = new Map(worldCountries.filter((c) => c.ccn3).map((c) => [Number(c.ccn3), c.cca2]));
// Natural Earth units without an ISO numeric code that news still names.
const alpha2ByName = new Map([['Kosovo', 'XK']]);

const geometries = topo.objects.countries.geometries.filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon');
const uses = new Array(arcs.length).fill(0);
for (const g of geometries) {
  const seen = new Set();
  for (const rings of g.type === 'Polygon' ? [g.arcs] : g.arcs)
    for (const ring of rings) for (const ref of ring) seen.add(ref < 0 ? ~ref : ref);
  for (const a of seen) uses[a]++;
}

// Output arcs: { points: [[lon, lat, level]], outline, border }. The originals keep their indices.
const outArcs = leveled.map((points, a) => ({ points, outline: uses[a] > 0, border: uses[a] >= 2 }));
for (let a = 0; a < arcs.length; a++) {
  if (!outArcs[a].outline) continue;
  if (nearPole(arcs[a])) {
    outArcs[a].outline = false;
  } else if (jumps(arcs[a])) {
    outArcs[a].outline = false;
    for (const part of splitAtAntimeridian(leveled[a]))
      outArcs.push({ points: part, outline: true, border: outArcs[a].border });
  }
}

const ringPoints = (refs) => {
  const pts = [];
  for (const ref of refs) {
    const a = ref < 0 ? leveled[~ref].slice().reverse() : leveled[ref];
    pts.push(...(pts.length ? a.slice(1) : a));
  }
  return pts;
};

const countries = [];
let cutPolygons = 0;
for (const g of geometries) {
  const numeric = g.id ? Number(g.id) : 0;
  const name = (g.properties && g.properties.name) || '';
  let alpha2 = alpha2ByNumeric.get(numeric) || alpha2ByName.get(name) || '';
  if (alpha2.length !== 2) alpha2 = '';
  const polygons = [];
  for (const rings of g.type === 'Polygon' ? [g.arcs] : g.arcs) {
    const points = rings.map(ringPoints);
    if (!points.some(jumps)) {
      polygons.push(rings);
      continue;
    }
    cutPolygons++;
    for (const ring of points) {
      if (nearPole(ring)) continue;  // the pole circle of a polar polygon
      for (const piece of cutRing(ring)) {
        outArcs.push({ points: [...piece, piece[0]], outline: false, border: false });
        polygons.push([[outArcs.length - 1]]);
      }
    }
  }
  countries.push({ numeric, alpha2, name, polygons });
}
const missingCodes = countries.filter((c) => !c.alpha2).map((c) => c.name);

// [SECTION] Quantisation ------------------------------------------------------------------------------

const qx = (lon) => Math.max(0, Math.min(GRID_X, Math.round((lon + 180) / 360 * GRID_X)));
const qy = (lat) => Math.max(0, Math.min(GRID_Y, Math.round((lat + 90) / 180 * GRID_Y)));

let rawPoints = 0;
for (const arc of arcs) rawPoints += arc.length;
const perLevel = LEVELS.map(() => 0);
const qarcs = outArcs.map(({ points, outline, border }) => {
  const q = [];
  points.forEach(([lon, lat, level], i) => {
    if (level < 0) return;
    const p = [qx(lon), qy(lat), i === 0 || i === points.length - 1 ? TOP : level];
    const last = q[q.length - 1];
    // Snapping can make neighbours equal: keep one, at the coarser of the two levels (the last
    // point of the arc always stays: it joins the next arc).
    if (last && last[0] === p[0] && last[1] === p[1] && i < points.length - 1) {
      last[2] = Math.max(last[2], p[2]);
      return;
    }
    q.push(p);
  });
  if (q.length === 1) q.push([...q[0]]);
  for (const p of q) for (let l = 0; l <= p[2]; l++) perLevel[l]++;
  return { points: q, flags: (outline ? 1 : 0) | (border ? 2 : 0) };
});

// [SECTION] Encoding -----------------------------------------------------------------------------------

const bytes = [];
const varint = (v) => {
  if (!Number.isInteger(v) || v < 0) fail(`bad varint ${v}`);
  do { let b = v % 128; v = Math.floor(v / 128); if (v) b |= 128; bytes.push(b); } while (v);
};
const zz = (v) => (v >= 0 ? 2 * v : -2 * v - 1);
const zigzag = (v) => varint(zz(v));

varint(GRID_X);
varint(GRID_Y);
varint(LEVELS.length);
for (const t of LEVELS) varint(Math.round(t * 1e6));
varint(qarcs.length);
for (const { points, flags } of qarcs) {
  varint(points.length * 4 + flags);
  let px = 0, py = 0;
  for (const [x, y, level] of points) {
    varint(zz(x - px) * 4 + level);
    zigzag(y - py);
    px = x;
    py = y;
  }
}
varint(countries.length);
for (const c of countries) {
  varint(c.numeric);
  bytes.push(c.alpha2 ? c.alpha2.charCodeAt(0) : 0, c.alpha2 ? c.alpha2.charCodeAt(1) : 0);
  const name = Buffer.from(c.name, 'utf8');
  varint(name.length);
  for (const b of name) bytes.push(b);
  varint(c.polygons.length);
  for (const rings of c.polygons) {
    varint(rings.length);
    for (const ring of rings) {
      varint(ring.length);
      for (const ref of ring) zigzag(ref);
    }
  }
}

const payload = Buffer.from(bytes);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
let crc = 0xffffffff;
for (const b of payload) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
crc = (crc ^ 0xffffffff) >>> 0;

const header = Buffer.alloc(16);
header.write('LWMP', 0, 'ascii');
header.writeUInt16LE(1, 4);
header.writeUInt16LE(0, 6);
header.writeUInt32LE(payload.length, 8);
header.writeUInt32LE(crc, 12);
const out = Buffer.concat([header, payload]);
fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
fs.writeFileSync(outFile, out);

const gz = zlib.gzipSync(out, { level: 9 }).length;
console.log(`gen_world_map: ${countries.length} countries, ${qarcs.length} arcs (${cutPolygons} polygons cut at ±180°), ${perLevel.join('/')} of ${rawPoints} points ` +
            `(${scale}, levels ${LEVELS.join('/')} deg²) -> ${out.length} bytes (${gz} gzip)` +
            (missingCodes.length ? `; no alpha-2 for: ${missingCodes.join(', ')}` : ''));
