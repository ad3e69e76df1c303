// gazetteer_matching.cpp — see gazetteer_matching.h.
#include "gazetteer_matching.h"

#include <algorithm>

namespace lectern {

PlaceMatcher::PlaceMatcher(const NameContext& cx) : cx_(cx), ix_(cx.ix()), world_(cx.world()) {
  FindLocalPlaces();
  FindCountries();
}

// "in Davao Oriental province", "Rivers state": words before a lower-case place noun name one
// place, wherever the story uses them (even where their first word is a city's name).
void PlaceMatcher::FindLocalPlaces() {
  for (uint32_t t = 2; t < ix_.size(); ++t) {
    if (!(ix_.C(t) & (kPlaceNoun | kPlaceHead)) || !cx_.Lower(t) ||
        !ix_.LowerIn(t, {"province", "state", "region", "district", "county", "prefecture", "governorate",
                         "oblast", "municipality"}))
      continue;
    uint32_t b = t;
    while (b > cx_.SBegin(t) && cx_.NameWord(b - 1) && !cx_.SentenceInitial(b - 1) && t - b < 4) --b;
    if (t - b < 2 || (ix_.C(b) & (kStop | kTitle | kDirection))) continue;
    std::vector<std::string> keys;
    for (uint32_t k = b; k < t; ++k) keys.emplace_back(ix_.F(k));
    auto& v = local_places_[keys[0]];
    if (std::find(v.begin(), v.end(), keys) == v.end()) v.push_back(std::move(keys));
  }
}

uint32_t PlaceMatcher::LocalPlaceAt(uint32_t i, uint32_t e) const {
  if (local_places_.empty() || !cx_.NameWord(i)) return i;
  auto it = local_places_.find(std::string(ix_.F(i)));
  if (it == local_places_.end()) return i;
  uint32_t best = i;
  for (const auto& keys : it->second) {
    const uint32_t m = i + uint32_t(keys.size());
    if (m > e || m <= best) continue;
    bool same = true;
    for (uint32_t k = i + 1; k < m && same; ++k) same = cx_.NameWord(k) && ix_.F(k) == keys[k - i];
    if (same) best = m;
  }
  return best;
}

// Countries named anywhere (by name or demonym): a town in one of them needs less context.
void PlaceMatcher::FindCountries() {
  for (uint32_t i = 0; i < ix_.size(); ++i) {
    if (!cx_.NameWord(i)) continue;
    auto add = [&](int place) {
      if (place < 0) return;
      const auto& p = world_.place(uint32_t(place));
      if (p.kind == Gazetteer::Kind::Country &&
          std::find(countries_.begin(), countries_.end(), p.country_code) == countries_.end())
        countries_.push_back(p.country_code);
    };
    for (const auto& h : *cx_.Word1(i).hits)
      if (!h.code || ix_.AllCaps(i)) add(int(h.place));
    if (cx_.NameWord(i + 1) && cx_.Word1(i).prefix)
      for (const auto& h : world_.FindName(std::string(ix_.F(i)) + " " + std::string(ix_.F(i + 1)))) add(int(h.place));
    if (!ix_.AllCaps(i)) add(cx_.Word1(i).demonym);
  }
}

bool PlaceMatcher::CountryNamed(const std::string& cc) const {
  return std::find(countries_.begin(), countries_.end(), cc) != countries_.end();
}

uint32_t PlaceMatcher::MatchGazetteer(uint32_t b, uint32_t e, const std::vector<Gazetteer::NameHit>** out) const {
  uint32_t best = b;
  if (b >= e) return b;
  {
    const OneWordCache& w = cx_.Word1(b);
    if (!w.hits->empty()) {
      best = b + 1;
      *out = w.hits;
    }
    if (!w.prefix && ix_.F(b).find('.') == std::string_view::npos) return best;
  }
  std::string key;
  for (uint32_t k = b; k < e && k < b + 7; ++k) {
    if (k > b && !ix_.Adjacent(k - 1, k)) key += ' ';
    key += ix_.F(k);
    const Gazetteer::KeyInfo* info = world_.Lookup(key);
    if (k == b && best > b) {
      if (!info || !info->prefix) break;
      continue;
    }
    static const std::vector<Gazetteer::NameHit> kNoHits;
    const auto* hits = info ? &info->hits : &kNoHits;
    if (hits->empty() && k == b && key.find('.') != std::string::npos) {
      // "U.S." and "U.K." are the codes "US" and "UK".
      std::string bare;
      for (char ch : key)
        if (ch != '.') bare += ch;
      hits = &world_.FindName(bare);
    }
    if (!hits->empty() && (k == b || cx_.NameWord(k))) {
      best = k + 1;
      *out = hits;
    }
    if (!info || !info->prefix) {
      if (k > b || key.find('.') == std::string::npos) break;
    }
  }
  return best;
}

int PlaceMatcher::PlaceStrength(uint32_t b, uint32_t e, const std::vector<Gazetteer::NameHit>& hits, bool headline,
                                const std::vector<Candidate>& found, std::vector<uint32_t>* usable) const {
  bool all_caps = true;
  for (uint32_t k = b; k < e; ++k)
    if (ix_.IsWord(k) && !ix_.AllCaps(k)) all_caps = false;
  for (const auto& h : hits)
    if (!h.code || all_caps) usable->push_back(h.place);
  if (usable->empty()) return -1;
  const Gazetteer::Place& p = world_.place((*usable)[0]);
  // A code ("UK") read in a shouting line could be any word.
  if (all_caps && e - b == 1 && cx_.ShoutingSentence(b) && !headline) return -1;
  // A state or province reads like a capital: good alone, but part of a longer name ("Sierra Nevada
  // Corporation", "Manchester United") when name words run on.
  const bool division = p.kind == Gazetteer::Kind::Division;
  if (p.kind != Gazetteer::Kind::City && !division) return kStrong;
  const bool major = division || (p.flags & Gazetteer::kCapital) || p.population >= 1000000;
  const bool ambiguous = p.flags & (Gazetteer::kCommonWord | Gazetteer::kPersonName);
  if (headline) return (major && !ambiguous) ? kGood : -1;
  const uint32_t pv = cx_.PrevSkipDet(b);
  const bool to_from = pv != kNone && (ix_.LowerIs(pv, "to") || ix_.LowerIs(pv, "from")) &&
                       !(pv > cx_.SBegin(b) && ix_.LowerIs(pv - 1, "according"));
  const bool context = cx_.LocativeContext(b, found) || cx_.FollowedByCountry(e) || to_from ||
                       cx_.NextIs(e, kPlaceNoun) || (ix_.Is(e, ",") && major);
  if (ambiguous) {
    if (context) return kGood;
    return (major && !cx_.SentenceInitial(b)) ? kFair : -1;
  }
  // A town of a country the story never names, with nothing saying it is a place, is more
  // likely a word or a name ("Save the Children", "Lai said").
  if (!major && !context && !CountryNamed(p.country_code)) return -1;
  return kGood;
}

uint32_t PlaceMatcher::MatchDemonym(uint32_t b, uint32_t e, int* place) const {
  if (b + 1 < e && cx_.NameWord(b + 1)) {
    std::string two = std::string(ix_.F(b)) + " " + std::string(ix_.F(b + 1));
    int p = world_.FindDemonym(two);
    if (p >= 0) {
      *place = p;
      return b + 2;
    }
  }
  int p = cx_.Word1(b).demonym;
  // "Nigerians", "Filipinos": the people of a country.
  if (p < 0 && ix_.F(b).size() > 4 && ix_.F(b).back() == 's')
    p = world_.FindDemonym(std::string_view(ix_.F(b)).substr(0, ix_.F(b).size() - 1));
  if (p >= 0 && !ix_.AllCaps(b)) {
    *place = p;
    return b + 1;
  }
  return b;
}

bool PlaceMatcher::SizeablePlace(Span span) const {
  for (const auto& h : world_.FindName(FoldKey(ix_.Text(span)))) {
    const auto& pl = world_.place(h.place);
    if (!h.code && (pl.kind != Gazetteer::Kind::City || (pl.flags & Gazetteer::kCapital) || pl.population >= 200000))
      return true;
  }
  return false;
}

bool PlaceMatcher::EndsWithCountry(uint32_t n, uint32_t e) const {
  for (uint32_t k = n; k < e; ++k) {
    if (!cx_.NameWord(k) || (ix_.C(k) & (kTitle | kHonorific | kStop))) return false;
    const std::vector<Gazetteer::NameHit>* hits = nullptr;
    if (MatchGazetteer(k, e, &hits) == e && hits) {
      for (const auto& h : *hits)
        if (world_.place(h.place).kind == Gazetteer::Kind::Country) return true;
      return false;
    }
  }
  return false;
}

void PlaceMatcher::ChooseCities(std::vector<Candidate>& cands) const {
  std::vector<std::string> codes;
  for (const Candidate& c : cands) {
    if (c.hits.empty() || c.strength < kGood) continue;
    const auto& p = world_.place(c.hits[0]);
    if (p.kind == Gazetteer::Kind::Country) codes.push_back(p.country_code);
  }
  for (Candidate& c : cands) {
    if (c.hits.empty()) continue;
    if (c.place >= 0) continue;
    int best = int(c.hits[0]);
    if (world_.place(best).kind == Gazetteer::Kind::City) {
      for (uint32_t h : c.hits) {
        const auto& p = world_.place(h);
        if (std::find(codes.begin(), codes.end(), p.country_code) != codes.end()) {
          best = int(h);
          break;
        }
      }
    }
    c.place = best;
  }
}

}  // namespace lectern
