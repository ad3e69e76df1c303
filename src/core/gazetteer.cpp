// gazetteer.cpp — parses the generated gazetteer blob (see gazetteer.h, tools/gen_gazetteer.mjs).
#include "gazetteer.h"

#include "text_util.h"

#include <algorithm>
#include <cstdlib>

namespace lectern {

namespace {

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

double ToDouble(std::string_view s) {
  std::string tmp(s);
  return std::strtod(tmp.c_str(), nullptr);
}

bool IsCode(std::string_view name) {
  if (name.size() < 2 || name.size() > 5) return false;
  for (char c : name)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

}  // namespace

std::string_view Gazetteer::Intern(std::string s) {
  strings_.push_back(std::move(s));
  return strings_.back();
}

uint32_t Gazetteer::FindEntry(std::string_view folded, uint64_t hash) const {
  if (index_.empty()) return 0;
  const size_t mask = index_.size() - 1;
  const uint32_t tag = uint32_t(hash >> 32);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = index_[i];
    if (s.entry == 0 || (s.tag == tag && entries_[s.entry - 1].key == folded)) return s.entry;
  }
}

void Gazetteer::IndexEntry(size_t e, uint64_t hash) {
  const size_t mask = index_.size() - 1;
  size_t i = hash & mask;
  while (index_[i].entry != 0) i = (i + 1) & mask;
  index_[i] = Slot{uint32_t(hash >> 32), uint32_t(e + 1)};
}

Gazetteer::KeyInfo& Gazetteer::Key(const std::string& folded) {
  const uint64_t h = FastHash{}(folded);
  if (const uint32_t e = FindEntry(folded, h)) return entries_[e - 1].info;
  entries_.push_back(Entry{Intern(folded), KeyInfo{}});
  if (index_.size() < entries_.size() * 2) {  // grow: at most half full
    index_.assign(std::max<size_t>(64, index_.size() * 2), Slot{});
    for (size_t e = 0; e < entries_.size(); ++e) IndexEntry(e, FastHash{}(entries_[e].key));
  } else {
    IndexEntry(entries_.size() - 1, h);
  }
  return entries_.back().info;
}

void Gazetteer::AddName(std::string_view name, uint32_t place) {
  std::string key = FoldKey(name);
  if (key.empty()) return;
  auto& hits = Key(key).hits;
  for (const NameHit& h : hits)
    if (h.place == place) return;
  hits.push_back(NameHit{place, IsCode(name)});
  // Every word-boundary prefix ("new", "new york"), with and without trailing punctuation
  // ("washington," and "washington"), so callers can extend a match token by token.
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] != ' ') continue;
    std::string p = key.substr(0, i);
    Key(p).prefix = true;
    while (!p.empty() && (p.back() == ',' || p.back() == '.')) {
      p.pop_back();
      Key(p).prefix = true;
    }
  }
}

