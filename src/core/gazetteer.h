// gazetteer.h — world knowledge for the analysis: countries (names, official names, alternative
// spellings, demonyms, capital, coordinates), continents and regions (with their adjectives) and
// ~15,000 cities and ~4,400 first-level divisions (states, provinces), generated at build time from the npm data packages by tools/gen_gazetteer.mjs.
//
//   const Gazetteer& world = Gazetteer::Builtin();
//   for (const Gazetteer::NameHit& h : world.FindName(FoldKey("Łódź"))) world.place(h.place);
//   int pl = world.FindDemonym(FoldKey("Chilean"));             // Chile
//   int cc = world.FindCountry("KE");                           // Kenya
//
// Names are looked up by FoldKey (lowercase, diacritics folded), so "Sao Paulo" finds
// "São Paulo". FindName lists countries first, then regions, then cities (larger first); choosing
// among same-name cities ("Valencia" in Spain or Venezuela) is the caller's job, with the text's
// context. Parse() reads the generated format, so tests can build small gazetteers by hand.
#pragma once

#include "text_util.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lectern {

class Gazetteer {
 public:
  enum class Kind : uint8_t { Country, Region, City, Division };  // Division: state, province
  static constexpr uint8_t kCapital = 1;      // national capital
  static constexpr uint8_t kAdminSeat = 2;    // seat of a first-order division (PPLA)
  static constexpr uint8_t kCommonWord = 4;   // the name is also an English word ("Nice", "Split")
  static constexpr uint8_t kPersonName = 8;   // the name is also a personal name ("Jackson")
  static constexpr uint8_t kIndependent = 16; // a sovereign country

  struct Place {
    Kind kind = Kind::City;
    std::string name;                // English name: "Chile", "Eastern Asia", "Łódź"
    std::string country_code;        // ISO 3166-1 alpha-2 (countries, cities)
    double lat = 0, lon = 0;
    uint32_t population = 0;         // cities
    double area = 0;                 // countries, km²
    uint8_t flags = 0;
    std::string region, subregion;   // countries: "Asia", "Eastern Asia"; divisions: subregion "State"
    std::string capital;             // countries: "Santiago"
    std::vector<std::string> demonyms;  // countries, regions: "Chilean"; "Asian"
  };
  struct NameHit {
    uint32_t place;
    bool code;                       // an all-caps abbreviation ("UK", "UAE"): match capitals only
  };

  Gazetteer() = default;
  Gazetteer(Gazetteer&&) = default;             // moving keeps the interned strings in place
  Gazetteer& operator=(Gazetteer&&) = default;
  Gazetteer(const Gazetteer&) = delete;         // the maps hold views into this object's strings
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The generated gazetteer compiled in (library lectern_gazetteer: native tools, tests and
  // fuzzers). The web app parses the same text, fetched as gazetteer.txt, with Parse().
  static const Gazetteer& Builtin();
  // Reads the generated text format (see tools/gen_gazetteer.mjs); malformed lines are skipped.
  static Gazetteer Parse(std::string_view data);

  // Everything the gazetteer knows about one folded key, in one lookup.
  struct KeyInfo {
    std::vector<NameHit> hits;  // places with this name
    int32_t demonym = -1;       // place whose demonym / adjective this is
    bool prefix = false;        // some longer name starts with this key and a space
  };
  const KeyInfo* Lookup(std::string_view folded) const;   // nullptr when unknown

  const std::vector<NameHit>& FindName(std::string_view folded) const;
  // True when some name continues after `folded` (a multi-word name starts with it).
  bool IsNamePrefix(std::string_view folded) const {
    const KeyInfo* k = Lookup(folded);
    return k && k->prefix;
  }
  int FindDemonym(std::string_view folded) const;      // place index or -1
  int FindCountry(std::string_view cca2) const;        // place index or -1
  const Place& place(uint32_t i) const { return places_[i]; }
  size_t size() const { return places_.size(); }
  size_t city_count() const { return cities_; }
  size_t division_count() const { return divisions_; }

 private:
  void AddName(std::string_view name, uint32_t place);
  std::string_view Intern(std::string s);
  std::vector<Place> places_;
  // Keys are views into `strings_` (stable addresses), so lookups never allocate.
  std::deque<std::string> strings_;
  KeyInfo& Key(const std::string& folded);                 // finds or adds
  // Names, prefixes and demonyms, each with what is known of it. Lookups go through an
  // open-addressing index with part of each key's hash beside it: a word that is no name (most
  // words looked up) costs one probe in contiguous memory, and no key bytes are compared.
  struct Entry {
    std::string_view key;                                   // a view into strings_
    KeyInfo info;
  };
  struct Slot {
    uint32_t tag = 0;                                       // high half of the key's hash
    uint32_t entry = 0;                                     // index into entries_ + 1; 0: empty
  };
  std::deque<Entry> entries_;                               // stable addresses while adding
  std::vector<Slot> index_;                                 // power-of-two size, at most half full
  uint32_t FindEntry(std::string_view folded, uint64_t hash) const;  // index + 1, or 0
  void IndexEntry(size_t entry, uint64_t hash);            // into a free slot of index_
  std::unordered_map<std::string_view, uint32_t, FastHash> countries_;
  size_t cities_ = 0;
  size_t divisions_ = 0;
};

}  // namespace lectern
