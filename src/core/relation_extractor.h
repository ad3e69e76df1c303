// relation_extractor.h — links between entities: sentence co-occurrence for the entity map, and
// the typed relations the text states, each with the sentences that support it.
//
//   std::vector<Relation> rel = ExtractRelations(ix, er, quotes);  // also sets Entity::role,
//                                                                   // Entity::located_in
// Typed relations (kind_name):
//   <role>_of       "Iranian President X" -> president_of Iran; "Orlen's chief executive, X" ->
//                   chief_executive_of Orlen; "X, a gas analyst at Wood Mackenzie" -> gas_analyst_of
//   located_in      "Wood Mackenzie in Edinburgh", "University of Coimbra", "Porto, Portugal"
//   visit_to        "X's visit to Moscow", "X visited Kyiv", "X arrived in Doha"
//   agreement_with  "an agreement between X and Y", "a deal with X", "X and Y signed … agreement"
// Co-occurrence: one relation per pair of entities named in the same sentence, weight = number of
// such sentences, evidence = those sentences (at most 8 listed).
#pragma once

#include "analysis.h"
#include "entity_recognizer.h"
#include "text_index.h"

#include <vector>

namespace lectern {

std::vector<Relation> ExtractRelations(const TextIndex& ix, EntityResult& er,
                                       const std::vector<Quote>& quotes);

// "chief executive" -> "chief_executive_of"; "Minister of Health" -> "minister_of".
std::string RoleKindName(std::string_view role);

}  // namespace lectern
