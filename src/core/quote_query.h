// quote_query.h — filtering, sorting and counting quotes for the Quote explorer.
//
//   QuoteQuery q;  q.search = "gas";  q.kind = QuoteQuery::Kind::Direct;  q.sort = QuoteQuery::Sort::Speaker;
//   std::vector<int> rows = RunQuoteQuery(analysis, doc, q);    // indices into analysis.quotes
//   for (const SpeakerCount& s : CountSpeakers(analysis)) list(s.speaker, s.count);
//
// Search folds case and diacritics (as find-in-article does) and matches the quote's text, its
// speaker and its cue.
#pragma once

#include "analysis.h"

#include <string>
#include <vector>

namespace lectern {

struct QuoteQuery {
  enum class Kind { All, Direct, Indirect } kind = Kind::All;
  enum class Sort { TextOrder, Speaker, Kind, Cue, Text } sort = Sort::TextOrder;
  bool descending = false;
  std::string search;          // "" matches everything
  std::string speaker;         // display name as in SpeakerName(); "" for all speakers
};

// The name a quote's speaker is listed under: the entity's name, else the phrase, else
// "Unattributed".
std::string SpeakerName(const Analysis& a, const Quote& q);

std::vector<int> RunQuoteQuery(const Analysis& a, const Document& doc, const QuoteQuery& query);

struct SpeakerCount {
  std::string speaker;
  int count = 0;
  int entity = -1;             // entity index when the speaker is an entity
};
// Speakers by number of quotes (most first), ties in order of first quote.
std::vector<SpeakerCount> CountSpeakers(const Analysis& a);

}  // namespace lectern