Gazetteer Gazetteer::Parse(std::string_view data) {
  Gazetteer g;
  // Sized once for what the lines hold (a place each, two to four names each): growing 20,000
  // places and their index step by step cost a quarter of the parse (native, best of 10: 59 -> 43
  // ms), which runs before the first frame.
  const size_t lines = size_t(std::count(data.begin(), data.end(), '\n')) + 1;
  g.places_.reserve(lines);
  size_t slots = 64;
  while (slots < lines * 4) slots *= 2;
  g.index_.assign(slots, Slot{});
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitOn(line, '\t');
    const uint32_t index = uint32_t(g.places_.size());
    if (f[0] == "C" && f.size() >= 11) {
      Place p;
      p.kind = Kind::Country;
      p.country_code = std::string(f[1]);
      p.lat = ToDouble(f[2]);
      p.lon = ToDouble(f[3]);
      p.area = ToDouble(f[4]);
      if (f[5] == "1") p.flags |= kIndependent;
      p.region = std::string(f[6]);
      p.subregion = std::string(f[7]);
      auto names = SplitOn(f[8], '|');
      if (names.empty() || names[0].empty()) continue;
      p.name = std::string(names[0]);
      p.capital = std::string(f[10]);
      for (auto d : SplitOn(f[9], '|'))
        if (!d.empty()) p.demonyms.emplace_back(d);
      // "Uzbek", "Kyrgyz", "Tajik": English names the people of a "-stan" by its stem, whatever
      // form the data gives ("Uzbekistani", "Kirghiz"); stems under five letters are no word.
      for (size_t suffix : {size_t(5), size_t(4)}) {
        const std::string_view n = names[0];
        if (n.size() < suffix + 5 || n.substr(n.size() - 4) != "stan") continue;
        if (suffix == 5 && n[n.size() - 5] != 'i') continue;
        std::string stem(n.substr(0, n.size() - suffix));
        if (std::find(p.demonyms.begin(), p.demonyms.end(), stem) == p.demonyms.end()) p.demonyms.push_back(stem);
        break;
      }
      g.places_.push_back(std::move(p));
      for (auto n : names) g.AddName(n, index);
      for (const std::string& d : g.places_[index].demonyms) {
        KeyInfo& k = g.Key(FoldKey(d));
        if (k.demonym < 0) k.demonym = int32_t(index);  // the first (highest ranked) wins
      }
      if (!g.countries_.count(f[1])) g.countries_.emplace(g.Intern(std::string(f[1])), index);
    } else if (f[0] == "R" && f.size() >= 5) {
      Place p;
      p.kind = Kind::Region;
      p.name = std::string(f[1]);
      p.lat = ToDouble(f[2]);
      p.lon = ToDouble(f[3]);
      for (auto d : SplitOn(f[4], '|'))
        if (!d.empty()) p.demonyms.emplace_back(d);
      g.places_.push_back(std::move(p));
      g.AddName(f[1], index);
      for (const std::string& d : g.places_[index].demonyms) {
        KeyInfo& k = g.Key(FoldKey(d));
        if (k.demonym < 0) k.demonym = int32_t(index);
      }
    } else if (f[0] == "T" && f.size() >= 7) {
      Place p;
      p.kind = Kind::City;
      auto names = SplitOn(f[1], '|');
      if (names.empty() || names[0].empty()) continue;
      p.name = std::string(names[0].substr(0, names[0].find(',')));
      p.country_code = std::string(f[2]);
      p.lat = ToDouble(f[3]);
      p.lon = ToDouble(f[4]);
      p.population = uint32_t(ToDouble(f[5]) * 1000);
      for (char c : f[6]) {
        if (c == 'C') p.flags |= kCapital;
        if (c == 'A') p.flags |= kAdminSeat;
        if (c == 'W') p.flags |= kCommonWord;
        if (c == 'N') p.flags |= kPersonName;
      }
      g.places_.push_back(std::move(p));
      for (auto n : names) g.AddName(n, index);
      ++g.cities_;
    } else if (f[0] == "D" && f.size() >= 6) {
      Place p;
      p.kind = Kind::Division;
      auto names = SplitOn(f[1], '|');
      if (names.empty() || names[0].empty()) continue;
      p.name = std::string(names[0]);
      p.country_code = std::string(f[2]);
      p.lat = ToDouble(f[3]);
      p.lon = ToDouble(f[4]);
      p.subregion = std::string(f[5]);
      g.places_.push_back(std::move(p));
      for (auto n : names) g.AddName(n, index);
      ++g.divisions_;
    }
  }
  // Best first: countries, regions, capitals and cities of a million, divisions, then the other
  // cities; cities by population (capitals first among equals).
  auto tier = [&](const Place& p) {
    switch (p.kind) {
      case Kind::Country: return 0;
      case Kind::Region: return 1;
      case Kind::Division: return 3;
      case Kind::City: return ((p.flags & kCapital) || p.population >= 1000000) ? 2 : 4;
    }
    return 4;
  };
  for (Entry& entry : g.entries_) {
    std::stable_sort(entry.info.hits.begin(), entry.info.hits.end(), [&](const NameHit& a, const NameHit& b) {
      const Place& pa = g.places_[a.place];
      const Place& pb = g.places_[b.place];
      if (tier(pa) != tier(pb)) return tier(pa) < tier(pb);
      if (pa.kind == Kind::Country) return pa.area > pb.area;
      return pa.population > pb.population;
    });
  }
  return g;
}

const Gazetteer::KeyInfo* Gazetteer::Lookup(std::string_view folded) const {
  const uint32_t e = FindEntry(folded, FastHash{}(folded));
  return e ? &entries_[e - 1].info : nullptr;
}

const std::vector<Gazetteer::NameHit>& Gazetteer::FindName(std::string_view folded) const {
  static const std::vector<NameHit> kNone;
  const KeyInfo* k = Lookup(folded);
  return k ? k->hits : kNone;
}

int Gazetteer::FindDemonym(std::string_view folded) const {
  const KeyInfo* k = Lookup(folded);
  return k ? k->demonym : -1;
}

int Gazetteer::FindCountry(std::string_view cca2) const {
  auto it = countries_.find(cca2);
  return it == countries_.end() ? -1 : int(it->second);
}

}  // namespace lectern
