// entity_clustering.h — the recogniser's second stage (entity_recognizer.h): candidates
// (entity_candidates.h) gathered into one entity per referent.
//
//   Clusters clusters = ClusterCandidates(cx, found);
//   for (const EntityBuild& e : clusters.ents) ...   // each with its candidates (found.cands)
//
// Places first (one entity per gazetteer place), then names of several words, then single
// words, which join what exists: a surname ("Rojas", "President Rojas") the person whose name it
// ends, an acronym the organisation it abbreviates (defined in brackets or by initials), a lone
// head word ("the Commission") the last organisation named with it. Weak single-word guesses
// survive only when the text confirms them (the same word twice mid-sentence).
#pragma once

#include "entity_candidates.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lectern {

class NameContext;


// Entities under construction.
struct EntityBuild {
  EntityType type;
  std::string name, key;
  int place = -1;
  int strength = 0;
  Gender gender = Gender::Unknown;
  std::vector<int> cands;
  std::vector<Mention> mentions;
  int votes[4] = {0, 0, 0, 0};       // evidence per EntityType from the candidates
  bool shape_voted = false;          // a by-shape guess has voted (it votes once, however often seen)
  std::vector<uint32_t> starts;      // first tokens of its candidates, sorted
};

struct Clusters {
  std::vector<EntityBuild> ents;
  // Indexes kept as entities are made or renamed, so clustering stays linear on long texts.
  std::unordered_map<std::string, std::vector<int>> org_words;  // word of an org's name -> orgs
  std::unordered_map<std::string, int> person_suffix;            // "da silva", "silva" -> person
  std::unordered_map<std::string, int> initials;                 // "IAEA" -> organisation

  // The latest candidate start of entity `ent` before token `k` (or -1).
  int64_t LatestStart(int ent, uint32_t k) const;
};

// Sets each candidate's `entity` (or leaves it -1: a guess nothing confirmed); may retype
// candidates ("NICE" defined as an acronym is no city).
Clusters ClusterCandidates(const NameContext& cx, CandidateSet& found);

// The short name a multi-word name goes by: a person's last name ("Jackson"), a company's own
// word before its legal form ("Roche" of "Roche Holding AG"), a sea by its own name ("the
// Barents"); empty when it has none.
std::string ShortName(const NameContext& cx, const Candidate& c);
// "Lai Ching-te", "Moon Jae-in": a hyphenated given name with a lowercase second half comes
// after the family name.
bool FamilyNameFirst(const NameContext& cx, const Candidate& c);
// "united states" -> {"united", "states"} (views into `folded`).
std::vector<std::string_view> KeyViews(std::string_view folded);
// Words of a display name, initials' periods not counted ("Anna K. Berg": 3).
int CountWords(const std::string& s);

}  // namespace lectern
