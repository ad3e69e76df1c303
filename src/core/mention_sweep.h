// mention_sweep.h — the recogniser's last stage (entity_recognizer.h): every surface form of
// every entity (entity_clustering.h) is looked for over the whole text, headline included, so
// "Rojas", "Kenya’s" (span "Kenya"), "Chilean" (Chile) and "NAIROBI" are all mentions.
//
//   Clusters clusters = ClusterCandidates(cx, found);
//   SweepMentions(cx, found, clusters);   // adds to clusters.ents[i].mentions
//
// A word inside a longer name is never taken out of it ("Nairobi" of "Nairobi Stock Exchange"),
// an acronym is not the word it spells ("NICE" is not Nice), and a place named like a word is
// not one at a sentence start ("Reading").
#pragma once

#include "entity_candidates.h"
#include "entity_clustering.h"

namespace lectern {

class NameContext;

// Guesses that found no entity give their tokens back (found.claimed); swept mentions claim theirs.
void SweepMentions(const NameContext& cx, CandidateSet& found, Clusters& clusters);

}  // namespace lectern
