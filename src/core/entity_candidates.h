// entity_candidates.h — the first stage of the entity recogniser (entity_recognizer.h): every
// possible mention in the article, with a type and how sure the rules are of it.
//
//   NameContext cx(ix, world);
//   PlaceMatcher places(cx);
//   CandidateSet found = FindCandidates(cx, places);
//   for (const Candidate& c : found.cands) ...   // in reading order, headline last
//
// Runs of capitalised words are read sentence by sentence: a dateline ("NAIROBI —"), acronym
// definitions "Long Name (LN)", titles ("Chilean President Camila Rojas": a person, a demonym and
// a role), organisation head words ("… Ministry", "University of …"), place head words
// ("… Sea"), the gazetteer and demonyms, then the shape of what is left and the words around it.
// The clustering stage (entity_clustering.h) gathers the candidates into entities.
#pragma once

#include "analysis.h"
#include "lexicon.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lectern {

class NameContext;
class PlaceMatcher;

// How sure a candidate is: a weak guess needs the text to confirm it (the same word again).
enum Strength { kWeak = 0, kFair = 1, kGood = 2, kStrong = 3 };


// A possible mention.
struct Candidate {
  Span span;
  uint32_t tb = 0, te = 0;             // tokens covered
  EntityType type = EntityType::Org;
  Mention::Form form = Mention::Form::Name;
  int strength = kFair;
  int place = -1;                      // gazetteer place (chosen among `hits`)
  std::vector<uint32_t> hits;          // gazetteer places of this name, best first
  std::string name;                    // display text
  std::string key;                     // FoldKey(name)
  int link = -1;                       // alias of this candidate (acronym definitions)
  Gender gender = Gender::Unknown;
  bool mid_sentence = true;
  bool acronym = false;
  bool by_shape = false;               // a person only by the shape of its words: no role, no context
  int entity = -1;
};

// "Chilean President X", "IAEA spokesperson X": a role the text gives a person.
struct PendingRole {
  int person = -1;   // candidate
  int target = -1;   // candidate
  std::string role;
  uint32_t sentence = 0;
};

struct CandidateSet {
  std::vector<Candidate> cands;        // in the order found
  std::vector<PendingRole> roles;
  std::vector<uint8_t> claimed;        // per token: inside a candidate (1), or a swept mention (2)
};

// Reads every sentence of the body, then the headline (whose capitals say less).
CandidateSet FindCandidates(const NameContext& cx, const PlaceMatcher& places);

}  // namespace lectern
