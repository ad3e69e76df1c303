// entity_recognizer.h — finds the people, places and organisations of an article and gathers all
// their mentions into one entity per referent.
//
//   TextIndex ix = BuildTextIndex(doc);
//   EntityResult r = RecognizeEntities(ix, Gazetteer::Builtin());
//   for (const Entity& e : r.entities) ...          // discovery order; Analyze() sorts them
//
// How (no list of names anywhere; names come from their shape and context):
//   1. runs of capitalised words (joined by "of", "for", "and", particles like "de", initials)
//      are read in order: dateline ("NAIROBI —"), acronym definitions "Long Name (LN)", titles
//      ("Chilean President Camila Rojas": person + demonym mention + role), organisation head
//      words ("… Ministry", "… Party", "University of …"), place head words ("… Sea", "… River"),
//      the gazetteer (countries, regions, cities, demonyms), then the shape of what is left
//      (two to four capitalised words: a person) and the words around it ("refiner X" and
//      "X party": organisation; "in X" and "X province": place; "spokesperson X": person);
//   2. candidates are clustered: surname-only and title + surname mentions join the full name,
//      acronyms join their long form (defined in brackets or by initials), same-name mentions
//      merge; weak single-word guesses survive only when the text confirms them;
//   3. every surface form of every entity is swept over the whole text (headline included), so
//      "Rojas", "Kenya’s" (span "Kenya"), "Chilean" (Chile) and "NAIROBI" are all mentions.
// Cities that are also words or personal names ("Nice", "Jackson") need context (a locative
// preposition, a dateline, the country named in the text) and yield to a person with that name.
#pragma once

#include "analysis.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "text_index.h"

#include <string>
#include <vector>

namespace lectern {

struct RoleFact {
  int person = -1;        // entity index
  int target = -1;        // entity index of the country / organisation, or -1
  std::string role;       // "President", "Minister of Trade and Industry"
  uint32_t sentence = 0;
};

struct EntityResult {
  std::vector<Entity> entities;       // discovery order; salience not set
  std::vector<int> token_entity;      // per token: the entity one of whose mentions covers it
  std::vector<Gender> gender;         // per entity (persons), from honorifics and titles
  std::vector<int> gazetteer_place;   // per entity: Gazetteer place index or -1
  std::vector<std::string> folded_name;  // per entity: FoldKey(name), for look-backs by a word
  std::vector<RoleFact> roles;        // from title phrases ("Chilean President X")
};

EntityResult RecognizeEntities(const TextIndex& ix, const Gazetteer& world);

// Initials of a name's capitalised words, skipping connectors: "International Atomic Energy
// Agency" -> "IAEA", "Bank of the United States" -> "BUS".
std::string Initials(std::string_view name);

}  // namespace lectern
