// selection.cpp — the shared selection (see selection.h).
#include "selection.h"

#include <algorithm>
#include <map>

namespace lectern {

namespace {

bool ValidEntity(const Analysis& a, int e) { return e >= 0 && e < int(a.entities.size()); }
bool ValidQuote(const Analysis& a, int q) { return q >= 0 && q < int(a.quotes.size()); }

}  // namespace

bool SelectEntity(Selection& sel, const Analysis& a, int entity, SelectOrigin origin) {
  if (!ValidEntity(a, entity)) entity = -1;
  int quote = sel.quote;
  if (ValidQuote(a, quote) && a.quotes[size_t(quote)].speaker_entity != entity) quote = -1;
  if (entity == sel.entity && quote == sel.quote) {
    sel.origin = origin;
    return false;
  }
  sel.entity = entity;
  sel.quote = quote;
  sel.mention = -1;
  sel.origin = origin;
  ++sel.serial;
  return true;
}

bool SelectMention(Selection& sel, const Analysis& a, int entity, int mention, SelectOrigin origin) {
  const bool changed = SelectEntity(sel, a, entity, origin);
  if (sel.entity < 0) return changed;
  const int n = int(a.entities[size_t(sel.entity)].mentions.size());
  if (mention < 0 || mention >= n) return changed;
  if (!changed && sel.mention == mention) return false;
  sel.mention = mention;
  if (!changed) ++sel.serial;  // same entity, another mention: still a change to follow
  return true;
}

bool SelectQuote(Selection& sel, const Analysis& a, int quote, SelectOrigin origin) {
  if (!ValidQuote(a, quote)) {
    if (sel.quote == -1) return false;
    sel.quote = -1;
    sel.origin = origin;
    ++sel.serial;
    return true;
  }
  const int speaker = a.quotes[size_t(quote)].speaker_entity;
  const int entity = ValidEntity(a, speaker) ? speaker : -1;
  if (quote == sel.quote && entity == sel.entity) {
    sel.origin = origin;
    return false;
  }
  sel.quote = quote;
  sel.entity = entity;
  sel.mention = -1;
  sel.origin = origin;
  ++sel.serial;
  return true;
}

void ClearSelection(Selection& sel) {
  if (sel.entity == -1 && sel.quote == -1) return;
  sel.entity = sel.quote = sel.mention = -1;
  sel.origin = SelectOrigin::None;
  ++sel.serial;
}

Span NextMention(Selection& sel, const Analysis& a, uint32_t after) {
  if (!ValidEntity(a, sel.entity)) return {};
  const auto& mentions = a.entities[size_t(sel.entity)].mentions;
  if (mentions.empty()) return {};
  // The first mention that starts after `after`, or after the one shown last; wrap around.
  int start = sel.mention >= 0 ? sel.mention + 1 : 0;
  if (sel.mention < 0) {
    start = 0;
    while (start < int(mentions.size()) && mentions[size_t(start)].span.begin < after) ++start;
  }
  if (start >= int(mentions.size())) start = 0;
  sel.mention = start;
  return mentions[size_t(start)].span;
}

Span SelectionSpan(const Selection& sel, const Analysis& a) {
  if (ValidQuote(a, sel.quote)) return a.quotes[size_t(sel.quote)].extent;
  if (!ValidEntity(a, sel.entity)) return {};
  const auto& mentions = a.entities[size_t(sel.entity)].mentions;
  if (mentions.empty()) return {};
  const int m = sel.mention >= 0 && sel.mention < int(mentions.size()) ? sel.mention : 0;
  return mentions[size_t(m)].span;
}

std::vector<int> RelatedEntities(const Analysis& a, int entity) {
  std::map<int, double> strength;
  for (const Relation& r : a.relations) {
    // Typed relations weigh more than co-occurrence: they are stated in the text.
    const double w = r.weight + (r.kind == RelationKind::CoOccurrence ? 0.0 : 10.0);
    if (r.source == entity && ValidEntity(a, r.target)) strength[r.target] += w;
    if (r.target == entity && ValidEntity(a, r.source)) strength[r.source] += w;
  }
  strength.erase(entity);
  std::vector<int> out;
  for (const auto& kv : strength) out.push_back(kv.first);
  std::stable_sort(out.begin(), out.end(), [&](int x, int y) { return strength[x] > strength[y]; });
  return out;
}

}  // namespace lectern
