// quote_extractor.h — direct and reported speech with its source and cue, as in the PARC
// attribution corpus.
//
//   EntityResult er = RecognizeEntities(ix, world);
//   QuoteResult qr = ExtractQuotes(ix, er);   // may add pronoun mentions to er.entities
//
// Direct quotes: text between “ ” or straight " marks (AP's ’’ closes one too), paired per
// paragraph. A quote left open at its paragraph's end runs on when the next paragraph opens with
// a mark, and is given as one quote per paragraph, each with the source found for the whole.
// Otherwise it closes at the end of its sentence, so one stray mark never swallows the article.
// The source is found
//   after the quote    “…,” said X, the bank's governor.   “…,” X said.   “…,” she told a briefing.
//   before the quote   X said: “…”   X said, “…”   …, stating, “…”   she replied: "…"
//   around a fragment  X called the contract “the final brick in the wall”
// “A,” she said. “B.” is one quote with parts A and B. A quoted fragment with no cue in its
// sentence is a scare quote and is dropped.
// Reported speech: a speech verb and its clause — "said (that) …", "warned / denied / insisted /
// argued / noted / added that …", "told reporters that …", "urged X to …", "…, according to X",
// "…, he noted." and noun cues ("allegations that …", no source). The source is the clause's
// subject: a named entity, a pronoun resolved to the nearest earlier person (gender from
// honorifics and from earlier pronouns), or an unnamed phrase ("analysts", "a senior official")
// pointing at the organisation it names.
#pragma once

#include "analysis.h"
#include "entity_recognizer.h"
#include "text_index.h"

#include <vector>

namespace lectern {

struct QuoteResult {
  std::vector<Quote> quotes;   // in text order, ids not yet assigned
};

QuoteResult ExtractQuotes(const TextIndex& ix, EntityResult& er);

}  // namespace lectern
