// quote_query.cpp — see quote_query.h.
#include "quote_query.h"

#include "text_search.h"

#include <algorithm>
#include <map>

namespace lectern {

std::string SpeakerName(const Analysis& a, const Quote& q) {
  if (q.speaker_entity >= 0 && q.speaker_entity < int(a.entities.size()))
    return a.entities[size_t(q.speaker_entity)].name;
  if (!q.speaker.empty()) return q.speaker;
  return "Unattributed";
}

namespace {

bool Matches(std::string_view haystack, std::string_view needle) {
  return !FindAll(haystack, {Span{0, uint32_t(haystack.size())}}, needle, 1).empty();
}

}  // namespace

std::vector<int> RunQuoteQuery(const Analysis& a, const Document& doc, const QuoteQuery& query) {
  std::vector<int> rows;
  const bool has_search = query.search.find_first_not_of(" \t") != std::string::npos;
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote& q = a.quotes[i];
    if (query.kind == QuoteQuery::Kind::Direct && q.kind != QuoteKind::Direct) continue;
    if (query.kind == QuoteQuery::Kind::Indirect && q.kind != QuoteKind::Indirect) continue;
    if (!query.speaker.empty() && SpeakerName(a, q) != query.speaker) continue;
    if (has_search) {
      const std::string text = q.Text(doc);
      if (!Matches(text, query.search) && !Matches(SpeakerName(a, q), query.search) &&
          !Matches(doc.Text(q.cue), query.search))
        continue;
    }
    rows.push_back(int(i));
  }
  auto key_less = [&](int x, int y) {
    const Quote& qx = a.quotes[size_t(x)];
    const Quote& qy = a.quotes[size_t(y)];
    switch (query.sort) {
      case QuoteQuery::Sort::Speaker: return SpeakerName(a, qx) < SpeakerName(a, qy);
      case QuoteQuery::Sort::Kind: return qx.kind < qy.kind;
      case QuoteQuery::Sort::Cue: return doc.Text(qx.cue) < doc.Text(qy.cue);
      case QuoteQuery::Sort::Text: return qx.Text(doc) < qy.Text(doc);
      case QuoteQuery::Sort::TextOrder: return x < y;
    }
    return x < y;
  };
  // Stable, so equal keys stay in text order whichever direction is asked for.
  std::stable_sort(rows.begin(), rows.end(), [&](int x, int y) {
    return query.descending ? key_less(y, x) : key_less(x, y);
  });
  return rows;
}

std::vector<SpeakerCount> CountSpeakers(const Analysis& a) {
  std::vector<SpeakerCount> out;
  std::map<std::string, size_t> index;
  for (const Quote& q : a.quotes) {
    const std::string name = SpeakerName(a, q);
    auto it = index.find(name);
    if (it == index.end()) {
      index[name] = out.size();
      out.push_back({name, 1, q.speaker_entity});
    } else {
      ++out[it->second].count;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const SpeakerCount& x, const SpeakerCount& y) { return x.count > y.count; });
  return out;
}

}  // namespace lectern
