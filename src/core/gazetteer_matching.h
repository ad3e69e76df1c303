// gazetteer_matching.h — the recogniser's use of world knowledge (gazetteer.h): the longest
// place name at a token, whether a city's name is a place here or a word, demonyms, place names
// the story defines itself ("Davao Oriental province"), the countries it names, and the choice
// among same-name cities. Internal to the entity recogniser (entity_recognizer.h).
//
//   PlaceMatcher places(cx);                        // reads the whole article once
//   const std::vector<Gazetteer::NameHit>* hits = nullptr;
//   uint32_t end = places.MatchGazetteer(b, e, &hits);   // "Bosnia and Herzegovina": b + 3
//   std::vector<uint32_t> usable;
//   int strength = places.PlaceStrength(b, end, *hits, false, found, &usable);  // -1: no place here
#pragma once

#include "entity_candidates.h"
#include "gazetteer.h"
#include "name_context.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace lectern {

class PlaceMatcher {
 public:
  explicit PlaceMatcher(const NameContext& cx);

  // Longest gazetteer name starting at `b` and ending at or before `e`; returns its end or `b`
  // (and the places of that name in `*out`).
  uint32_t MatchGazetteer(uint32_t b, uint32_t e, const std::vector<Gazetteer::NameHit>** out) const;
  // Is a gazetteer match [b, e) a place here? Returns the strength (or -1) and the usable hits.
  // `found`: the candidates found so far (their context counts).
  int PlaceStrength(uint32_t b, uint32_t e, const std::vector<Gazetteer::NameHit>& hits, bool headline,
                    const std::vector<Candidate>& found, std::vector<uint32_t>* usable) const;
  // Demonym (one or two words: "Chilean", "North Korean") at `b`: returns its end or `b`.
  uint32_t MatchDemonym(uint32_t b, uint32_t e, int* place) const;
  // A country, region, capital or city of 200,000 or more by the name `span` holds.
  bool SizeablePlace(Span span) const;
  // "Bank Indonesia": the words from `n` to `e` end in a country's name.
  bool EndsWithCountry(uint32_t n, uint32_t e) const;
  // End of a place the story names with a place noun after it ("Davao Oriental" of "Davao
  // Oriental province") starting at `i`, or `i`.
  uint32_t LocalPlaceAt(uint32_t i, uint32_t e) const;
  // The story names this country (ISO code) somewhere, by name or demonym.
  bool CountryNamed(const std::string& cc) const;
  // Same-name cities: prefer one in a country the text names, then a capital, then the largest.
  void ChooseCities(std::vector<Candidate>& cands) const;

 private:
  void FindLocalPlaces();
  void FindCountries();
  const NameContext& cx_;
  const TextIndex& ix_;
  const Gazetteer& world_;
  // "Davao Oriental" of "Davao Oriental province": folded token keys, by first key.
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> local_places_;
  std::vector<std::string> countries_;  // ISO codes of the countries the text names
};

}  // namespace lectern
