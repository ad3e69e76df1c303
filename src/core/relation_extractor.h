// relation_extractor.h — links between entities: sentence co-occurrence for the entity map, and
// the typed relations the text states, each with the sentences that support it.
//
//   std::vector<Relation> rel = ExtractRelations(ix, er, quotes);  // also sets Entity::role,
//                                                                   // Entity::located_in
// Typed relations (kind_name):
//   <role>_of       "Chilean President X" -> president_of Chile; "Vantora's chief executive, X" ->
//                   chief_executive_of Vantora; "X, a senior analyst at Hartwell" -> senior_analyst_of
//   located_in      "Hartwell Partners in Leeds", "University of Lima", "Mombasa, Kenya"
//   visit_to        "X's visit to Lima", "X visited Kyiv", "X arrived in Accra"
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

// "chief executive" -> "chief_executive_of"; "Minister of Energy" -> "minister_of".
std::string RoleKindName(std::string_view role);

}  // namespace lectern
